"""A receipt printer on a pty and/or TCP (port 9100 style) that answers DLE EOT.

State is set by name (``ok``, ``paper_near_end``, ``paper_out``, ``cover_open``,
``offline``, ``error``) or as a :class:`PrinterStatus`. Every byte received is kept in
:attr:`captured` (the tests assert that a printer out of paper got nothing but status
queries); :meth:`render_png` draws what was printed.
"""

from __future__ import annotations

import logging
import os
import socket
import threading

from devices.printer.render import render_png
from devices.printer.status import QUERIES, STATES, PrinterStatus, encode_status
from devices.sim import PtySimulator

log = logging.getLogger(__name__)

DEFAULT_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
)


def find_cjk_font() -> str | None:
    """A CJK font installed on this machine, for rendering (None when there is none)."""
    return next((p for p in DEFAULT_FONTS if os.path.exists(p)), None)


class _QueryParser:
    """Finds ``10 04 n`` in a byte stream split anywhere; returns the n values."""

    def __init__(self) -> None:
        self._state = 0  # 0: looking, 1: saw DLE, 2: saw DLE EOT

    def feed(self, data: bytes) -> list[int]:
        found = []
        for b in data:
            if self._state == 2:
                found.append(b)
                self._state = 0
            elif b == 0x10:
                self._state = 1
            else:
                self._state = 2 if (self._state == 1 and b == 0x04) else 0
        return found


class PrinterSimulator(PtySimulator):
    """Serves a pty (always) and TCP when ``tcp_port`` is given (0 = any free port)."""

    name = "printer"

    def __init__(
        self,
        state: str | PrinterStatus = "ok",
        *,
        tcp_port: int | None = None,
        link_path: str | None = None,
        font_path: str | None = None,
    ) -> None:
        super().__init__(link_path)
        self.status = STATES[state] if isinstance(state, str) else state
        self.captured = bytearray()
        self.font_path = font_path or find_cjk_font()
        self.silent = False
        self._tcp_port = tcp_port
        self._server: socket.socket | None = None
        self._parsers: dict[object, _QueryParser] = {}
        self._cap_lock = threading.Lock()

    # -- control API ----------------------------------------------------------------
    def set_state(self, state: str | PrinterStatus) -> None:
        """Change what the printer reports (a name from STATES or a PrinterStatus)."""
        self.status = STATES[state] if isinstance(state, str) else state

    def clear(self) -> None:
        """Forget captured bytes."""
        with self._cap_lock:
            self.captured.clear()

    def printed_bytes(self) -> bytes:
        """Everything received except status queries (what would have been printed)."""
        data = bytes(self.captured)
        for q in QUERIES:
            data = data.replace(q, b"")
        return data

    def render_png(self) -> bytes:
        """The printed bytes drawn as a receipt."""
        return render_png(self.printed_bytes(), self.font_path)

    @property
    def tcp_url(self) -> str | None:
        """``socket://127.0.0.1:PORT`` when serving TCP."""
        if self._server is None:
            return None
        host, port = self._server.getsockname()[:2]
        return f"socket://{host}:{port}"

    # -- lifecycle ------------------------------------------------------------------
    def start(self) -> PrinterSimulator:
        """Plug in the pty and, if asked, listen on TCP."""
        super().start()
        if self._tcp_port is not None:
            srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            srv.bind(("127.0.0.1", self._tcp_port))
            srv.listen(4)
            srv.settimeout(0.1)
            self._server = srv
            threading.Thread(target=self._accept, name="sim-printer-tcp", daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop both endpoints."""
        super().stop()
        if self._server is not None:
            self._server.close()
            self._server = None

    # -- serving ----------------------------------------------------------------------
    def _handle(self, key: object, data: bytes, reply) -> None:
        with self._cap_lock:
            self.captured += data
        parser = self._parsers.setdefault(key, _QueryParser())
        answers = encode_status(self.status)
        out = bytes(answers[{1: 0, 2: 1, 4: 2}[n]] for n in parser.feed(data) if n in (1, 2, 4))
        if out and not self.silent:
            reply(out)

    def on_bytes(self, data: bytes) -> None:
        self._handle("pty", data, self.write)

    def _accept(self) -> None:
        while self._server is not None and not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.1)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                self._handle(conn, data, conn.sendall)
        self._parsers.pop(conn, None)
