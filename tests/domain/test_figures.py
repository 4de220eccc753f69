"""The figures' definitions on hand-made cases: each formula, the period rules, the
snapshot day, ratings excluded on appeal, consultations and queue times."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from domain import events as ev
from domain import figures as fg
from domain.case import fold
from domain.catalog import catalog_from_dict
from domain.figure_facts import LIVE, case_facts, facts_of
from domain.workdays import WorkCalendar
from resources import path

CAL = WorkCalendar.from_dict(json.loads(path("calendar", "cn.json").read_text("utf-8")))
CATALOG = catalog_from_dict(json.loads(path("catalog", "demo.json").read_text("utf-8")))
LABELS = fg.Labels.from_catalog(CATALOG)


def at(day: str, hm: str = "10:00") -> str:
    return f"{day}T{hm}:00+08:00"


class Builder:
    def __init__(self) -> None:
        self.n = 0

    def case(self, cid: str, steps: list[tuple[str, str, dict]], *, instant: bool = False,
             days: int = 3, window: str = "W01", staff: str = "S001", item: str = "0101"):
        evs = []
        reg = ("registered", steps[0][1], {"item_code": item, "item_name": "x",
                                          "instant": instant, "promised_days": days})
        for kind, when, payload in [reg, *steps]:
            self.n += 1
            evs.append(ev.Event(id=f"e{self.n}", case_id=cid, kind=kind, payload=payload,
                                expected_state=None, terminal_id="t1", terminal_seq=self.n,
                                staff_id=staff, recorded_at=when, window_id=window))
        return fold(evs, cid)


B = Builder()
MARCH = fg.Period.of(dt.date(2026, 3, 1), dt.date(2026, 3, 31), dt.date(2026, 4, 10))


def hall(rows, period=MARCH, excluded=()):
    return fg.figures(rows, period, "hall", LABELS, excluded)[0]


def test_instant_and_promised_cases_give_each_rate_by_its_formula():
    instant = B.case("a", [("accepted", at("2026-03-02"), {}),
                           ("issued", at("2026-03-02", "10:20"), {"method": "collected"})],
                     instant=True)
    on_time = B.case("b", [("accepted", at("2026-03-02"), {}),
                           ("submitted_for_review", at("2026-03-02", "11:00"), {}),
                           ("approved", at("2026-03-04"), {})], days=3)
    late = B.case("c", [("accepted", at("2026-03-02"), {}),
                        ("submitted_for_review", at("2026-03-02", "11:00"), {}),
                        ("rejected", at("2026-03-20"), {"reason": "不符合条件"})], days=3)
    still_open = B.case("d", [("accepted", at("2026-03-30"), {})], days=10)
    f = hall([case_facts(c, CAL) for c in (instant, on_time, late, still_open)])
    assert (f["registered"], f["accepted"], f["completed"], f["instant"]) == (4, 4, 3, 1)
    assert f["completion_rate"] == 0.75  # 3 of the 4 accepted in March completed by 31st
    assert f["instant_rate"] == 0.25
    assert f["promised_completed"] == 2 and f["on_time_rate"] == 0.5
    assert f["early_rate"] == 0.5  # approved on the 4th, deadline the 5th
    assert f["avg_working_days"] == 8.0  # (2 + 14) / 2 working days the clock ran
    assert f["overdue"] == 0  # d is due in April


def test_overdue_is_taken_on_the_periods_last_day_or_today():
    c = B.case("o", [("accepted", at("2026-03-02"), {})], days=3)  # due 2026-03-05
    facts = case_facts(c, CAL)
    assert facts[-1] == LIVE  # may still turn red without a new event
    early = fg.Period.of(dt.date(2026, 3, 1), dt.date(2026, 3, 4), dt.date(2026, 4, 1))
    assert hall([facts], early)["overdue"] == 0
    assert hall([facts])["overdue"] == 1
    april = fg.Period.of(dt.date(2026, 4, 1), dt.date(2026, 4, 30), dt.date(2026, 4, 2))
    assert hall([facts], april)["overdue"] == 1  # still open: still overdue in April


def test_satisfaction_counts_the_first_rating_and_leaves_out_excluded_ones():
    good = B.case("g", [("accepted", at("2026-03-02"), {}),
                        ("issued", at("2026-03-02", "10:30"), {"method": "collected"}),
                        ("rated", at("2026-03-02", "10:31"), {"level": 5, "channel": "pad"}),
                        ("rated", at("2026-03-03"), {"level": 1, "channel": "sms"})],
                  instant=True)
    bad = B.case("h", [("accepted", at("2026-03-02"), {}),
                       ("issued", at("2026-03-02", "10:30"), {"method": "collected"}),
                       ("rated", at("2026-03-05"), {"level": 2, "channel": "sms"})],
                 instant=True)
    malicious = B.case("m", [("accepted", at("2026-03-02"), {}),
                             ("issued", at("2026-03-02", "10:30"), {"method": "collected"}),
                             ("rated", at("2026-03-05"), {"level": 1, "channel": "slip"})],
                       instant=True)
    rows = [case_facts(c, CAL) for c in (good, bad, malicious)]
    f = hall(rows)
    assert (f["rated"], f["satisfied"], f["bad_ratings"]) == (3, 1, 2)
    assert f["satisfaction_rate"] == pytest.approx(1 / 3, abs=1e-6)
    assert f["rating_coverage"] == 1.0
    excluded_id = malicious.rating["event_id"]
    f = hall(rows, excluded={excluded_id})
    assert (f["rated"], f["bad_ratings"], f["excluded_ratings"]) == (2, 1, 1)
    assert f["satisfaction_rate"] == 0.5
    assert f["rating_coverage"] == pytest.approx(2 / 3, abs=1e-6)


def test_a_rating_counts_for_whom_it_rates_not_who_accepted():
    c = B.case("r", [("accepted", at("2026-03-02"), {}),
                     ("submitted_for_review", at("2026-03-02", "11:00"), {}),
                     ("approved", at("2026-03-03"), {}),
                     ("result_ready", at("2026-03-03", "11:00"), {})], window="W01",
               staff="S001")
    evs = [ev.Event(id="i1", case_id="r", kind="issued", payload={"method": "collected"},
                    expected_state=None, terminal_id="t2", terminal_seq=1, staff_id="S005",
                    recorded_at=at("2026-03-04"), window_id="W03"),
           ev.Event(id="i2", case_id="r", kind="rated", payload={"level": 4, "channel": "sms"},
                    expected_state=None, terminal_id="srv", terminal_seq=1, staff_id="system",
                    recorded_at=at("2026-03-05"))]
    from domain.case import apply

    for e in evs:
        apply(c, e)
    rows = fg.figures([case_facts(c, CAL)], MARCH, "window", LABELS)
    by = {r["group"]: r for r in rows}
    assert by["W01"]["accepted"] == 1 and by["W01"]["rated"] == 0
    assert by["W03"]["rated"] == 1 and by["W03"]["accepted"] == 0


def test_an_empty_period_gives_zeros_and_nulls_and_every_day_a_row():
    rows = fg.figures([], MARCH, "day", LABELS)
    assert len(rows) == 31 and rows[0]["group"] == "2026-03-01"
    assert all(r["accepted"] == 0 and r["completion_rate"] is None and
               r["satisfaction_rate"] is None and r["avg_wait_minutes"] is None for r in rows)
    windows = fg.figures([], MARCH, "window", LABELS)
    assert {r["group"] for r in windows} >= {w.id for w in CATALOG.windows}


def test_bad_periods_and_groups_are_refused():
    with pytest.raises(fg.FigureError, match="晚于"):
        fg.Period.of(dt.date(2026, 3, 2), dt.date(2026, 3, 1), dt.date(2026, 3, 3))
    with pytest.raises(fg.FigureError):
        fg.Period.month("2026-13", dt.date(2026, 3, 3))
    with pytest.raises(fg.FigureError, match="未知的分组"):
        fg.FigureBook(MARCH, "planet", {"": LABELS})
    assert fg.Period.month("2024-02", dt.date(2030, 1, 1)).end == dt.date(2024, 2, 29)


def test_consultations_and_queue_tickets():
    from domain import streams
    from domain import tickets as tk
    from domain.consultations import Consultation

    rows = []
    for i, (m, outcome) in enumerate(((4, "answered"), (6, "referred"))):
        c = Consultation(id=f"q{i}", state="recorded", minutes=m, outcome=outcome,
                         staff_id="S001", window_id="W01", recorded_at=at("2026-03-09"))
        rows.append(facts_of(c, CAL))

    def ticket(tid: str, *steps: tuple[str, int]):  # (kind, seconds after 09:00)
        evs = [ev.Event(id=f"{tid}{i}", case_id=tid, kind=kind,
                        payload={"number": "A1001", "zone": "Z1"} if kind == tk.TAKEN
                        else {"window": "W01"}, expected_state=None, terminal_id="k",
                        terminal_seq=i, staff_id="S001",
                        recorded_at=(dt.datetime(2026, 3, 9, 9, tzinfo=ev.CHINA_TZ)
                                     + dt.timedelta(seconds=s)).isoformat())
               for i, (kind, s) in enumerate(steps)]
        return facts_of(streams.fold(evs, tid), CAL)

    rows += [ticket("t1", (tk.TAKEN, 0), (tk.CALLED, 601), (tk.STARTED, 660),
                    (tk.ENDED, 1141)),  # waited 10:01, served 8:01
             ticket("t2", (tk.TAKEN, 0)),  # still waiting: no wait time yet
             ticket("t3", (tk.TAKEN, 0), (tk.CALLED, 300), (tk.NO_SHOW, 400))]  # 5:00
    f = fg.figures(rows, MARCH, "hall", LABELS)[0]
    assert (f["consultations"], f["consultations_referred"]) == (2, 1)
    assert f["avg_consultation_minutes"] == 5.0
    assert (f["tickets"], f["avg_wait_seconds"], f["avg_service_seconds"]) == (3, 450.5, 481.0)
    assert (f["avg_wait_minutes"], f["avg_service_minutes"]) == (7.51, 8.02)


def test_cases_accepted_in_extended_hours_count_apart():
    """Issue 12: Yibin counts what its evening and weekend duty accepted. The acceptance's
    stamp decides (a kiosk registration at 19:00 accepted next morning was not extended)."""
    evening = B.case("x1", [("accepted", at("2026-03-02", "18:30"),
                             {"period": "evening", "extended": True})])
    weekend = B.case("x2", [("accepted", at("2026-03-07", "10:00"),
                             {"period": "weekend", "extended": True})])
    next_morning = B.case("x3", [("accepted", at("2026-03-03", "09:10"),
                                  {"period": "morning", "extended": False})])
    plain = B.case("x4", [("accepted", at("2026-03-03", "09:30"), {})])
    rows = [case_facts(c, CAL) for c in (evening, weekend, next_morning, plain)]
    got = hall(rows)
    assert got["accepted"] == 4 and got["accepted_extended"] == 2
    by_day = {r["group"]: r["accepted_extended"]
              for r in fg.figures(rows, MARCH, "day", LABELS) if r["accepted"]}
    assert by_day == {"2026-03-02": 1, "2026-03-03": 0, "2026-03-07": 1}
