"""When a receipt could not print: say why, and offer reprint, PDF, or later.

Non-modal on purpose: the clerk may fix the printer (paper, cover) and press 重新打印
while the dialog is open, or carry on serving and reprint from the status bar later.
The job stays held by the :class:`PrinterService` until it prints or is saved.
"""

from __future__ import annotations

import pathlib

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.devices.printer import PrinterService, PrintJob


class PrintProblemDialog(QDialog):
    """One held job: the reason, and three ways on."""

    def __init__(self, service: PrinterService, job: PrintJob, text: str,
                 parent: QWidget | None = None, *, pdf_dir: pathlib.Path | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.job = job
        self.pdf_dir = pdf_dir
        self.setWindowTitle(self.tr("回执未打印"))
        box = QVBoxLayout(self)
        self.reason = QLabel(self.tr("《{0}》没有打印：{1}").format(job.title, text))
        self.reason.setWordWrap(True)
        box.addWidget(self.reason)
        box.addWidget(QLabel(self.tr("办理结果已保存，回执不会丢失。")))
        buttons = QDialogButtonBox()
        self.reprint_button = QPushButton(self.tr("重新打印"))
        self.pdf_button = QPushButton(self.tr("另存为PDF"))
        self.later_button = QPushButton(self.tr("稍后打印"))
        for b, role in ((self.reprint_button, QDialogButtonBox.ButtonRole.AcceptRole),
                        (self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole),
                        (self.later_button, QDialogButtonBox.ButtonRole.RejectRole)):
            buttons.addButton(b, role)
        self.reprint_button.clicked.connect(self._reprint)
        self.pdf_button.clicked.connect(self._save_pdf)
        self.later_button.clicked.connect(self.reject)
        box.addWidget(buttons)

    def _reprint(self) -> None:
        self.service.reprint(self.job)
        self.accept()

    def _save_pdf(self) -> None:
        default = (self.pdf_dir or pathlib.Path.home()) / f"{self.job.title}.pdf"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("另存为PDF"), str(default),
                                              self.tr("PDF 文件 (*.pdf)"))
        if name:
            self.service.save_pdf(self.job, name)
            self.accept()


def offer_on_failure(service: PrinterService, parent: QWidget | None = None) -> None:
    """Show :class:`PrintProblemDialog` whenever a job fails (one dialog per job)."""

    def show(job: PrintJob, _code: str, text: str) -> None:
        dialog = PrintProblemDialog(service, job, text, parent)
        dialog.setModal(False)
        dialog.show()

    service.sig_print_failed.connect(show)
