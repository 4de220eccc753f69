"""The HTTP face of the server (FastAPI): enrolment, push, pull, snapshot, back office.

Every sync request carries the protocol version in a header; a client speaking another
version gets 426 and a message saying what to do, never a silent misreading. Database
trouble that may pass (a lost connection, a locked file) is 503 with Retry-After, so
clients back off and retry; nothing is half applied because each request is one
transaction. Input the server cannot store (a NUL character anywhere, a value the
database refuses) is a 4xx for that request or a refusal of that event, never a 500.
Every sync answer carries the server's epoch, and a terminal whose view of it is ahead
of the database is answered 409 before anything is stored (server.epoch).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from domain.errors import DomainError
from server import admin, auth, backoffice, batch, body, db, epoch, pull, push
from sync import wire

log = logging.getLogger(__name__)

ERR = {"model": None, "content": {"application/json": {"schema": {
    "type": "object", "properties": {"detail": {"type": "string"}}}}}}
COMMON = {400: ERR, 401: ERR, 422: ERR, 426: ERR, 503: ERR}
RESTORED = {"model": None, "content": {"application/json": {"schema": {
    "type": "object", "properties": {"detail": {"type": "string"},
                                     "restored": {"type": "object"}}}}}}
SYNC = {**COMMON, 409: RESTORED}


NO_NUL = r"^[^\x00]*$"  # PostgreSQL stores no NUL in text: the schema says so


class EnrolRequest(BaseModel):
    code: str = Field(max_length=40, pattern=NO_NUL)
    name: str = Field(default="", max_length=80, pattern=NO_NUL)
    # the client's id for this enrolment: the same again after a lost answer is the
    # same enrolment, not a used code
    request_id: str = Field(default="", max_length=64, pattern=NO_NUL)


class DecisionRequest(BaseModel):
    hall: str = Field(max_length=32, pattern=NO_NUL)
    staff_no: str = Field(max_length=32, pattern=NO_NUL)
    password: str = Field(max_length=200, pattern=NO_NUL)
    decision: Literal["approve", "reject", "supplement"]
    reason: str = Field(default="", max_length=500, pattern=NO_NUL)
    missing: list[Annotated[str, Field(max_length=200, pattern=NO_NUL)]] = Field(
        default=[], max_length=50)


def protocol(x_yichuang_protocol: Annotated[str | None, Header()] = None) -> int:
    """426 unless the client speaks a protocol version this server understands."""
    try:
        v = int(x_yichuang_protocol or 0)
    except ValueError:
        v = 0
    if v < wire.MIN_PROTOCOL_VERSION:
        raise HTTPException(426, f"客户端协议版本过旧（{x_yichuang_protocol or '无'}），"
                                 f"请升级一窗程序（服务器协议 {wire.PROTOCOL_VERSION}）")
    if v > wire.PROTOCOL_VERSION:
        raise HTTPException(426, f"服务器协议版本（{wire.PROTOCOL_VERSION}）比客户端旧，"
                                 "请升级服务器")
    return v


bearer = HTTPBearer(auto_error=False)
basic = HTTPBasic(auto_error=False)
Protocol = Annotated[int, Depends(protocol)]
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
Version = Annotated[str | None, Header(alias=wire.VERSION_HEADER, max_length=40)]
Seen = Annotated[str | None, Header(alias=epoch.HEADER, max_length=120)]


class Restored(Exception):
    """The terminal's view is ahead of this database (server.epoch): answered 409."""

    def __init__(self, info: dict[str, Any]) -> None:
        super().__init__("restored")
        self.info = info


def _has_nul(text: str) -> bool:
    from urllib.parse import unquote

    return "\x00" in text or "\x00" in unquote(text)


def _token(cred: HTTPAuthorizationCredentials | None) -> str:
    if cred is None or not cred.credentials:
        raise HTTPException(401, "缺少终端凭据", headers={"WWW-Authenticate": "Bearer"})
    return cred.credentials


