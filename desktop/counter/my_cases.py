"""The clerk's cases with live countdowns: a QAbstractTableModel over projection rows.

Rows are kept by case id; the countdown column is recomputed on a timer (a case turns
yellow or red while the list is open, without a query), and the rows themselves are
re-read on the reader pool after any write or sync.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
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

from desktop.counter import jobs
from desktop.counter.countdown import (
    COLOURS,
    TEXT_COLOURS,
    Shown,
    awaiting_supplement,
    describe,
    from_row,
)
from desktop.counter.history import when_text
from desktop.counter.session import CounterState
from desktop.messages import error_text, state_text
from desktop.table_model import TitledTableModel
from desktop.tasks import TaskRunner
from domain import idnumber
from domain import lifecycle as lc

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class CaseTableModel(TitledTableModel):
    """Projection rows by id, with a cached countdown per row."""

    COLUMNS = ("case_number", "item_name", "applicant_name", "applicant_id_number", "state",
               "accepted_at", "deadline", "countdown")

    def __init__(self, state: CounterState, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.ids: list[str] = []
        self.rows: dict[str, dict[str, Any]] = {}
        self.shown: dict[str, Shown] = {}
        self.headers = [self.tr("办件编号"), self.tr("事项"), self.tr("申请人"), self.tr("证件号码"),
                        self.tr("状态"), self.tr("受理时间"), self.tr("办结期限"), self.tr("剩余时间")]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.ids = [r["id"] for r in rows]
        self.rows = {r["id"]: r for r in rows}
        self._compute()
        self.endResetModel()

    def _compute(self) -> None:
        today = self.state.today()
        self.shown = {cid: awaiting_supplement() if _supplement_first(r) else
                      describe(self.state.calendar, from_row(r), today, self.state.warn_days)
                      for cid, r in self.rows.items()}

    def refresh_countdowns(self) -> None:
        """Recompute only the countdowns (timer tick): no query, no reset."""
        if not self.ids:
            return
        self._compute()
        first = self.index(0, self.COLUMNS.index("deadline"))
        last = self.index(len(self.ids) - 1, len(self.COLUMNS) - 1)
        self.dataChanged.emit(first, last)

    def level_of(self, row: int) -> str:
        return self.shown[self.ids[row]].level

    def case_id(self, row: int) -> str:
        return self.ids[row]

    def row_total(self) -> int:
        return len(self.ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cid = self.ids[index.row()]
        row, shown = self.rows[cid], self.shown[cid]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, shown, col)
        if role == Qt.ItemDataRole.BackgroundRole and col in ("deadline", "countdown"):
            return QBrush(COLOURS[shown.level]) if shown.level != "none" else None
        if role == Qt.ItemDataRole.ForegroundRole and col in ("deadline", "countdown"):
            return QBrush(QColor(TEXT_COLOURS[shown.level]))
        if role == Qt.ItemDataRole.ToolTipRole and col == "deadline" and row.get(
                "deadline_provisional"):
            return self.tr("该年的节假日安排尚未载入，期限按法定节假日推算（临时），载入后自动修正")
        if role == Qt.ItemDataRole.UserRole:
            return cid
        return None

    def _text(self, row: dict[str, Any], shown: Shown, col: str) -> str:
        if col == "applicant_id_number":
            return idnumber.mask(row.get(col))
        if col == "state":
            text = state_text(row.get("state"))
            return text + (self.tr("（有冲突）") if row.get("conflicts") else "")
        if col == "accepted_at":
            return when_text(row[col]) if row.get(col) else ""
        if col == "deadline":
            return shown.deadline_text or (self.tr("即办") if row.get("instant") else "")
        if col == "countdown":
            return shown.text
        return str(row.get(col) or "")


class MyCasesView(QWidget):
    """The list, its scope (mine open / mine all / the hall's open) and a legend."""

    sig_open_case = Signal(str)
    """The clerk chose a case (Enter or double-click): its id."""

    SCOPES = ("mine", "all", "hall")

    def __init__(self, state: CounterState, runner: TaskRunner, refresh_seconds: int = 60,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner
        self.model = CaseTableModel(state, self)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItem(self.tr("我的在办件"), "mine")
        self.scope.addItem(self.tr("我经办的全部办件"), "all")
        self.scope.addItem(self.tr("全大厅在办件"), "hall")
        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary = QLabel("")
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.reload)
        top.addWidget(self.scope)
        top.addWidget(self.summary, 1)
        for level, text in (("warning", self.tr("临近期限")), ("overdue", self.tr("已超期")),
                            ("paused", self.tr("暂停计时"))):
            chip = QLabel(text, objectName="legendChip")
            chip.setStyleSheet(f"background: {COLOURS[level].name()};"
                               f" color: {TEXT_COLOURS[level]};")
            top.addWidget(chip)
        top.addWidget(refresh)
        lay.addLayout(top)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("办件列表"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda i: self.sig_open_case.emit(self.model.case_id(i.row())))
        lay.addWidget(self.table, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_seconds * 1000)
        self.timer.timeout.connect(self.model.refresh_countdowns)
        self.timer.start()

    def reload(self) -> None:
        session = self.state.session
        if session is None:
            return
        staff_id, scope = session.staff.id, self.scope.currentData()
        self.runner.read(lambda r: jobs.my_cases(r, staff_id, scope), self._loaded,
                         lambda exc: self.summary.setText(error_text(exc)))

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        levels = [self.model.level_of(i) for i in range(len(rows))]
        self.summary.setText("　".join((
            self.tr("共%n件", "", len(rows)),
            self.tr("临近期限%n件", "", levels.count("warning")),
            self.tr("超期%n件", "", levels.count("overdue")),
            self.tr("暂停%n件", "", levels.count("paused")))))

    def clear(self) -> None:
        self.model.set_rows([])
        self.summary.clear()

    def today(self) -> dt.date:
        return self.state.today()


def _supplement_first(row: dict[str, Any]) -> bool:
    """补正 asked for at reception: no acceptance yet, so no deadline to count down."""
    return row.get("state") == lc.SUPPLEMENT and not row.get("accepted_at")
