"""The pages of one paper, one under the other, every paper at the same scale.

A receipt shows as the narrow strip it is and an A4 notice as a sheet: the clerk sees
at a glance which printer a paper goes to and whether a long list ran onto page 2.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.printing.pages import Page

PX_PER_MM = 3.6  # A4 → 756 px wide: a whole line of the notice readable without zoom


def screen_ratio() -> float:
    app = QGuiApplication.instance()
    screen = app.primaryScreen() if app is not None else None
    return screen.devicePixelRatio() if screen is not None else 1.0


def preview_dpi() -> int:
    """The resolution to draw pages at so they need no scaling on this screen."""
    return round(PX_PER_MM * 25.4 * screen_ratio())


class PageStrip(QScrollArea):
    """A scrollable column of page images; `go(i)` brings page i into view."""

    sig_page_changed = Signal(int, int)
    """(page shown at the top, 0-based; number of pages)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageStrip")
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setStyleSheet("#pageStrip, #pageColumn { background: #8a8f96; }"
                           "#page { background: white; border: 1px solid #5c6168; }"
                           "#pageNote { color: white; font-size: 15px; }")
        self._labels: list[QLabel] = []
        self._current = 0
        self._wanted: int | None = None  # a page asked for before the layout settled
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(lambda _lo, _hi: self._wanted is not None and self.go(self._wanted))
        self.show_message("")

    @property
    def count(self) -> int:
        return len(self._labels)

    @property
    def current(self) -> int:
        return self._current

    def show_message(self, text: str) -> None:
        """No pages, a sentence instead (rendering…, or why the paper cannot be shown)."""
        column = self._column()
        note = QLabel(text, objectName="pageNote")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.layout().addWidget(note, 1)
        self._labels = []
        self._wanted = None
        self._set_current(0)

    def show_pages(self, pages: list[Page]) -> None:
        column = self._column()
        self._labels = []
        ratio = screen_ratio()
        for page in pages:
            width = round(page.width_mm * PX_PER_MM * ratio)
            pixmap = QPixmap.fromImage(page.image)
            if pixmap.width() != width:  # receipts come at the printer's dots
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel(objectName="page")
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
            column.layout().addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._labels.append(label)
        column.layout().addStretch(1)
        self._wanted = None
        self.verticalScrollBar().setValue(0)
        self._set_current(0)

    def go(self, index: int) -> None:
        if not self._labels:
            return
        index = max(0, min(index, len(self._labels) - 1))
        bar = self.verticalScrollBar()
        top = max(0, self._labels[index].y() - 12)
        self._wanted = index if top > bar.maximum() else None
        bar.setValue(top)
        self._set_current(index)

    def _column(self) -> QWidget:
        column = QWidget(objectName="pageColumn")
        lay = QVBoxLayout(column)
        lay.setContentsMargins(16, 16, 16, 16)
        lay.setSpacing(16)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(column)
        return column

    def _scrolled(self, value: int) -> None:
        if self._wanted is not None:
            return
        top = 0
        for i, label in enumerate(self._labels):
            if label.y() - 12 <= value + self.viewport().height() // 3:
                top = i
        self._set_current(top)

    def _set_current(self, index: int) -> None:
        self._current = index
        self.sig_page_changed.emit(index, len(self._labels))

