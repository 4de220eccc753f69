"""Pushes written in groups: the pushes that queued while one writer transaction ran
share the next one, and its commit.

Change seqs are handed out in commit order, so every push of a database takes one lock
(server.db): a push holds it for its statements and a commit that waits for the disk.
At a province's rate (tens of pushes a second, each ~8 ms under the lock on 2 cores)
the lock is busy most of the time, and a lock busy most of the time makes a queue that
never drains: requests waited seconds while the CPUs idled. So each worker has one
writer thread: a push joins its queue and waits (without holding a request thread); the
writer takes every push waiting, runs each in a savepoint of one transaction — a push
that fails is rolled back alone and answered with its own error — and commits once. The
disk's wait and the per-transaction work (the lock, the hall marks) are paid once per
group. A push that finds nobody waiting is written alone, without a savepoint, exactly
as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import sqlalchemy as sa

from server import db, metrics

log = logging.getLogger(__name__)

T = TypeVar("T")
MOST = 64  # pushes in one transaction at most (a batch is at most wire.MAX_BATCH events)
IDLE_S = 30.0  # the writer thread ends after this long without a push


class _Job:
    """One push: what to run under the writer, and where its answer goes."""

    def __init__(self, fn: Callable[[sa.Connection], Any],
                 loop: asyncio.AbstractEventLoop, future: asyncio.Future) -> None:
        self.fn, self.loop, self.future = fn, loop, future
        self.result: Any = None
        self.error: BaseException | None = None

    def deliver(self) -> None:
        def settle() -> None:
            if self.future.done():  # (the request was cancelled: its client left)
                return
            if self.error is not None:
                self.future.set_exception(self.error)
            else:
                self.future.set_result(self.result)

        with contextlib.suppress(RuntimeError):  # that request's loop has closed
            self.loop.call_soon_threadsafe(settle)


class PushGroups:
    """The worker's push queue and its writer thread."""

    def __init__(self, database: db.Database, most: int = MOST) -> None:
        self.database, self.most = database, most
        self._lock = threading.Condition()
        self._queue: list[_Job] = []
        self._thread: threading.Thread | None = None
        self._stop = False

    async def run(self, fn: Callable[[sa.Connection], T]) -> T:
        """fn(conn) in a writer transaction, grouped with whatever pushes wait with it;
        its result once that transaction committed, or its own exception (its writes
        undone), or the transaction's."""
        loop = asyncio.get_running_loop()
        job = _Job(fn, loop, loop.create_future())
        with self._lock:
            self._queue.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="push-writer",
                                                daemon=True)
                self._thread.start()
            self._lock.notify()
        return await job.future

    def stop(self) -> None:
        with self._lock:
            self._stop = True
            self._lock.notify()

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._queue and not self._stop:
                    self._lock.wait(IDLE_S)
                if not self._queue:  # idle for a while, or stopping: the thread ends
                    self._thread = None
                    return
                jobs, self._queue = self._queue[:self.most], self._queue[self.most:]
            self.write(jobs)

    def write(self, jobs: list[_Job]) -> None:
        """One transaction for `jobs`; every job answered whatever happens."""
        try:
            with self.database.writer() as conn:
                if len(jobs) == 1:  # alone: its error rolls the transaction back
                    jobs[0].result = jobs[0].fn(conn)
                else:
                    for job in jobs:
                        try:
                            with conn.begin_nested():
                                job.result = job.fn(conn)
                        except Exception as exc:  # its own answer, its writes undone
                            job.error, job.result = exc, None
                            db.forget_seq(conn)  # (the seq it took went with them)
            metrics.PUSH_GROUP.observe(len(jobs))
        except Exception as exc:  # the commit or the connection: nobody's writes stand
            for job in jobs:
                if job.error is None:
                    job.error, job.result = exc, None
        finally:
            for job in jobs:
                job.deliver()
