"""The part every flat table model of the faces shares: rows counted, columns titled.

The counter's cases, the reviewer's queue and the supervisor's tables each keep their rows
their own way (by position, by case id, as dicts under typed columns); what a view asks of
all of them beyond `data` is the same and lives here once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class TitledTableModel(QAbstractTableModel):
    """A table whose columns are `headers` and whose rows number `row_total()`."""

    headers: list[str]

    def row_total(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
