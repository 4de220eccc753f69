"""One signal for every scan, whatever the scanner: :class:`ScannerHub`.

The counter listens to :attr:`ScannerHub.sig_scanned` only. A keyboard-wedge scanner
is recognised by the counter's key filter (timing, :mod:`devices.scanner.wedge`),
which hands each code to :meth:`ScannerHub.deliver_wedge`; a USB-CDC / RS-232
scanner is read here on its device thread. Both end in the same signal, so a hall can
swap scanner modes without the counter noticing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from desktop.devices import messages
from desktop.devices.state import DeviceService, DeviceState
from devices.errors import ScannerError
from devices.scanner.serial_scanner import SerialScanner
from devices.transport import Backoff

log = logging.getLogger(__name__)

SOURCE_WEDGE = "wedge"
SOURCE_SERIAL = "serial"


class ScannerHub(DeviceService):
    """Scans from the wedge and the serial scanner, as one signal."""

    device = "scanner"

    sig_scanned = Signal(str)
    """A code was scanned (prefix/suffix removed), from either kind of scanner."""
    _sig_from_thread = Signal(object, object)  # (scanner, code | DeviceError | True)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        scanner_factory: Callable[[str], SerialScanner] = SerialScanner,
    ) -> None:
        super().__init__(parent)
        self._factory = scanner_factory
        self._scanner: SerialScanner | None = None
        self._halt = threading.Event()
        self.url = ""
        self.last_source = ""
        self._sig_from_thread.connect(self._on_thread_item)
        self._set_status(DeviceState.OK, self.tr("键盘模式扫码枪：无需配置"))

    # -- the keyboard wedge -------------------------------------------------------------
    @Slot(str)
    def deliver_wedge(self, code: str) -> None:
        """The counter's key filter recognised a scan: pass it on as ``sig_scanned``."""
        self._deliver(code, SOURCE_WEDGE)

    def _deliver(self, code: str, source: str) -> None:
        self.last_source = source
        log.info("scanned %d characters (%s)", len(code), source)
        self.sig_scanned.emit(code)

    # -- the serial scanner ---------------------------------------------------------------
    def start(self, url: str) -> None:
        """Read a serial scanner at ``url``; empty: the keyboard wedge only."""
        self.stop()
        self.url = url
        if not url:
            self._set_status(DeviceState.OK, self.tr("键盘模式扫码枪：无需配置"))
            return
        self._set_status(DeviceState.BUSY, self.tr("正在连接…"))
        scanner = self._factory(url)
        halt = threading.Event()
        self._scanner, self._halt = scanner, halt

        def stop() -> None:
            halt.set()  # first: the driver's open() clears its own stop flag
            scanner.stop()

        self.thread.submit(lambda: self._read_loop(scanner, halt), stop=stop)

    def stop(self) -> None:
        """Stop reading the serial scanner (the wedge keeps working)."""
        if self._scanner is not None:
            self._halt.set()
            self._scanner.stop()
            self._scanner = None

    def _read_loop(self, scanner: SerialScanner, halt: threading.Event) -> None:
        """Device thread: read codes; reopen an unplugged scanner with backoff."""
        backoff = Backoff()
        while not halt.is_set():
            try:
                scanner.open()
                if halt.is_set():
                    break
                self._sig_from_thread.emit(scanner, True)
                backoff.reset()
                for code in scanner.codes():
                    self._sig_from_thread.emit(scanner, code)
            except ScannerError as exc:
                if exc.kind == "cancelled":
                    break
                scanner.close()
                self._sig_from_thread.emit(scanner, exc)
            if halt.wait(backoff.next_delay()):
                break
        scanner.close()

    @Slot(object, object)
    def _on_thread_item(self, scanner: SerialScanner, item: object) -> None:
        if scanner is not self._scanner:
            return
        if item is True:
            self._set_status(DeviceState.OK, self.tr("串口扫码枪已连接"))
        elif isinstance(item, ScannerError):
            self._set_status(DeviceState.FAULT, messages.message(item.code))
        elif isinstance(item, str):
            self._deliver(item, SOURCE_SERIAL)

    def test(
        self, url: str, on_done: Callable[[str], None], on_error: Callable[[str, str], None]
    ) -> None:
        """Open the port and close it again (a scanner has nothing to ask)."""
        running = self._scanner is not None
        self.stop()

        def job() -> None:
            with self._factory(url):
                pass

        def finish() -> None:
            if running and self.url and self._scanner is None:
                self.start(self.url)

        def done(_: object) -> None:
            on_done(self.tr("端口可以打开，请扫一个条码试试"))
            finish()

        def failed(exc: BaseException) -> None:
            code = getattr(exc, "code", "scanner.unknown")
            on_error(code, messages.message(code))
            finish()

        self.thread.submit(job, done, failed)
