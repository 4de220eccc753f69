"""The department's queue: what waits for a decision, most urgent first, coloured by its
deadline (yellow near, red passed, grey paused), and the recent decisions.

Rows are plain dicts from either backend (the replica's projection or the server's
summary); names are masked here whatever the source sent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.countdown import COLOURS, TEXT_COLOURS, Shown, describe, from_row
from desktop.counter.session import CounterState
from desktop.messages import state_text
from desktop.table_model import TitledTableModel
from domain import idnumber

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class QueueModel(TitledTableModel):
    """Rows by position, with their countdown computed once per refresh."""

    COLUMNS = ("case_number", "item_name", "applicant_name", "state", "deadline", "countdown")

    def __init__(self, state: CounterState, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[dict[str, Any]] = []
        self.shown: list[Shown] = []
        self.headers = [self.tr("办件编号"), self.tr("事项"), self.tr("申请人"), self.tr("状态"),
                        self.tr("办结期限"), self.tr("剩余时间")]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        today = self.state.today()
        self.shown = [describe(self.state.calendar, from_row(r), today, self.state.warn_days)
                      for r in self.rows]
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.rows)

    def text(self, row: int, col: int) -> str:
        r, shown = self.rows[row], self.shown[row]
        key = self.COLUMNS[col]
        if key == "applicant_name":
            return idnumber.mask_name(r.get("applicant_name"))
        if key == "state":
            return self.tr("延期待批") if r.get("extension_pending") else state_text(r.get("state"))
        if key == "deadline":
            return shown.deadline_text
        if key == "countdown":
            return shown.text
        return str(r.get(key) or "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, col)
        level = self.shown[row].level
        if role == Qt.ItemDataRole.BackgroundRole and self.COLUMNS[col] in ("deadline",
                                                                           "countdown"):
            return QBrush(COLOURS[level])
        if role == Qt.ItemDataRole.ForegroundRole and self.COLUMNS[col] == "countdown":
            return QBrush(QColor(TEXT_COLOURS[level]))
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[row]["id"]
        return None


class QueueView(QWidget):
    """The list on the left of the reviewer face."""

    sig_open_case = Signal(str)
    """The reviewer chose a case (its id)."""
    sig_reload = Signal(str)
    """Read the list again: the scope ("queue" or "decided")."""

    def __init__(self, state: CounterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItem(self.tr("待我部门审批"), "queue")
        self.scope.addItem(self.tr("近期已审批"), "decided")
        self.scope.setAccessibleName(self.tr("办件范围"))
        self.count = QLabel("")
        self.refresh = QPushButton(self.tr("刷新 (F5)"))
        top.addWidget(self.scope)
        top.addWidget(self.count, 1)
        top.addWidget(self.refresh)
        lay.addLayout(top)
        self.model = QueueModel(state, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("待审批办件"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        lay.addWidget(self.table, 1)
        self.table.activated.connect(self._open)
        self.table.clicked.connect(self._open)
        self.scope.currentIndexChanged.connect(lambda _i: self.sig_reload.emit(self.current))
        self.refresh.clicked.connect(lambda: self.sig_reload.emit(self.current))

    @property
    def current(self) -> str:
        return str(self.scope.currentData())

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        overdue = sum(1 for s in self.model.shown if s.level == "overdue")
        near = sum(1 for s in self.model.shown if s.level == "warning")
        self.count.setText(self.tr("共{n}件，超期{red}件，临近{yellow}件").format(
            n=len(rows), red=overdue, yellow=near))

    def ids(self) -> list[str]:
        return [r["id"] for r in self.model.rows]

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_open_case.emit(self.model.rows[index.row()]["id"])

    def clear(self) -> None:
        self.model.set_rows([])
        self.count.clear()
