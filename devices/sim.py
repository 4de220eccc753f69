"""What every simulator shares: the device end of a pty (and TCP), and a thread serving it.

The driver opens :attr:`PtySimulator.port`, a symlink to the pty's slave in a private
temp folder. The link makes a simulated unplug/replug behave like udev does with
``/dev/ttyUSB0``: unplugging closes the pty (the driver's reads fail with EIO) and
removes the link (reopening fails), replugging makes a new pty and a new link at the
same path, so a driver that reopens with backoff recovers by itself.

With ``tcp_port`` (0 = any free port) the simulator also listens on 127.0.0.1, and the
driver may use ``socket://127.0.0.1:PORT`` instead: that is how the demo runs on Windows,
which has no ptys. Bytes the simulator sends go to the pty and every TCP client.

All file descriptors are opened and closed on the simulator's own thread; control
methods called from other threads (tests, the demo control window) queue requests.
Writes may come from any thread and are serialised by a lock.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import socket
import tempfile
import threading
import weakref
from collections.abc import Callable

try:
    import tty
except ImportError:  # Windows: no ptys, TCP only
    tty = None  # type: ignore[assignment]

#: Whether this OS can give a simulator a pty.
HAS_PTY = tty is not None and hasattr(os, "openpty")

log = logging.getLogger(__name__)

TICK_S = 0.02


class PtySimulator:
    """Base class: subclasses implement :meth:`on_bytes` (and maybe :meth:`on_tick`)."""

    name = "device"

    def __init__(
        self, link_path: str | None = None, *, tcp_port: int | None = None, pty: bool = True
    ) -> None:
        self.use_pty = pty and HAS_PTY
        if not self.use_pty and tcp_port is None:
            tcp_port = 0  # no pty here: serve TCP so the simulator is still usable
        self._tmpdir: str | None = None
        if link_path is None and self.use_pty:
            self._tmpdir = tempfile.mkdtemp(prefix=f"yc-sim-{self.name}-")
            link_path = os.path.join(self._tmpdir, self.name)
            # removed by stop(), or at exit when a caller forgot to stop the simulator
            weakref.finalize(self, shutil.rmtree, self._tmpdir, True)
        self.link_path = link_path or ""
        self._tcp_port = tcp_port
        self._server: socket.socket | None = None
        self._clients: list[socket.socket] = []
        self._serve_lock = threading.Lock()  # on_bytes runs for one endpoint at a time
        self._master: int | None = None
        self._slave: int | None = None
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._requests: list[tuple[Callable[[], None], threading.Event]] = []
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> str:
        """What the driver opens: the pty link, or ``socket://…`` without a pty."""
        return self.link_path if self.use_pty else (self.tcp_url or "")

    @property
    def tcp_url(self) -> str | None:
        """``socket://127.0.0.1:PORT`` while serving TCP."""
        server = self._server
        if server is None:
            return None
        host, port = server.getsockname()[:2]
        return f"socket://{host}:{port}"

    # -- lifecycle ------------------------------------------------------------------
    def start(self) -> PtySimulator:
        """Plug the device in and serve it on a daemon thread; returns self."""
        self._plug()
        if self._tcp_port is not None:
            self._listen(self._tcp_port)
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
        self._close_tcp()
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def __enter__(self) -> PtySimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def plugged(self) -> bool:
        """True while the pty exists (or TCP is served)."""
        return self._master is not None or self._server is not None

    def unplug(self) -> None:
        """Pull the cable: the driver's next read fails and reopening finds nothing."""
        self._on_thread(self._unplug)
        if self._server is not None:
            self._tcp_port = self._server.getsockname()[1]  # replug at the same address
            self._close_tcp()

    def replug(self) -> None:
        """Plug the cable back in at the same :attr:`port` path (and TCP port)."""
        self._on_thread(self._plug)
        if self._tcp_port is not None and self._server is None:
            self._listen(self._tcp_port)

    def _on_thread(self, fn: Callable[[], None]) -> None:
        if self._thread is None or threading.current_thread() is self._thread:
            fn()
            return
        done = threading.Event()
        with self._lock:
            self._requests.append((fn, done))
        done.wait(2.0)

    def _plug(self) -> None:
        if not self.use_pty:
            return
        with self._lock:
            if self._master is not None:
                return
            master, slave = os.openpty()
            tty.setraw(slave)  # no echo, no CR/LF translation: bytes pass as they are
            self._master, self._slave = master, slave
            tmp = f"{self.link_path}.new"
            if os.path.lexists(tmp):
                os.unlink(tmp)
            os.symlink(os.ttyname(slave), tmp)
            os.replace(tmp, self.link_path)

    def _unplug(self) -> None:
        with self._lock:
            for fd in (self._master, self._slave):
                if fd is not None:
                    os.close(fd)
            self._master = self._slave = None
            if self.link_path and os.path.lexists(self.link_path):
                os.unlink(self.link_path)

    # -- I/O ------------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        """Send bytes to the driver on the pty and every TCP client (dropped if unplugged)."""
        with self._lock:
            for conn in list(self._clients):
                try:
                    conn.sendall(data)
                except OSError:
                    self._clients.remove(conn)
            self.write_pty(data)

    def write_pty(self, data: bytes) -> None:
        """Send bytes to the pty only."""
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
                with self._serve_lock:
                    self.on_bytes(data)
            self.on_tick()

    # -- TCP ----------------------------------------------------------------------------
    def _listen(self, port: int) -> None:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", port))
        srv.listen(4)
        srv.settimeout(0.1)
        self._server = srv
        threading.Thread(target=self._accept, args=(srv,), name=f"sim-{self.name}-tcp",
                         daemon=True).start()

    def _close_tcp(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
        with self._lock:
            clients, self._clients = self._clients, []
        for conn in clients:
            conn.close()

    def _accept(self, server: socket.socket) -> None:
        while self._server is server and not self._stop.is_set():
            try:
                conn, _ = server.accept()
            except (TimeoutError, OSError):
                continue
            conn.settimeout(0.1)
            with self._lock:
                self._clients.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                data = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if not data:
                break
            with self._serve_lock:
                self.on_client_bytes(conn, data)
        with self._lock:
            if conn in self._clients:
                self._clients.remove(conn)
        conn.close()

    # -- for subclasses ---------------------------------------------------------------
    def on_client_bytes(self, conn: socket.socket, data: bytes) -> None:
        """Bytes from a TCP client; by default handled like pty bytes (replies broadcast)."""
        self.on_bytes(data)

    def on_bytes(self, data: bytes) -> None:
        """Bytes the driver sent."""

    def on_tick(self) -> None:
        """Called every ~20 ms for timers (a pad's rating timeout, a delayed key)."""
