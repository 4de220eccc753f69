"""The snapshot a new terminal starts from, in pages it can resume after a cut.

A hall of a million cases must not be sent in one answer: the server would build it in
memory, and a township's 256 kbit/s link that drops after twenty minutes would start it
all over. So the snapshot is walked in stream-id order, a page of `limit` streams at a
time, every page read at the same change seq `top` (the first page's): the terminal
applies each page with its position in one transaction and, after a cut or a restart,
asks for the page after the last stream it has. Pulls go on from `top` once the last page
is in: whatever changed since comes with them.

Which streams: open ones (cases, notices, tickets …: their types' `open_states`) and
those changed in the last RECENT_DAYS, so a citizen back for a rating or a query is
found. Older history stays on the server (the counter fetches it on demand). The first
page also carries the reference data, the hall's recent notices and how many streams
there are (the terminal shows its progress).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from domain import streams
from server import db
from server.auth import Terminal, utcnow
from server.pull import event_rows, halls_of, notice_item, ref_item, wire_event
from sync import wire

RECENT_DAYS = 30
DEFAULT_LIMIT = 500
MAX_LIMIT = 5000


class Gone(Exception):
    """The page asked for reads a state this database no longer has (restored from a
    backup since the first page): the terminal starts the snapshot again."""


def _open_streams(c: sa.Table) -> list[Any]:
    """SQL conditions: a stream row whose state its type calls open."""
    out = []
    for name in streams.STREAM_MODULES:
        states = streams.get(name).open_states
        named = sorted(x for x in states if x is not None)
        cond = c.c.state.in_(named) if named else sa.false()
        if None in states:
            cond = sa.or_(cond, c.c.state.is_(None))
        out.append(sa.and_(c.c.stream == name, cond))
    return out


def _live(hall: str, since: str) -> Any:
    c = db.cases
    return sa.and_(c.c.hall_code == hall, sa.or_(c.c.updated_at >= since, *_open_streams(c)))


def page(conn: sa.Connection, term: Terminal, *, top: int | None = None, after: str = "",
         since: str | None = None, limit: int = DEFAULT_LIMIT, compact: bool = False
         ) -> dict[str, Any]:
    """One page: the live streams after `after` (at most `limit`) with their events up
    to `top`. Without `top` it is the first page, and fixes `top` and `since`."""
    limit = max(1, min(limit, MAX_LIMIT))
    now_top = db.current_seq(conn)
    first = top is None
    if first:
        top = now_top
    elif top > now_top:
        raise Gone
    if first or since is None:  # (a later page without it: the window from now)
        since = (utcnow() - dt.timedelta(days=RECENT_DAYS)).isoformat(timespec="seconds")
    c, e = db.cases, db.events
    ids = [r[0] for r in conn.execute(sa.select(c.c.id).where(
        _live(term.hall_code, since), c.c.id > after).order_by(c.c.id).limit(limit + 1))]
    more = len(ids) > limit
    ids = ids[:limit]
    rows: list[Any] = []
    for i in range(0, len(ids), 500):
        rows += event_rows(conn, sa.and_(e.c.hall_code == term.hall_code,
                                          e.c.case_id.in_(ids[i:i + 500]),
                                          e.c.server_seq <= top))
    out: dict[str, Any] = {
        "top": top, "since": since, "after": ids[-1] if ids else after, "more": more,
        "streams": len(ids),
        "events": wire.pack_events([wire_event(x) for x in rows], compact=compact)
        if rows else None}
    if first:
        r = db.reference
        out["ref"] = [ref_item(x) for x in conn.execute(sa.select(r).where(
            r.c.hall_code.in_(halls_of(term.hall_code)), r.c.data.is_not(None),
            r.c.change_seq <= top))]
        out["notices"] = [notice_item(x) for x in conn.execute(sa.select(db.notices).where(
            db.notices.c.hall_code == term.hall_code, db.notices.c.created_at >= since,
            db.notices.c.change_seq <= top))]
        out["total"] = int(conn.execute(sa.select(sa.func.count()).select_from(c).where(
            _live(term.hall_code, since))).scalar_one())
    if not more:
        out["cursor"] = top  # where pulls go on
    return out
