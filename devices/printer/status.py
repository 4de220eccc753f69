"""ESC/POS real-time status (``DLE EOT n``) ⇄ :class:`PrinterStatus` (pure).

The printer answers ``10 04 n`` even when offline, with one byte of the pattern
``0xx1xx10``. We ask n=1 (printer), n=2 (offline cause) and n=4 (paper sensor).
Healthy: ``12 12 12``; out of paper: ``1A 32 7E``; cover open: n=2 → ``16``.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.errors import PrinterProtocolError

QUERY_PRINTER = b"\x10\x04\x01"
QUERY_OFFLINE_CAUSE = b"\x10\x04\x02"
QUERY_PAPER = b"\x10\x04\x04"
QUERIES = (QUERY_PRINTER, QUERY_OFFLINE_CAUSE, QUERY_PAPER)

_FIXED_MASK, _FIXED_BITS = 0x93, 0x12  # bits 0,1,4,7 must read 0,1,1,0


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said. ``ready`` decides whether a job may be sent."""

    online: bool = True
    cover_open: bool = False
    paper_near_end: bool = False
    paper_out: bool = False
    error: bool = False

    @property
    def ready(self) -> bool:
        """Online, cover closed, paper in, no error (paper near its end still prints)."""
        return self.reason is None

    @property
    def reason(self) -> str | None:
        """The most urgent problem as an error kind, or None when ready.

        Cover first (the clerk must close it before anything else helps), then paper,
        then a mechanical error, then a bare offline.
        """
        if self.cover_open:
            return "cover_open"
        if self.paper_out:
            return "paper_out"
        if self.error:
            return "error"
        if not self.online:
            return "offline"
        return None

    def __str__(self) -> str:
        flags = [
            name
            for name, on in (
                ("offline", not self.online),
                ("cover_open", self.cover_open),
                ("paper_near_end", self.paper_near_end),
                ("paper_out", self.paper_out),
                ("error", self.error),
            )
            if on
        ]
        return ",".join(flags) or "ready"


def check_byte(byte: int) -> int:
    """The byte if it follows the status pattern ``0xx1xx10``; raises otherwise."""
    if not 0 <= byte <= 0xFF or byte & _FIXED_MASK != _FIXED_BITS:
        raise PrinterProtocolError(f"status byte {byte:#04x} does not match 0xx1xx10")
    return byte


def decode_status(printer: int, offline_cause: int, paper: int) -> PrinterStatus:
    """Combine the answers to n=1, 2 and 4 into one status."""
    printer, offline_cause, paper = (check_byte(b) for b in (printer, offline_cause, paper))
    return PrinterStatus(
        online=not printer & 0x08,
        cover_open=bool(offline_cause & 0x04),
        paper_near_end=bool(paper & 0x0C),
        paper_out=bool(offline_cause & 0x20 or paper & 0x60),
        error=bool(offline_cause & 0x40),
    )


def decode_status_bytes(answers: bytes) -> PrinterStatus:
    """``decode_status`` for the three answer bytes in a row (``b"\\x12\\x12\\x12"``)."""
    if len(answers) != 3:
        raise PrinterProtocolError(f"{len(answers)} status bytes, need 3")
    return decode_status(answers[0], answers[1], answers[2])


def encode_status(status: PrinterStatus) -> tuple[int, int, int]:
    """The bytes a printer in ``status`` answers to n=1, 2, 4 (for the simulator)."""
    offline = not status.ready or not status.online
    printer = _FIXED_BITS | (0x08 if offline else 0)
    cause = _FIXED_BITS
    cause |= 0x04 if status.cover_open else 0
    cause |= 0x20 if status.paper_out else 0
    cause |= 0x40 if status.error else 0
    paper = _FIXED_BITS
    paper |= 0x0C if status.paper_near_end or status.paper_out else 0
    paper |= 0x60 if status.paper_out else 0
    return printer, cause, paper


#: The simulator's named states.
STATES: dict[str, PrinterStatus] = {
    "ok": PrinterStatus(),
    "paper_near_end": PrinterStatus(paper_near_end=True),
    "paper_out": PrinterStatus(online=False, paper_near_end=True, paper_out=True),
    "cover_open": PrinterStatus(online=False, cover_open=True),
    "offline": PrinterStatus(online=False),
    "error": PrinterStatus(online=False, error=True),
}
