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
        """The n of every complete query in ``data``."""
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
        super().__init__(link_path, tcp_port=tcp_port)
        self.status = STATES[state] if isinstance(state, str) else state
        self.captured = bytearray()
        self.font_path = font_path or find_cjk_font()
        self.silent = False
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
        """Answer the host's frames."""
        self._handle("pty", data, self.write_pty)

    def on_client_bytes(self, conn: socket.socket, data: bytes) -> None:
        """A TCP client's bytes: answer that connection only."""
        self._handle(conn, data, conn.sendall)  # answer the connection that asked
