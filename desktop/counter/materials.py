"""The materials checklist of an item: what came, what is missing, what applies.

Conditional materials (代办时的授权委托书, …) show their condition; the clerk ticks
"applies" when the situation is the citizen's, and ticking "received" implies it. The
missing list for the one-time notice comes from domain.application.missing_materials,
so the counter and the printed notice always agree.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from domain.application import material_rows, missing_materials
from domain.catalog import Material, ServiceItem

COL_RECEIVED, COL_NAME, COL_COUNT, COL_APPLIES, COL_CONDITION = range(5)
_CHECK = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MaterialsChecklist(QTableWidget):
    """One row per material of the item; Space ticks the current row."""

    sig_changed = Signal()
    """A tick changed (the missing list may have changed)."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 5, parent)
        self.service_item: ServiceItem | None = None
        self.setHorizontalHeaderLabels([self.tr("已收"), self.tr("材料名称"), self.tr("份数"),
                                        self.tr("适用"), self.tr("适用情形")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CONDITION, QHeaderView.ResizeMode.Stretch)
        for col in (COL_RECEIVED, COL_COUNT, COL_APPLIES):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()
        self.setWordWrap(False)  # one line per material; the full text is in the tooltip
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Tab goes on to the next control; the arrows move within the list
        self.setTabKeyNavigation(False)
        self.setAccessibleName(self.tr("材料清单"))
        self.setAccessibleDescription(self.tr("上下键选择材料，空格键勾选已收"))
        self.itemChanged.connect(self._on_item_changed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space ticks "received" on the current row, whichever cell the cursor is in."""
        if event.key() == Qt.Key.Key_Space and not event.modifiers() and self.currentRow() >= 0:
            got = self.item_at(self.currentRow(), COL_RECEIVED)
            got.setCheckState(Qt.CheckState.Unchecked if got.checkState() == Qt.CheckState.Checked
                              else Qt.CheckState.Checked)
            event.accept()
            return
        super().keyPressEvent(event)

    def counts_text(self, m: Material) -> str:
        parts = []
        if m.originals:
            parts.append(self.tr("原件%n份", "", m.originals))
        if m.copies:
            parts.append(self.tr("复印件%n份", "", m.copies))
        return " ".join(parts)

    def set_item(self, item: ServiceItem | None,
                 provided: Mapping[str, bool] | None = None) -> None:
        self.blockSignals(True)
        self.service_item = item
        materials = item.materials if item else ()
        self.setRowCount(len(materials))
        provided = provided or {}
        for row, m in enumerate(materials):
            got = QTableWidgetItem()
            got.setFlags(_CHECK)
            got.setCheckState(Qt.CheckState.Checked if provided.get(m.id)
                              else Qt.CheckState.Unchecked)
            got.setData(Qt.ItemDataRole.UserRole, m.id)
            self.setItem(row, COL_RECEIVED, got)
            name = QTableWidgetItem(m.name)
            name.setToolTip(m.name)
            self.setItem(row, COL_NAME, name)
            self.setItem(row, COL_COUNT, QTableWidgetItem(self.counts_text(m)))
            applies = QTableWidgetItem()
            if m.conditional:
                applies.setFlags(_CHECK)
                applies.setCheckState(Qt.CheckState.Checked if provided.get(m.id)
                                      else Qt.CheckState.Unchecked)
                cond = QTableWidgetItem(m.condition)
                cond.setToolTip(m.condition)
            else:
                applies.setFlags(Qt.ItemFlag.ItemIsEnabled)
                applies.setText(self.tr("必需"))
                cond = QTableWidgetItem("")
            self.setItem(row, COL_APPLIES, applies)
            self.setItem(row, COL_CONDITION, cond)
        self.blockSignals(False)
        if materials:
            self.setCurrentCell(0, COL_RECEIVED)
        self.sig_changed.emit()

    def _on_item_changed(self, cell: QTableWidgetItem) -> None:
        # received implies applies; un-applying a conditional one un-receives it
        row = cell.row()
        got, applies = self.item_at(row, COL_RECEIVED), self.item_at(row, COL_APPLIES)
        checkable = bool(applies.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        self.blockSignals(True)
        if cell.column() == COL_RECEIVED and checkable and got.checkState() == Qt.CheckState.Checked:
            applies.setCheckState(Qt.CheckState.Checked)
        if cell.column() == COL_APPLIES and applies.checkState() == Qt.CheckState.Unchecked:
            got.setCheckState(Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.sig_changed.emit()

    def item_at(self, row: int, col: int) -> QTableWidgetItem:
        cell = self.item(row, col)
        assert cell is not None
        return cell

    # --- answers ----------------------------------------------------------------
    def provided(self) -> dict[str, bool]:
        return {self.item_at(r, COL_RECEIVED).data(Qt.ItemDataRole.UserRole):
                self.item_at(r, COL_RECEIVED).checkState() == Qt.CheckState.Checked
                for r in range(self.rowCount())}

    def applicable(self) -> list[str]:
        out = []
        for r in range(self.rowCount()):
            applies = self.item_at(r, COL_APPLIES)
            if (applies.flags() & Qt.ItemFlag.ItemIsUserCheckable
                    and applies.checkState() == Qt.CheckState.Checked):
                out.append(self.item_at(r, COL_RECEIVED).data(Qt.ItemDataRole.UserRole))
        return out

    def missing(self) -> list[str]:
        """Every material still missing: the one-time notice lists them all at once."""
        if self.service_item is None:
            return []
        return missing_materials(self.service_item, self.provided(), self.applicable())

    def rows(self) -> list[dict]:
        """The checklist as stored on the case."""
        return (material_rows(self.service_item, self.provided()) if self.service_item
                else [])

    def tick_all_required(self) -> None:
        for r in range(self.rowCount()):
            applies = self.item_at(r, COL_APPLIES)
            if not applies.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                self.item_at(r, COL_RECEIVED).setCheckState(Qt.CheckState.Checked)

    def set_tick(self, material_id: str, received: bool) -> None:
        """Tick one material (tests, and later a scanned-document integration)."""
        for r in range(self.rowCount()):
            got = self.item_at(r, COL_RECEIVED)
            if got.data(Qt.ItemDataRole.UserRole) == material_id:
                got.setCheckState(Qt.CheckState.Checked if received else Qt.CheckState.Unchecked)
