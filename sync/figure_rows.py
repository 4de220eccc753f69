"""The `figure_facts` table on a terminal: one row of facts per stream the figures count,
written with the stream's event (sync.projection), read one period at a time.

Figures are counted in domain.figures from these rows as they stream out of SQLite; the
server keeps the same rows (server.figure_rows) from the same function, which is why a
hall's figures on its supervisor PC and at the city agree to the case.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

from domain import figure_counts as counts
from domain import figures as fg
from domain.figure_facts import FACT_COLUMNS, FIGURE_STREAMS, facts_of
from domain.workdays import WorkCalendar
from sync import projection, reference
from sync.replica import Replica

log = logging.getLogger(__name__)

_COLS = ", ".join(FACT_COLUMNS)
_INSERT = (f"INSERT OR REPLACE INTO figure_facts ({_COLS}) "
           f"VALUES ({', '.join('?' * len(FACT_COLUMNS))})")
FETCH = 2000
_BACKFILLED = "figure_facts_backfilled"


def write(replica: Replica, state: Any, cal: WorkCalendar) -> None:
    """Replace the stream's facts row from its fold (no row: the stream counts nowhere)."""
    row = facts_of(state, cal)
    if row is None:
        delete(replica, state.id)
    else:
        replica.conn.execute(_INSERT, row)


def delete(replica: Replica, stream_id: str) -> None:
    replica.conn.execute("DELETE FROM figure_facts WHERE id=?", (stream_id,))


for _name in FIGURE_STREAMS:
    projection.register(_name, projection.Projector(write=write, delete=delete))


def backfill(replica: Replica, cal: WorkCalendar | None = None) -> int:
    """Facts for streams that have events here but no row yet (a replica from before the
    table existed); folds them one at a time, once per replica (the projection keeps the
    rows from then on). Returns how many were written."""
    if replica.get_meta(_BACKFILLED) == "1":
        return 0
    missing = [r[0] for r in replica.conn.execute(
        "SELECT DISTINCT unpack_id(e.case_id) FROM events e "
        "LEFT JOIN figure_facts f ON f.id = unpack_id(e.case_id) WHERE f.id IS NULL AND (e.kind NOT LIKE '%.%' OR e.kind LIKE 'consultation.%' "
        "OR e.kind LIKE 'followup.%' OR e.kind LIKE 'appeal.%' OR e.kind LIKE 'ticket.%')")]
    if not missing:
        replica.set_meta(_BACKFILLED, "1")
        return 0
    cal = cal or _calendar(replica)
    n = 0
    for i in range(0, len(missing), 500):
        with replica.transaction():
            for sid in missing[i:i + 500]:
                state = projection.load_stream(replica, sid)
                if state is not None and facts_of(state, cal) is not None:
                    write(replica, state, cal)
                    n += 1
    replica.set_meta(_BACKFILLED, "1")
    log.info("figure facts backfilled: %d", n)
    return n


def _calendar(replica: Replica) -> WorkCalendar:
    from sync.store import calendar_of

    return calendar_of(replica)


def period_rows(replica: Replica, period: fg.Period, where: str = "",
                params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The facts rows touching the period (and `where`, a narrowing condition with `?`
    parameters), streamed (never all in memory)."""
    cur = replica.conn.execute(
        f"SELECT {_COLS} FROM figure_facts WHERE last_on >= ? AND first_on <= ?"
        + (f" AND ({where})" if where else ""),
        (period.start.isoformat(), period.end.isoformat(), *params))
    while True:
        chunk = cur.fetchmany(FETCH)
        if not chunk:
            return
        yield from (tuple(r) for r in chunk)


def count_rows(replica: Replica, period: fg.Period, name: str, *, order: str,
               limit: int) -> list[tuple[Any, ...]]:
    """The facts rows behind one count of the period (figure_counts.rows_sql)."""
    return [tuple(r) for r in replica.conn.execute(
        counts.rows_sql(name, order=order, limit=limit), counts.params(
            period.start.isoformat(), period.end.isoformat(), period.as_of.isoformat()))]


def excluded_ratings(replica: Replica) -> set[str]:
    """Rating event ids an appeal excluded from 满意率 (few)."""
    return {r[0] for r in replica.conn.execute(
        "SELECT rating_ref FROM figure_facts WHERE stream='appeal' AND outcome='excluded'")}


def figures(replica: Replica, start: dt.date, end: dt.date, by: str, *,
            today: dt.date) -> list[dict[str, Any]]:
    """The replica's hall's figures for a date range, one row per group."""
    period = fg.Period.of(start, end, today)
    return compute(replica, period, by)


def compute(replica: Replica, period: fg.Period, by: str, *, total: bool = False
            ) -> list[dict[str, Any]] | tuple[list[dict[str, Any]], dict[str, Any]]:
    """The period's figures, one row per group (and the hall's total)."""
    rows, tot = compute_many(replica, period, [by])[by]
    return (rows, tot) if total else rows


def compute_many(replica: Replica, period: fg.Period, bys: list[str]
                 ) -> dict[str, tuple[list[dict[str, Any]], dict[str, Any]]]:
    """Several groupings of one period: SQLite adds up the counts domain.figure_counts
    declares, one statement for all groupings by time and one for the rest; Python only
    names and rolls up the groups. {by: (rows, total)}."""
    backfill(replica)
    labels = fg.Labels.from_catalog(reference.load_catalog(replica))
    hall = next(iter(labels.hall), "")
    books = {by: fg.FigureBook(period, by, {hall: labels}) for by in bys}
    p = counts.params(period.start.isoformat(), period.end.isoformat(),
                      period.as_of.isoformat())
    for part in fg.time_split(bys):
        answer = replica.conn.execute(counts.statement(part), p)
        fg.add_answer([books[b] for b in part], answer, hall)
    return {by: (book.rows(), book.total()) for by, book in books.items()}
