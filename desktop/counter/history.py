"""A case's full history: who (name and staff number), at which window, when, what.

Conflicts (a step that was no longer legal when the server put it in order) stay in the
history, marked, because what happened at a counter happened.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.counter.session import CounterState
from desktop.messages import delivery_text, kind_text, state_text
from domain.case import Case


def when_text(recorded_at: str) -> str:
    """2026-11-20 09:41 in China time, whatever offset the terminal wrote."""
    try:
        t = dt.datetime.fromisoformat(recorded_at)
    except ValueError:
        return recorded_at
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone(dt.timedelta(hours=8)))
    return t.strftime("%Y-%m-%d %H:%M")


class HistoryTable(QTableWidget):
    """One row per event of the case, oldest first."""

    def __init__(self, state: CounterState, parent=None) -> None:
        super().__init__(0, 6, parent)
        self.state = state
        self.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作"), self.tr("经办人"),
                                        self.tr("窗口"), self.tr("之后状态"), self.tr("说明")])
        header = self.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)

    def show_case(self, case: Case | None) -> None:
        steps = case.history if case else []
        self.setRowCount(len(steps))
        for row, step in enumerate(steps):
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
            cells = [when_text(step.recorded_at), what, self.state.staff_label(step.staff_id),
                     self.state.window_label(step.window_id), state_text(step.state_after),
                     detail]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if step.conflict:
                    cell.setBackground(QColor("#f6c1c1"))
                self.setItem(row, col, cell)
        self.resizeRowsToContents()
