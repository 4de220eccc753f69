"""The poll fast path: a terminal's ordinary pull, answered from one look-up.

Most of a province server's requests are terminals polling every few seconds, and most
polls find nothing or a step or two of their hall. Such a pull is answered here, in
front of the framework: one query — the change counter, the hall's high-water mark
(server.marks), the database's identity and newest start, and the terminal's own row
(revoked? its token still current? how far its pushes went) — and, only when the mark
says something is new, the page itself: from the hall's tail in this worker's memory
when it holds the rows (server.hall_tail: one read serves every terminal of the hall),
else read through it. No read of the change log for an idle poll, no
dependency injection, no validation models: FastAPI's share of a request was larger than
the request's own work. The look-up is one short read done on the event loop itself:
handing it to a thread cost more than the read, and forty threads contending for the
GIL over sub-millisecond tasks made the latency spiky; a page to read goes to a thread.

Whatever is unusual goes on to the full route (server.sync_routes), which validates,
answers errors and handles every case: a parameter or header out of the ordinary, a
token this worker has not seen yet or one no longer current, a hall node, a cursor from
the future, a terminal whose view of the epoch differs from the database's. So the fast
answer is exactly what the full route would have said.
"""

from __future__ import annotations

import json
import types
import urllib.parse
from typing import Any

import sqlalchemy as sa
from starlette.concurrency import run_in_threadpool

from server import auth, db, epoch, metrics, pull
from server.contacts import Contacts
from server.hall_tail import HallTails
from server.tokens import TokenCache
from sync import wire

PATH = "/api/v1/sync/pull"
CITY = {"role": "city", "reaches_city": True}
ROUTE = types.SimpleNamespace(path=PATH)  # what the metrics label the request with
MAX_SEQ = 2**62


def _statement(by_token: bool = False) -> sa.Select:
    """The one look-up, by the terminal's id (its token known to this worker) or by its
    token's digest (a first contact: the terminal's fixed facts come along)."""
    m, t, c = db.hall_marks, db.terminals, db.counters
    top = sa.select(c.c.value).where(c.c.name == "change_seq").scalar_subquery()
    hall = t.c.hall_code if by_token else sa.bindparam("hall")
    mark = sa.select(sa.func.max(m.c.seq)).where(m.c.hall_code.in_(
        (hall, sa.literal(db.ALL_HALLS)))).scalar_subquery()
    db_id = sa.select(db.server_meta.c.value).where(
        db.server_meta.c.key == "db_id").scalar_subquery()
    boot = sa.select(sa.func.max(db.boots.c.started_at)).scalar_subquery()
    upstream = sa.select(db.node_meta.c.value).where(
        db.node_meta.c.key == "upstream_url").scalar_subquery()
    cols = [top.label("top"), mark.label("mark"), db_id.label("db_id"), boot.label("boot"),
            upstream.label("upstream"), t.c.token_hash, t.c.revoked_at, t.c.max_seq,
            t.c.last_seen, t.c.version]
    if by_token:
        return sa.select(*cols, t.c.id, t.c.code, t.c.hall_code, t.c.role,
                         t.c.replaces).where(t.c.token_hash == sa.bindparam("digest"))
    return sa.select(*cols).where(t.c.id == sa.bindparam("tid"))


STATEMENT = _statement()
FIRST_CONTACT = _statement(by_token=True)


class Request:
    """An ordinary pull, read from the raw request; None from `parse` otherwise."""

    def __init__(self, token: str, cursor: int, limit: int, own: int,
                 seen: epoch.Seen | None, version: str | None, protocol: int = 1) -> None:
        self.token, self.cursor, self.limit, self.own = token, cursor, limit, own
        self.seen, self.version, self.protocol = seen, version, protocol

    @classmethod
    def parse(cls, scope: Any) -> Request | None:
        h: dict[str, str] = {}
        for k, v in scope.get("headers", ()):
            h[k.decode("latin-1").lower()] = v.decode("latin-1")
        try:
            proto = int(h.get(wire.PROTOCOL_HEADER.lower(), ""))
            q = dict(urllib.parse.parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                                            strict_parsing=False))
            cursor, own = int(q.pop("cursor", "0")), int(q.pop("own", "-1"))
            limit = int(q.pop("limit", str(pull.DEFAULT_LIMIT)))
        except ValueError:
            return None
        auth = h.get("authorization", "")
        seen_raw, version = h.get(epoch.HEADER.lower()), h.get(wire.VERSION_HEADER.lower())
        if (q or not wire.MIN_PROTOCOL_VERSION <= proto <= wire.PROTOCOL_VERSION
                or not auth.startswith("Bearer ") or not 0 <= cursor < MAX_SEQ
                or not -1 <= own < MAX_SEQ or not 1 <= limit <= pull.MAX_LIMIT
                or (seen_raw is not None and (len(seen_raw) > 120 or epoch.parse(seen_raw)
                                              is None))
                or (version is not None and len(version) > 40)):
            return None
        return cls(auth[7:].strip(), cursor, limit, own, epoch.parse(seen_raw), version,
                   proto)


