"""What a terminal pulls: pages of its hall's changes (a new one starts from a snapshot:
server.snapshot).

Every page reads the change counter first and then only rows at or below it: every such
row has committed (server.db), so the cursor a page hands out never skips one. A page
holds the hall's reference rows, notices, and events — other terminals' and the back
office's in full, the asking terminal's own as verdicts only (it has them already) — and
not even those for its events up to `own`, the terminal seq up to which it says it holds
every verdict (its push answers carried them). An event re-emitted since (a hall node
reordered it after its city's order came: `first_seq` set) is always told again.
Another hall's rows never leave the server: every query filters on the hall.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from server import db
from server.auth import Terminal
from sync import wire

DEFAULT_LIMIT = 2000
MAX_LIMIT = 5000

_EVENT_COLS = ("id", "case_id", "kind", "payload", "expected_state", "terminal_id",
               "terminal_seq", "staff_id", "window_id", "recorded_at", "server_seq", "verdict")
NO_OWN = -1  # the terminal said nothing of what it knows: every own verdict goes


def halls_of(hall: str) -> tuple[str, str]:
    return (hall, db.ALL_HALLS)


def event_rows(conn: sa.Connection, where: Any, limit: int | None = None) -> list[Any]:
    q = sa.select(*(db.events.c[c] for c in _EVENT_COLS), db.events.c.pushed_by,
                  db.events.c.first_seq).where(
        where).order_by(db.events.c.server_seq)
    return list(conn.execute(q.limit(limit) if limit else q))


def wire_event(r: Any) -> dict[str, Any]:
    d = {c: getattr(r, c) for c in _EVENT_COLS}
    d["payload"] = json.loads(d["payload"])
    d["terminal_seq"], d["server_seq"] = int(d["terminal_seq"]), int(d["server_seq"])
    return d


def pack_page_events(rows: list[Any], me: str, known: int = NO_OWN, compact: bool = False
                     ) -> tuple[dict | None, dict | None]:
    """Foreign events packed in full; our own as (terminal_seq, server_seq, verdict),
    leaving out those at or below `known` that were never re-emitted.

    `f` carries the last six characters of each own event's id, so a terminal cloned
    from a backup notices the server holds an event of "its" number that it never made.
    """
    foreign = [wire_event(r) for r in rows if r.pushed_by != me]
    own = [r for r in rows if r.pushed_by == me
           and (int(r.terminal_seq) > known or r.first_seq is not None)]
    packed = wire.pack_events(foreign, compact=compact) if foreign else None
    mine = None
    if own:
        mine = {"t": [int(r.terminal_seq) for r in own], "s": [int(r.server_seq) for r in own],
                # `r` (hall node, issue 11): refused upstream, it left the stream
                "v": "".join(wire.VERDICT_LETTER.get(r.verdict, "a") for r in own),
                "f": "".join(r.id[-6:].rjust(6) for r in own)}
    return packed, mine


def ref_item(r: Any) -> list[Any]:
    return [r.kind, r.id, json.loads(r.data) if r.data is not None else None]


def notice_item(r: Any) -> list[Any]:
    return [r.id, r.kind, r.case_id, r.event_id, r.text, r.created_at]


def pull_page(conn: sa.Connection, term: Terminal, cursor: int,
              limit: int = DEFAULT_LIMIT, known: int = NO_OWN, top: int | None = None,
              compact: bool = False) -> dict[str, Any]:
    """The changes after `cursor` for the terminal's hall, at most `limit` rows; own
    verdicts up to terminal seq `known` left out (see the module docstring). `top`: the
    change seq already read in this transaction (every row up to it has committed).
    `compact`: ids in protocol 3's form (the terminal reads it)."""
    limit = max(1, min(limit, MAX_LIMIT))
    if top is None:
        top = db.current_seq(conn)
    rows = read_rows(conn, term.hall_code, cursor, top, limit + 1)
    return build_page(rows, term.id, cursor, top, limit, known, compact)


Rows = tuple[list[Any], list[Any], list[Any]]  # events, reference rows, notices


def read_rows(conn: sa.Connection, hall: str, cursor: int, top: int, most: int) -> Rows:
    """The hall's events, reference rows and notices in (cursor, top], at most `most` of
    each, in change order."""
    e, r, n = db.events, db.reference, db.notices
    evs = event_rows(conn, sa.and_(e.c.hall_code == hall, e.c.server_seq > cursor,
                                    e.c.server_seq <= top), most)
    refs = list(conn.execute(sa.select(r).where(
        r.c.hall_code.in_(halls_of(hall)), r.c.change_seq > cursor,
        r.c.change_seq <= top).order_by(r.c.change_seq).limit(most)))
    notes = list(conn.execute(sa.select(n).where(
        n.c.hall_code == hall, n.c.change_seq > cursor,
        n.c.change_seq <= top).order_by(n.c.change_seq).limit(most)))
    return evs, refs, notes


def build_page(rows: Rows, me: str, cursor: int, top: int, limit: int, known: int,
               compact: bool) -> dict[str, Any]:
    """A page from the rows in (cursor, top] (each list in change order, complete up to
    its `limit`-th row): a list that overflowed has more behind it, so the page stops at
    the smallest limit-th seq."""
    evs, refs, notes = rows
    full = [int(x[limit - 1].server_seq if x is evs else x[limit - 1].change_seq)
            for x in (evs, refs, notes) if len(x) > limit]
    nxt = min(full) if full else top
    evs = [x for x in evs if x.server_seq <= nxt]
    refs = [x for x in refs if x.change_seq <= nxt]
    notes = [x for x in notes if x.change_seq <= nxt]
    packed, own = pack_page_events(evs, me, known, compact)
    return {"cursor": max(nxt, cursor), "more": bool(full), "events": packed, "own": own,
            "ref": [ref_item(x) for x in refs], "notices": [notice_item(x) for x in notes]}
