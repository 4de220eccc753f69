"""What a terminal pulls: pages of its hall's changes, and the snapshot a new one starts from.

Every page reads the change counter first and then only rows at or below it: every such
row has committed (server.db), so the cursor a page hands out never skips one. A page
holds the hall's reference rows, notices, and events — other terminals' and the back
office's in full, the asking terminal's own as verdicts only (it has them already).
Another hall's rows never leave the server: every query filters on the hall.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa

from domain import streams
from server import db
from server.auth import Terminal, utcnow
from sync import wire

DEFAULT_LIMIT = 2000
MAX_LIMIT = 5000
RECENT_DAYS = 30

_EVENT_COLS = ("id", "case_id", "kind", "payload", "expected_state", "terminal_id",
               "terminal_seq", "staff_id", "window_id", "recorded_at", "server_seq", "verdict")


def _halls(hall: str) -> tuple[str, str]:
    return (hall, db.ALL_HALLS)


def _event_rows(conn: sa.Connection, where: Any, limit: int | None = None) -> list[Any]:
    q = sa.select(*(db.events.c[c] for c in _EVENT_COLS), db.events.c.pushed_by).where(
        where).order_by(db.events.c.server_seq)
    return list(conn.execute(q.limit(limit) if limit else q))


def _wire_event(r: Any) -> dict[str, Any]:
    d = {c: getattr(r, c) for c in _EVENT_COLS}
    d["payload"] = json.loads(d["payload"])
    d["terminal_seq"], d["server_seq"] = int(d["terminal_seq"]), int(d["server_seq"])
    return d


def pack_page_events(rows: list[Any], me: str) -> tuple[dict | None, dict | None]:
    """Foreign events packed in full; our own as (terminal_seq, server_seq, verdict).

    `f` carries the last six characters of each own event's id, so a terminal cloned
    from a backup notices the server holds an event of "its" number that it never made.
    """
    foreign = [_wire_event(r) for r in rows if r.pushed_by != me]
    own = [r for r in rows if r.pushed_by == me]
    packed = wire.pack_events(foreign) if foreign else None
    mine = None
    if own:
        mine = {"t": [int(r.terminal_seq) for r in own], "s": [int(r.server_seq) for r in own],
                # `r` (hall node, issue 11): refused upstream, it left the stream
                "v": "".join(wire.VERDICT_LETTER.get(r.verdict, "a") for r in own),
                "f": "".join(r.id[-6:].rjust(6) for r in own)}
    return packed, mine


def _ref_item(r: Any) -> list[Any]:
    return [r.kind, r.id, json.loads(r.data) if r.data is not None else None]


def _notice_item(r: Any) -> list[Any]:
    return [r.id, r.kind, r.case_id, r.event_id, r.text, r.created_at]


def pull_page(conn: sa.Connection, term: Terminal, cursor: int,
              limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """The changes after `cursor` for the terminal's hall, at most `limit` rows."""
    limit = max(1, min(limit, MAX_LIMIT))
    top = db.current_seq(conn)
    e, r, n = db.events, db.reference, db.notices
    evs = _event_rows(conn, sa.and_(e.c.hall_code == term.hall_code, e.c.server_seq > cursor,
                                    e.c.server_seq <= top), limit + 1)
    refs = list(conn.execute(sa.select(r).where(
        r.c.hall_code.in_(_halls(term.hall_code)), r.c.change_seq > cursor,
        r.c.change_seq <= top).order_by(r.c.change_seq).limit(limit + 1)))
    notes = list(conn.execute(sa.select(n).where(
        n.c.hall_code == term.hall_code, n.c.change_seq > cursor,
        n.c.change_seq <= top).order_by(n.c.change_seq).limit(limit + 1)))
    # A list that overflowed has more behind it: stop at the smallest limit-th seq.
    full = [int(x[limit - 1].server_seq if x is evs else x[limit - 1].change_seq)
            for x in (evs, refs, notes) if len(x) > limit]
    nxt = min(full) if full else top
    evs = [x for x in evs if x.server_seq <= nxt]
    refs = [x for x in refs if x.change_seq <= nxt]
    notes = [x for x in notes if x.change_seq <= nxt]
    packed, own = pack_page_events(evs, term.id)
    return {"cursor": max(nxt, cursor), "more": bool(full), "events": packed, "own": own,
            "ref": [_ref_item(x) for x in refs], "notices": [_notice_item(x) for x in notes]}


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


def snapshot(conn: sa.Connection, term: Terminal) -> dict[str, Any]:
    """A new terminal's start: reference data, and the events of the hall's live cases.

    Open streams (cases, notices, tickets …) travel with all their events (the terminal
    folds them like any other); those closed in the last RECENT_DAYS come too, so a
    citizen back for a rating or a query is found. Older history stays on the server.
    The cursor is where pulls go on.
    """
    top = db.current_seq(conn)
    r, c, e = db.reference, db.cases, db.events
    refs = list(conn.execute(sa.select(r).where(
        r.c.hall_code.in_(_halls(term.hall_code)), r.c.data.is_not(None),
        r.c.change_seq <= top)))
    since = (utcnow() - dt.timedelta(days=RECENT_DAYS)).isoformat(timespec="seconds")
    live = sa.select(c.c.id).where(c.c.hall_code == term.hall_code, sa.or_(
        c.c.updated_at >= since, *_open_streams(c)))
    evs = _event_rows(conn, sa.and_(e.c.hall_code == term.hall_code, e.c.case_id.in_(live),
                                    e.c.server_seq <= top))
    notes = list(conn.execute(sa.select(db.notices).where(
        db.notices.c.hall_code == term.hall_code, db.notices.c.created_at >= since)))
    packed = wire.pack_events([_wire_event(x) for x in evs]) if evs else None
    return {"cursor": top, "events": packed, "ref": [_ref_item(x) for x in refs],
            "notices": [_notice_item(x) for x in notes]}
