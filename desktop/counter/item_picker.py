"""Choosing the service item of a new case: by name, pinyin initials (hydj) or number.

A clerk with a citizen waiting types three letters and presses Enter; the arrow keys
move through the list without leaving the filter field.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.screen_fit import fit_to_screen
from domain.catalog import Catalog, ServiceItem, search_items


class ItemPicker(QDialog):
    """A filter field over the catalog's items; `chosen()` after exec()."""

    def __init__(self, catalog: Catalog, zone_id: str | None = None,
                 parent: QWidget | None = None, *,
                 usage: Mapping[str, int] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择办理事项"))
        self.catalog = catalog
        self.zone_id = zone_id
        self.usage = dict(usage or {})
        fit_to_screen(self, 760, 560)
        lay = QVBoxLayout(self)
        # the examples are real: jhdj is exactly 结婚登记's initials (a test types them)
        self.prompt = QLabel(self.tr("输入事项名称、拼音首字母（如 jhdj 即“结婚登记”）或事项编号："))
        self.prompt.setWordWrap(True)
        lay.addWidget(self.prompt)
        self.filter = QLineEdit(placeholderText=self.tr("例如：结婚、jhdj、0801"))
        self.filter.setAccessibleName(self.tr("事项名称、拼音首字母或编号"))
        self.prompt.setBuddy(self.filter)
        self.filter.installEventFilter(self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("匹配的事项"))
        self.status = QLabel("", objectName="hintText")
        self.list.itemActivated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(self.filter)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.status)
        lay.addWidget(buttons)
        self.filter.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        text = self.filter.text().strip()
        items = search_items(self.catalog.items, text, limit=100, popularity=self.usage)
        if not text and self.zone_id:
            items.sort(key=lambda i: i.zone != self.zone_id)  # own zone first
        self.status.setText(
            self.tr("没有匹配“%1”的事项：换个名称或拼音首字母试试").replace("%1", text)
            if text and not items else
            self.tr("找到 %n 个事项，↑↓ 选择，回车确定", "", len(items)) if text else "")
        self.list.clear()
        for item in items:
            row = QListWidgetItem(self.summary(item))
            row.setData(Qt.ItemDataRole.UserRole, item.no)
            zone = self.catalog.zone(item.zone)
            row.setToolTip(f"{item.department}　{zone.name if zone else ''}")
            self.list.addItem(row)
        if self.list.count():
            self.list.setCurrentRow(0)

    def summary(self, item: ServiceItem) -> str:
        """0101 企业设立登记 — 承诺件 1个工作日"""
        kind = (self.tr("即办件") if item.instant
                else self.tr("承诺件 %n个工作日", "", item.promised_days))
        return f"{item.no}  {item.name}　—　{kind}"

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown,
                               Qt.Key.Key_PageUp):
                self.list.keyPressEvent(event)
                return True
        return super().eventFilter(obj, event)

    def chosen(self) -> ServiceItem | None:
        row = self.list.currentItem()
        return self.catalog.item(row.data(Qt.ItemDataRole.UserRole)) if row else None
