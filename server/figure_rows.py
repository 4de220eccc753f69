"""The `figure_facts` table on the server: the same facts rows as every terminal keeps
(domain.figure_facts), written in the push's transaction from the push's own folds, and
read a period at a time for the city's figures — every hall, or hall by hall.

A database from before this table is filled from its events table on first use
(`backfill`), one stream at a time, ordered by stream id so memory stays flat.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa

from domain import figure_counts as counts
from domain import figures as fg
from domain import streams
from domain.catalog import catalog_from_dict
from domain.events import Event
from domain.figure_facts import FACT_COLUMNS, FIGURE_STREAMS, facts_of
from domain.workdays import WorkCalendar
from server import db

log = logging.getLogger(__name__)

FETCH = 2000
_KINDS_LIKE = ("consultation.%", "followup.%", "appeal.%")
_cal_cache: dict[str, tuple[int, WorkCalendar]] = {}


def calendar(conn: sa.Connection) -> WorkCalendar:
    """The server's working-day calendar (server.calendar), cached until it changes."""
    from server import calendar as server_calendar

    seq = server_calendar.version(conn)
    key = str(conn.engine.url)
    hit = _cal_cache.get(key)
    if hit is None or hit[0] != seq:
        hit = _cal_cache[key] = (seq, server_calendar.calendar(conn))
    return hit[1]


def write(conn: sa.Connection, folded: dict[str, Any], ids: Iterable[str], hall: str,
          cal: WorkCalendar | None = None) -> None:
    """Replace the facts rows of these streams from their folds (push, back office);
    `cal`: the calendar read already (a push sends these writes with its others, and
    a read cannot go with them: server.trips)."""
    ids = [i for i in ids if i in folded]
    if not ids:
        return
    cal = calendar(conn) if cal is None else cal
    rows = []
    for sid in ids:
        facts = facts_of(folded[sid], cal)
        if facts is not None:
            rows.append({"hall_code": hall, **dict(zip(FACT_COLUMNS, facts, strict=True))})
    t = db.figure_facts
    gone = sorted(set(ids) - {r["id"] for r in rows})  # streams with no facts (any more)
    for i in range(0, len(gone), 500):
        conn.execute(t.delete().where(t.c.id.in_(gone[i:i + 500])))
    if rows:  # one statement a push, under the writer lock
        db.upsert(conn, t, rows, "id", [c for c in rows[0] if c != "id"])


def backfill(conn: sa.Connection) -> int:
    """Facts for every figure stream that has events but no row (writer transaction)."""
    e, f, c = db.events, db.figure_facts, db.cases
    missing = sa.select(c.c.id).where(c.c.stream.in_(FIGURE_STREAMS), ~sa.exists().where(
        f.c.id == c.c.id))
    ids = [r[0] for r in conn.execute(missing)]
    if not ids:
        return 0
    cal, n = calendar(conn), 0
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        q = sa.select(e).where(e.c.case_id.in_(chunk)).order_by(e.c.case_id, e.c.server_seq)
        batch: list[dict[str, Any]] = []
        for hall, state in _folds(conn.execute(q)):
            facts = facts_of(state, cal)
            if facts is not None:
                batch.append({"hall_code": hall, **dict(zip(FACT_COLUMNS, facts, strict=True))})
        if batch:
            conn.execute(f.insert(), batch)
            n += len(batch)
    log.info("figure facts backfilled from events: %d", n)
    return n


def _folds(rows: Iterable[Any]) -> Iterator[tuple[str, Any]]:
    """Fold consecutive rows of one stream (rows ordered by stream id, server seq)."""
    current, hall, evs = None, "", []
    for r in rows:
        if r.case_id != current and evs:
            yield hall, streams.fold(evs, current)
            evs = []
        current, hall = r.case_id, r.hall_code
        evs.append(Event(id=r.id, case_id=r.case_id, kind=r.kind,
                         payload=json.loads(r.payload), expected_state=r.expected_state,
                         terminal_id=r.terminal_id, terminal_seq=int(r.terminal_seq),
                         staff_id=r.staff_id, recorded_at=r.recorded_at,
                         window_id=r.window_id, server_seq=int(r.server_seq),
                         verdict=r.verdict))
    if evs:
        yield hall, streams.fold(evs, current)


