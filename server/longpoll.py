"""`GET /api/v1/sync/wait?cursor=N`: answer as soon as the caller's hall changed after N.

The hall display must show a call within a second of the key press, and polling every
few hundred milliseconds from every display would cost the server more than the calls
themselves. So a terminal may park one request here: it returns the moment a commit
touches its hall (`changed: true`, then the terminal pulls) or after `timeout` seconds
(`changed: false`, it asks again).

Several stateless workers share one database, and a commit made by one must wake the
requests parked on another. So each worker has one `Watcher`: while anything is parked
there it asks the database every WATCH_S which halls' high-water marks moved (one index
range on `hall_marks`, server.marks) and wakes only the requests of those halls; a
commit in its own process makes it look at once. A parked request holds no thread and no
database connection while it waits: the endpoint is async, each check one short read.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import FastAPI, Query, Request
from starlette.concurrency import run_in_threadpool

from server import db, marks
from server.tokens import TokenCache

log = logging.getLogger(__name__)

WATCH_S = 0.2
RECHECK_S = 10.0  # a parked request looks for itself this often, whatever the watcher says
MAX_TIMEOUT_S = 30.0

Waiter = tuple[asyncio.AbstractEventLoop, asyncio.Event, str]


class Watcher:
    """Wakes the requests parked on this worker when their hall's mark moves."""

    def __init__(self, database: db.Database, every: float = WATCH_S) -> None:
        self.database, self.every = database, every
        self._lock = threading.Lock()
        self._waiters: dict[str, set[Waiter]] = {}
        self._poke = threading.Event()
        self._stop = False
        self._thread: threading.Thread | None = None
        self._seen: int | None = None

    def poke(self) -> None:
        """Look now (a commit in this process; any thread may call it)."""
        self._poke.set()

    def register(self, hall: str, top: int) -> Waiter:
        """Park a request of `hall` that found nothing new up to change seq `top`: any
        hall mark above it from now on wakes the request."""
        item = (asyncio.get_running_loop(), asyncio.Event(), hall)
        with self._lock:
            self._seen = top if self._seen is None else min(self._seen, top)
            self._waiters.setdefault(hall, set()).add(item)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="longpoll-watcher",
                                                daemon=True)
                self._thread.start()
        self._poke.set()
        return item

    def unregister(self, item: Waiter) -> None:
        with self._lock:
            group = self._waiters.get(item[2])
            if group is not None:
                group.discard(item)
                if not group:
                    del self._waiters[item[2]]

    def stop(self) -> None:
        self._stop = True
        self._poke.set()

    def _run(self) -> None:
        while not self._stop:
            with self._lock:
                if not self._waiters:
                    self._thread = None
                    self._seen = None  # nobody waits: the next one starts afresh
                    return
            try:
                self._look()
            except sa.exc.SQLAlchemyError as exc:  # the database away: parked ones recheck
                log.warning("long-poll watcher: %s", type(exc).__name__)
            self._poke.wait(self.every)
            self._poke.clear()

    def _look(self) -> None:
        with self._lock:
            seen = self._seen
        if seen is None:
            return
        with self.database.reader() as conn:
            top, moved = marks.moved_since(conn, seen)
        if top < seen:  # a restored database: everyone pulls and finds out
            moved = {db.ALL_HALLS: top}
        with self._lock:
            if self._seen is not None and self._seen >= seen:  # (no one parked lower since)
                self._seen = top
        if not moved:
            return
        with self._lock:
            if db.ALL_HALLS in moved:
                woken = [w for group in self._waiters.values() for w in group]
            else:
                woken = [w for h in moved for w in self._waiters.get(h, ())]
        for loop, event, _hall in woken:
            with contextlib.suppress(RuntimeError):  # that request's loop has closed
                loop.call_soon_threadsafe(event.set)


def hall_changed(conn: sa.Connection, hall: str, cursor: int) -> tuple[int, bool]:
    """The change seq now, and whether the hall has anything after `cursor` (what a pull
    would bring): the counter and the hall's mark, two primary-key look-ups."""
    top = db.current_seq(conn)
    if top < cursor:  # a cursor from the future (a restored server): pull and see
        return top, True
    return top, marks.mark_of(conn, (hall, db.ALL_HALLS)) > cursor


def add_routes(app: FastAPI, database: db.Database, watcher: Watcher, tokens: TokenCache,
               protocol: Any, bearer_token: Any) -> None:
    """Mount the endpoint; `protocol` and `bearer_token` are the app's dependencies."""

    def check(token: str, cursor: int) -> tuple[str, int, bool]:
        with database.reader() as conn:
            term = tokens.lookup(conn, token)  # a revoked terminal stops waiting too
            return (term.hall_code, *hall_changed(conn, term.hall_code, cursor))

    @app.get("/api/v1/sync/wait", dependencies=[protocol])
    async def sync_wait(request: Request, cursor: Annotated[int, Query(ge=0, lt=2**62)] = 0,
                        timeout: Annotated[float, Query(gt=0, le=MAX_TIMEOUT_S)] = 20.0,
                        token: str = bearer_token) -> dict[str, Any]:
        """Wait until the hall changes after `cursor` (then pull), or `timeout` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        hall, top, changed = await run_in_threadpool(check, token, cursor)
        while not changed:
            item = watcher.register(hall, top)  # a commit after `top` wakes us from now on
            try:
                hall, top, changed = await run_in_threadpool(check, token, cursor)
                if changed:
                    break
                left = deadline - loop.time()
                if left <= 0 or await request.is_disconnected():
                    return {"changed": False, "cursor": cursor}
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(item[1].wait(), min(left, RECHECK_S))
            finally:
                watcher.unregister(item)
        return {"changed": True, "cursor": top}
