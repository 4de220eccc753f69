"""The HTTP face of the server (FastAPI): enrolment, push, pull, snapshot, back office.

Every sync request carries the protocol version in a header; a client speaking another
version gets 426 and a message saying what to do, never a silent misreading. Database
trouble that may pass (a lost connection, a locked file) is 503 with Retry-After, so
clients back off and retry; nothing is half applied because each request is one
transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from domain.errors import DomainError
from domain.events import CHINA_TZ
from server import (
    admin,
    auth,
    backoffice,
    body,
    calendar,
    db,
    longpoll,
    nodeinfo,
    pull,
    push,
    relay,
)
from server import status_page as status_html
from server.upstream import Upstream, UpstreamWorker
from sync import wire

log = logging.getLogger(__name__)

ERR = {"model": None, "content": {"application/json": {"schema": {
    "type": "object", "properties": {"detail": {"type": "string"}}}}}}
COMMON = {400: ERR, 401: ERR, 426: ERR, 503: ERR}

PUSH_SCHEMA = {"type": "object", "required": ["batch"], "properties": {
    "batch": {"type": "object", "description": "packed events (sync.wire.pack_events)"}}}


class EnrolRequest(BaseModel):
    code: str = Field(max_length=40)
    name: str = Field(default="", max_length=80)


class DecisionRequest(BaseModel):
    hall: str = Field(max_length=32)
    staff_no: str = Field(max_length=32)
    password: str = Field(max_length=200)
    decision: Literal["approve", "reject", "supplement"]
    reason: str = Field(default="", max_length=500)
    missing: list[Annotated[str, Field(max_length=200)]] = Field(default=[], max_length=50)


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


def _token(cred: HTTPAuthorizationCredentials | None) -> str:
    if cred is None or not cred.credentials:
        raise HTTPException(401, "缺少终端凭据", headers={"WWW-Authenticate": "Bearer"})
    return cred.credentials


def terminal_token(cred: Bearer) -> str:
    """The bearer token of a terminal's request (401 without one)."""
    return _token(cred)


