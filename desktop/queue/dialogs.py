"""The queue panel's small dialogs: transfer, pause, a walk-in's ticket, who waits.

Each returns what its step needs; the domain checks it again before anything is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.form_dialog import FormDialog
from domain.catalog import Catalog
from domain.window_state import REASONS


def pause_reasons(w: QWidget) -> dict[str, str]:
    """Reason keys (domain.window_state.REASONS) in the UI language."""
    names = {"break": w.tr("暂时离开"), "meal": w.tr("用餐"), "meeting": w.tr("会议"),
             "training": w.tr("培训"), "system": w.tr("系统维护"), "other": w.tr("其他")}
    return {k: names[k] for k in REASONS}


def priority_names(w: QWidget) -> dict[str, str]:
    return {"": w.tr("普通"), "elderly": w.tr("70岁以上老人"), "disabled": w.tr("残疾人"),
            "pregnant": w.tr("孕妇"), "military": w.tr("军人"), "other": w.tr("其他优先")}


class TransferDialog(FormDialog):
    """转移: to another zone's queue, or to one window; the ticket keeps its place."""

    def __init__(self, catalog: Catalog, here: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("转移排队号"), parent, width=440)
        self.zone = QComboBox()
        self.zone.addItem(self.tr("（不变）"), "")
        for z in catalog.zones:
            self.zone.addItem(f"{z.prefix}  {z.name}", z.id)
        self.window = QComboBox()
        self.window.addItem(self.tr("（该服务区任一窗口）"), "")
        for w in catalog.windows:
            if w.id != here:
                self.window.addItem(w.name, w.id)
        self.reason = QLineEdit(placeholderText=self.tr("如：需到不动产窗口办理（可选）"))
        self.form.addRow(self.tr("转往服务区"), self.zone)
        self.form.addRow(self.tr("或指定窗口"), self.window)
        self.form.addRow(self.tr("说明"), self.reason)
        self.finish_layout(QLabel(self.tr("转移后保留原排队顺序，由对方窗口优先叫号。")))

    def problem(self) -> str:
        if not (self.zone.currentData() or self.window.currentData()):
            return self.tr("请选择转往的服务区或窗口")
        return ""

    def extra(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.zone.currentData():
            out["to_zone"] = self.zone.currentData()
        if self.window.currentData():
            out["to_window"] = self.window.currentData()
        if self.reason.text().strip():
            out["reason"] = self.reason.text().strip()[:200]
        return out


class PauseDialog(FormDialog):
    """暂停窗口 with a reason the display and the supervisor see."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("暂停窗口"), parent, width=440)
        self.reason = QComboBox()
        for key, name in pause_reasons(self).items():
            self.reason.addItem(name, key)
        self.note = QLineEdit(placeholderText=self.tr("补充说明（可选）"))
        self.form.addRow(self.tr("暂停原因"), self.reason)
        self.form.addRow(self.tr("说明"), self.note)
        self.finish_layout(QLabel(self.tr("暂停期间本窗口不叫号，大厅显示屏显示“暂停服务”。")))

    def chosen(self) -> tuple[str, str]:
        return self.reason.currentData(), self.note.text().strip()[:200]


class WalkInDialog(FormDialog):
    """现场取号 for a citizen who came to the window without a ticket."""

    def __init__(self, catalog: Catalog, zone_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("现场取号"), parent, width=440)
        self.zone = QComboBox()
        for z in catalog.zones:
            self.zone.addItem(f"{z.prefix}  {z.name}", z.id)
        i = self.zone.findData(zone_id)
        self.zone.setCurrentIndex(max(0, i))
        self.priority = QComboBox()
        for key, name in priority_names(self).items():
            self.priority.addItem(name, key)
        self.serve_here = QCheckBox(self.tr("在本窗口立即办理"))
        self.serve_here.setChecked(True)
        self.form.addRow(self.tr("服务区"), self.zone)
        self.form.addRow(self.tr("优先"), self.priority)
        self.form.addRow("", self.serve_here)
        self.finish_layout()

    def chosen(self) -> tuple[str, str, bool]:
        return self.zone.currentData(), self.priority.currentData(), self.serve_here.isChecked()


class WaitingDialog(QDialog):
    """Who waits for this window, next first; a chosen ticket may be called out of turn."""

    def __init__(self, rows: Sequence[dict[str, Any]], catalog: Catalog, now: dt.datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("等候的群众（共 %n 人）", "", len(rows)))
        self.setMinimumSize(560, 420)
        lay = QVBoxLayout(self)
        names = priority_names(self)
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels([self.tr("排队号"), self.tr("服务区"),
                                              self.tr("已等候"), self.tr("说明")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.rows = list(rows)
        for i, r in enumerate(self.rows):
            zone = catalog.zone(r["zone"])
            notes = [names.get(r["priority"] or "", "")] if r["priority"] else []
            if r["target_window"]:
                notes.append(self.tr("转来本窗口"))
            if r["appointment_at"]:
                notes.append(self.tr("预约 {t}").format(t=r["appointment_at"][11:16]))
            cells = (r["number"], zone.name if zone else r["zone"],
                     self.tr("%n 分钟", "", _minutes(r["order_at"], now)), "，".join(notes))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r["id"])
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.call_button = buttons.addButton(self.tr("呼叫选中的号"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.call_button.setEnabled(bool(rows))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if rows:
            self.table.selectRow(0)

    def chosen(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None


def _minutes(iso: str | None, now: dt.datetime) -> int:
    try:
        return max(0, int((now - dt.datetime.fromisoformat(iso or "")).total_seconds() // 60))
    except (TypeError, ValueError):
        return 0
