"""Each hall's high-water mark: the highest change seq of anything its terminals pull.

A province server answers thousands of polls a second, and almost all of them find
nothing new. Reading the change log (events, reference rows, notices) to learn that is
three index probes and a page built for nothing; a hall's mark answers it with one
primary-key look-up (server.idle). The writer keeps the marks (db.Database.writer raises
them before every commit: db.advance_marks), so no code that stores rows can forget
them, and a mark commits with the rows it covers: a reader that sees mark M sees every
row up to M.

Hall "*" is the mark of reference rows that every hall pulls (the standard catalog, the
calendar): a terminal's hall changed when its own mark or "*" moved past its cursor.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from server import db


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
