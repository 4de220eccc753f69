"""The HTTP face of the server (FastAPI): enrolment, push, pull, snapshot, back office,
health and metrics.

Every sync request carries the protocol version in a header; a client speaking another
version gets 426 and a message saying what to do, never a silent misreading. Database
trouble that may pass (a lost connection, a locked file) is 503 with Retry-After, so
clients back off and retry; nothing is half applied because each request is one
transaction. Input the server cannot store (a NUL character anywhere, a value the
database refuses) is a 4xx for that request or a refusal of that event, never a 500.
Every sync answer carries the server's epoch, and a terminal whose view of it is ahead
of the database is answered 409 before anything is stored (server.epoch).

Any number of these apps may serve one database side by side (`yichuang server
--workers N`): whatever one worker must know of another's work is in the database
(docs/deploy.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import logging
import os
import sys
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

import anyio.to_thread
import sqlalchemy as sa
from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBasicCredentials
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
    health,
    idle,
    logins,
    longpoll,
    metrics,
    nodeinfo,
    push_group,
    sync_routes,
)
from server import status_page as status_html
from server.contacts import Contacts
from server.http_common import (
    ERR,
    NO_NUL,
    Bearer,
    Protocol,
    Restored,
    basic,
    protocol,
    terminal_token,
)
from server.tokens import TokenCache
from server.upstream import Upstream, UpstreamWorker
from sync import wire

log = logging.getLogger(__name__)

CONFIG_ENV = "YICHUANG_SERVER_APP"  # the options of `yichuang server --workers N`, as JSON


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


SWITCH_INTERVAL_S = 0.0005
GC_THRESHOLDS = (2_000, 20, 100)
REQUEST_THREADS = 8


def serving_process() -> None:
    """Set up the process a server runs in (`yichuang server`, each of its workers).

    The push writer (server.push_group) waits on the database a dozen times a push while
    it holds the change-seq lock, and each time must win the GIL back from the threads
    building pages: at Python's 5 ms switch interval that wait, not the work, set how
    long the lock was held under load. 0.5 ms keeps the lock's holder close to its work.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    gc.set_threshold(*GC_THRESHOLDS)


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
    tokens, contacts = TokenCache(), Contacts(database)
    pushes = push_group.PushGroups(database)
    worker = None
    if node_url:
        worker = UpstreamWorker(Upstream(database, node_url, code, name=name),
                                interval=upstream_interval)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # request threads: a few run the framework's routes and the pages to read; more
        # would only take turns at the GIL with the push writer (server.push_group)
        anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        contacts.start()
        if worker is not None:
            worker.start()
        yield
        if worker is not None:
            await run_in_threadpool(worker.stop)
        watcher.stop()
        pushes.stop()
        await run_in_threadpool(contacts.stop)

    app = FastAPI(title="一窗 Yichuang sync server", version=str(wire.PROTOCOL_VERSION),
                  lifespan=lifespan)
    app.state.db = database
    app.state.upstream = worker
    app.state.contacts = contacts
    app.state.tokens = tokens
    # outermost last: metrics → NUL check → gzip (not an idle answer: ~250 B) → ordinary
    # pulls answered in front of the framework (server.idle) → the routes
    app.add_middleware(idle.FastPull, database=database, tokens=tokens, contacts=contacts)
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(_NoNul)
    app.add_middleware(metrics.Timing)
    watcher = longpoll.Watcher(database)
    database.listeners.append(watcher.poke)
    app.state.watcher = watcher
    longpoll.add_routes(app, database, watcher, tokens, Depends(protocol),
                        Depends(terminal_token))

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

    @app.get("/api/v1/health", responses={503: ERR})
    def health_check() -> JSONResponse:
        """Liveness for a load balancer and the operators: whether the database answers,
        the backlog (a hall node's events waiting for the WAN), the protocol version and
        what this server is in the tree. 503 when the database does not answer (no
        credentials, no version header needed)."""
        ok, out = health.report(database)
        return JSONResponse(out, status_code=200 if ok else 503)

    @app.get("/metrics", include_in_schema=False)
    def prometheus() -> Response:
        """Prometheus' text format (server.metrics)."""
        return Response(metrics.render(database), media_type=metrics.CONTENT_TYPE)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def status_page() -> HTMLResponse:
        """The node's (or the city's) status for a browser: upstream, backlog, terminals."""
        with database.reader() as conn:
            return HTMLResponse(status_html.render(conn))

    sync_routes.add_routes(app, sync_routes.SyncState(database, tokens, contacts, pushes,
                                                      worker))
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



class _NoNul:
    """A NUL in a path, a query or a header (PostgreSQL cannot compare with one) is a 400
    (pure ASGI: no task per request, as BaseHTTPMiddleware would cost)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and _has_nul(scope):
            await JSONResponse({"detail": "请求含有 NUL 字符"}, status_code=400)(
                scope, receive, send)
            return
        await self.app(scope, receive, send)


def _has_nul(scope: Any) -> bool:
    from urllib.parse import unquote

    raw, query = scope.get("raw_path") or b"", scope.get("query_string", b"")
    return ("\x00" in scope.get("path", "") or b"\x00" in raw or b"\x00" in query
            or (b"%" in raw and "\x00" in unquote(raw.decode("latin-1")))
            or (b"%" in query and "\x00" in unquote(query.decode("latin-1")))
            or any(b"\x00" in v for _, v in scope.get("headers", ())))


def worker_app() -> FastAPI:
    """The app of one worker of `yichuang server --workers N` (uvicorn's factory): the
    options come from the environment the command set."""
    opts = json.loads(os.environ[CONFIG_ENV])
    serving_process()
    app = create_app(opts["db"], demo=bool(opts.get("demo")), name=opts.get("name", ""))
    gc.freeze()  # what start-up made lives as long as the worker: no collection scans it
    return app
