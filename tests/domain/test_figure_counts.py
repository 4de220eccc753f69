"""The counts behind the figures are declared once (domain.figure_counts) and read two
ways: the pure evaluator over rows and the SQL statement the replica and the server run.
Both must give the same tallies for every grouping, on rows full of NULLs and dates
sitting on the period's edges."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from domain import figure_counts as counts
from domain import figures as fg
from domain.figure_facts import FACT_COLUMNS

START, END = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
EDGES = ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-15",
         "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-30", "2026-03-31", "2026-04-01"]
LABELS = fg.Labels(hall={"H": "厅"}, window={"W1": "一", "W2": "二"},
                   window_zone={"W1": "Z1", "W2": "Z2"}, staff={"S1": "甲", "S2": "乙"},
                   clerks=["S1", "S2"], item={"I1": "事项一", "I2": "事项二"},
                   item_department={"I1": "D1", "I2": "D2"}, item_zone={"I1": "Z1"},
                   department={"D1": "部门一", "D2": "部门二"}, zone={"Z1": "区一", "Z2": "区二"})


def _maybe(rng: random.Random, values: list, p_none: float = 0.35):  # type: ignore[no-untyped-def]
    return None if rng.random() < p_none else rng.choice(values)


def random_rows(n: int, seed: int) -> list[tuple]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        stream = rng.choice(("case", "case", "case", "consultation", "followup", "appeal",
                             "ticket"))
        r = dict.fromkeys(FACT_COLUMNS)
        r.update(id=f"x{i}", stream=stream, item_code=_maybe(rng, ["I1", "I2", "", "I9"], 0.1),
                 window_id=_maybe(rng, ["W1", "W2", ""], 0.15),
                 staff_id=_maybe(rng, ["S1", "S2", ""], 0.15))
        if stream == "case":
            r.update(instant=rng.choice((0, 1)), extended=rng.choice((0, 1, None)),
                     registered_on=_maybe(rng, EDGES, 0.1),
                     accepted_on=_maybe(rng, EDGES, 0.2), completed_on=_maybe(rng, EDGES),
                     refused_on=_maybe(rng, EDGES, 0.85), withdrawn_on=_maybe(rng, EDGES, 0.85),
                     deadline=_maybe(rng, EDGES, 0.4), work_days=_maybe(rng, [0, 1, 3, 7]),
                     rating=_maybe(rng, [1, 2, 3, 4, 5], 0.4),
                     rating_ref=f"r{rng.randrange(n // 3 + 1)}", rated_on=_maybe(rng, EDGES),
                     rating_channel=rng.choice(("pad", "sms", "slip", "kiosk", "screen")),
                     rating_staff_id=_maybe(rng, ["S1", "S2"], 0.2),
                     rating_window_id=_maybe(rng, ["W1", "W2"], 0.2))
        elif stream == "consultation":
            r.update(opened_on=_maybe(rng, EDGES, 0.05), minutes=_maybe(rng, [0, 3, 12], 0.1),
                     outcome=rng.choice(("answered", "referred")))
        elif stream == "ticket":  # the queue: a zone, a wait once called, a service once served
            r.update(opened_on=_maybe(rng, EDGES, 0.05), zone=_maybe(rng, ["Z1", "Z2", ""], 0.2),
                     wait_s=_maybe(rng, [0, 45, 600, 3601]),
                     service_s=_maybe(rng, [0, 30, 480], 0.5),
                     outcome=rng.choice(("waiting", "done", "no_show")))
        elif stream == "followup":
            r.update(opened_on=_maybe(rng, EDGES, 0.05), closed_on=_maybe(rng, EDGES, 0.5),
                     due=_maybe(rng, EDGES, 0.3), rating=rng.choice((1, 2)))
        else:
            r.update(opened_on=_maybe(rng, EDGES, 0.05), closed_on=_maybe(rng, EDGES, 0.4),
                     outcome=_maybe(rng, ["kept", "excluded"], 0.3),
                     rating_ref=f"r{rng.randrange(n // 3 + 1)}")
        r["first_on"], r["last_on"] = "2026-01-01", "9999-12-31"
        rows.append(tuple(r[c] for c in FACT_COLUMNS))
    return rows


def _db(rows: list[tuple]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE figure_facts ({', '.join(FACT_COLUMNS)})")
    conn.executemany(f"INSERT INTO figure_facts VALUES ({', '.join('?' * len(FACT_COLUMNS))})",
                     rows)
    return conn


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("by", fg.BY)
@pytest.mark.parametrize("today", [dt.date(2026, 3, 20), dt.date(2026, 5, 1)])
def test_sql_and_evaluator_agree(by: str, seed: int, today: dt.date) -> None:
    rows = random_rows(400, seed)
    period = fg.Period.of(START, END, today)
    conn = _db(rows)
    excluded = {r[0] for r in conn.execute(
        "SELECT rating_ref FROM figure_facts WHERE stream='appeal' AND outcome='excluded'")}
    by_rows = fg.FigureBook(period, by, {"H": LABELS}, excluded)
    for r in rows:
        by_rows.add(r, "H")
    by_sql = fg.FigureBook(period, by, {"H": LABELS})
    fg.add_answer([by_sql], conn.execute(counts.statement([by]), counts.params(
        START.isoformat(), END.isoformat(), period.as_of.isoformat())), "H")
    assert by_sql.rows() == by_rows.rows()
    assert by_sql.total() == by_rows.total()
    # the random rows reach every count (a declaration nobody meets tests nothing)
    hit = [sum(t.n[i] for t in by_rows.tallies.values()) for i in range(len(counts.NAMES))]
    missing = [n for n, h in zip(counts.NAMES, hit, strict=True) if not h]
    assert not missing or (today.month == 5 and set(missing) <= {
        "followups_open", "followups_overdue", "overdue"}), missing


def test_excluded_ratings_leave_satisfaction_but_stay_counted_as_excluded() -> None:
    base = dict.fromkeys(FACT_COLUMNS)
    case = {**base, "id": "c1", "stream": "case", "window_id": "W1", "rating": 1,
            "rating_ref": "r1", "rated_on": "2026-03-05", "rating_window_id": "W1",
            "first_on": "2026-03-01", "last_on": "2026-03-05"}
    appeal = {**base, "id": "a1", "stream": "appeal", "rating_ref": "r1", "outcome": "excluded",
              "opened_on": "2026-03-06", "closed_on": "2026-03-07", "first_on": "2026-03-06",
              "last_on": "2026-03-07"}
    conn = _db([tuple(case[c] for c in FACT_COLUMNS), tuple(appeal[c] for c in FACT_COLUMNS)])
    book = fg.FigureBook(fg.Period.of(START, END, END), "hall", {"H": LABELS})
    fg.add_answer([book], conn.execute(counts.statement(["hall"]), counts.params(
        "2026-03-01", "2026-03-31", "2026-03-31")), "H")
    total = book.total()
    assert total["rated"] == 0 and total["excluded_ratings"] == 1
    assert total["satisfaction_rate"] is None and total["appeals_upheld"] == 1


def test_one_statement_serves_every_grouping_at_once() -> None:
    """The monthly review asks for windows, staff, departments … in one statement: the
    rolled-up answer must equal each grouping evaluated on its own."""
    rows = random_rows(300, 9)
    period = fg.Period.of(START, END, dt.date(2026, 3, 20))
    conn = _db(rows)
    excluded = {r[0] for r in conn.execute(
        "SELECT rating_ref FROM figure_facts WHERE stream='appeal' AND outcome='excluded'")}
    bys = ["window", "staff", "department", "zone", "item", "hall"]
    books = [fg.FigureBook(period, by, {"H": LABELS}) for by in bys]
    fg.add_answer(books, conn.execute(counts.statement(bys), counts.params(
        START.isoformat(), END.isoformat(), period.as_of.isoformat())), "H")
    for by, book in zip(bys, books, strict=True):
        alone = fg.FigureBook(period, by, {"H": LABELS}, excluded)
        for r in rows:
            alone.add(r, "H")
        assert book.rows() == alone.rows(), by
    with pytest.raises(ValueError):
        counts.statement(["day", "window"])


def test_docs_name_every_published_figure() -> None:
    """docs/figures.md is the definition people read: every key the reports publish has
    its line there (a new figure without one fails here)."""
    import pathlib

    text = (pathlib.Path(__file__).resolve().parents[2] / "docs" / "figures.md").read_text(
        "utf-8")
    missing = [k for k in fg.FIGURE_KEYS if f"`{k}`" not in text
               and not k.startswith(("rating_", "rated_"))]
    assert not missing, missing
    assert "`rating_5` … `rating_1`" in text
    assert "`rated_pad`, `rated_sms`, `rated_slip`, `rated_kiosk`, `rated_screen`" in text
