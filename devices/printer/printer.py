"""The receipt-printer driver: ask the status, print only when the printer says ready.

A kiosk out of paper must say so and stop taking registrations, not print into the
void. So :meth:`ReceiptPrinter.print_job` first sends the three ``DLE EOT`` queries;
when the answer is not "ready" it raises :class:`PrinterNotReady` (code
``printer.paper_out``, ``printer.cover_open``…) and nothing but those queries has been
sent. A job counts as printed only after the printer said ready.

Links: any pyserial URL (COM3, /dev/ttyUSB0, a pty, ``socket://host:9100``) through
:mod:`devices.transport`, or python-escpos's own transports where importable:
``usb:VID:PID`` (two-way), ``win32:PRINTER NAME`` and ``file:/dev/usb/lp0`` (one-way:
no status, so printing is blind and ``print_job`` returns None).
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
import time
from typing import Any, Protocol

from devices.errors import PrinterError, PrinterNotReady
from devices.printer import status as st
from devices.transport import Port, deadline_in

log = logging.getLogger(__name__)


class PrinterLink(Protocol):
    """The byte pipe under a printer; ``two_way`` says whether status can be read."""

    two_way: bool

    def open(self) -> object:
        """Open the link; ``printer.unavailable`` if it cannot."""

    def close(self) -> None:
        """Close the link (idempotent)."""

    def write(self, data: bytes) -> None:
        """Send bytes; ``printer.disconnected`` if the printer went away."""

    def read_byte(self, deadline: float) -> int | None:
        """One byte from the printer, or None when the deadline passes."""

    def discard_input(self) -> None:
        """Forget bytes received earlier (stale automatic status)."""


class SerialLink:
    """A printer on a pyserial URL (serial, USB-serial, pty, TCP 9100 via socket://)."""

    two_way = True

    def __init__(self, url: str, *, baudrate: int = 9600, stop_event: threading.Event | None = None):
        self.port = Port(url, error_cls=PrinterError, baudrate=baudrate, stop_event=stop_event)

    def open(self) -> SerialLink:
        """See :class:`PrinterLink`."""
        self.port.open()
        return self

    def close(self) -> None:
        """See :class:`PrinterLink`."""
        self.port.close()

    def write(self, data: bytes) -> None:
        """See :class:`PrinterLink`."""
        self.port.write(data)

    def read_byte(self, deadline: float) -> int | None:
        """See :class:`PrinterLink`."""
        data = self.port.read_some(deadline, 1)
        return data[0] if data else None

    def discard_input(self) -> None:
        """See :class:`PrinterLink`."""
        self.port.discard_input()


class EscposLink:
    """A python-escpos device object (Usb, Win32Raw, File, Network, Dummy) as a link."""

    def __init__(self, device: Any, *, two_way: bool) -> None:
        self.device = device
        self.two_way = two_way
        self._pending = b""

    def open(self) -> EscposLink:
        """See :class:`PrinterLink`."""
        try:
            if hasattr(self.device, "open") and not getattr(self.device, "_device", True):
                self.device.open()
        except Exception as exc:  # python-escpos raises its own hierarchy and OSErrors
            raise PrinterError("unavailable", f"{type(self.device).__name__}: {exc}") from exc
        return self

    def close(self) -> None:
        """See :class:`PrinterLink`."""
        try:
            self.device.close()
        except Exception:  # closing a vanished device is not worth an error
            log.debug("closing the printer failed", exc_info=True)

    def write(self, data: bytes) -> None:
        """See :class:`PrinterLink`."""
        try:
            self.device._raw(data)
        except Exception as exc:
            raise PrinterError("disconnected", f"write failed: {exc}") from exc

    def read_byte(self, deadline: float) -> int | None:
        """See :class:`PrinterLink`."""
        while not self._pending and time.monotonic() < deadline:
            try:
                self._pending = bytes(self.device._read() or b"")
            except Exception as exc:
                raise PrinterError("disconnected", f"read failed: {exc}") from exc
        byte, self._pending = (self._pending[:1], self._pending[1:])
        return byte[0] if byte else None

    def discard_input(self) -> None:
        """See :class:`PrinterLink`."""
        self._pending = b""


# scheme → (python-escpos module, the library it needs, the extra that installs it)
OPTIONAL_LINKS = {
    "usb": ("usb", "pyusb", "yichuang[usb]"),
    "win32": ("win32raw", "pywin32", "yichuang[windows]"),
}


def _check_driver(url: str, scheme: str) -> None:
    """python-escpos builds a Usb/Win32Raw object without its library and fails later,
    deep in a print (or in ``__del__``); say at once what is missing and how to add it."""
    if scheme not in OPTIONAL_LINKS:
        return
    module, library, extra = OPTIONAL_LINKS[scheme]
    usable = importlib.import_module(f"escpos.printer.{module}").is_usable()
    if not usable:
        where = "" if scheme != "win32" or sys.platform == "win32" else " (Windows only)"
        raise PrinterError("missing_driver",
                           f"{url}: needs {library}{where}; install {extra}")


def open_link(
    url: str, *, baudrate: int = 9600, stop_event: threading.Event | None = None
) -> PrinterLink:
    """The link for a printer setting (see the module docstring for the forms)."""
    scheme, _, rest = url.partition(":")
    try:
        _check_driver(url, scheme)
        if scheme == "usb":
            from escpos.printer import Usb

            vid, _, pid = rest.partition(":")
            return EscposLink(Usb(int(vid, 16), int(pid, 16)), two_way=True)
        if scheme == "win32":
            from escpos.printer import Win32Raw

            return EscposLink(Win32Raw(rest), two_way=False)
        if scheme == "file":
            from escpos.printer import File

            return EscposLink(File(rest.removeprefix("//")), two_way=False)
    except (ImportError, ValueError) as exc:
        raise PrinterError("unavailable", f"{url}: {exc}") from exc
    return SerialLink(url, baudrate=baudrate, stop_event=stop_event)


class ReceiptPrinter:
    """One receipt printer. Blocking calls, each bounded by ``status_timeout``."""

    def __init__(
        self, link: str | PrinterLink, *, status_timeout: float = 1.0, baudrate: int = 9600
    ) -> None:
        self._stop = threading.Event()
        self.link = (
            open_link(link, baudrate=baudrate, stop_event=self._stop)
            if isinstance(link, str)
            else link
        )
        self.status_timeout = status_timeout

    def open(self) -> ReceiptPrinter:
        """Open the link; ``printer.unavailable`` if it cannot."""
        self._stop.clear()
        self.link.open()
        return self

    def close(self) -> None:
        """Close the link."""
        self.link.close()

    def stop(self) -> None:
        """Abort a status wait (any thread)."""
        self._stop.set()

    def __enter__(self) -> ReceiptPrinter:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def status(self) -> st.PrinterStatus:
        """Ask DLE EOT 1, 2, 4; ``printer.no_status`` if one goes unanswered."""
        if not self.link.two_way:
            raise PrinterError("no_status", "this link cannot read from the printer")
        self.link.discard_input()  # automatic status bytes sent earlier are stale
        answers = []
        for query in st.QUERIES:
            self.link.write(query)
            byte = self.link.read_byte(deadline_in(self.status_timeout))
            if byte is None:
                raise PrinterError("no_status", f"no answer to DLE EOT {query[2]}")
            answers.append(byte)
        return st.decode_status(*answers)

    def print_job(self, job: bytes) -> st.PrinterStatus | None:
        """Check the status, then send ``job``; the status it was sent under.

        Raises :class:`PrinterNotReady` (and sends nothing but the queries) when the
        printer is not ready. On a one-way link the job is sent blind and None returned.
        """
        if not self.link.two_way:
            self.link.write(job)
            return None
        status = self.status()
        if not status.ready:
            log.warning("printer not ready: %s", status)
            raise PrinterNotReady(status)
        self.link.write(job)
        return status