def create_app(db_url: str, *, upstream: str | None = None, upstream_code: str | None = None,
               upstream_interval: float = 5.0, name: str = "") -> FastAPI:
    """The application for one database (SQLite file or PostgreSQL URL).

    With `upstream` (or a database that already is one) it is a hall node: it serves its
    hall's terminals and forwards to its upstream (docs/hall-node.md, server.upstream).
    """
    database = db.Database(db_url)
    db.init_db(database.engine)
    with database.writer() as conn:
        admin.ensure_calendar(conn)
        calendar.log_warning(conn, dt.datetime.now(CHINA_TZ).date())
        if upstream:
            nodeinfo.configure(conn, upstream, upstream_code)
        node_url = db.get_node_meta(conn, "upstream_url")
        code = db.get_node_meta(conn, "upstream_code")
    worker = None
    if node_url:
        worker = UpstreamWorker(Upstream(database, node_url, code, name=name),
                                interval=upstream_interval)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if worker is not None:
            worker.start()
        yield
        if worker is not None:
            await run_in_threadpool(worker.stop)

    app = FastAPI(title="一窗 Yichuang sync server", version=str(wire.PROTOCOL_VERSION),
                  lifespan=lifespan)
    app.state.db = database
    app.state.upstream = worker
    app.state.seen = {}  # terminal id → last request (this run): the status page's "last seen"
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    notifier = longpoll.Notifier()
    database.listeners.append(notifier.notify)
    longpoll.add_routes(app, database, notifier, Depends(protocol), Depends(terminal_token))

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
        """Liveness, the protocol version, and what this server is in the tree (no
        credentials, no version header needed)."""
        with database.reader() as conn:
            return {"ok": True, "protocol": wire.PROTOCOL_VERSION, **nodeinfo.info(conn)}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def status_page() -> HTMLResponse:
        """The node's (or the city's) status for a browser: upstream, backlog, terminals."""
        with database.reader() as conn:
            return HTMLResponse(status_html.render(conn, app.state.seen))

    @app.post("/api/v1/enrol", responses=COMMON)
    def enrol(req: EnrolRequest, _v: Protocol) -> dict[str, Any]:
        """Exchange a one-time enrolment code for a token and a terminal identity."""
        with database.writer() as conn:
            return auth.enrol(conn, req.code, req.name)

    @app.post("/api/v1/sync/push", responses={**COMMON, 413: ERR, 415: ERR},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": PUSH_SCHEMA}}}})
    async def sync_push(request: Request, _v: Protocol, cred: Bearer) -> dict[str, Any]:
        """Store a batch of events (gzip allowed); an answer per event, in order."""
        token = _token(cred)
        await run_in_threadpool(_auth_only, database, token)
        data = await body.read_json(request)
        if not isinstance(data, dict) or not isinstance(data.get("batch"), dict):
            raise HTTPException(400, "请求应为 {\"batch\": {…}}")
        try:
            rows = wire.unpack_events(data["batch"])
        except wire.WireError as exc:
            raise HTTPException(400, f"批次格式错误: {exc}") from exc
        answer = await run_in_threadpool(_push, database, token, rows, data.get("hall"),
                                         app.state.seen)
        if worker is not None and answer.get("stored"):  # hall node: forward it now
            worker.wake()
        answer.pop("stored", None)
        return answer

    @app.get("/api/v1/sync/pull", responses=COMMON)
    def sync_pull(_v: Protocol, cred: Bearer, cursor: Annotated[int, Query(ge=0, lt=2**62)] = 0,
                  limit: Annotated[int, Query(ge=1, le=pull.MAX_LIMIT)] = pull.DEFAULT_LIMIT
                  ) -> dict[str, Any]:
        """The hall's changes after `cursor`, one page; `more` says whether to ask again."""
        with database.reader() as conn:
            term = auth.terminal_for(conn, _token(cred))
            app.state.seen[term.id] = auth.now_iso()
            if term.role == "node":  # hall node (issue 11): its scope, server.relay
                page = relay.pull_page(conn, term, cursor, limit)
            else:
                page = pull.pull_page(conn, term, cursor, limit)
            page["server"] = nodeinfo.info(conn)  # which server, whether it reaches the city
            return page

    @app.get("/api/v1/sync/snapshot", responses=COMMON)
    def sync_snapshot(_v: Protocol, cred: Bearer) -> dict[str, Any]:
        """A new terminal's starting point: reference data and the hall's live cases."""
        with database.reader() as conn:
            term = auth.terminal_for(conn, _token(cred))
            return pull.snapshot(conn, term)

    @app.post("/api/v1/backoffice/cases/{case_id}/decision",
              responses={**COMMON, 403: ERR, 404: ERR, 409: ERR})
    def decision(case_id: Annotated[str, Path(max_length=64)], req: DecisionRequest,
                 _v: Protocol) -> dict[str, Any]:
        """A reviewer approves, rejects or asks for a supplement; stored as an event."""
        with database.writer() as conn:
            if nodeinfo.is_node(conn):  # the back office decides where the order is decided
                raise HTTPException(409, "此服务器是大厅节点：审批请在上级服务器办理")
            staff = _reviewer(conn, req.hall, req.staff_no, req.password)
            try:
                return backoffice.decide(conn, req.hall, staff, case_id, req.decision,
                                         req.reason, req.missing)
            except LookupError as exc:
                raise HTTPException(404, str(exc)) from exc
            except DomainError as exc:
                raise HTTPException(409, str(exc)) from exc

    @app.get("/api/v1/backoffice/cases", responses={**COMMON, 403: ERR})
    def review_list(_v: Protocol, hall: Annotated[str, Query(max_length=32)],
                    cred: Annotated[HTTPBasicCredentials | None, Depends(basic)],
                    state: Annotated[str | None, Query(max_length=40)] = None
                    ) -> list[dict[str, Any]]:
        """The hall's cases awaiting review (HTTP Basic: work number and password)."""
        if cred is None:
            raise HTTPException(401, "需要工号和密码", headers={"WWW-Authenticate": "Basic"})
        with database.reader() as conn:
            _reviewer(conn, hall, cred.username, cred.password)
            return backoffice.cases_in(conn, hall, state)

    return app


def _reviewer(conn: sa.Connection, hall: str, no: str, password: str) -> dict[str, Any]:
    try:
        return backoffice.check_staff(conn, hall, no, password)
    except PermissionError as exc:
        raise HTTPException(403, str(exc)) from exc


def _auth_only(database: db.Database, token: str) -> None:
    with database.reader() as conn:
        auth.terminal_for(conn, token)


def _push(database: db.Database, token: str, rows: list[dict[str, Any]], hall: Any,
          seen: dict[str, str]) -> dict[str, Any]:
    with database.writer() as conn:
        term = auth.terminal_for(conn, token)  # max_seq read under the writer lock
        seen[term.id] = auth.now_iso()
        if term.role == "node":  # hall node (issue 11): on behalf of its terminals
            try:
                out = relay.store(conn, term, hall, rows)
            except relay.OutOfScope as exc:
                raise HTTPException(403, str(exc)) from exc
        else:
            out = push.store_batch(conn, term.hall_code, term.id, term.max_seq, rows)
    log.info("push terminal=%s events=%d stored=%d conflicts=%d", term.code, len(rows),
             out.stored, out.conflicts)
    answer: dict[str, Any] = {"results": wire.pack_verdicts(out.results), "stored": out.stored}
    if out.reenrol:
        answer["reenrol"] = True
        answer["message"] = "此终端的数据来自旧备份（终端序号倒退），请向管理员申请注册码重新注册"
    return answer