def create_app(db_url: str) -> FastAPI:
    """The application for one database (SQLite file or PostgreSQL URL)."""
    database = db.Database(db_url)
    db.init_db(database.engine, quiet=False)
    with database.writer() as conn:
        admin.ensure_calendar(conn)
    epoch.record_boot(database)
    app = FastAPI(title="一窗 Yichuang sync server", version=str(wire.PROTOCOL_VERSION))
    app.state.db = database
    app.add_middleware(GZipMiddleware, minimum_size=1000)

    @app.middleware("http")
    async def _no_nul(request: Request, call_next):  # type: ignore[no-untyped-def]
        """A NUL in a path or a query (PostgreSQL cannot compare with one) is a 400."""
        if _has_nul(request.url.path) or _has_nul(request.url.query) or any(
                "\x00" in v for v in request.headers.values()):
            return JSONResponse({"detail": "请求含有 NUL 字符"}, status_code=400)
        return await call_next(request)

    @app.exception_handler(sa.exc.DataError)
    async def _data(request: Request, exc: Exception) -> JSONResponse:
        # a value the database will not take (too long, a NUL …): the request's fault
        log.warning("database refused a value of %s %s: %s", request.method,
                    request.url.path, type(exc.orig if hasattr(exc, "orig") else exc).__name__)
        return JSONResponse({"detail": "请求中有服务器无法保存的值"}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return JSONResponse({"detail": f"请求格式错误: {where} {first.get('msg', '')}"[:300]},
                            status_code=422)

    @app.exception_handler(Restored)
    async def _restored(request: Request, exc: Restored) -> JSONResponse:
        return JSONResponse({"detail": "服务器的数据比本终端已知的旧（服务器可能由备份恢复），"
                                       "终端将重新发送并重新同步", "restored": exc.info},
                            status_code=409)

    @app.exception_handler(sa.exc.OperationalError)
    @app.exception_handler(sa.exc.InterfaceError)
    async def _transient(request: Request, exc: Exception) -> JSONResponse:
        log.warning("database unavailable: %s", type(exc).__name__)
        return JSONResponse({"detail": "服务器数据库暂时不可用，请稍后重试"}, status_code=503,
                            headers={"Retry-After": "2"})

    @app.exception_handler(auth.AuthError)
    async def _auth(request: Request, exc: auth.AuthError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=401)

    @app.exception_handler(body.BodyError)
    async def _body(request: Request, exc: body.BodyError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=exc.status)

    @app.get("/api/v1/health")
    def health() -> dict[str, Any]:
        """Liveness and the protocol version (no credentials, no version header needed)."""
        return {"ok": True, "protocol": wire.PROTOCOL_VERSION}

    @app.post("/api/v1/enrol", responses=COMMON)
    def enrol(req: EnrolRequest, _v: Protocol, cred: Bearer,
              version: Version = None) -> dict[str, str]:
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
        token = _token(cred)
        await run_in_threadpool(_auth_only, database, token)
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
        return await run_in_threadpool(_push, database, token, rows, version,
                                       epoch.parse(seen), dry_run)

    @app.get("/api/v1/sync/pull", responses=SYNC)
    def sync_pull(_v: Protocol, cred: Bearer, cursor: Annotated[int, Query(ge=0, lt=2**62)] = 0,
                  limit: Annotated[int, Query(ge=1, le=pull.MAX_LIMIT)] = pull.DEFAULT_LIMIT,
                  version: Version = None, seen: Seen = None) -> dict[str, Any]:
        """The hall's changes after `cursor`, one page; `more` says whether to ask again."""
        token = _token(cred)
        seen_ = epoch.parse(seen)
        page = None
        with database.reader() as conn:
            term = auth.terminal_for(conn, token)
            verdict = epoch.check(conn, term, seen_)
            if verdict is None:
                page = pull.pull_page(conn, term, cursor, limit)
                page["epoch"] = epoch.state(conn)
        if page is None:  # record the restore (under the writer) and answer 409
            _restored_under_writer(database, token, seen_)
            with database.reader() as conn:  # the writer found the view agrees after all
                page = pull.pull_page(conn, term, cursor, limit)
                page["epoch"] = epoch.state(conn)
        if auth.stale(term, version):
            with database.writer() as conn:
                auth.touch(conn, term, version)
        return page

    @app.get("/api/v1/sync/snapshot", responses=COMMON)
    def sync_snapshot(_v: Protocol, cred: Bearer, version: Version = None) -> dict[str, Any]:
        """A new terminal's starting point: reference data and the hall's live cases."""
        with database.reader() as conn:
            term = auth.terminal_for(conn, _token(cred))
            snap = pull.snapshot(conn, term)
            snap["epoch"] = epoch.state(conn)
        if auth.stale(term, version):
            with database.writer() as conn:
                auth.touch(conn, term, version)
        return snap

    @app.post("/api/v1/backoffice/cases/{case_id}/decision",
              responses={**COMMON, 403: ERR, 404: ERR, 409: ERR})
    def decision(case_id: Annotated[str, Path(max_length=64, pattern=NO_NUL)],
                 req: DecisionRequest,
                 _v: Protocol) -> dict[str, Any]:
        """A reviewer approves, rejects or asks for a supplement; stored as an event."""
        with database.writer() as conn:
            staff = _reviewer(conn, req.hall, req.staff_no, req.password)
            try:
                return backoffice.decide(conn, req.hall, staff, case_id, req.decision,
                                         req.reason, req.missing)
            except LookupError as exc:
                raise HTTPException(404, str(exc)) from exc
            except DomainError as exc:
                raise HTTPException(409, str(exc)) from exc

    @app.get("/api/v1/backoffice/cases", responses={**COMMON, 403: ERR})
    def review_list(_v: Protocol, hall: Annotated[str, Query(max_length=32, pattern=NO_NUL)],
                    cred: Annotated[HTTPBasicCredentials | None, Depends(basic)],
                    state: Annotated[str | None, Query(max_length=40, pattern=NO_NUL)] = None
                    ) -> list[dict[str, Any]]:
        """The hall's cases awaiting review (HTTP Basic: work number and password)."""
        if cred is None:
            raise HTTPException(401, "需要工号和密码", headers={"WWW-Authenticate": "Basic"})
        with database.reader() as conn:
            _reviewer(conn, hall, cred.username, cred.password)
            return backoffice.cases_in(conn, hall, state)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, routes=app.routes)
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            push_schema = batch.openapi_schema()
            schemas.update(push_schema.pop("$defs", {}))
            schemas["PushBody"] = push_schema
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _restored_under_writer(database: db.Database, token: str, seen: epoch.Seen | None) -> None:
    """Raise Restored, the restore recorded under the writer first."""
    with database.writer() as conn:
        term = auth.terminal_for(conn, token)
        verdict = epoch.check(conn, term, seen, writer=True)
    if verdict is not None:
        raise Restored(verdict)


