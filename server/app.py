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

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
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
    batch,
    body,
    calendar,
    db,
    demo_staff,
    epoch,
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


class StepRequest(BaseModel):
    """A back-office step on a case: the event kind and its payload."""

    kind: Literal["approved", "rejected", "supplement_requested", "clock_paused",
                  "clock_resumed", "extension_requested", "extended", "extension_declined",
                  "result_ready"]
    reason: str = Field(default="", max_length=500, pattern=NO_NUL)
    opinion: str = Field(default="", max_length=500, pattern=NO_NUL)
    missing: list[Annotated[str, Field(max_length=200, pattern=NO_NUL)]] = Field(
        default=[], max_length=50)
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
    db.init_db(database.engine, quiet=False)
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
    epoch.record_boot(database)
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
        answer = await run_in_threadpool(_push, database, token, rows, version,
                                         epoch.parse(seen), dry_run, data.get("hall"),
                                         app.state.seen)
        if worker is not None and answer.get("stored"):  # hall node: forward it now
            worker.wake()
        answer.pop("stored", None)
        return answer

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
            app.state.seen[term.id] = auth.now_iso()
            verdict = epoch.check(conn, term, seen_)
            if verdict is None:
                page = _page(conn, term, cursor, limit)
        if page is None:  # record the restore (under the writer) and answer 409
            _restored_under_writer(database, token, seen_)
            with database.reader() as conn:  # the writer found the view agrees after all
                page = _page(conn, term, cursor, limit)
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

    _backoffice_routes(app, database, demo)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, routes=app.routes)
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            push_schema = batch.openapi_schema()
            schemas.update(push_schema.pop("$defs", {}))
            schemas["PushBody"] = push_schema
            # what the middleware and the handlers above may answer on any route, each as
            # {"detail": "…"}: a NUL (400), no or a bad credential (401), a malformed
            # request (422), an old protocol (426), the database away (503)
            for operation in (op for path in spec.get("paths", {}).values()
                              for op in path.values() if isinstance(op, dict)):
                responses = operation.setdefault("responses", {})
                responses["422"] = {"description": "请求格式错误", **ERR}
                for code, text in (("400", "请求无效"), ("401", "凭据无效"),
                                   ("426", "协议版本不符"), ("503", "数据库暂时不可用")):
                    responses.setdefault(code, {"description": text, **ERR})
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


def _auth_only(database: db.Database, token: str) -> None:
    with database.reader() as conn:
        auth.terminal_for(conn, token)


class _DryRun(Exception):
    """Rolls a dry run's writer transaction back, carrying its answer out."""


def _page(conn: sa.Connection, term: auth.Terminal, cursor: int, limit: int) -> dict[str, Any]:
    """A pull page: a hall node's covers its scope (server.relay), a terminal's its hall;
    both say which server this is and whether it reaches the city, and its epoch."""
    if term.role == "node":
        page = relay.pull_page(conn, term, cursor, limit)
    else:
        page = pull.pull_page(conn, term, cursor, limit)
    page["server"] = nodeinfo.info(conn)
    page["epoch"] = epoch.state(conn)
    return page


def _push(database: db.Database, token: str, rows: list[Any], version: str | None,
          seen: epoch.Seen | None, dry_run: bool = False, hall: Any = None,
          contacts: dict[str, str] | None = None) -> dict[str, Any]:
    restored = None
    try:
        with database.writer() as conn:
            term = auth.terminal_for(conn, token)  # max_seq read under the writer lock
            if contacts is not None:
                contacts[term.id] = auth.now_iso()
            restored = epoch.check(conn, term, seen, writer=True)
            if restored is None and term.role == "node":  # on behalf of its terminals
                try:
                    out = relay.store(conn, term, hall, rows)
                except relay.OutOfScope as exc:
                    raise HTTPException(403, str(exc)) from exc
            elif restored is None:  # nothing is stored from a terminal that must resync
                out = push.store_batch(conn, term.hall_code, term.id, term.max_seq, rows,
                                       term.lineage)
            if restored is None:
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
    answer: dict[str, Any] = {"results": wire.pack_verdicts(out.results), "epoch": top,
                              "stored": out.stored}
    if out.reenrol:
        answer["reenrol"] = True
        answer["message"] = "此终端的数据来自旧备份（终端序号倒退），请向管理员申请注册码重新注册"
    return answer


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

