"""The receipt printer on its device thread: status first, and no job is ever lost.

:meth:`devices.printer.printer.ReceiptPrinter.print_job` asks the status before it
sends anything. When the printer is not ready (paper out, cover open, offline) the job
is kept in :attr:`PrinterService.held`, the clerk is told what to do, and can print it
again later or save it as a PDF — the citizen leaves with a paper either way. A light
in the status bar follows the printer between jobs (a status query every few seconds
while idle), so "out of paper" shows before the next citizen, not after.
"""

from __future__ import annotations

import io
import itertools
import logging
import pathlib
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.devices import messages
from desktop.devices.settings import DeviceSettings
from desktop.devices.state import DeviceService, DeviceState
from devices.errors import DeviceError, PrinterNotReady
from devices.printer.printer import ReceiptPrinter
from devices.printer.status import PrinterStatus

log = logging.getLogger(__name__)

STATUS_EVERY_MS = 10_000
NOT_CONFIGURED = "printer.not_configured"
_numbers = itertools.count(1)


@dataclass
class PrintJob:
    """One receipt: its ESC/POS bytes, and how to make a PDF of it when paper fails."""

    title: str
    data: bytes
    pdf: Callable[[], bytes] | None = field(default=None, repr=False)
    number: int = field(default_factory=lambda: next(_numbers))


def job_pdf(job: PrintJob) -> bytes:
    """The job as a PDF: the caller's own document, else the receipt drawn from its bytes."""
    if job.pdf is not None:
        return job.pdf()
    from PIL import Image

    from devices.printer.render import render_png
    from resources import path as resource_path

    font = str(resource_path("fonts", "wqy-microhei.ttc"))  # shipped: every PC has it
    image = Image.open(io.BytesIO(render_png(job.data, font))).convert("RGB")
    out = io.BytesIO()
    image.save(out, "PDF", resolution=203.0)  # 8 dots/mm: the receipt at its real size
    return out.getvalue()


class PrinterService(DeviceService):
    """Prints receipts; jobs that could not print wait in :attr:`held`."""

    device = "printer"

    sig_printed = Signal(object)
    """A job went to a ready printer (the PrintJob)."""
    sig_print_failed = Signal(object, str, str)
    """(PrintJob, error code, the clerk's sentence): the job is held, nothing lost."""
    sig_held_changed = Signal(int)
    """How many jobs wait for the printer."""

    def __init__(self, parent: QObject | None = None, *,
                 printer_factory: Callable[[str], ReceiptPrinter] = ReceiptPrinter) -> None:
        super().__init__(parent)
        self._factory = printer_factory
        self.url = ""
        self.width_mm = 80
        self.held: list[PrintJob] = []
        self._poll = QTimer(self)
        self._poll.setInterval(STATUS_EVERY_MS)
        self._poll.timeout.connect(self.refresh_status)

    def configure(self, settings: DeviceSettings) -> None:
        """Use the printer the settings name; check its status at once."""
        self.url = settings.printer_url
        self.width_mm = settings.printer_width_mm
        if not self.url:
            self._poll.stop()
            self._set_status(DeviceState.OFF, self.tr("未配置，回执可另存为PDF"))
            return
        self._set_status(DeviceState.BUSY, self.tr("正在连接…"))
        self._poll.start()
        self.refresh_status()

    # -- status -----------------------------------------------------------------------
    def refresh_status(self) -> None:
        """Ask the printer's status on its thread unless it is busy printing."""
        if not self.url or self.thread.busy:
            return
        url = self.url

        def job() -> PrinterStatus:
            with self._factory(url) as printer:
                return printer.status()

        self.thread.submit(job, self._show_status, self._show_error)

    def _show_status(self, status: PrinterStatus) -> None:
        if status.ready:
            text = self.tr("打印机就绪")
            if status.paper_near_end:
                text = self.tr("打印机就绪（纸将用完）")
            self._set_status(DeviceState.OK, text)
        else:
            self._set_status(DeviceState.FAULT, messages.message(f"printer.{status.reason}"))

    def _show_error(self, exc: BaseException) -> None:
        code = exc.code if isinstance(exc, DeviceError) else "printer.error"
        self._set_status(DeviceState.FAULT, messages.message(code))

    # -- printing -----------------------------------------------------------------------
    def print_job(self, job: PrintJob) -> None:
        """Print on the device thread; on failure the job is held and signalled."""
        if not self.url:
            self._hold(job, NOT_CONFIGURED, self.tr("未配置小票打印机，请另存为PDF"))
            return
        url = self.url

        def run() -> None:
            with self._factory(url) as printer:
                printer.print_job(job.data)

        def done(_: object) -> None:
            log.info("printed job %d (%s)", job.number, job.title)
            self._set_status(DeviceState.OK, self.tr("打印机就绪"))
            self.sig_printed.emit(job)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PrinterNotReady):
                self._show_status(exc.status)
            else:
                self._show_error(exc)
            code = exc.code if isinstance(exc, DeviceError) else "printer.error"
            self._hold(job, code, messages.message(code))

        self.thread.submit(run, done, failed)

    def _hold(self, job: PrintJob, code: str, text: str) -> None:
        log.warning("print job %d held: %s", job.number, code)
        if job not in self.held:
            self.held.append(job)
            self.sig_held_changed.emit(len(self.held))
        self.sig_print_failed.emit(job, code, text)

    def reprint(self, job: PrintJob) -> None:
        """Try a held job again (it stays held until it prints)."""
        self._forget(job)
        self.print_job(job)

    def reprint_all(self) -> None:
        """Try every held job again, oldest first."""
        for job in list(self.held):
            self.reprint(job)

    def save_pdf(self, job: PrintJob, path: pathlib.Path | str) -> pathlib.Path:
        """Write the job as a PDF (the clerk prints it on the office printer); unhold it."""
        path = pathlib.Path(path)
        path.write_bytes(job_pdf(job))
        self._forget(job)
        return path

    def discard(self, job: PrintJob) -> None:
        """The clerk decided the paper is not needed."""
        self._forget(job)

    def _forget(self, job: PrintJob) -> None:
        if job in self.held:
            self.held.remove(job)
            self.sig_held_changed.emit(len(self.held))

    def test(self, url: str, on_done: Callable[[str], None],
             on_error: Callable[[str, str], None]) -> None:
        """Query the status of the printer at ``url`` (prints nothing)."""

        def job() -> PrinterStatus:
            with self._factory(url) as printer:
                return printer.status()

        def done(status: PrinterStatus) -> None:
            if status.ready:
                on_done(self.tr("打印机就绪"))
            else:
                code = f"printer.{status.reason}"
                on_error(code, messages.message(code))

        def failed(exc: BaseException) -> None:
            code = exc.code if isinstance(exc, DeviceError) else "printer.error"
            on_error(code, messages.message(code))

        self.thread.submit(job, done, failed)

    def shutdown(self) -> None:
        """Stop polling and the thread."""
        self._poll.stop()
        super().shutdown()
