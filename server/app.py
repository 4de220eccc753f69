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

from domain import roles
from domain.errors import DomainError
from domain.events import CHINA_TZ
from server import (
    admin,
    auth,
    backoffice,
    body,
    calendar,
    db,
    demo_staff,
    logins,
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


class StepRequest(BaseModel):
    """A back-office step on a case: the event kind and its payload."""

    kind: Literal["approved", "rejected", "supplement_requested", "clock_paused",
                  "clock_resumed", "extension_requested", "extended", "extension_declined",
                  "result_ready"]
    reason: str = Field(default="", max_length=500)
    opinion: str = Field(default="", max_length=500)
    missing: list[Annotated[str, Field(max_length=200)]] = Field(default=[], max_length=50)
    pause_reason: Literal["hearing", "inspection", "expert_review", "other"] | None = None
    days: int | None = Field(default=None, ge=1, le=3650)

    def payload(self) -> dict[str, Any]:
        p: dict[str, Any] = {k: v for k, v in (("reason", self.reason),
                                                ("opinion", self.opinion)) if v}
        if self.kind == "supplement_requested":
            p["missing"] = list(self.missing)
        if self.pause_reason:
            p["pause_reason"] = self.pause_reason
        if self.days is not None:
            p["days"] = self.days
        return p


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
               upstream_interval: float = 5.0, name: str = "", demo: bool = False
               ) -> FastAPI:
    """The application for one database (SQLite file or PostgreSQL URL).

    With `upstream` (or a database that already is one) it is a hall node: it serves its
    hall's terminals and forwards to its upstream (docs/hall-node.md, server.upstream).

    `demo`: seed an empty database with the demo hall and keep its staff (password
    1234); otherwise any staff record with a demo credential is disarmed at start.
    """
    database = db.Database(db_url)
    db.init_db(database.engine)
    with database.writer() as conn:
        admin.ensure_calendar(conn)
        calendar.log_warning(conn, dt.datetime.now(CHINA_TZ).date())
        if demo:
            demo_staff.seed(conn)
        else:
            demo_staff.disarm(conn)
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

    _backoffice_routes(app, database, demo)

    return app


def _backoffice_routes(app: FastAPI, database: db.Database, demo: bool) -> None:
    """Reviewers and heads over the city network (the reviewer face's server mode)."""
    bo = "/api/v1/backoffice"
    failed = {401: ERR, 426: ERR}

    def staff_of(cred: HTTPAuthorizationCredentials | None) -> logins.BackofficeStaff:
        if cred is None or not cred.credentials:
            raise logins.LoginFailed(logins.EXPIRED)
        return logins.staff_for(database, cred.credentials, demo=demo)

    @app.exception_handler(logins.LoginFailed)
    async def _login_failed(request: Request, exc: logins.LoginFailed) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=401)

    @app.post(f"{bo}/login", responses=failed)
    def bo_login(request: Request, _v: Protocol,
                 hall: Annotated[str, Query(min_length=1, max_length=32, pattern=r"^[\w-]+$")],
                 cred: Annotated[HTTPBasicCredentials | None, Depends(basic)]
                 ) -> dict[str, Any]:
        """Work number and password in the Authorization header (HTTP Basic), once;
        answers a short-lived token. Any failure answers the same 401."""
        if cred is None or len(cred.username) > 32 or len(cred.password) > 200:
            raise logins.LoginFailed(logins.FAILED)
        address = request.client.host if request.client else "?"
        token, expires, staff = logins.login(database, hall, cred.username, cred.password,
                                             address, demo=demo)
        return {"token": token, "expires_at": expires, "staff": staff.to_dict()}

    @app.post(f"{bo}/logout", responses=failed)
    def bo_logout(_v: Protocol, cred: Bearer) -> dict[str, bool]:
        """The token stops working now."""
        staff_of(cred)
        logins.logout(database, cred.credentials if cred else "")
        return {"ok": True}

    @app.get(f"{bo}/reference", responses=failed)
    def bo_reference(_v: Protocol, cred: Bearer) -> dict[str, Any]:
        """The hall's catalog, staff (no password hashes) and calendar."""
        staff = staff_of(cred)
        with database.reader() as conn:
            return backoffice.reference_for(conn, staff.hall)

    @app.get(f"{bo}/cases", responses=failed)
    def bo_cases(_v: Protocol, cred: Bearer,
                 scope: Annotated[Literal["queue", "decided"], Query()] = "queue"
                 ) -> list[dict[str, Any]]:
        """The cases waiting for my department (a head's too: extensions to approve)."""
        staff = staff_of(cred)
        with database.reader() as conn:
            return backoffice.cases_for(conn, staff, scope)

    @app.get(f"{bo}/cases/{{case_id}}", responses={**failed, 404: ERR})
    def bo_case(case_id: Annotated[str, Path(max_length=64, pattern=r"^[\w-]+$")],
                _v: Protocol, cred: Bearer) -> dict[str, Any]:
        """A case of my department as its events; the face folds them."""
        staff = staff_of(cred)
        with database.reader() as conn:
            try:
                return {"events": backoffice.events_of(conn, staff, case_id)}
            except backoffice.NotFound as exc:
                raise HTTPException(404, str(exc)) from exc

    @app.post(f"{bo}/cases/{{case_id}}/steps", responses={**failed, 403: ERR, 404: ERR,
                                                        409: ERR})
    def bo_step(case_id: Annotated[str, Path(max_length=64, pattern=r"^[\w-]+$")],
                req: StepRequest, _v: Protocol, cred: Bearer) -> dict[str, Any]:
        """Approve, reject, return for 补正, pause or resume, ask for or decide an
        extension: one event, checked against the rule table and the case."""
        staff = staff_of(cred)  # the token is checked before the write lock
        with database.writer() as conn:
            if nodeinfo.is_node(conn):  # the back office decides where the order is decided
                raise HTTPException(409, "此服务器是大厅节点：审批请在上级服务器办理")
            try:
                return backoffice.record_step(conn, staff, case_id, req.kind, req.payload())
            except backoffice.NotFound as exc:
                raise HTTPException(404, str(exc)) from exc
            except roles.Forbidden as exc:
                raise HTTPException(403, str(exc)) from exc
            except DomainError as exc:
                raise HTTPException(409, str(exc)) from exc


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
