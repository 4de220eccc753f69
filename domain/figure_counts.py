"""Every count behind the figures, declared once as data: which stream, which date puts
it in the period (its *anchor*), which conditions on the facts row, whom it counts for.

The same declarations are read two ways and must never be written a third:

- `contributions(row, …)`: a pure evaluator over one facts row (domain.figures'
  FigureBook, the unit tests, anything holding rows in memory);
- `sql(…)`: one SELECT that makes the database add them up (a terminal's SQLite replica,
  the city's SQLite or PostgreSQL), so a month of a million cases is summed where it
  lies instead of streamed through Python.

tests/domain/test_figure_counts.py checks both readings give the same tallies on random
rows, NULLs and period edges included. The rates built from these counts are in
domain.figures.Tally.figures and docs/figures.md.

A condition is (column, op, operand): op one of = < <= > notnull null null_or> excluded
not_excluded; an operand is a facts column, a period parameter (":s" start, ":e" end,
":asof" the snapshot day) or a literal. NULL never satisfies a comparison (SQL's rule,
kept by the evaluator). A count's anchor must lie in the period — except a *snapshot*
(overdue now, open follow-ups), which counts on the as-of day and uses its anchor only
to place it on a day when figures are grouped by day or month.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from domain.figure_facts import COL, FACT_COLUMNS
from domain.ratings import CHANNELS

Cond = tuple[str, str, Any]
PARAMS = (":s", ":e", ":asof")
SERVED = ("window_id", "staff_id")
RATED = ("rating_window_id", "rating_staff_id")


@dataclass(frozen=True)
class Count:
    """One tally of a group: rows of `stream` whose `anchor` date lies in the period and
    that meet every condition; `total` sums that column (NULL as 0) instead of counting.
    `party`: counted for who served (the case's window and staff) or who was rated."""

    name: str
    stream: str
    anchor: tuple[str, ...]  # the first non-NULL of these columns
    when: tuple[Cond, ...] = ()
    total: str | None = None
    party: str = "served"
    snapshot: bool = False


def _c(name: str, stream: str, anchor: str | tuple[str, ...], *when: Cond,
       total: str | None = None, party: str = "served", snapshot: bool = False) -> Count:
    return Count(name, stream, (anchor,) if isinstance(anchor, str) else anchor, when, total,
                 party, snapshot)


_PROMISED: tuple[Cond, ...] = (("instant", "=", 0), ("deadline", "notnull", None))
_RATED: Cond = ("rating", "notnull", None)
_OPEN_AT_ASOF: tuple[Cond, ...] = (("completed_on", "null_or>", ":asof"),
                                   ("refused_on", "null_or>", ":asof"),
                                   ("withdrawn_on", "null_or>", ":asof"))
_FOLLOWUP_OPEN: tuple[Cond, ...] = (("opened_on", "<=", ":asof"),
                                    ("closed_on", "null_or>", ":asof"))

COUNTS: tuple[Count, ...] = (
    # cases: each step on its own day
    _c("registered", "case", "registered_on"),
    _c("accepted", "case", "accepted_on"),
    _c("instant", "case", "accepted_on", ("instant", "=", 1)),
    _c("accepted_extended", "case", "accepted_on", ("extended", "=", 1)),
    _c("accepted_done", "case", "accepted_on", ("completed_on", "<=", ":e")),
    _c("completed", "case", "completed_on"),
    _c("promised_done", "case", "completed_on", *_PROMISED),
    _c("on_time", "case", "completed_on", *_PROMISED, ("completed_on", "<=", "deadline")),
    _c("early", "case", "completed_on", *_PROMISED, ("completed_on", "<", "deadline")),
    _c("work_days", "case", "completed_on", *_PROMISED, ("work_days", "notnull", None),
       total="work_days"),
    _c("work_n", "case", "completed_on", *_PROMISED, ("work_days", "notnull", None)),
    _c("completed_rated", "case", "completed_on", _RATED,
       ("rating_ref", "not_excluded", None)),
    _c("refused", "case", "refused_on"),
    _c("withdrawn", "case", "withdrawn_on"),
    # 超期 now: deadline passed, accepted, not ended, all as of the snapshot day
    _c("overdue", "case", "deadline", ("deadline", "<", ":asof"),
       ("accepted_on", "<=", ":asof"), *_OPEN_AT_ASOF, snapshot=True),
    # ratings: the one that counts per service, for whom it rates, on the day given
    _c("excluded", "case", "rated_on", _RATED, ("rating_ref", "excluded", None),
       party="rated"),
    _c("rated", "case", "rated_on", _RATED, ("rating_ref", "not_excluded", None),
       party="rated"),
    *(_c(f"rating_{lv}", "case", "rated_on", ("rating", "=", lv),
         ("rating_ref", "not_excluded", None), party="rated") for lv in (5, 4, 3, 2, 1)),
    # … and by channel (the pad, SMS, the slip box, the kiosk, the window's screen)
    *(_c(f"rated_{ch}", "case", "rated_on", _RATED, ("rating_channel", "=", ch),
         ("rating_ref", "not_excluded", None), party="rated") for ch in CHANNELS),
    # consultations
    _c("consultations", "consultation", "opened_on"),
    _c("consult_minutes", "consultation", "opened_on", total="minutes"),
    _c("referred", "consultation", "opened_on", ("outcome", "=", "referred")),
    # 差评回访整改
    _c("followups_opened", "followup", "opened_on"),
    _c("followups_closed", "followup", "closed_on"),
    _c("followups_open", "followup", ("due", "opened_on"), *_FOLLOWUP_OPEN, snapshot=True),
    _c("followups_overdue", "followup", ("due", "opened_on"), *_FOLLOWUP_OPEN,
       ("due", "<", ":asof"), snapshot=True),
    # 申诉复核
    _c("appeals_filed", "appeal", "opened_on"),
    _c("appeals_upheld", "appeal", "closed_on", ("outcome", "=", "excluded")),
    # the queue (叫号): tickets taken, wait (first call − arrival) over called ones,
    # service over served ones (domain.queue_figures), for the window and staff that
    # served them last, on the day they were taken
    _c("tickets", "ticket", "opened_on"),
    _c("wait_s", "ticket", "opened_on", ("wait_s", "notnull", None), total="wait_s"),
    _c("wait_n", "ticket", "opened_on", ("wait_s", "notnull", None)),
    _c("service_s", "ticket", "opened_on", ("service_s", "notnull", None), total="service_s"),
    _c("service_n", "ticket", "opened_on", ("service_s", "notnull", None)),
)
NAMES = tuple(c.name for c in COUNTS)
INDEX = {n: i for i, n in enumerate(NAMES)}


# --- the evaluator -----------------------------------------------------------------------

def _test(op: str, v: Any, w: Any, excluded: frozenset[str]) -> bool:
    if op == "notnull":
        return v is not None
    if op == "null":
        return v is None
    if op == "excluded":
        return v is not None and v in excluded
    if op == "not_excluded":
        return v is None or v not in excluded
    if op == "null_or>":
        return v is None or (w is not None and v > w)
    if v is None or w is None:
        return False
    return v == w if op == "=" else v < w if op == "<" else v <= w if op == "<=" else v > w


def _operand(x: Any, params: dict[str, str]) -> Callable[[tuple[Any, ...]], Any]:
    if isinstance(x, str) and x in params:
        value = params[x]
        return lambda _r: value
    if isinstance(x, str) and x in COL:
        i = COL[x]
        return lambda r: r[i]
    return lambda _r: x


class Evaluator:
    """The declarations bound to one period, ready to run over rows."""

    def __init__(self, start: str, end: str, asof: str, excluded: frozenset[str]) -> None:
        params = {":s": start, ":e": end, ":asof": asof}
        self.start, self.end, self.excluded = start, end, excluded
        self.by_stream: dict[str, list[tuple[int, Count, list[Any], Any]]] = {}
        for i, c in enumerate(COUNTS):
            tests = [(COL[col], op, _operand(arg, params)) for col, op, arg in c.when]
            self.by_stream.setdefault(c.stream, []).append((i, c, tests, COL.get(c.total)))

    def contributions(self, row: Sequence[Any], *, time: bool
                      ) -> Iterator[tuple[int, Count, str | None, int]]:
        """(count index, count, anchor day, value) of every count the row adds to.
        `time`: grouping by day/month, where a snapshot's anchor must lie in the period."""
        s, e, ex = self.start, self.end, self.excluded
        for i, c, tests, total in self.by_stream.get(row[COL["stream"]], ()):
            day = next((row[COL[a]] for a in c.anchor if row[COL[a]] is not None), None)
            if day is None:
                continue
            if (time or not c.snapshot) and not s <= day <= e:
                continue
            if all(_test(op, row[col], arg(row), ex) for col, op, arg in tests):
                yield i, c, day, (row[total] or 0) if total is not None else 1


# --- the SQL -----------------------------------------------------------------------------

_EXCLUDED_SQL = ("(SELECT x.rating_ref FROM figure_facts x WHERE x.stream = 'appeal' "
                 "AND x.outcome = 'excluded' AND x.rating_ref IS NOT NULL)")


def _anchor_sql(c: Count) -> str:
    return c.anchor[0] if len(c.anchor) == 1 else f"COALESCE({', '.join(c.anchor)})"


def _literal(x: Any) -> str:
    if isinstance(x, str) and (x in PARAMS or x in COL):
        return x
    if isinstance(x, bool) or not isinstance(x, int | str):
        raise TypeError(f"literal {x!r}")
    return str(x) if isinstance(x, int) else "'" + x.replace("'", "''") + "'"


def _cond_sql(col: str, op: str, arg: Any) -> str:
    if op == "notnull":
        return f"{col} IS NOT NULL"
    if op == "null":
        return f"{col} IS NULL"
    if op == "excluded":
        return f"{col} IN {_EXCLUDED_SQL}"
    if op == "not_excluded":
        return f"({col} IS NULL OR {col} NOT IN {_EXCLUDED_SQL})"
    if op == "null_or>":
        return f"({col} IS NULL OR {col} > {_literal(arg)})"
    return f"{col} {op} {_literal(arg)}"


def where_sql(c: Count, *, time: bool, in_period: bool = True, stream: bool = True) -> str:
    """The WHERE of one count (stream, anchor in the period unless a snapshot, conditions)."""
    parts = [f"stream = '{c.stream}'"] if stream else []
    if in_period and (time or not c.snapshot):
        parts.append(f"{_anchor_sql(c)} BETWEEN :s AND :e")
    parts += [_cond_sql(col, op, arg) for col, op, arg in c.when]
    return " AND ".join(parts)


def _measures(counts: Sequence[Count], *, time: bool) -> str:
    cols = []
    for c in COUNTS:
        if c in counts:
            value = f"COALESCE({c.total}, 0)" if c.total else "1"
            cond = where_sql(c, time=time, stream=False) or "1 = 1"
            cols.append(f"SUM(CASE WHEN {cond} THEN {value} ELSE 0 END)")
        else:
            cols.append("0")
    return ", ".join(f"{x} AS {c.name}" for x, c in zip(cols, COUNTS, strict=True))


KEYS = ("window_id", "staff_id", "item_code", "zone")


def _columns(keys: Sequence[str]) -> list[str]:
    """The facts columns the statement reads: keys, anchors, conditions, sums."""
    used = {"stream", *keys, *(RATED[SERVED.index(k)] for k in keys if k in SERVED)}
    for c in COUNTS:
        used.update(c.anchor)
        used.update(col for col, _op, _arg in c.when)
        used.update(a for _col, _op, a in c.when if isinstance(a, str) and a in COL)
        if c.total:
            used.add(c.total)
    return [col for col in FACT_COLUMNS if col in used]


@functools.lru_cache(maxsize=64)
def sql(keys: tuple[str, ...], *, time: bool, hall_column: str | None) -> str:
    """One statement adding up every count for a period, grouped by the facts columns
    `keys` (of KEYS) of whom it counts for — the served window and staff swapped for
    the rated ones where a count rates — or, `time`, by each count's anchor day.
    Columns out: hall, window_id, staff_id, item_code, zone (NULL when not a key), day, then
    NAMES in order. Parameters :s :e :asof (and :hall when `hall_column` filters a
    server's table by hall)."""
    hall = hall_column or "''"
    span = "last_on >= :s AND first_on <= :e"
    if hall_column:
        span += f" AND {hall_column} = :hall"
    parts = []
    groups: dict[Any, list[Count]] = {}
    for c in COUNTS:  # a branch per stream and anchor (by time) or party: rows of one
        # stream only meet the conditions of their own counts
        groups.setdefault((c.stream, c.anchor if time else c.party), []).append(c)
    for (stream, group), counts in groups.items():
        rated = not time and group == "rated"
        cols = {k: (RATED[SERVED.index(k)] if rated and k in SERVED else k) for k in keys}
        out = ", ".join(f"{cols.get(k, 'NULL')} AS {k}" for k in KEYS)
        day = _anchor_sql(counts[0]) if time else "NULL"
        by = [x for x in (hall_column, *cols.values(), day if time else None) if x]
        parts.append(f"SELECT {hall} AS hall, {out}, {day} AS day, "
                     f"{_measures(counts, time=time)} FROM f WHERE stream = '{stream}'"
                     + (f" AND {day} BETWEEN :s AND :e" if time else "")
                     + (f" GROUP BY {', '.join(by)}" if by else ""))
    # the period's rows are read once (one index range), then summed branch by branch
    read = ", ".join(_columns(keys) + ([hall_column] if hall_column else []))
    return (f"WITH f AS MATERIALIZED (SELECT {read} FROM figure_facts WHERE {span})\n"
            + "\nUNION ALL\n".join(parts))


def keys_for(bys: Sequence[str]) -> tuple[str, ...]:
    """The facts columns some groupings need from the database (the rest is Labels')."""
    need = {"window": {"window_id"}, "staff": {"staff_id"}, "item": {"item_code"},
            "department": {"item_code"}, "zone": {"item_code", "window_id", "zone"}}
    wanted = set().union(*(need.get(b, set()) for b in bys))
    return tuple(k for k in KEYS if k in wanted)


def statement(bys: Sequence[str], *, hall_column: str | None = None) -> str:
    """figure_counts.sql serving groupings of domain.figures (BY) that are all by time
    (day, month) or all not: one answer, rolled up into each grouping."""
    time = {b in ("day", "month") for b in bys}
    if len(time) != 1:
        raise ValueError("day/month and other groupings need separate statements")
    return sql(keys_for(bys), time=time.pop(), hall_column=hall_column)


def params(start: str, end: str, asof: str, **more: str) -> dict[str, str]:
    """The statement's parameters for a period (ISO dates)."""
    return {"s": start, "e": end, "asof": asof, **more}


def rows_sql(name: str, *, order: str, limit: int, hall_column: str | None = None) -> str:
    """The facts rows behind one count (e.g. the overdue cases), most urgent first —
    the count's own WHERE, so the list and the figure never disagree."""
    c = COUNTS[INDEX[name]]
    if order not in COL:
        raise ValueError(f"order by {order!r}")
    hall = f" AND {hall_column} = :hall" if hall_column else ""
    return (f"SELECT {', '.join(FACT_COLUMNS)} FROM figure_facts WHERE last_on >= :s AND "
            f"first_on <= :e{hall} AND {where_sql(c, time=False)} ORDER BY {order}, id "
            f"LIMIT {int(limit)}")