def labels(conn: sa.Connection, halls: Iterable[str]) -> dict[str, fg.Labels]:
    """Each hall's names and memberships, composed from its reference rows and the
    standard catalog exactly as its terminals compose them."""
    from domain.standard_catalog import compose_rows

    r = db.reference
    out = {}
    for hall in halls:
        rows = conn.execute(sa.select(r.c.kind, r.c.id, r.c.data).where(
            r.c.hall_code.in_((hall, db.ALL_HALLS)), r.c.data.is_not(None),
            r.c.kind != "calendar").order_by(r.c.change_seq))
        data = compose_rows((k, i, json.loads(d)) for k, i, d in rows)
        name = conn.execute(sa.select(db.halls.c.name).where(db.halls.c.code == hall)).scalar()
        data["hall"] = {**data["hall"], "code": hall, "name": name or hall}
        out[hall] = fg.Labels.from_catalog(catalog_from_dict(data))
        out[hall].hall[hall] = data["hall"]["name"]
    return out


def halls(conn: sa.Connection) -> list[str]:
    return [r[0] for r in conn.execute(sa.select(db.halls.c.code).order_by(db.halls.c.code))]


def period_rows(conn: sa.Connection, period: fg.Period, hall: str | None
                ) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(facts row, hall) of every row touching the period, streamed in chunks."""
    f = db.figure_facts
    q = sa.select(*(f.c[c] for c in FACT_COLUMNS), f.c.hall_code).where(
        f.c.last_on >= period.start.isoformat(), f.c.first_on <= period.end.isoformat())
    if hall is not None:
        q = q.where(f.c.hall_code == hall)
    result = conn.execution_options(stream_results=True, yield_per=FETCH).execute(q)
    for chunk in result.partitions(FETCH):
        for r in chunk:
            yield tuple(r[:-1]), r[-1]


def count_rows(conn: sa.Connection, period: fg.Period, hall: str | None, name: str, *,
               order: str, limit: int) -> list[tuple[Any, ...]]:
    """The facts rows behind one count of the period (figure_counts.rows_sql)."""
    text = counts.rows_sql(name, order=order, limit=limit,
                           hall_column="hall_code" if hall is not None else None)
    return [tuple(r) for r in conn.execute(sa.text(text), counts.params(
        period.start.isoformat(), period.end.isoformat(), period.as_of.isoformat(),
        hall=hall or ""))]


def excluded_ratings(conn: sa.Connection, hall: str | None) -> set[str]:
    f = db.figure_facts
    q = sa.select(f.c.rating_ref).where(f.c.stream == "appeal", f.c.outcome == "excluded")
    if hall is not None:
        q = q.where(f.c.hall_code == hall)
    return {r[0] for r in conn.execute(q)}


def compute(conn: sa.Connection, period: fg.Period, by: str, hall: str | None, *,
            total: bool = False) -> Any:
    """The figures of one hall (`hall`) or of every hall (None), one row per group."""
    rows, tot = compute_many(conn, period, [by], hall)[by]
    return (rows, tot) if total else rows


def compute_many(conn: sa.Connection, period: fg.Period, bys: list[str], hall: str | None
                 ) -> dict[str, tuple[list[dict[str, Any]], dict[str, Any]]]:
    """Several groupings of one hall's (or every hall's) period: the database adds up
    the counts domain.figure_counts declares — the statements a terminal's replica
    runs, with a hall column. {by: (rows, total)}."""
    known = halls(conn)
    if hall is not None and hall not in known:
        raise fg.FigureError(f"没有这个大厅: {hall}", code="figures.hall")
    chosen = [hall] if hall is not None else known
    labs = labels(conn, chosen)
    qualify = hall is None and len(chosen) > 1
    books = {by: fg.FigureBook(period, by, labs, qualify=qualify) for by in bys}
    params = counts.params(period.start.isoformat(), period.end.isoformat(),
                           period.as_of.isoformat(), hall=hall or "")
    for part in fg.time_split(bys):
        text = counts.statement(part, hall_column="hall_code")
        if hall is None:  # every hall: the same statement without the hall filter
            text = text.replace(" AND hall_code = :hall", "")
        fg.add_answer([books[b] for b in part], conn.execute(sa.text(text), params))
    return {by: (book.rows(), book.total()) for by, book in books.items()}
