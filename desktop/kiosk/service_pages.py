"""Choosing the service: tiles grouped by zone or department, and search by initials.

Most citizens know the thing they want by name, not by department, so the groups are
a first cut and the search takes pinyin initials (hydj → 婚姻登记) from an on-screen
keyboard: no handwriting, no input method.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.kiosk import texts
from desktop.kiosk.start_page import Page
from desktop.kiosk.widgets import (
    ItemTile,
    LetterKeyboard,
    after_key,
    button,
    clear_layout,
    label,
    touch_scroll,
)
from domain.catalog import Catalog, ServiceItem, search_items


def _fill_tiles(grid: QGridLayout, items: list[ServiceItem], catalog: Catalog, columns: int,
                chosen) -> None:
    clear_layout(grid)
    for n, item in enumerate(items):
        tile = ItemTile(item, texts.department(catalog, item), texts.limit_short(item))
        tile.sig_item_chosen.connect(chosen)
        grid.addWidget(tile, n // columns, n % columns)
    for c in range(columns):
        grid.setColumnStretch(c, 1)
    grid.setRowStretch(grid.rowCount(), 1)


class ServicesPage(Page):
    """Group buttons (zones or departments) beside or above the tiles of the group."""

    key = "services"

    sig_item_chosen = Signal(object)
    """A tile was tapped: the ServiceItem."""
    sig_search_requested = Signal()
    """The citizen wants to search by name instead."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.by = "zone"
        self.group = ""  # zone or department id
        self.columns = 2
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 16)
        outer.setSpacing(18)
        head = QHBoxLayout()
        head.addWidget(label(self.tr("请选择要办理的事项"), "title"), 1)
        search = button(self.tr("按拼音首字母搜索"), "primary")
        search.clicked.connect(self.sig_search_requested)
        head.addWidget(search)
        outer.addLayout(head)
        modes = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        for key, text in (("zone", self.tr("按服务区")), ("department", self.tr("按部门"))):
            b = button(text, "zone", checkable=True)
            b.setChecked(key == self.by)
            b.clicked.connect(lambda _=False, k=key: self.show_groups(k))
            self.mode_group.addButton(b)
            modes.addWidget(b)
        modes.addStretch(1)
        outer.addLayout(modes)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(20)
        self.groups_box = QWidget()
        self.groups_grid = QGridLayout(self.groups_box)
        self.groups_grid.setContentsMargins(0, 0, 0, 0)
        self.groups_grid.setSpacing(10)
        self.groups_area = touch_scroll(self.groups_box)
        self.body.addWidget(self.groups_area, 0)
        self.tiles_box = QWidget()
        self.tiles = QGridLayout(self.tiles_box)
        self.tiles.setContentsMargins(0, 0, 8, 0)
        self.tiles.setSpacing(16)
        self.body.addWidget(touch_scroll(self.tiles_box), 1)
        outer.addLayout(self.body, 1)
        self.landscape = False
        self.show_groups("zone")

    def prompt(self) -> str:
        return self.tr("请选择要办理的事项，也可以按拼音首字母搜索")

    def _groups(self) -> list[tuple[str, str]]:
        used = {getattr(i, self.by) for i in self.catalog.items}
        if self.by == "zone":
            # "C  房产交易和不动产登记": the suffix 服务区 is on every zone, so it goes
            return [(z.id, f"{z.prefix}  {z.name.removesuffix('服务区')}")
                    for z in self.catalog.zones if z.id in used]
        return [(d.id, d.name) for d in self.catalog.departments if d.id in used]

    def set_catalog(self, catalog: Catalog) -> None:
        """A new catalog version: the same grouping, the same group if it still exists."""
        self.catalog = catalog
        self.show_groups(self.by, self.group)

    def show_groups(self, by: str, select: str = "") -> None:
        """Switch between zones and departments; `select` (else the first) is shown."""
        self.by = by
        clear_layout(self.groups_grid)
        self._buttons = QButtonGroup(self)
        groups = self._groups()
        cols = 1 if self.landscape else 2
        for n, (gid, text) in enumerate(groups):
            b = button(text, "zone", checkable=True)
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, g=gid: self.show_group(g))
            self._buttons.addButton(b)
            self.groups_grid.addWidget(b, n // cols, n % cols)
        for c in range(cols):
            self.groups_grid.setColumnStretch(c, 1)
        self.groups_grid.setRowStretch(self.groups_grid.rowCount(), 1)
        if groups:
            ids = [g for g, _ in groups]
            n = ids.index(select) if select in ids else 0
            self._buttons.buttons()[n].setChecked(True)
            self.show_group(ids[n])
        self._fit_groups()

    def _fit_groups(self) -> None:
        """Beside the tiles, the group column is as wide as its longest name needs at the
        current text size (large text must not cut "C  房产交易和不动产登记")."""
        if not self.landscape:
            self.groups_area.setMinimumWidth(0)
            self.groups_area.setMaximumWidth(16777215)
            return
        self.groups_box.ensurePolished()
        widest = max((b.sizeHint().width() for b in self._buttons.buttons()), default=0)
        bar = self.groups_area.verticalScrollBar().sizeHint().width()
        self.groups_area.setFixedWidth(max(480, widest + bar + 24))

    def show_group(self, group_id: str) -> None:
        self.group = group_id
        items = [i for i in self.catalog.items if getattr(i, self.by) == group_id]
        _fill_tiles(self.tiles, items, self.catalog, self.columns, self.sig_item_chosen)

    def set_columns(self, columns: int) -> None:
        if columns != self.columns:
            self.columns = columns
            self.show_group(self.group)

    def set_landscape(self, landscape: bool) -> None:
        self.landscape = landscape
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                               else QBoxLayout.Direction.TopToBottom)
        self.groups_area.setMaximumHeight(16777215 if landscape else 420)
        self.show_groups(self.by, self.group)


