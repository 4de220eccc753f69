"""`GET /api/v1/sync/lookup`: a case a terminal no longer keeps, fetched on demand.

A terminal keeps closed cases in full for its hall's retention window, then their row
only, and a new terminal starts with the last month; anything else is on the server.
The counter asks for it here — by case or slip number, by the applicant's ID number, or
by stream id (a case whose row it still has) — and gets the streams' events, which it
stores like a pull page's. Only the asking terminal's hall is searched.

The server never keeps an ID number in a column: `cases.applicant_key` is an HMAC of it
under a key of this database's (`server_meta.lookup_key`), enough to find a citizen's
cases when the number is given, useless to read numbers back from a copied index.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import sqlalchemy as sa

from domain import idnumber, numbering
from server import db
from server.auth import Terminal
from server.pull import event_rows, wire_event
from sync import wire

MAX_STREAMS = 50
_KEYS: dict[str, str] = {}


class BadQuery(ValueError):
    """Text that is none of the things the server can look up by."""


def key_of(conn: sa.Connection) -> str:
    """This database's lookup key (cached: it never changes for a database)."""
    url = str(conn.engine.url)
    if url not in _KEYS:
        got = conn.execute(sa.select(db.server_meta.c.value).where(
            db.server_meta.c.key == "lookup_key")).scalar()
        if not got:
            return ""
        _KEYS[url] = got
    return _KEYS[url]


def applicant_key(key: str, id_number: Any) -> str | None:
    """The keyed hash an applicant's ID number is found by (None without one)."""
    if not key or not isinstance(id_number, str) or not id_number.strip():
        return None
    number = idnumber.normalize(id_number)
    return hmac.new(key.encode(), number.encode(), hashlib.sha256).hexdigest()


def _matching(conn: sa.Connection, hall: str, q: str) -> Any:
    c = db.cases
    t = q.strip()
    if numbering.looks_like_number(t):
        try:
            parsed = numbering.parse(t)
        except Exception as exc:  # a wrong check digit: not "no such case"
            raise BadQuery(str(exc)) from exc
        col = c.c.case_number if parsed.kind == "case" else c.c.slip_number
        return sa.and_(c.c.hall_code == hall, col == parsed.number)
    if len(idnumber.normalize(t)) == 18:
        try:
            number = idnumber.parse(t).number
        except Exception as exc:
            raise BadQuery(str(exc)) from exc
        return sa.and_(c.c.hall_code == hall,
                       c.c.applicant_key == applicant_key(key_of(conn), number))
    raise BadQuery("请输入完整的办件编号、告知单编号或18位身份证号码")


def find(conn: sa.Connection, term: Terminal, q: str = "", ids: list[str] | None = None,
         compact: bool = False) -> dict[str, Any]:
    """The streams matching `q` (or with these ids) in the terminal's hall, with all
    their events (BadQuery for text that is no number)."""
    c, e = db.cases, db.events
    where = c.c.id.in_(ids) if ids else _matching(conn, term.hall_code, q)
    found = [r[0] for r in conn.execute(sa.select(c.c.id).where(
        where, c.c.hall_code == term.hall_code).order_by(c.c.updated_at.desc())
        .limit(MAX_STREAMS + 1))]
    more = len(found) > MAX_STREAMS
    found = found[:MAX_STREAMS]
    rows = event_rows(conn, sa.and_(e.c.hall_code == term.hall_code, e.c.case_id.in_(found),
                                    e.c.verdict != "refused")) if found else []
    return {"streams": found, "more": more,
            "events": wire.pack_events([wire_event(x) for x in rows], compact=compact)
            if rows else None}
