"""Every paper on screen before it prints: :class:`PreviewDialog`.

One dialog for the papers of one step (受理 → notice, receipt, materials receipt):
the list on the left, the chosen paper's pages on the right, and 全部打印 on Enter so
the usual case costs one key. Building and drawing happen on the I/O lane; the dialog
shows "正在生成" until each paper arrives and never waits on the GUI thread.
"""

from __future__ import annotations

import logging
import pathlib
from typing import Any

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import error_text
from desktop.printing import archive
from desktop.printing.flow import PrintFlow
from desktop.printing.page_strip import PageStrip
from desktop.printing.render import Rendered
from desktop.printing.titles import title
from domain.case import Case

log = logging.getLogger(__name__)

Item = str | archive.Paper  # a paper to build now, or one kept earlier (reprint)


class PreviewDialog(QDialog):
    """Preview, print, save: the papers of one case."""

    def __init__(self, flow: PrintFlow, case: Case | None, items: list[Item],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.case = case
        self.items = list(items)
        self.rendered: list[Rendered | None] = [None] * len(items)
        self.notes: list[str] = [""] * len(items)
        self._print_when_ready: set[int] = set()
        number = (case.case_number if case is not None else "") or ""
        self.setWindowTitle(self.tr("打印预览 · 办件 {no}").format(no=number) if number
                            else self.tr("打印预览"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1080, 820)
        self._build()
        flow.sig_printed.connect(self._on_printed)
        flow.sig_print_failed.connect(self._on_failed)
        for i, item in enumerate(self.items):
            self._render(i, item)
        self.papers.setCurrentRow(0)

    # --- layout -------------------------------------------------------------------
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        body = QHBoxLayout()
        self.papers = QListWidget()
        self.papers.setFixedWidth(190)
        for item in self.items:
            self.papers.addItem(self._label(item))
        self.papers.currentRowChanged.connect(self._show)
        self.papers.setVisible(len(self.items) > 1)
        body.addWidget(self.papers)
        right = QVBoxLayout()
        nav = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ 上一页"))
        self.next_button = QPushButton(self.tr("下一页 ▶"))
        self.page_label = QLabel("")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev_button.clicked.connect(lambda: self.strip.go(self.strip.current - 1))
        self.next_button.clicked.connect(lambda: self.strip.go(self.strip.current + 1))
        nav.addStretch(1)
        for w in (self.prev_button, self.page_label, self.next_button):
            nav.addWidget(w)
        nav.addStretch(1)
        right.addLayout(nav)
        self.strip = PageStrip()
        self.strip.sig_page_changed.connect(self._page_changed)
        right.addWidget(self.strip, 1)
        body.addLayout(right, 1)
        lay.addLayout(body, 1)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        lay.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("选择打印机…"))
        self.save_button = QPushButton(self.tr("另存为PDF… (Ctrl+S)"))
        self.print_button = QPushButton(self.tr("打印 (Ctrl+P)"))
        self.print_all_button = QPushButton(self.tr("全部打印 (Enter)"))
        self.close_button = QPushButton(self.tr("关闭 (Esc)"))
        self.choose_button.clicked.connect(lambda: self.flow.choose_printer(self))
        self.save_button.clicked.connect(self.save_current)
        self.print_button.clicked.connect(self.print_current)
        self.print_all_button.clicked.connect(self.print_all)
        self.close_button.clicked.connect(self.reject)
        many = len(self.items) > 1
        self.print_all_button.setVisible(many)
        if not many:
            self.print_button.setText(self.tr("打印 (Enter)"))
        default = self.print_all_button if many else self.print_button
        default.setDefault(True)
        default.setObjectName("primary")
        row.addWidget(self.choose_button)
        row.addStretch(1)
        for b in (self.save_button, self.print_button, self.print_all_button,
                  self.close_button):
            row.addWidget(b)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_current)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_current)
        return row

    def _label(self, item: Item, note: str = "") -> str:
        doc = item.doc if isinstance(item, archive.Paper) else item
        kind = self.tr("小票") if _is_receipt(doc) else self.tr("A4")
        text = f"{title(doc)}（{kind}）"
        return f"{text}\n{note}" if note else text

    # --- rendering ----------------------------------------------------------------
    def _render(self, i: int, item: Item) -> None:
        self.notes[i] = self.tr("正在生成…")
        done = (lambda r, i=i: self._rendered(i, r))
        failed = (lambda exc, i=i: self._render_failed(i, exc))
        if isinstance(item, archive.Paper):
            self.flow.render_kept(item, self.case, done, failed)
        else:
            assert self.case is not None
            self.flow.render(item, self.case, done, failed)

    def _rendered(self, i: int, rendered: Rendered) -> None:
        if not shiboken6.isValid(self):  # closed while the paper was being drawn
            return
        self.rendered[i] = rendered
        self._note(i, self.tr("补打") if rendered.reprint else "")
        if rendered.missing_glyphs:
            self._note(i, self.tr("有字体缺字，会印成空白"))
        if i == self.papers.currentRow():
            self._show(i)
        if i in self._print_when_ready:
            self._print_when_ready.discard(i)
            self.flow.print(rendered)
            self._after_print_all()

    def _render_failed(self, i: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._print_when_ready.discard(i)
        self._note(i, self.tr("无法生成"))
        self.notes[i] = error_text(exc)
        if i == self.papers.currentRow():
            self._show(i)

    def _show(self, i: int) -> None:
        if not 0 <= i < len(self.items):
            return
        rendered = self.rendered[i]
        if rendered is None:
            self.strip.show_message(self.notes[i])
        else:
            self.strip.show_pages(rendered.pages)
        ready = rendered is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _page_changed(self, index: int, count: int) -> None:
        self.page_label.setText(self.tr("第 {n} / {total} 页").format(n=index + 1, total=count)
                                if count else "")
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < count)

    def _note(self, i: int, note: str) -> None:
        self.papers.item(i).setText(self._label(self.items[i], note))

    # --- actions ------------------------------------------------------------------
    @property
    def current(self) -> Rendered | None:
        row = self.papers.currentRow()
        return self.rendered[row] if 0 <= row < len(self.rendered) else None

    def page_count(self) -> int:
        """Pages of the paper on screen (what the clerk can page through)."""
        return self.strip.count

    def print_current(self) -> None:
        rendered = self.current
        if rendered is not None:
            self.status.setText(self.tr("正在打印《{title}》…").format(title=rendered.title))
            self.flow.print(rendered)

    def print_all(self) -> None:
        """Every paper, as soon as it is ready; the dialog closes once all are sent."""
        for i, rendered in enumerate(self.rendered):
            if rendered is not None:
                self.flow.print(rendered)
            elif self.notes[i] == self.tr("正在生成…"):
                self._print_when_ready.add(i)
        self.status.setText(self.tr("正在打印全部文书…"))
        self._after_print_all()

    def _after_print_all(self) -> None:
        if not self._print_when_ready:
            self.accept()

    def save_current(self) -> None:
        rendered = self.current
        if rendered is None:
            return
        name = self.ask_save_path(f"{rendered.title}-{rendered.case_key}.pdf")
        if name:
            self.flow.save_as(rendered, name, lambda p: self.status.setText(
                self.tr("已保存：{path}").format(path=p)))

    def ask_save_path(self, file_name: str) -> str:
        """Where the clerk wants the copy (a seam tests replace)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(pathlib.Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("另存为PDF"),
                                              str(pathlib.Path(folder) / file_name),
                                              self.tr("PDF 文件 (*.pdf)"))
        return name

    # --- the flow's answers ------------------------------------------------------
    def _on_printed(self, rendered: Any) -> None:
        if rendered in self.rendered:
            self._note(self.rendered.index(rendered), self.tr("✓ 已打印"))
            self.status.setText(self.tr("《{title}》已打印").format(title=rendered.title))

    def _on_failed(self, rendered: Any, text: str) -> None:
        if rendered in self.rendered:
            self._note(self.rendered.index(rendered), self.tr("✗ 未打印（PDF已保存）"))
            self.status.setText(text)


def _is_receipt(doc: str) -> bool:
    from desktop.printing.papers import is_receipt

    return is_receipt(doc)