def look(database: db.Database, tokens: TokenCache, req: Request) -> tuple[Any, Any] | None:
    """The terminal and its row of the one look-up when nothing about the pull is
    unusual, else None (the full route). A single short read: the event loop does it."""
    known = tokens.get(req.token)
    if known is None:  # a first contact with this worker (a restart, a new connection)
        return _first_contact(database, tokens, req)
    if known.terminal.role != "terminal":
        return None
    term = known.terminal
    row = database.read_one(STATEMENT, {"tid": term.id, "hall": term.hall_code})
    if row is None or row.token_hash != known.digest or row.revoked_at is not None:
        tokens.drop(req.token)  # re-enrolled or revoked: the full route says so
        return None
    tokens.vouched(known)  # (its next push need not look the token up before its body)
    return _usual(term, row, req)


def _first_contact(database: db.Database, tokens: TokenCache, req: Request
                   ) -> tuple[Any, Any] | None:
    """The look-up by the token's digest: when it names a plain terminal (no hall node,
    no terminals it replaced, not revoked), this worker knows it from now on. After a
    restart every terminal's next poll is a first contact: one read each, not the
    framework's full route."""
    if not auth.token_shaped(req.token):
        return None
    row = database.read_one(FIRST_CONTACT, {"digest": auth.digest(req.token)})
    if row is None or row.revoked_at is not None or row.role != "terminal" or row.replaces:
        return None  # unknown, revoked or unusual: the full route answers it
    term = auth.terminal_of(row)
    tokens.put(req.token, term)
    return _usual(term, row, req)


def _usual(term: Any, row: Any, req: Request) -> tuple[Any, Any] | None:
    """(term, row) when the pull is an ordinary one by what the look-up read."""
    seen = req.seen
    if row.upstream is not None or req.cursor > int(row.top):
        return None
    if seen is not None and (seen.db != row.db_id or (seen.boot and seen.boot != row.boot)
                             or seen.seq > int(row.top) or seen.own > int(row.max_seq)):
        return None  # the full route's epoch check decides (server.epoch)
    return term, row


def page(database: db.Database, tails: HallTails, term: Any, row: Any, req: Request,
         rows: pull.Rows | None = None) -> dict[str, Any]:
    """The page after the look-up: empty when the hall's mark is not past the cursor,
    else the hall's rows up to the change seq the look-up saw (every row up to it has
    committed) — `rows` when the hall's tail held them, else read through the tail."""
    top = int(row.top)
    if int(row.mark or 0) <= req.cursor:
        metrics.IDLE.inc()
        out: dict[str, Any] = {"cursor": top, "more": False, "events": None, "own": None,
                               "ref": [], "notices": []}
    else:
        limit = max(1, min(req.limit, pull.MAX_LIMIT))
        if rows is None:
            with database.reader() as conn:
                rows = tails.read(conn, term.hall_code, _key(row), req.cursor, top, limit)
        out = pull.build_page(rows, term.id, req.cursor, top, limit, req.own,
                              req.protocol >= wire.COMPACT_IDS)
    out["server"] = CITY
    out["epoch"] = {"db": row.db_id, "top": top, "boot": row.boot or ""}
    return out


def _key(row: Any) -> str:
    """Which database the rows come from: its identity and its newest start."""
    return f"{row.db_id}|{row.boot or ''}"


class FastPull:
    """Pure ASGI middleware answering ordinary pulls (see the module docstring)."""

    def __init__(self, app: Any, database: db.Database, tokens: TokenCache,
                 contacts: Contacts) -> None:
        self.app, self.database, self.tokens, self.contacts = app, database, tokens, contacts
        self.tails = HallTails()  # this worker's (server.hall_tail)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == PATH:
            out = await self._answer(scope)
            if out is not None:
                scope["route"] = ROUTE
                body = json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode()
                await send({"type": "http.response.start", "status": 200, "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    async def _answer(self, scope: Any) -> dict[str, Any] | None:
        req = Request.parse(scope)
        if req is None:
            return None
        try:
            found = look(self.database, self.tokens, req)
            if found is None:
                return None
            term, row = found
            mark = int(row.mark or 0)
            busy = mark > req.cursor
            held = self.tails.rows(term.hall_code, _key(row), req.cursor, int(row.top),
                                   mark) if busy else None
            if busy and held is None:  # rows to read: off the event loop
                out = await run_in_threadpool(page, self.database, self.tails, term, row,
                                              req)
            else:  # idle, or the hall's tail holds the rows: answer now
                out = page(self.database, self.tails, term, row, req, held)
        except sa.exc.SQLAlchemyError:
            return None  # the full route meets it again and answers 503
        self.contacts.note(term.id, req.version, stored=row.last_seen,
                           stored_version=row.version)
        return out
