"""The display's parts: the big call, the windows calling now, the last calls, the waiting
per zone and the notice line. Each only shows what it is given (desktop.display.board).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.display.board import Call, ZoneLine


def label(text: str = "", role: str = "", align: Qt.AlignmentFlag | None = None) -> QLabel:
    w = QLabel(text)
    if role:
        w.setProperty("role", role)
    if align is not None:
        w.setAlignment(align)
    return w


CENTER = Qt.AlignmentFlag.AlignCenter


class CallBanner(QFrame):
    """The latest call, as big as the panel allows."""

    sig_painted = Signal(str)
    """A new number was painted on screen (the benchmark's "call on the display")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="hero")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        lay = QVBoxLayout(self)
        lay.setSpacing(0)
        self.number = label("", "heroNumber", CENTER)
        self.text = label("", "heroText", CENTER)
        lay.addStretch(1)
        lay.addWidget(self.number)
        lay.addWidget(self.text)
        lay.addStretch(1)
        self._painted = ""
        self.show_call(None)

    def show_call(self, call: Call | None) -> None:
        if call is None:
            self.number.setText("")
            self.text.setText(self.tr("欢迎光临，请留意叫号"))
            return
        self.number.setText(call.number)
        if call.window_label.isdigit():
            self.text.setText(self.tr("请到 {n} 号窗口").format(n=call.window_label))
        else:
            self.text.setText(self.tr("请到{name}").format(name=call.window_label))

    @property
    def shown(self) -> str:
        return self.number.text()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.number.text() != self._painted:
            self._painted = self.number.text()
            if self._painted:
                self.sig_painted.emit(self._painted)


class CallTile(QFrame):
    """One window calling or serving now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="tile")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        lay = QVBoxLayout(self)
        self.number = label("", "tileNumber", CENTER)
        self.window = label("", "tileWindow", CENTER)
        self.state = label("", "tileState", CENTER)
        for w in (self.number, self.window, self.state):
            lay.addWidget(w)

    def show_call(self, call: Call) -> None:
        self.number.setText(call.number)
        self.window.setText(self.tr("{n} 号窗口").format(n=call.window_label)
                            if call.window_label.isdigit() else call.window_label)
        self.state.setText(self.tr("正在办理") if call.state == "serving" else self.tr("请前往"))


class TileGrid(QWidget):
    """The windows calling now, in a grid whose shape follows the panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.tiles: list[CallTile] = []
        self.columns = 3
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.empty = label(self.tr("暂无呼叫"), "empty", CENTER)
        self.grid.addWidget(self.empty, 0, 0)

    def set_columns(self, columns: int, rows: int) -> None:
        self.columns = columns
        while len(self.tiles) < columns * rows:
            self.tiles.append(CallTile(self))
        self.tiles = self.tiles[:columns * rows]
        for i, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, i // columns, i % columns)

    def show_calls(self, calls: Sequence[Call]) -> None:
        for tile, call in zip(self.tiles, calls, strict=False):
            tile.show_call(call)
        for i, tile in enumerate(self.tiles):
            tile.setVisible(i < len(calls))
        self.empty.setVisible(not calls)


class Panel(QFrame):
    """A titled box of rows (the last calls, the waiting per zone)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # a long list is cut at the panel's edge; it never pushes the TV's frame out
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.box = QVBoxLayout(self)
        self.box.addWidget(label(title, "heading"))
        self.rows = QGridLayout()
        self.box.addLayout(self.rows)
        self.box.addStretch(1)
        self._cells: list[QLabel] = []

    def set_rows(self, rows: Sequence[Sequence[tuple[str, str]]], empty: str = "") -> None:
        """Rows of (text, role) cells; `empty` shows when there are none."""
        for cell in self._cells:
            cell.deleteLater()
        self._cells = []
        if not rows and empty:
            rows = [[(empty, "empty")]]
        for r, row in enumerate(rows):
            for c, (text, role) in enumerate(row):
                cell = label(text, role)
                if c:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.rows.addWidget(cell, r, c)
                self._cells.append(cell)


class RecentCalls(Panel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("最近呼叫"), parent)

    def show_calls(self, calls: Sequence[Call]) -> None:
        self.set_rows([[(c.number, "rowNumber"),
                        (self.tr("{n} 号窗口").format(n=c.window_label)
                         if c.window_label.isdigit() else c.window_label, "row")]
                       for c in calls], self.tr("暂无呼叫"))


class ZoneWaiting(Panel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("等候人数"), parent)

    def show_zones(self, zones: Sequence[ZoneLine], limit: int = 12) -> None:
        rows = []
        for z in zones[:limit]:
            rows.append([(f"{z.prefix}  {z.name}", "row"),
                         (self.tr("%n 人", "", z.waiting), "rowNumber"),
                         (self.tr("约 %n 分钟", "", z.estimated_wait_min) if z.waiting
                          else "", "rowMuted")])
        self.set_rows(rows, self.tr("暂无等候"))


class NoticeLine(QFrame):
    """One line along the bottom; text too long for the panel moves along by a character
    every `TICK_MS` (a marquee the eye can follow from across the hall)."""

    TICK_MS = 400
    GAP = "　　　　"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="notice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        lay = QHBoxLayout(self)
        self.text = label("", "notice")
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.text)
        self.full = ""
        self._offset = 0
        self._timer = QTimer(self, interval=self.TICK_MS)
        self._timer.timeout.connect(self._scroll)

    def set_text(self, text: str) -> None:
        if text == self.full:
            return
        self.full = text
        self._offset = 0
        self.text.setText(text)
        self._update_scroll()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_scroll()

    def _update_scroll(self) -> None:
        too_long = self.text.fontMetrics().horizontalAdvance(self.full) > self.width() - 40
        if too_long and not self._timer.isActive():
            self._timer.start()
        elif not too_long:
            self._timer.stop()
            self.text.setText(self.full)

    def _scroll(self) -> None:
        loop = self.full + self.GAP
        self._offset = (self._offset + 1) % len(loop)
        self.text.setText(loop[self._offset:] + loop[:self._offset])
