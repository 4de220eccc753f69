"""A scanner in USB-CDC / RS-232 mode: each code is a line ending in CR or CR LF.

:class:`LineFramer` is the pure codec (fuzzed): bytes in, codes out, CR / LF / CR LF
all end a code, so either scanner setting works. Slip barcodes are ASCII by design; a
line with other bytes is noise (wrong baud rate) and raises ``scanner.protocol``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from devices.errors import ScannerError, ScannerProtocolError
from devices.transport import Port, PortDevice, deadline_in

MAX_LINE = 512
_PRINTABLE = re.compile(rb"[\x20-\x7e\t]*")


class LineFramer:
    """Incremental CR/LF framing; empty lines (the LF of CR LF) are skipped."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._queue: list[bytes] = []

    def feed(self, data: bytes) -> list[str]:
        """Append bytes; the complete codes in them (raises on a non-ASCII line).

        A bad line is consumed before raising, so the next call goes on with the rest.
        """
        self._buf += data
        while True:
            ends = [i for i in (self._buf.find(b"\r"), self._buf.find(b"\n")) if i >= 0]
            if not ends:
                if len(self._buf) > MAX_LINE:
                    self._buf.clear()
                    raise ScannerProtocolError(f"no line end in {MAX_LINE} bytes")
                break
            end = min(ends)
            line = bytes(self._buf[:end])
            del self._buf[: end + 1]
            if line:
                self._queue.append(line)
        codes, bad = [], None
        for line in self._queue:
            if len(line) > MAX_LINE or not _PRINTABLE.fullmatch(line):
                bad = line
                continue
            codes.append(line.decode("ascii"))
        self._queue.clear()
        if bad is not None and not codes:
            raise ScannerProtocolError(f"line of {len(bad)} bytes is not printable ASCII")
        return codes


class SerialScanner(PortDevice):
    """Reads codes from a serial scanner; blocking, with timeouts and :meth:`stop`."""

    def __init__(
        self, url: str, *, baudrate: int = 9600, port_factory: Callable[..., Port] = Port
    ) -> None:
        self._init_port(url, error_cls=ScannerError, baudrate=baudrate, port_factory=port_factory)
        self._framer = LineFramer()
        self._ready: list[str] = []

    def read_code(self, timeout_s: float) -> str | None:
        """The next code within ``timeout_s``, else None. Noise lines are skipped."""
        deadline = deadline_in(timeout_s)
        while not self._ready:
            chunk = self.port.read_some(deadline)
            if not chunk:
                return None
            try:
                self._ready += self._framer.feed(chunk)
            except ScannerProtocolError:
                continue  # noise: a scan that did not decode; the clerk scans again
        return self._ready.pop(0)

    def codes(self, poll_s: float = 0.5) -> Iterator[str]:
        """Every code until :meth:`stop`; device errors (unplugged) propagate."""
        while not self._stop.is_set():
            try:
                code = self.read_code(poll_s)
            except ScannerError as exc:
                if exc.kind == "cancelled":
                    return
                raise
            if code is not None:
                yield code
