"""The monthly review from the supervisor face: built, previewed page by page, printed,
and archived per month (reports/monthly/YYYY-MM.pdf in the data folder)."""

from __future__ import annotations

import datetime as dt
import pathlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def archive_dir(data_dir: pathlib.Path) -> pathlib.Path:
    return data_dir / "reports" / "monthly"


def months_back(today: dt.date, n: int = 13) -> list[str]:
    """This month and the n-1 before it, newest first."""
    out, y, m = [], today.year, today.month
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out


class MonthlyPage(QWidget):
    sig_build = Signal(str)
    """Build (and archive) the review of a month (YYYY-MM)."""
    sig_print = Signal()
    """Print the pages on screen."""

    def __init__(self, data_dir: pathlib.Path, today: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.pdf: bytes | None = None
        self.images: list = []
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.month = QComboBox()
        for m in months_back(today):
            self.month.addItem(m, m)
        self.month.setCurrentIndex(1 if today.day < 5 else 0)
        self.build = QPushButton(self.tr("生成月度考核"), objectName="primary")
        self.print_button = QPushButton(self.tr("打印"))
        self.save = QPushButton(self.tr("另存为PDF"))
        self.status = QLabel("")
        for w in (QLabel(self.tr("月份")), self.month, self.build, self.print_button, self.save):
            bar.addWidget(w)
        bar.addWidget(self.status, 1)
        lay.addLayout(bar)
        self.pages = QWidget()
        self.pages_lay = QVBoxLayout(self.pages)
        self.pages_lay.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        lay.addWidget(scroll, 1)
        self.build.clicked.connect(lambda: self.sig_build.emit(self.month.currentData()))
        self.print_button.clicked.connect(self.sig_print)
        self.save.clicked.connect(self._save)
        self._enable()

    def _enable(self) -> None:
        self.print_button.setEnabled(bool(self.images))
        self.save.setEnabled(self.pdf is not None)

    def busy(self) -> None:
        self.status.setText(self.tr("正在生成…"))
        self.build.setEnabled(False)

    def show_pages(self, pdf: bytes, images: list, month: str) -> None:
        self.pdf, self.images = pdf, images
        while self.pages_lay.count():
            w = self.pages_lay.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for img in images:
            lab = QLabel()
            lab.setPixmap(QPixmap.fromImage(img).scaledToWidth(
                760, Qt.TransformationMode.SmoothTransformation))
            lab.setStyleSheet("border: 1px solid #bbb; background: white;")
            self.pages_lay.addWidget(lab)
        self.status.setText(self.tr("{n} 页，已归档：{path}").format(
            n=len(images), path=str(archive_dir(self.data_dir) / f"{month}.pdf")))
        self.build.setEnabled(True)
        self._enable()

    def failed(self, text: str) -> None:
        self.status.setText(text)
        self.build.setEnabled(True)

    def _save(self) -> None:
        if self.pdf is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), f"monthly-{self.month.currentData()}.pdf", "PDF (*.pdf)")
        if path:
            pathlib.Path(path).write_bytes(self.pdf)
