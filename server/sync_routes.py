"""The terminals' routes: enrolment, push, pull (with its idle fast path), the paged
snapshot. Shared state lives in the database; what a worker keeps in memory (the token
cache, contacts not yet written) is an optimisation another worker never needs.

Answers go out as `JSONResponse` built straight from plain dicts: FastAPI's encoder
walks every value of a page again, which costs more than the page itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from server import (
    auth,
    batch,
    body,
    db,
    epoch,
    lookup,
    metrics,
    nodeinfo,
    pull,
    push,
    push_group,
    relay,
)
from server import snapshot as snap_pages
from server.contacts import Contacts
from server.http_common import (
    COMMON,
    ERR,
    NO_NUL,
    SYNC,
    Bearer,
    Protocol,
    Restored,
    Seen,
    Version,
    token_of,
)
from server.tokens import TokenCache
from sync import wire

log = logging.getLogger(__name__)

SNAPSHOT_PROTOCOL = 2  # the paged snapshot; a protocol-1 client expects one answer


class EnrolRequest(BaseModel):
    code: str = Field(max_length=40, pattern=NO_NUL)
    name: str = Field(default="", max_length=80, pattern=NO_NUL)
    # the client's id for this enrolment: the same again after a lost answer is the
    # same enrolment, not a used code
    request_id: str = Field(default="", max_length=64, pattern=NO_NUL)


@dataclass
class SyncState:
    """What the routes share within one worker."""

    database: db.Database
    tokens: TokenCache
    contacts: Contacts
    pushes: push_group.PushGroups  # the worker's push writer
    upstream: Any = None  # a hall node's UpstreamWorker (woken after a push)


def add_routes(app: FastAPI, st: SyncState) -> None:
    """Mount enrol, push, pull and snapshot."""
    database, tokens, contacts = st.database, st.tokens, st.contacts

    @app.post("/api/v1/enrol", responses=COMMON)
    def enrol(req: EnrolRequest, _v: Protocol, cred: Bearer,
              version: Version = None) -> dict[str, Any]:
        """Exchange a one-time enrolment code for a token and a terminal identity.

        A terminal re-enrolling presents its old token: that terminal and every one it
        replaced are revoked, and their events stay its own."""
        with database.writer() as conn:
            return auth.enrol(conn, req.code, req.name, request_id=req.request_id,
                              old_token=cred.credentials if cred else None, version=version)

    @app.post("/api/v1/sync/push", responses={**SYNC, 413: ERR, 415: ERR},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {
                      "$ref": "#/components/schemas/PushBody"}}}}})
    async def sync_push(request: Request, _v: Protocol, cred: Bearer, version: Version = None,
                        seen: Seen = None, dry_run: Annotated[bool, Query()] = False
                        ) -> dict[str, Any]:
        """Store a batch of events (gzip allowed); an answer per event, in order.

        `dry_run`: answer as if storing, store nothing (a client checking whether the
        server can take its other events while one keeps failing)."""
        token = token_of(cred)
        if tokens.recent(token) is None:  # a stranger's body is never read
            await run_in_threadpool(_auth_only, database, tokens, token)
        data = await body.read_json(request)
        try:
            n, packed = batch.check(data)
        except batch.BatchShapeError as exc:
            raise HTTPException(400, f"批次格式错误: {exc}") from exc
        try:
            rows: list[Any] = wire.unpack_events(packed)
        except wire.WireError as exc:
            log.warning("push: a batch of %d that cannot be unpacked (%s)", n, exc)
            rows = [None] * n  # each refused on its own: "malformed"
        answer = await _push(st, token, rows, version, epoch.parse(seen), dry_run,
                             data.get("hall"))
        if st.upstream is not None and answer.get("stored"):  # hall node: forward it now
            st.upstream.wake()
        answer.pop("stored", None)
        return JSONResponse(answer)  # type: ignore[return-value]

    @app.get("/api/v1/sync/pull", responses=SYNC)
    def sync_pull(v: Protocol, cred: Bearer, cursor: Annotated[int, Query(ge=0, lt=2**62)] = 0,
                  limit: Annotated[int, Query(ge=1, le=pull.MAX_LIMIT)] = pull.DEFAULT_LIMIT,
                  own: Annotated[int | None, Query(ge=0, lt=2**62)] = None,
                  version: Version = None, seen: Seen = None) -> dict[str, Any]:
        """The hall's changes after `cursor`, one page; `more` says whether to ask again.

        `own`: the terminal holds the verdicts of all its events up to this terminal seq
        (its push answers carried them): the page leaves those out."""
        token = token_of(cred)  # (an ordinary pull never gets here: server.idle)
        seen_ = epoch.parse(seen)
        known = pull.NO_OWN if own is None else own
        page = None
        with database.reader() as conn:
            term = tokens.lookup(conn, token)
            verdict = epoch.check(conn, term, seen_)
            if verdict is None:
                page = _page(conn, term, cursor, limit, known, v)
        if page is None:  # record the restore (under the writer) and answer 409
            _restored_under_writer(database, token, seen_)
            with database.reader() as conn:  # the writer found the view agrees after all
                page = _page(conn, term, cursor, limit, known, v)
        contacts.note(term.id, version, stored=term.last_seen, stored_version=term.version)
        return JSONResponse(page)  # type: ignore[return-value]

    @app.get("/api/v1/sync/snapshot", responses={**COMMON, 409: ERR})
    def sync_snapshot(v: Protocol, cred: Bearer, version: Version = None,
                      top: Annotated[int | None, Query(ge=0, lt=2**62)] = None,
                      after: Annotated[str, Query(max_length=64, pattern=NO_NUL)] = "",
                      since: Annotated[str | None, Query(max_length=40,
                                                         pattern=r"^[0-9T:+.-]+$")] = None,
                      limit: Annotated[int, Query(ge=1, le=snap_pages.MAX_LIMIT)] =
                      snap_pages.DEFAULT_LIMIT) -> dict[str, Any]:
        """A new terminal's starting point, a page at a time: the first (no `top`) fixes
        `top` and `since` and brings the reference data; ask again with them and `after`
        until `more` is false, then pull from `cursor`. `restart: true`: the database
        changed under the snapshot (a restore): start again without `top`."""
        if v < SNAPSHOT_PROTOCOL:
            raise HTTPException(426, "此版本的一窗程序不能从本服务器下载初始数据，请升级一窗程序")
        token = token_of(cred)
        with database.reader() as conn:
            term = tokens.lookup(conn, token)
            try:
                snap = snap_pages.page(conn, term, top=top, after=after, since=since,
                                       limit=limit, compact=v >= wire.COMPACT_IDS)
            except snap_pages.Gone:
                snap = {"restart": True, "more": False}
            snap["epoch"] = epoch.state(conn)
        contacts.note(term.id, version, stored=term.last_seen, stored_version=term.version)
        return JSONResponse(snap)  # type: ignore[return-value]


    @app.get("/api/v1/sync/lookup", responses={**COMMON, 404: ERR})
    def sync_lookup(v: Protocol, cred: Bearer,
                    q: Annotated[str, Query(max_length=40, pattern=NO_NUL)] = "",
                    ids: Annotated[list[Annotated[str, Query(max_length=64, pattern=NO_NUL)]],
                                   Query(alias="id", max_length=lookup.MAX_STREAMS)] = []  # noqa: B006
                    ) -> dict[str, Any]:
        """Cases of the terminal's hall it no longer keeps (server.lookup): by case or
        slip number or ID number (`q`), or by stream id (`id`, repeated), with all their
        events."""
        token = token_of(cred)
        with database.reader() as conn:
            term = tokens.lookup(conn, token)
            if not q.strip() and not ids:  # nothing asked: nothing found
                return JSONResponse({"streams": [], "more": False, "events": None}
                                    )  # type: ignore[return-value]
            try:
                out = lookup.find(conn, term, q, list(ids), compact=v >= wire.COMPACT_IDS)
            except lookup.BadQuery as exc:  # text that names no case: none found, and why
                raise HTTPException(404, str(exc)) from exc
        return JSONResponse(out)  # type: ignore[return-value]


def _auth_only(database: db.Database, tokens: TokenCache, token: str) -> None:
    with database.reader() as conn:
        tokens.lookup(conn, token)


def _restored_under_writer(database: db.Database, token: str, seen: epoch.Seen | None) -> None:
    """Raise Restored, the restore recorded under the writer first."""
    with database.writer() as conn:
        term = auth.terminal_for(conn, token)
        verdict = epoch.check(conn, term, seen, writer=True)
    if verdict is not None:
        raise Restored(verdict)


def _page(conn: sa.Connection, term: auth.Terminal, cursor: int, limit: int,
          known: int, protocol: int) -> dict[str, Any]:
    """A pull page: a hall node's covers its scope (server.relay), a terminal's its hall;
    both say which server this is and whether it reaches the city, and its epoch."""
    if term.role == "node":
        page = relay.pull_page(conn, term, cursor, limit)
    else:
        page = pull.pull_page(conn, term, cursor, limit, known,
                              compact=protocol >= wire.COMPACT_IDS)
    page["server"] = nodeinfo.info(conn)
    page["epoch"] = epoch.state(conn)
    return page


class _DryRun(Exception):
    """Rolls a dry run's writes back, carrying its answer out."""

    def __init__(self, answer: dict[str, Any]) -> None:
        super().__init__("dry run")
        self.answer = answer


