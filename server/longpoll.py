"""`GET /api/v1/sync/wait?cursor=N`: answer as soon as the caller's hall changed after N.

The hall display must show a call within a second of the key press, and polling every
few hundred milliseconds from every display would cost the server more than the calls
themselves. So a terminal may park one request here: it returns the moment a commit
touches its hall (`changed: true`, then the terminal pulls) or after `timeout` seconds
(`changed: false`, it asks again).

Commits in this process wake waiters at once (`Notifier`, fed by db.Database's commit
listeners); a commit by another process (the admin command, another worker) is seen by
the re-check every `RECHECK_S`. A waiter holds no thread and no database connection
while it waits: the endpoint is async and each check is one short read.

Kept small on purpose: the production long poll of the central server (issue 16) may
absorb it.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import FastAPI, Query, Request
from starlette.concurrency import run_in_threadpool

from server import auth, db

RECHECK_S = 1.0
MAX_TIMEOUT_S = 30.0


class Notifier:
    """Wakes every parked request when something commits (any thread may call notify)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()

    def notify(self) -> None:
        with self._lock:
            waiters = list(self._waiters)
        for loop, event in waiters:
            with contextlib.suppress(RuntimeError):  # that request's loop has closed
                loop.call_soon_threadsafe(event.set)

    def register(self) -> tuple[asyncio.AbstractEventLoop, asyncio.Event]:
        item = (asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            self._waiters.add(item)
        return item

    def unregister(self, item: tuple[asyncio.AbstractEventLoop, asyncio.Event]) -> None:
        with self._lock:
            self._waiters.discard(item)


def hall_changed(conn: sa.Connection, hall: str, cursor: int) -> int | None:
    """The change seq if the hall has anything after `cursor` (events, reference rows,
    notices — what a pull would bring), else None. Three indexed look-ups at most."""
    top = db.current_seq(conn)
    if top < cursor:  # a cursor from the future (a restored server): pull and see
        return top
    if top == cursor:
        return None
    e, r, n = db.events, db.reference, db.notices
    probes = (
        sa.select(e.c.server_seq).where(e.c.hall_code == hall, e.c.server_seq > cursor),
        sa.select(r.c.change_seq).where(r.c.hall_code.in_((hall, db.ALL_HALLS)),
                                        r.c.change_seq > cursor),
        sa.select(n.c.change_seq).where(n.c.hall_code == hall, n.c.change_seq > cursor),
    )
    for q in probes:
        if conn.execute(q.limit(1)).first() is not None:
            return top
    return None


def _check(database: db.Database, token: str, cursor: int) -> int | None:
    with database.reader() as conn:
        term = auth.terminal_for(conn, token)
        return hall_changed(conn, term.hall_code, cursor)


def add_routes(app: FastAPI, database: db.Database, notifier: Notifier, protocol: Any,
               bearer_token: Any) -> None:
    """Mount the endpoint; `protocol` and `bearer_token` are the app's dependencies."""

    @app.get("/api/v1/sync/wait", dependencies=[protocol])
    async def sync_wait(request: Request, cursor: Annotated[int, Query(ge=0, lt=2**62)] = 0,
                        timeout: Annotated[float, Query(gt=0, le=MAX_TIMEOUT_S)] = 20.0,
                        token: str = bearer_token) -> dict[str, Any]:
        """Wait until the hall changes after `cursor` (then pull), or `timeout` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            item = notifier.register()  # before the check: a commit in between still wakes us
            try:
                top = await run_in_threadpool(_check, database, token, cursor)
                if top is not None:
                    return {"changed": True, "cursor": top}
                left = deadline - loop.time()
                if left <= 0 or await request.is_disconnected():
                    return {"changed": False, "cursor": cursor}
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(item[1].wait(), min(left, RECHECK_S))
            finally:
                notifier.unregister(item)
