"""A case's full history: who (name and staff number), at which window, when, what.

Conflicts (a step that was no longer legal when the server put it in order) stay in the
history, marked, because what happened at a counter happened.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.counter.session import CounterState
from desktop.messages import delivery_text, kind_text, state_text
from domain.case import Case

# plain ints: the view asks data() for a dozen roles per cell and per measure; an int
# compares several times faster than an enum member
DISPLAY, TOOLTIP = int(Qt.ItemDataRole.DisplayRole.value), int(Qt.ItemDataRole.ToolTipRole.value)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
CONFLICT_BRUSH = QBrush(QColor("#f6c1c1"))
_ROOT = QModelIndex()


def when_text(recorded_at: str) -> str:
    """2026-11-20 09:41 in China time, whatever offset the terminal wrote."""
    try:
        t = dt.datetime.fromisoformat(recorded_at)
    except ValueError:
        return recorded_at
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone(dt.timedelta(hours=8)))
    return t.strftime("%Y-%m-%d %H:%M")


class HistoryModel(QAbstractTableModel):
    """The rows of one case's history, already worded (the view words them: its texts
    are translated in its context). A new case replaces the rows in one reset; the
    view keeps its widgets, so showing a case creates no item and no widget."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[list[str], bool]] = []  # (cells, conflict)

    def set_rows(self, rows: list[tuple[list[str], bool]]) -> None:
        if rows == self.rows:
            return  # the same history again (the case re-shown after a step elsewhere)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if role in (DISPLAY, TOOLTIP):
            return self.rows[index.row()][0][index.column()]
        if role == BACKGROUND and self.rows[index.row()][1]:
            return CONFLICT_BRUSH
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class HistoryTable(QTableView):
    """One row per event of the case, oldest first (a view over a HistoryModel)."""

    def __init__(self, state: CounterState, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.history_model = HistoryModel(
            [self.tr("时间"), self.tr("操作"), self.tr("经办人"), self.tr("窗口"),
             self.tr("之后状态"), self.tr("说明")], self)
        self.setModel(self.history_model)
        header = self.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)

    def show_case(self, case: Case | None) -> None:
        rows = self.rows_of(case)
        if rows != self.history_model.rows:
            self.history_model.set_rows(rows)
            self.resizeRowsToContents()  # rows as tall as their wrapped text

    def rows_of(self, case: Case | None) -> list[tuple[list[str], bool]]:
        """Each step worded for the table: (cells, whether it is a conflict)."""
        rows = []
        for step in case.history if case else []:
            what = kind_text(step.kind)
            detail = step.detail
            if step.kind == "issued" and case:
                detail = delivery_text(detail) if detail else ""
                if case.delivery.get("tracking_no"):
                    detail = f"{detail} {case.delivery['tracking_no']}".strip()
            if step.conflict:
                what = self.tr("⚠ 冲突：{what}").format(what=what)
            if step.server_seq is None:
                detail = (detail + "　" if detail else "") + self.tr("（待同步）")
            rows.append(([when_text(step.recorded_at), what, self.state.staff_label(step.staff_id),
                          self.state.window_label(step.window_id), state_text(step.state_after),
                          detail], bool(step.conflict)))
        return rows

    def rowCount(self) -> int:  # the word QTableWidget had (tests, the review face)
        return self.history_model.rowCount()

    def cell_text(self, row: int, column: int) -> str:
        """What a cell shows."""
        return str(self.history_model.data(self.history_model.index(row, column)))
