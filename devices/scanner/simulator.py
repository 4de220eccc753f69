"""A serial barcode scanner on a pty: :meth:`ScannerSimulator.scan` sends a code."""

from __future__ import annotations

from devices.sim import PtySimulator


class ScannerSimulator(PtySimulator):
    """Sends ``code`` + terminator when told to; ignores what the host writes."""

    name = "scanner"

    def __init__(
        self,
        *,
        terminator: bytes = b"\r\n",
        link_path: str | None = None,
        tcp_port: int | None = None,
    ) -> None:
        super().__init__(link_path, tcp_port=tcp_port)
        self.terminator = terminator

    def scan(self, code: str) -> None:
        """Scan one code (ASCII) as the scanner would send it."""
        self.write(code.encode("ascii") + self.terminator)

    def noise(self, data: bytes = b"\xff\xfe\x81\r\n") -> None:
        """Send bytes that are not a code (a scanner at the wrong baud rate)."""
        self.write(data)
