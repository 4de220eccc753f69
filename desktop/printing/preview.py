"""Every paper on screen before it prints: :class:`PreviewDialog`.

One dialog for the papers of one step (受理 → notice, receipt, materials receipt):
the list on the left, the chosen paper's pages on the right, and 全部打印 on Enter so
the usual case costs one key. Building and drawing happen on the I/O lane; the dialog
shows "正在生成" until each paper arrives and never waits on the GUI thread.
"""

from __future__ import annotations

import logging
import pathlib
from functools import partial
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

from desktop.printing import archive
from desktop.printing.flow import PrintFlow
from desktop.printing.page_strip import PageStrip
from desktop.printing.render import Rendered
from desktop.printing.titles import error_text, title
from desktop.screen_fit import fit_to_screen
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
        self._batch: set[int] | None = None  # 全部打印: papers not yet printed or failed
        self._batch_failed = 0
        number = (case.case_number if case is not None else "") or ""
        self.setWindowTitle(self.tr("打印预览 · 办件 {no}").format(no=number) if number
                            else self.tr("打印预览"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._build()
        fit_to_screen(self, 1080, 820)  # 1366×768 included: the buttons stay on screen
        flow.sig_printed.connect(self._on_printed)
        flow.sig_print_failed.connect(self._on_failed)
        for i, item in enumerate(self.items):
            self._render(i, item)
        self.papers.setCurrentRow(0)

    # --- layout -------------------------------------------------------------------
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.papers_title = QLabel(self.tr("本次文书（%n份）", "", len(self.items)),
                                   objectName="sectionTitle")
        self.papers = QListWidget()
        self.papers.setAccessibleName(self.tr("本次文书"))
        self.papers.setFixedWidth(200)
        self.papers.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        for item in self.items:
            self.papers.addItem(self._label(item))
        self.papers.currentRowChanged.connect(self._show)
        left.addWidget(self.papers_title)
        left.addWidget(self.papers, 1)
        for w in (self.papers_title, self.papers):
            w.setVisible(len(self.items) > 1)
        body.addLayout(left)
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
        self.status = QLabel(self.tr("打印的文书同时以PDF随办件保存，可在办件的“文书”中补打。"))
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
        where = self.tr("→ 小票打印机") if _is_receipt(doc) else self.tr("→ A4打印机")
        return "\n".join(t for t in (title(doc), where, note) if t)

    # --- rendering ----------------------------------------------------------------
    def _render(self, i: int, item: Item) -> None:
        self.notes[i] = self.tr("正在生成…")
        self._note(i, self.notes[i])
        done, failed = partial(self._rendered, i), partial(self._render_failed, i)
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

    def _render_failed(self, i: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._print_when_ready.discard(i)
        self._note(i, self.tr("无法生成"))
        self.notes[i] = error_text(exc)
        if i == self.papers.currentRow():
            self._show(i)
        self._settle(i, False)

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
        """Every paper, each as soon as it is drawn. The dialog closes by itself when all
        have printed; when one has not, it stays open and says which (its PDF is kept)."""
        self._batch = {i for i in range(len(self.items)) if self.notes[i] != self.tr("无法生成")}
        self._batch_failed = len(self.items) - len(self._batch)
        self.status.setText(self.tr("正在打印全部文书…"))
        for i in sorted(self._batch):
            rendered = self.rendered[i]
            if rendered is not None:
                self.flow.print(rendered)
            else:
                self._print_when_ready.add(i)
        self._settle(-1, True)

    def _settle(self, i: int, ok: bool) -> None:
        if self._batch is None:
            return
        if i in self._batch:
            self._batch.discard(i)
            self._batch_failed += 0 if ok else 1
        if self._batch:
            return
        failed, self._batch = self._batch_failed, None
        if failed:
            self.status.setText(self.tr("有%n份文书没有打印，PDF已随办件保存：见左侧标记", "",
                                       failed))
        else:
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
            i = self.rendered.index(rendered)
            self._note(i, self.tr("✓ 已打印"))
            self.status.setText(self.tr("《{title}》已打印").format(title=rendered.title))
            self._settle(i, True)

    def _on_failed(self, rendered: Any, text: str) -> None:
        if rendered in self.rendered:
            i = self.rendered.index(rendered)
            self._note(i, self.tr("✗ 未打印（PDF已保存）"))
            self.status.setText(text)
            self._settle(i, False)


def _is_receipt(doc: str) -> bool:
    from desktop.printing.papers import is_receipt

    return is_receipt(doc)
