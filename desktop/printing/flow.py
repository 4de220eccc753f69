"""Rendering, keeping and printing papers for the counter: :class:`PrintFlow`.

Order of work for every paper the clerk prints: its PDF is kept with the case first,
then it goes to a printer. So a printer out of paper, offline or not installed never
loses the paper — the clerk reprints it from the case's papers, or hands over the PDF.

* A4/A5 go through Qt's print support: the terminal's default system printer, or the
  one the clerk chose with 选择打印机; pages are painted on the I/O lane.
* Receipts (slip, acceptance receipt, pickup slip) go to the receipt printer of the
  devices layer (:class:`desktop.devices.printer.PrinterService`), which checks the
  printer's status first and holds a job it cannot print.
"""

from __future__ import annotations

import logging
import pathlib
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from desktop.printing import archive
from desktop.printing.page_strip import preview_dpi
from desktop.printing.pages import print_pdf
from desktop.printing.render import PaperRequest, Rendered, keep, render_kept, render_paper
from desktop.printing.titles import error_text, title
from desktop.tasks import TaskRunner
from domain.case import Case

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
PrinterFactory = Callable[[], QPrinter | None]


class FolderPrinter:
    """A virtual A4 printer: each job becomes a PDF file in `folder` (demo, no printer).

    Qt's own PDF output behind the same QPrinter API, so the job takes exactly the path
    a real printer's does; the clerk is told where the file went.
    """

    def __init__(self, folder: pathlib.Path) -> None:
        self.folder = pathlib.Path(folder)
        self._n = 0

    def __call__(self) -> QPrinter:
        import datetime as dt

        self.folder.mkdir(parents=True, exist_ok=True)
        self._n += 1
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(150)  # the pages are images: 150 dpi reads well, stays small
        name = f"{dt.datetime.now():%Y%m%d-%H%M%S}-{self._n:03d}.pdf"
        printer.setOutputFileName(str(self.folder / name))
        return printer


