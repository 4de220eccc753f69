"""The one helper that runs work off the GUI thread and brings the answer back to it.

Three lanes, as in Anki and Picard:

* ``write(fn)`` — a single thread owns the writing connection to the replica, so writes
  are serialised without locks and a slow write never blocks the clerk. ``fn`` receives
  the thread's `CaseStore` (the only way cases are written).
* ``read(fn)`` — a small pool for look-ups; each pool thread opens its own `Replica`
  (SQLite connections are never shared between threads). ``fn`` receives it.
* ``io(fn)`` — anything else slow (hashing a password, a file, a device).

``on_done(result)`` / ``on_error(exc)`` run on the GUI thread through a queued signal;
nothing here calls processEvents(). Without ``on_error`` a failure is logged and
re-emitted as ``sig_task_failed`` so the window can show it. `InlineTaskRunner` runs
everything at once in the caller's thread: tests use it to stay deterministic.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import logging
import pathlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None] | None
Clock = Callable[[], dt.datetime]


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a method of a Qt object that has been deleted."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        import shiboken6

        return shiboken6.isValid(owner)
    return True


class TaskRunner(QObject):
    """Background lanes for the replica and other I/O, answers on the GUI thread."""

    sig_task_failed = Signal(object)
    """A task without its own on_error raised (the exception is the argument)."""
    sig_busy_changed = Signal(bool)
    """Work started (True) or everything submitted has been answered (False)."""
    sig_written = Signal(object)
    """A write task finished; the argument is what it returned (e.g. the changed case)."""
    _sig_result = Signal(object)

    def __init__(self, replica_path: pathlib.Path | str, *, clock: Clock | None = None,
                 readers: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.replica_path = pathlib.Path(replica_path)
        self.clock = clock
        self._pending = 0
        self._local = threading.local()
        self._writer_ready = threading.Event()
        self._writer = cf.ThreadPoolExecutor(1, thread_name_prefix="replica-writer",
                                             initializer=self._open_writer)
        self._readers = cf.ThreadPoolExecutor(readers, thread_name_prefix="replica-reader")
        self._io = cf.ThreadPoolExecutor(2, thread_name_prefix="io")
        self._sig_result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        # start the writer now: readers wait for its migrations, and a face that only
        # reads (the hall display) would otherwise wait for a write that never comes
        self._writer.submit(lambda: None)

    # --- public API -----------------------------------------------------------
    def write(self, fn: Callable[[Any], Any], on_done: Callback = None,
              on_error: Callback = None) -> None:
        """Run fn(store) on the writer thread; the result also goes to sig_written."""
        self._submit(self._writer, lambda: fn(self._store()), on_done, on_error, written=True)

    def read(self, fn: Callable[[Any], Any], on_done: Callback = None,
             on_error: Callback = None) -> None:
        """Run fn(replica) on a reader thread with that thread's own connection."""
        self._submit(self._readers, lambda: fn(self._reader_replica()), on_done, on_error)

    def io(self, fn: Callable[[], Any], on_done: Callback = None,
           on_error: Callback = None) -> None:
        """Run fn() on the I/O pool (hashing, files, devices)."""
        self._submit(self._io, fn, on_done, on_error)

    def warm_readers(self, fn: Callable[[Any], Any] | None = None) -> None:
        """Open every reader's connection now and run fn(replica) on each (e.g. a
        look-up that finds nothing): the first real look-up then finds its connection,
        its compiled statements and the index pages it needs ready, on whichever reader
        it lands. Nothing comes back; a failure is only logged."""
        n = self._readers._max_workers
        gate = threading.Barrier(n)

        def warm() -> None:
            try:
                replica = self._reader_replica()
                with contextlib.suppress(threading.BrokenBarrierError):
                    gate.wait(5)  # holds this reader, so the next task goes to another
                if fn is not None:
                    fn(replica)
            except Exception:
                log.warning("warming a reader failed", exc_info=True)

        for _ in range(n):
            self._readers.submit(warm)

    @property
    def pending(self) -> int:
        """Tasks submitted whose answer has not been delivered yet."""
        return self._pending

    def idle(self) -> bool:
        return self._pending == 0

    def shutdown(self) -> None:
        """Let queued writes finish (a case half-written is not an option), then stop."""
        self._writer.submit(self._close_writer)
        for pool in (self._writer, self._readers, self._io):
            pool.shutdown(wait=True, cancel_futures=pool is not self._writer)

    # --- threads --------------------------------------------------------------
    def _open_writer(self) -> None:
        from sync.replica import Replica
        from sync.store import CaseStore

        try:
            replica = Replica(self.replica_path)
            self._local.store = CaseStore(replica, clock=self.clock)
        finally:
            self._writer_ready.set()

    def _close_writer(self) -> None:
        store = getattr(self._local, "store", None)
        if store is not None:
            store.replica.close()

    def _store(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            raise RuntimeError("the replica could not be opened")
        return store

    def _reader_replica(self) -> Any:
        replica = getattr(self._local, "replica", None)
        if replica is None:
            from sync.replica import Replica

            self._writer_ready.wait(30)  # the writer runs the migrations first
            replica = self._local.replica = Replica(self.replica_path)
        return replica

    # --- plumbing -------------------------------------------------------------
    def _submit(self, pool: cf.Executor, job: Callable[[], Any], on_done: Callback,
                on_error: Callback, *, written: bool = False) -> None:
        self._pending += 1
        if self._pending == 1:
            self.sig_busy_changed.emit(True)

        def run() -> None:
            try:
                result = job()
            except Exception as exc:  # delivered to the GUI thread, not swallowed
                self._sig_result.emit((on_error, exc, False, False))
            else:
                self._sig_result.emit((on_done, result, True, written))

        pool.submit(run)

    @Slot(object)
    def _deliver(self, packet: tuple[Callback, Any, bool, bool]) -> None:
        callback, value, ok, written = packet
        self._pending -= 1
        try:
            if ok:
                if written:
                    self.sig_written.emit(value)
                if callback is not None and _alive(callback):
                    callback(value)
            elif callback is not None and _alive(callback):
                callback(value)
            else:
                if not getattr(value, "code", None):
                    log.error("background task failed", exc_info=value)
                self.sig_task_failed.emit(value)
        finally:
            if self._pending == 0:
                self.sig_busy_changed.emit(False)


class InlineTaskRunner(TaskRunner):
    """Same API, no threads: each task runs when submitted (tests, scripts)."""

    def __init__(self, replica_path: pathlib.Path | str, *, clock: Clock | None = None,
                 parent: QObject | None = None, **_: Any) -> None:
        QObject.__init__(self, parent)
        from sync.replica import Replica
        from sync.store import CaseStore

        self.replica_path = pathlib.Path(replica_path)
        self.clock = clock
        self._pending = 0
        self._replica = Replica(self.replica_path)
        self._store_obj = CaseStore(self._replica, clock=clock)
        self._sig_result.connect(self._deliver, Qt.ConnectionType.DirectConnection)

    def write(self, fn: Callable[[Any], Any], on_done: Callback = None,
              on_error: Callback = None) -> None:
        self._run(lambda: fn(self._store_obj), on_done, on_error, written=True)

    def read(self, fn: Callable[[Any], Any], on_done: Callback = None,
             on_error: Callback = None) -> None:
        self._run(lambda: fn(self._replica), on_done, on_error)

    def io(self, fn: Callable[[], Any], on_done: Callback = None,
           on_error: Callback = None) -> None:
        self._run(fn, on_done, on_error)

    def warm_readers(self, fn: Callable[[Any], Any] | None = None) -> None:
        if fn is not None:
            fn(self._replica)

    def _run(self, job: Callable[[], Any], on_done: Callback, on_error: Callback, *,
             written: bool = False) -> None:
        self._pending += 1
        try:
            result = job()
        except Exception as exc:
            self._deliver((on_error, exc, False, False))
        else:
            self._deliver((on_done, result, True, written))

    def shutdown(self) -> None:
        self._replica.close()