async def _push(st: SyncState, token: str, rows: list[Any], version: str | None,
                seen: epoch.Seen | None, dry_run: bool = False, hall: Any = None
                ) -> dict[str, Any]:
    """Store a batch in the worker's next writer transaction (server.push_group)."""
    try:
        term, restored, out, top = await st.pushes.run(
            lambda conn: _write(conn, token, rows, version, seen, dry_run, hall))
    except _DryRun as dry:
        return dry.answer
    except auth.AuthError:
        st.tokens.drop(token)
        raise
    if restored is not None:
        raise Restored(restored)
    st.tokens.put(token, term)
    metrics.PUSHES.inc()
    metrics.EVENTS.inc(out.stored)
    metrics.CONFLICTS.inc(out.conflicts)
    log.info("push terminal=%s events=%d stored=%d conflicts=%d", term.code, len(rows),
             out.stored, out.conflicts)
    answer: dict[str, Any] = {"results": wire.pack_verdicts(out.results), "epoch": top,
                              "stored": out.stored}
    if out.reenrol:
        answer["reenrol"] = True
        answer["message"] = "此终端的数据来自旧备份（终端序号倒退），请向管理员申请注册码重新注册"
    return answer


def _write(conn: sa.Connection, token: str, rows: list[Any], version: str | None,
           seen: epoch.Seen | None, dry_run: bool, hall: Any) -> tuple[Any, Any, Any, Any]:
    """A push's writes (under the writer): (terminal, restore verdict, outcome, epoch)."""
    term = auth.terminal_for(conn, token)  # max_seq read under the writer lock
    restored = epoch.check(conn, term, seen, writer=True)
    if restored is not None:  # nothing is stored from a terminal that must resync
        return term, restored, None, None
    if term.role == "node":  # on behalf of its terminals
        try:
            out = relay.store(conn, term, hall, rows)
        except relay.OutOfScope as exc:
            raise HTTPException(403, str(exc)) from exc
    else:
        out = push.store_batch(conn, term.hall_code, term.id, term.max_seq, rows,
                               term.lineage)
    if auth.stale(term, version):  # (a contact a minute old is no news)
        auth.touch(conn, term, version)
    top = epoch.state(conn)
    if dry_run:
        raise _DryRun({"results": wire.pack_verdicts(out.results), "epoch": top,
                       "dry_run": True})
    return term, None, out, top
