"""One item: what to bring, how long it takes, what it costs, where to go.

This page *is* the one-time notice (一次性告知) on screen: every material, with counts
and the condition under which a conditional one is needed, before the citizen commits.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QVBoxLayout, QWidget

from desktop.kiosk import texts
from desktop.kiosk.registration import where_to_go
from desktop.kiosk.start_page import Page
from desktop.kiosk.widgets import button, card, clear_layout, label, touch_scroll
from domain.catalog import Catalog, ServiceItem


class ItemPage(Page):
    """Facts on the left (or top), materials on the right (or below), one button."""

    key = "item"

    sig_register_requested = Signal(object)
    """The citizen wants to register for this item: the ServiceItem."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.item: ServiceItem | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 16)
        outer.setSpacing(18)
        self.title = label("", "title")
        outer.addWidget(self.title)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(20)
        facts = QGridLayout()
        facts.setContentsMargins(28, 20, 28, 20)
        facts.setHorizontalSpacing(24)
        facts.setVerticalSpacing(14)
        self.values: dict[str, object] = {}
        for row, (key, text) in enumerate((
            ("limit", self.tr("办理时限")), ("spot", self.tr("当场办结")),
            ("fee", self.tr("收费标准")), ("where", self.tr("办理地点")),
            ("department", self.tr("主管部门")),
        )):
            facts.addWidget(label(text, "field", wrap=False), row, 0)
            value = label("", "value")
            facts.addWidget(value, row, 1)
            self.values[key] = value
        facts.setColumnStretch(1, 1)
        self.facts_card = card(facts)
        self.body.addWidget(self.facts_card, 0)
        materials = card()
        self.materials = QVBoxLayout(materials)
        self.materials.setContentsMargins(28, 20, 28, 20)
        self.materials.setSpacing(10)
        self.body.addWidget(touch_scroll(materials), 1)
        outer.addLayout(self.body, 1)
        self.blocked_label = label("", "error")
        self.blocked_label.hide()
        outer.addWidget(self.blocked_label)
        self.register_button = button(self.tr("登记并打印告知单"), "primary")
        self.register_button.clicked.connect(
            lambda: self.item and self.sig_register_requested.emit(self.item))
        outer.addWidget(self.register_button)

    def prompt(self) -> str:
        if self.item is None:
            return ""
        return self.tr("{0}。请看清需要带的材料，然后点击登记并打印告知单").format(self.item.name)

    def show_item(self, item: ServiceItem) -> None:
        self.item = item
        self.title.setText(item.name)
        self.values["limit"].setText(texts.limit_long(item))
        self.values["spot"].setText(texts.on_the_spot(item))
        self.values["fee"].setText(texts.fee(item))
        self.values["where"].setText(where_to_go(self.catalog, item))
        self.values["department"].setText(texts.department(self.catalog, item))
        clear_layout(self.materials)
        self.materials.addWidget(label(self.tr("请带齐以下材料（一次性告知）"), "subtitle"))
        required = [m for m in item.materials if m.required]
        conditional = [m for m in item.materials if not m.required]
        for n, m in enumerate(required, start=1):
            self.materials.addWidget(label(f"{n}. {texts.material_line(m)}", "value"))
        if conditional:
            self.materials.addWidget(label(self.tr("以下材料视情况提供："), "field"))
            for m in conditional:
                self.materials.addWidget(
                    label(f"· {texts.material_line(m)} {texts.condition(m)}", "hint"))
        if not item.materials:
            self.materials.addWidget(label(self.tr("无需提交材料，带上身份证即可"), "value"))
        self.materials.addStretch(1)

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def set_blocked(self, reason: str) -> None:
        self.register_button.setEnabled(not reason)
        self.blocked_label.setText(reason)
        self.blocked_label.setVisible(bool(reason))

    def set_landscape(self, landscape: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                               else QBoxLayout.Direction.TopToBottom)
        self.facts_card.setMaximumWidth(760 if landscape else 16777215)