class SearchPage(Page):
    """Letters in, best matches out, as the citizen types."""

    key = "search"
    MAX_RESULTS = 12

    sig_item_chosen = Signal(object)
    """A result was tapped: the ServiceItem."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.query = ""
        self.columns = 1
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 16)
        outer.setSpacing(16)
        outer.addWidget(label(self.tr("按拼音首字母搜索"), "title"))
        outer.addWidget(label(self.tr("例如：结婚登记 输入 JHDJ，普通护照签发 输入 PTHZ"), "hint"))
        self.display = label("", "display", wrap=False)
        outer.addWidget(self.display)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(20)
        results = QWidget()
        self.results = QGridLayout(results)
        self.results.setSpacing(14)
        self.count_label = label("", "hint")
        res_box = QVBoxLayout()
        res_box.addWidget(self.count_label)
        res_box.addWidget(touch_scroll(results), 1)
        self.body.addLayout(res_box, 1)
        self.keyboard = LetterKeyboard()
        self.keyboard.sig_key_pressed.connect(self.press)
        self.body.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(self.body, 1)
        self._refresh()

    def prompt(self) -> str:
        return self.tr("请用下方字母键输入事项名称的拼音首字母")

    def press(self, key: str) -> None:
        self.query = after_key(self.query, key, 12)
        self._refresh()

    def set_query(self, text: str) -> None:
        self.query = text.lower()[:12]
        self._refresh()

    def reset(self) -> None:
        self.set_query("")

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._refresh()

    def _refresh(self) -> None:
        self.display.setText(self.query.upper() or " ")
        hits = search_items(self.catalog.items, self.query, self.MAX_RESULTS) if self.query else []
        _fill_tiles(self.results, hits, self.catalog, self.columns, self.sig_item_chosen)
        if not self.query:
            self.count_label.setText(self.tr("输入字母后，这里显示匹配的事项"))
        elif hits:
            self.count_label.setText(self.tr("找到以下事项，请点击选择"))
        else:
            self.count_label.setText(self.tr("没有找到，请少输入几个字母，或返回按服务区查找"))

    def set_landscape(self, landscape: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                               else QBoxLayout.Direction.TopToBottom)
        self.keyboard.setFixedWidth(980 if landscape else 16777215)
        self.columns = 1 if landscape else 2
        self._refresh()