def default_printer() -> QPrinter | None:
    """The system's default printer, or None when the PC has none at all."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        names = QPrinterInfo.availablePrinterNames()
        if not names:
            return None
        info = QPrinterInfo.printerInfo(names[0])
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


class PrintFlow(QObject):
    """One per counter window: every paper is rendered, kept and printed through here."""

    sig_kept = Signal(object)
    """A paper's PDF was written to its case's archive (the archive.Paper)."""
    sig_printed = Signal(object)
    """A paper went to a printer (the Rendered)."""
    sig_print_failed = Signal(object, str)
    """(Rendered, the clerk's sentence): it did not print; its PDF is kept."""
    sig_message = Signal(str, str)
    """(text, level) for the status line."""

    def __init__(self, runner: TaskRunner, data_dir: pathlib.Path, state: Any, *,
                 receipt_printer: Callable[[], Any] | None = None,
                 system_printer: PrinterFactory = default_printer,
                 print_settings: Mapping[str, Any] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.data_dir = pathlib.Path(data_dir)
        self.state = state
        self.receipt_printer = receipt_printer or (lambda: None)
        self.system_printer = system_printer
        self.print_settings = print_settings
        self.chosen_printer: QPrinter | None = None
        self._jobs: dict[int, Rendered] = {}
        self._services: set[int] = set()

    # --- building ----------------------------------------------------------------
    def request(self, doc: str, case: Case) -> PaperRequest:
        """Today's paper, printed in the logged-in clerk's name."""
        session = getattr(self.state, "session", None)
        service = self.receipt_printer()
        return PaperRequest(doc, case, self.state.catalog, self.state.today(),
                            staff=session.staff if session else None,
                            calendar=self.state.calendar, settings=self.print_settings,
                            receipt_width_mm=getattr(service, "width_mm", 80) or 80)

    def render(self, doc: str, case: Case, on_done: Done, on_error: Done | None = None) -> None:
        """Build and draw `doc` on the I/O lane; `on_done(Rendered)` on the GUI thread."""
        req, dpi = self.request(doc, case), preview_dpi()
        self.runner.io(lambda: render_paper(req, dpi=dpi), on_done, on_error or self._failed)

    def print_now(self, doc: str, case: Case) -> None:
        """Build `doc` and send it to its printer without a preview (kept first)."""
        req = self.request(doc, case)
        self.runner.io(lambda: render_paper(req, pages=False), self.print, self._failed)

    def keep_only(self, doc: str, case: Case) -> None:
        """Build `doc` and keep its PDF with the case; nothing is printed."""
        req = self.request(doc, case)
        self.runner.io(lambda: render_paper(req, pages=False), self.keep, self._failed)

    def render_kept(self, paper: archive.Paper, case: Case | None, on_done: Done,
                    on_error: Done | None = None, *, pages: bool = True) -> None:
        """A kept paper, the very PDF handed out, for preview (pages) and reprint."""
        req = self.request(paper.doc, case) if case is not None else None
        name, dpi = title(paper.doc), preview_dpi()
        self.runner.io(lambda: render_kept(paper, name, req, dpi=dpi, pages=pages), on_done,
                       on_error or self._failed)

    def reprint(self, paper: archive.Paper, case: Case | None) -> None:
        """补打: the kept paper straight to its printer; no second copy is kept."""
        self.render_kept(paper, case, self.print, pages=False)

    def papers_of(self, case: Case, on_done: Done) -> None:
        """The case's kept papers, newest first (read on the I/O lane)."""
        data_dir = self.data_dir
        self.runner.io(lambda: archive.papers_of(data_dir, case.case_number, case.id),
                       on_done, self._failed)

    # --- keeping -----------------------------------------------------------------
    def keep(self, rendered: Rendered, on_done: Done | None = None,
             on_error: Done | None = None) -> None:
        """Write the PDF with the case (once per paper), then `on_done(Paper)`."""
        data_dir, when = self.data_dir, self.state.clock()

        def kept(paper: archive.Paper) -> None:
            fresh = rendered.kept is None
            rendered.kept = paper
            if fresh:
                self.sig_kept.emit(paper)
            if on_done is not None:
                on_done(paper)

        def failed(exc: BaseException) -> None:
            self._keep_failed(exc)
            if on_error is not None:
                on_error(exc)

        self.runner.io(lambda: keep(data_dir, rendered, when), kept, failed)

    def save_as(self, rendered: Rendered, path: pathlib.Path | str,
                on_done: Done | None = None) -> None:
        """Keep the paper with the case and write a copy where the clerk chose."""
        target = pathlib.Path(path)

        def copy(_paper: archive.Paper) -> None:
            def write() -> pathlib.Path:
                target.write_bytes(rendered.pdf)
                return target

            def written(p: pathlib.Path) -> None:
                self.sig_message.emit(self.tr("已另存为 {path}").format(path=p), "info")
                if on_done is not None:
                    on_done(p)

            self.runner.io(write, written, self._failed)

        self.keep(rendered, copy)

    # --- printing ----------------------------------------------------------------
    def print(self, rendered: Rendered) -> None:
        """Keep first, then send to the receipt printer or the A4 printer.

        A PDF that cannot be written (disk full) is said on the status line, and the
        paper still prints: the citizen's paper matters more than our copy of it.
        """
        self.keep(rendered, lambda _paper: self._send(rendered),
                  lambda _exc: self._send(rendered))

    def _send(self, rendered: Rendered) -> None:
        if rendered.receipt and rendered.escpos is not None:
            service = self.receipt_printer()
            if service is not None:
                self._to_receipt_printer(service, rendered)
            else:  # the PDF is kept: the clerk saves it or prints it on A4
                self._fail(rendered, self.tr("本机未连接小票打印机"))
            return
        self._to_system_printer(rendered)

    def _to_receipt_printer(self, service: Any, rendered: Rendered) -> None:
        from desktop.devices.printer import PrintJob

        if id(service) not in self._services:
            self._services.add(id(service))
            service.sig_printed.connect(self._receipt_printed)
            service.sig_print_failed.connect(self._receipt_failed)
        pdf = rendered.pdf
        job = PrintJob(f"{rendered.title} {rendered.case_number}".strip(),
                       rendered.escpos or b"", pdf=lambda: pdf)
        self._jobs[job.number] = rendered
        service.print_job(job)

    def _receipt_printed(self, job: Any) -> None:
        rendered = self._jobs.pop(job.number, None)
        if rendered is not None:
            self._printed(rendered)

    def _receipt_failed(self, job: Any, _code: str, text: str) -> None:
        rendered = self._jobs.get(job.number)
        if rendered is not None:  # stays known: the devices layer may reprint it
            self._fail(rendered, text)

    def _to_system_printer(self, rendered: Rendered) -> None:
        printer = self._a4_printer()
        if printer is None:
            self._fail(rendered, self.tr("本机没有可用的打印机"))
            return
        pdf, into = rendered.pdf, printer.outputFileName()
        self.runner.io(lambda: print_pdf(pdf, printer),
                       lambda _n: self._printed(rendered, into),
                       lambda exc: self._fail(rendered, error_text(exc)))

    def _printed(self, rendered: Rendered, into: str = "") -> None:
        log.info("printed %s of %s", rendered.doc, rendered.case_key)
        self.sig_printed.emit(rendered)
        text = (self.tr("《{title}》已打印到PDF文件：{file}").format(title=rendered.title,
                                                             file=into) if into
                else self.tr("《{title}》已打印").format(title=rendered.title))
        self.sig_message.emit(text, "info")

    def _fail(self, rendered: Rendered, why: str) -> None:
        log.warning("%s of %s not printed: %s", rendered.doc, rendered.case_key, why)
        text = self.tr("《{title}》没有打印：{why}。PDF已随办件保存，可在“文书”中补打或另存。").format(
            title=rendered.title, why=why)
        self.sig_print_failed.emit(rendered, text)
        self.sig_message.emit(text, "error")

    def _a4_printer(self) -> QPrinter | None:
        """A fresh QPrinter per job: two papers may be painting on two worker threads."""
        if self.chosen_printer is not None:
            info = QPrinterInfo.printerInfo(self.chosen_printer.printerName())
            if not info.isNull():
                return QPrinter(info, QPrinter.PrinterMode.HighResolution)
        return self.system_printer()

    def choose_printer(self, parent: QWidget | None = None) -> bool:
        """Let the clerk pick the A4 printer (kept for this session)."""
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._a4_printer() or QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(self.tr("选择打印机"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.chosen_printer = printer
        return True

    # --- errors ------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self.sig_message.emit(error_text(exc), "error")

    def _keep_failed(self, exc: BaseException) -> None:
        log.error("could not keep a paper: %s", exc)
        self.sig_message.emit(self.tr("文书PDF无法保存：{error}").format(error=exc), "error")


def kept_at(paper: archive.Paper) -> str:
    """2025-03-14 09:41: when a kept paper was printed, as the list shows it."""
    return paper.printed_at.strftime("%Y-%m-%d %H:%M")
