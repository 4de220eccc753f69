"""What every simulator shares: the device end of a pty, and a thread that serves it.

The driver opens :attr:`PtySimulator.port`, a symlink to the pty's slave in a private
temp folder. The link makes a simulated unplug/replug behave like udev does with
``/dev/ttyUSB0``: unplugging closes the pty (the driver's reads fail with EIO) and
removes the link (reopening fails), replugging makes a new pty and a new link at the
same path, so a driver that reopens with backoff recovers by itself.

All file descriptors are opened and closed on the simulator's own thread; control
methods called from other threads (tests, the demo control window) queue requests.
Writes may come from any thread and are serialised by a lock.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import tempfile
import threading
import tty
from collections.abc import Callable

log = logging.getLogger(__name__)

TICK_S = 0.02


class PtySimulator:
    """Base class: subclasses implement :meth:`on_bytes` (and maybe :meth:`on_tick`)."""

    name = "device"

    def __init__(self, link_path: str | None = None) -> None:
        self._tmpdir: str | None = None
        if link_path is None:
            self._tmpdir = tempfile.mkdtemp(prefix=f"yc-sim-{self.name}-")
            link_path = os.path.join(self._tmpdir, self.name)
        self.port = link_path
        self._master: int | None = None
        self._slave: int | None = None
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._requests: list[tuple[Callable[[], None], threading.Event]] = []
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------
    def start(self) -> PtySimulator:
        """Plug the device in and serve it on a daemon thread; returns self."""
        self._plug()
        self._thread = threading.Thread(target=self._run, name=f"sim-{self.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close the pty and remove the temp folder (idempotent)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        self._unplug()
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def __enter__(self) -> PtySimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def plugged(self) -> bool:
        """True while the pty exists."""
        return self._master is not None

    def unplug(self) -> None:
        """Pull the cable: the driver's next read fails and reopening finds nothing."""
        self._on_thread(self._unplug)

    def replug(self) -> None:
        """Plug the cable back in at the same :attr:`port` path."""
        self._on_thread(self._plug)

    def _on_thread(self, fn: Callable[[], None]) -> None:
        if self._thread is None or threading.current_thread() is self._thread:
            fn()
            return
        done = threading.Event()
        with self._lock:
            self._requests.append((fn, done))
        done.wait(2.0)

    def _plug(self) -> None:
        with self._lock:
            if self._master is not None:
                return
            master, slave = os.openpty()
            tty.setraw(slave)  # no echo, no CR/LF translation: bytes pass as they are
            self._master, self._slave = master, slave
            tmp = f"{self.port}.new"
            if os.path.lexists(tmp):
                os.unlink(tmp)
            os.symlink(os.ttyname(slave), tmp)
            os.replace(tmp, self.port)

    def _unplug(self) -> None:
        with self._lock:
            for fd in (self._master, self._slave):
                if fd is not None:
                    os.close(fd)
            self._master = self._slave = None
            if os.path.lexists(self.port):
                os.unlink(self.port)

    # -- I/O ------------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        """Send bytes to the driver (dropped while unplugged)."""
        with self._lock:
            if self._master is None:
                return
            view = memoryview(data)
            while view:
                try:
                    view = view[os.write(self._master, view) :]
                except BlockingIOError:
                    select.select([], [self._master], [], 0.05)
                except OSError:
                    return

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                requests, self._requests = self._requests, []
            for fn, done in requests:
                fn()
                done.set()
            master = self._master
            if master is None:
                self._stop.wait(TICK_S)
                self.on_tick()
                continue
            try:
                ready, _, _ = select.select([master], [], [], TICK_S)
                data = os.read(master, 65536) if ready else b""
            except OSError:  # unplugged under us or the pty went away
                data = b""
            if data:
                self.on_bytes(data)
            self.on_tick()

    # -- for subclasses ---------------------------------------------------------------
    def on_bytes(self, data: bytes) -> None:
        """Bytes the driver sent."""

    def on_tick(self) -> None:
        """Called every ~20 ms for timers (a pad's rating timeout, a delayed key)."""
