"""The search field in the header and the results page.

One field takes everything a clerk may have in hand: a scanned or typed case/slip
number, an ID number, or a name. Enter searches. The field has no input method, so a
wedge scanner's keys are never swallowed by a Chinese IME.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.my_cases import CaseTableModel
from desktop.counter.session import CounterState
from desktop.feedback import Feedback
from desktop.scan_filter import disable_ime


class SearchBar(QWidget):
    """[扫描或输入…] [查询] [新办件 F3]"""

    sig_search = Signal(str)
    """Enter pressed with text in the field."""
    sig_new_case = Signal()
    """The clerk wants to open a new case (choose an item)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit(objectName="searchField")
        self.field.setPlaceholderText(
            self.tr("扫描告知单条码，或输入办件编号、身份证号码、姓名后按回车 (F2)"))
        self.field.setClearButtonEnabled(True)
        disable_ime(self.field)
        self.field.setAccessibleName(self.tr("查询：告知单、办件编号、身份证号码或姓名"))
        self.go = QPushButton(self.tr("查询"))
        self.new = QPushButton(self.tr("新办件 (F3)"), objectName="primary")
        lay.addWidget(self.field, 1)
        lay.addWidget(self.go)
        lay.addWidget(self.new)
        self.field.returnPressed.connect(self._emit)
        self.go.clicked.connect(self._emit)
        self.new.clicked.connect(self.sig_new_case)
        # what a search could not do: shown under the header, gone at the next keystroke
        self.feedback = Feedback()
        self.feedback.setObjectName("searchFeedback")
        self.field.textEdited.connect(lambda _t: self.feedback.clear())

    def _emit(self) -> None:
        text = self.field.text().strip()
        if text:
            self.sig_search.emit(text)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()


class ResultsPage(QWidget):
    """The home page: how to start, and the cases a search found."""

    sig_open_case = Signal(str)
    """A result was chosen: the case id."""

    def __init__(self, state: CounterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.hint = QLabel(self.tr(
            "<h2>请扫描告知单条码</h2>"
            "<p>扫码枪在任何位置都可直接扫描；也可输入办件编号、告知单编号、"
            "身份证号码或姓名后按回车。</p>"
            "<p>群众没有告知单：按 <b>F3</b> 新办件，输入事项名称或拼音首字母选择事项。</p>"
            "<p><b>F2</b> 查询　<b>F3</b> 新办件　<b>F4</b> 我的办件　<b>F5</b> 受理　"
            "<b>F6</b> 补正　<b>F7</b> 不予受理　<b>F8</b> 出件　<b>F9</b> 审核/结果　"
            "<b>F12</b> 锁屏</p>"), objectName="homeHint")
        self.hint.setWordWrap(True)
        self.title = QLabel("", objectName="sectionTitle")
        self.model = CaseTableModel(state, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda i: self.sig_open_case.emit(self.model.case_id(i.row())))
        self.table.setAccessibleName(self.tr("查询结果"))
        lay.addWidget(self.hint)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)
        self.filler = QWidget()
        lay.addWidget(self.filler, 1)
        self.show_rows("", [])

    def show_rows(self, title: str, rows: list[dict]) -> None:
        self.title.setText(title)
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.filler.setVisible(not rows)
        self.title.setVisible(bool(title))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()
