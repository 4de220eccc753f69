"""The kiosk's printer on its own device thread, and the simulators for the demo.

The ID-card reader is the counter's `desktop.devices.idcard.CardReaderService` as it
is. The printer needs more than the counter's: the kiosk must know whether it *can*
print before it takes a registration, and must notice by itself when paper is back.
So `SlipPrinter` polls the status (three `DLE EOT` bytes, harmless) on the printer's
thread and says when the state changes; jobs go through the same thread, so a poll
never interleaves with a slip on the wire.

This module is the one seam to the devices layer: swapping in a hall printer service
later changes this file only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.devices.worker import DeviceThread
from devices.errors import DeviceError, PrinterError, PrinterNotReady

log = logging.getLogger(__name__)

READY = "ready"
NONE = "none"  # no printer configured: slips are shown on screen only


def _default_factory(url: str) -> Any:
    from devices.printer.printer import ReceiptPrinter

    return ReceiptPrinter(url, status_timeout=1.0)


class SlipPrinter(QObject):
    """One receipt printer: a state (`READY`, `NONE` or an error code) and jobs."""

    sig_state_changed = Signal(str)
    """The printer became ready (READY) or not (the code, e.g. printer.paper_out)."""

    def __init__(self, url: str, *, poll_seconds: float = 3.0,
                 factory: Callable[[str], Any] = _default_factory,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self._factory = factory
        self._printer: Any = None
        self.state = READY if url else NONE
        self.thread = DeviceThread("kiosk-printer", self)
        self._timer = QTimer(self)
        self._timer.setInterval(int(poll_seconds * 1000))
        self._timer.timeout.connect(self.check)

    @property
    def ready(self) -> bool:
        """True when a slip can be printed now (or no printer: the screen shows it)."""
        return self.state in (READY, NONE)

    def start(self) -> None:
        """Check at once, then keep polling."""
        if not self.url:
            return
        self.check()
        self._timer.start()

    def shutdown(self) -> None:
        self._timer.stop()
        self.thread.submit(self._close)
        self.thread.shutdown()

    # -- on the device thread ---------------------------------------------------------
    def _open(self) -> Any:
        if self._printer is None:
            printer = self._factory(self.url)
            printer.open()
            self._printer = printer
        return self._printer

    def _close(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            printer.close()

    def _status_job(self) -> str:
        try:
            status = self._open().status()
        except DeviceError as exc:
            self._close()  # reopen next time: an unplugged printer comes back by itself
            return exc.code
        return READY if status.ready else f"printer.{status.reason}"

    def _print_job(self, data: bytes) -> None:
        try:
            self._open().print_job(data)
        except PrinterNotReady:
            raise
        except PrinterError:
            self._close()
            raise

    # -- on the GUI thread --------------------------------------------------------------
    def check(self) -> None:
        """Ask the status in the background; skipped while a job is still queued."""
        if self.url and not self.thread.busy:
            self.thread.submit(self._status_job, self._set_state, self._on_crash)

    def print_slip(self, data: bytes, on_done: Callable[[], None],
                   on_error: Callable[[str], None]) -> None:
        """Check, then print; `on_error(code)` when the printer is not ready or gone."""
        if not self.url:
            on_error(NONE)
            return

        def failed(exc: BaseException) -> None:
            code = exc.code if isinstance(exc, DeviceError) else "printer.error"
            if not isinstance(exc, DeviceError):
                log.error("printing failed: %r", exc)
            self._set_state(code)
            on_error(code)

        def done(_: object) -> None:
            self._set_state(READY)
            on_done()

        self.thread.submit(lambda: self._print_job(data), done, failed)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            log.info("kiosk printer: %s -> %s", self.state, state)
            self.state = state
            self.sig_state_changed.emit(state)

    def _on_crash(self, exc: BaseException) -> None:
        log.error("printer status check failed: %r", exc)
        self._set_state("printer.error")


class Simulators:
    """The demo's and the tests' in-process reader and printer (ptys)."""

    def __init__(self) -> None:
        from devices.idcard.simulator import IdCardReaderSimulator
        from devices.printer.simulator import PrinterSimulator

        self.reader = IdCardReaderSimulator().start()
        self.printer = PrinterSimulator("ok").start()

    @property
    def reader_url(self) -> str:
        return self.reader.port

    @property
    def printer_url(self) -> str:
        return self.printer.port

    def stop(self) -> None:
        self.reader.stop()
        self.printer.stop()
