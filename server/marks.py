"""Each hall's high-water mark: the highest change seq of anything its terminals pull.

A province server answers thousands of polls a second, and almost all of them find
nothing new. Reading the change log (events, reference rows, notices) to learn that is
three index probes and a page built for nothing; a hall's mark answers it with one
primary-key look-up (server.idle). The writer keeps the marks (db.Database.writer calls
`advance` before every commit), so no code that stores rows can forget them, and a mark
commits with the rows it covers: a reader that sees mark M sees every row up to M.

Hall "*" is the mark of reference rows that every hall pulls (the standard catalog, the
calendar): a terminal's hall changed when its own mark or "*" moved past its cursor.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from server import db


def advance(conn: sa.Connection, start: int) -> None:
    """Move the marks of every hall that got a change seq above `start` in this writer
    transaction (a mark never goes down). Nothing to do when no seq was taken. One
    statement whatever the transaction wrote: it runs under the writer lock."""
    top = db.current_seq(conn)
    if top > start:
        conn.execute(_advance(conn.dialect.name), {"lo": start, "hi": top})


@functools.cache
def _advance(dialect: str) -> sa.Insert:
    """Each hall's highest seq in (lo, hi] among events, reference rows and notices,
    raised into its mark: INSERT … SELECT … ON CONFLICT, in the dialect's words."""
    lo, hi = sa.bindparam("lo"), sa.bindparam("hi")
    parts = [sa.select(hall.label("hall_code"), sa.func.max(col).label("seq"))
             .where(col > lo, col <= hi).group_by(hall)
             for col, hall in ((db.events.c.server_seq, db.events.c.hall_code),
                               (db.reference.c.change_seq, db.reference.c.hall_code),
                               (db.notices.c.change_seq, db.notices.c.hall_code))]
    moved = sa.union_all(*parts).subquery("moved")
    per_hall = sa.select(moved.c.hall_code, sa.func.max(moved.c.seq)).group_by(
        moved.c.hall_code)
    m = db.hall_marks
    stmt = (sqlite_insert if dialect == "sqlite" else pg_insert)(m).from_select(
        ["hall_code", "seq"], per_hall)
    return stmt.on_conflict_do_update(index_elements=[m.c.hall_code],
                                      set_={"seq": stmt.excluded.seq},
                                      where=m.c.seq < stmt.excluded.seq)


def mark_of(conn: sa.Connection, halls: Iterable[str]) -> int:
    """The highest mark among `halls` (0 when none of them ever changed)."""
    m = db.hall_marks
    got = conn.execute(sa.select(sa.func.max(m.c.seq)).where(
        m.c.hall_code.in_(list(halls)))).scalar()
    return int(got or 0)


def moved_since(conn: sa.Connection, seq: int) -> tuple[int, dict[str, int]]:
    """The change seq now and the halls whose marks passed `seq` (the long poll's
    watcher asks this a few times a second: one index range, usually empty)."""
    top = db.current_seq(conn)
    if top <= seq:
        return top, {}
    m = db.hall_marks
    rows = conn.execute(sa.select(m.c.hall_code, m.c.seq).where(m.c.seq > seq))
    return top, {h: int(s) for h, s in rows}
