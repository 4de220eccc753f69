"""The one place where device threads live: one :class:`DeviceThread` per device.

Why not the desktop's task helper? A device's port is not thread-safe and its drivers
block (a card watch loop runs all day, a rating request waits 30 s), so each device
gets one long-lived thread that owns its port and runs that device's jobs one after
the other: a print job can never interleave with a status query on the same wire.
One-off work that touches no device (saving settings, writing the rating event) goes
through the desktop's own helpers, not here.

Results come back on the GUI thread through a queued signal, so callbacks may touch
widgets. A job that loops (the card watch) is ended by its driver's ``stop()``, which
is thread-safe; :meth:`DeviceThread.shutdown` does that for the job it is running.
"""

from __future__ import annotations

import itertools
import logging
import queue
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass
class _Job:
    number: int
    fn: Callable[[], Any]
    on_done: Done | None
    on_error: Failed | None
    stop: Callable[[], None] | None = None
    result: Any = None
    error: BaseException | None = field(default=None, repr=False)


class _Runner(QThread):
    """Takes jobs from a queue until it gets ``None``."""

    sig_job_finished = Signal(object)
    """A job returned or raised; emitted on this thread, delivered queued."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(f"device-{name}")
        self.jobs: queue.Queue[_Job | None] = queue.Queue()
        self.current: _Job | None = None

    def run(self) -> None:
        while (job := self.jobs.get()) is not None:
            self.current = job
            try:
                job.result = job.fn()
            except BaseException as exc:  # reported to the caller, never lost
                job.error = exc
            self.current = None
            self.sig_job_finished.emit(job)


class DeviceThread(QObject):
    """A device's own thread: ``submit`` jobs, get callbacks on the GUI thread."""

    sig_busy_changed = Signal(bool)
    """True when a job starts on an idle thread, False when the queue is empty."""

    _numbers = itertools.count(1)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._pending = 0
        self._runner = _Runner(name)
        self._runner.sig_job_finished.connect(self._finished)
        self._runner.start()

    @property
    def busy(self) -> bool:
        """True while a job runs or waits."""
        return self._pending > 0

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        stop: Callable[[], None] | None = None,
    ) -> int:
        """Queue ``fn`` on the device thread; ``stop`` (thread-safe) ends it early."""
        job = _Job(next(self._numbers), fn, on_done, on_error, stop)
        self._pending += 1
        if self._pending == 1:
            self.sig_busy_changed.emit(True)
        self._runner.jobs.put(job)
        return job.number

    def cancel_running(self) -> None:
        """Ask the running job to end (its ``stop``); queued jobs still run."""
        job = self._runner.current
        if job is not None and job.stop is not None:
            job.stop()

    @Slot(object)
    def _finished(self, job: _Job) -> None:
        self._pending -= 1
        if job.error is not None:
            if job.on_error is not None:
                job.on_error(job.error)
            else:
                log.error("device job on %s failed: %r", self.name, job.error)
        elif job.on_done is not None:
            job.on_done(job.result)
        if self._pending == 0:
            self.sig_busy_changed.emit(False)

    def shutdown(self, wait_ms: int = 3000) -> None:
        """Stop the running job, drop the thread; safe to call twice."""
        if not self._runner.isRunning():
            return
        while True:  # queued jobs are dropped: their device is going away
            try:
                if self._runner.jobs.get_nowait() is not None:
                    self._pending -= 1
            except queue.Empty:
                break
        self.cancel_running()
        self._runner.jobs.put(None)
        if not self._runner.wait(wait_ms):
            log.warning("device thread %s did not stop in %d ms", self.name, wait_ms)