def _reviewer(conn: sa.Connection, hall: str, no: str, password: str) -> dict[str, Any]:
    try:
        return backoffice.check_staff(conn, hall, no, password)
    except PermissionError as exc:
        raise HTTPException(403, str(exc)) from exc


def _auth_only(database: db.Database, token: str) -> None:
    with database.reader() as conn:
        auth.terminal_for(conn, token)


class _DryRun(Exception):
    """Rolls a dry run's writer transaction back, carrying its answer out."""


def _push(database: db.Database, token: str, rows: list[Any], version: str | None,
          seen: epoch.Seen | None, dry_run: bool = False) -> dict[str, Any]:
    restored = None
    try:
        with database.writer() as conn:
            term = auth.terminal_for(conn, token)  # max_seq read under the writer lock
            restored = epoch.check(conn, term, seen, writer=True)
            if restored is None:  # nothing is stored from a terminal that must resync
                out = push.store_batch(conn, term.hall_code, term.id, term.max_seq, rows,
                                       term.lineage)
                auth.touch(conn, term, version)
                top = epoch.state(conn)
                if dry_run:
                    raise _DryRun
    except _DryRun:
        return {"results": wire.pack_verdicts(out.results), "epoch": top, "dry_run": True}
    if restored is not None:
        raise Restored(restored)
    log.info("push terminal=%s events=%d stored=%d conflicts=%d", term.code, len(rows),
             out.stored, out.conflicts)
    answer: dict[str, Any] = {"results": wire.pack_verdicts(out.results), "epoch": top}
    if out.reenrol:
        answer["reenrol"] = True
        answer["message"] = "此终端的数据来自旧备份（终端序号倒退），请向管理员申请注册码重新注册"
    return answer
