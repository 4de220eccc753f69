"""Tables of dict rows, sortable, exportable to Excel (.xlsx, XlsxWriter) and CSV.

One model serves every table of the face (figures, drill-down, notices, follow-ups):
columns are (key, title, kind); numbers and rates sort as numbers, not text.
"""

from __future__ import annotations

import csv
import pathlib
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.table_model import TitledTableModel

Column = tuple[str, str, str]  # key, title, kind: text | int | rate | num
_ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def shown(value: Any, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "rate":
        return f"{value * 100:.1f}%"
    return str(value)


class RowsModel(TitledTableModel):
    """Rows (dicts) under chosen columns; `colour(row)` may tint a whole row."""

    def __init__(self, columns: Sequence[Column], parent=None,
                 colour: Callable[[dict], str | None] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.headers = [title for _key, title, _kind in self.columns]
        self.rows: list[dict[str, Any]] = []
        self.colour = colour

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key, _title, kind = self.columns[index.column()]
        v = row.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(v, kind)
        if role == SORT_ROLE:
            return (-1 if v is None else v) if kind != "text" else str(v or "")
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.colour is not None:
            c = self.colour(row)
            return QBrush(QColor(c)) if c else None
        return None

    def table(self) -> tuple[list[str], list[list[Any]]]:
        """Headers and raw values, as the exports write them (rates stay fractions)."""
        heads = [t for _k, t, _kind in self.columns]
        return heads, [[r.get(k) for k, _t, _kind in self.columns] for r in self.rows]


def make_view(model: RowsModel, parent=None) -> QTableView:
    """A sortable, read-only, row-selecting view over `model` (through a proxy)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    proxy.sort(-1)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def row_at(view: QTableView, model: RowsModel, index: QModelIndex) -> dict[str, Any] | None:
    src = view.model().mapToSource(index)
    return model.rows[src.row()] if src.isValid() else None


def write_csv(path: pathlib.Path, heads: list[str], rows: list[list[Any]]) -> None:
    """UTF-8 with BOM: Excel on a Chinese Windows opens it without mojibake."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(heads)
        w.writerows([["" if v is None else v for v in r] for r in rows])


def write_xlsx(path: pathlib.Path, heads: list[str], rows: list[list[Any]],
               kinds: Sequence[str] = (), sheet: str = "数据") -> None:
    """A worksheet with a bold header, percentages formatted as such, columns sized."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        ws = book.add_worksheet(sheet[:31])
        bold = book.add_format({"bold": True, "bg_color": "#E3E9F4", "border": 1})
        pct = book.add_format({"num_format": "0.0%"})
        ws.write_row(0, 0, heads, bold)
        for r, values in enumerate(rows, start=1):
            for c, v in enumerate(values):
                fmt = pct if c < len(kinds) and kinds[c] == "rate" else None
                if v is None:
                    ws.write_blank(r, c, None)
                else:
                    ws.write(r, c, v, fmt)
        for c, h in enumerate(heads):
            ws.set_column(c, c, max(8, min(40, len(h) * 2 + 2)))
        ws.freeze_panes(1, 0)
    finally:
        book.close()


def export(model: RowsModel, path: str | pathlib.Path, sheet: str = "数据") -> pathlib.Path:
    """Write the table to `path`: .xlsx or .csv by its suffix."""
    p = pathlib.Path(path)
    heads, rows = model.table()
    if p.suffix.lower() == ".csv":
        write_csv(p, heads, rows)
    else:
        p = p.with_suffix(".xlsx")
        write_xlsx(p, heads, rows, [k for _key, _t, k in model.columns], sheet)
    return p
