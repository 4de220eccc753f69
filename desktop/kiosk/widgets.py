"""Touch widgets the kiosk pages share: labels and buttons by role, keypads, item tiles.

A kiosk has no keyboard: numbers come from `NumericKeypad`, pinyin initials from
`LetterKeyboard`. Both only emit keys; the page that owns the display decides what a
key means (an ID number takes X, a phone number does not).
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from domain.catalog import ServiceItem

BACKSPACE = "⌫"
CLEAR = "clear"


def after_key(typed: str, key: str, longest: int, *, allowed: bool = True) -> str:
    """What is typed after one key of a touch keypad or keyboard: ⌫ takes one back, 清除
    takes all, any other key is added while there is room and the page `allowed` it."""
    if key == BACKSPACE:
        return typed[:-1]
    if key == CLEAR:
        return ""
    return typed + key if allowed and len(typed) < longest else typed


def label(text: str = "", role: str = "", *, wrap: bool = True,
          align: Qt.AlignmentFlag | None = None) -> QLabel:
    """A label styled by its role (see style.py); wraps by default (long item names)."""
    w = QLabel(text)
    if role:
        w.setProperty("role", role)
    w.setWordWrap(wrap)
    if align is not None:
        w.setAlignment(align)
    if role == "display":
        # what is typed must never widen its column: the keypad beside it would move
        # under the citizen's finger with every digit
        w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return w


def button(text: str, role: str = "", *, checkable: bool = False) -> QPushButton:
    b = QPushButton(text)
    if role:
        b.setProperty("role", role)
    b.setCheckable(checkable)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus rectangles on a touch screen
    return b


def card(layout: QVBoxLayout | QHBoxLayout | QGridLayout | None = None) -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "card")
    if layout is not None:
        frame.setLayout(layout)
    return frame


def touch_scroll(content: QWidget) -> QScrollArea:
    """A scroll area a finger can drag (kinetic), with a visible bar for the elderly."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    props = QScroller.scroller(area.viewport()).scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.ScrollingCurve,
                          QEasingCurve(QEasingCurve.Type.OutCubic))
    QScroller.scroller(area.viewport()).setScrollerProperties(props)
    return area


def clear_layout(layout: QGridLayout | QVBoxLayout | QHBoxLayout) -> None:
    """Remove and delete the widgets; a grid also forgets its stretches (a grid that
    had three columns would otherwise keep an empty stretching third one)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # out of findChildren now, not at the next event loop
            widget.deleteLater()
    if isinstance(layout, QGridLayout):
        for c in range(layout.columnCount()):
            layout.setColumnStretch(c, 0)
        for r in range(layout.rowCount()):
            layout.setRowStretch(r, 0)


class NumericKeypad(QWidget):
    """0–9, optionally X, backspace and clear, in a phone layout."""

    sig_key_pressed = Signal(str)
    """A key was tapped: a digit, "X", BACKSPACE or CLEAR."""

    def __init__(self, *, with_x: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(14)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9",
                "X" if with_x else CLEAR, "0", BACKSPACE]
        self.buttons: dict[str, QPushButton] = {}
        for n, key in enumerate(keys):
            text = self.tr("清空") if key == CLEAR else key
            b = button(text, "keyAction" if key in (CLEAR, BACKSPACE) else "key")
            if key == BACKSPACE:
                b.setAccessibleName(self.tr("退格"))
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            b.clicked.connect(lambda _=False, k=key: self.sig_key_pressed.emit(k))
            grid.addWidget(b, n // 3, n % 3)
            self.buttons[key] = b
        if with_x:
            clear = button(self.tr("清空"), "keyAction")
            clear.clicked.connect(lambda: self.sig_key_pressed.emit(CLEAR))
            grid.addWidget(clear, 4, 0, 1, 3)
            self.buttons[CLEAR] = clear


class LetterKeyboard(QWidget):
    """A–Z in the QWERTY rows people know from phones, for pinyin initials."""

    sig_key_pressed = Signal(str)
    """A letter (lower case), BACKSPACE or CLEAR."""

    ROWS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        for r, row in enumerate(self.ROWS):
            line = QHBoxLayout()
            line.setSpacing(10)
            line.addStretch(r)
            for ch in row:
                low = ch.lower()
                b = button(ch, "letter")
                b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                b.clicked.connect(lambda _=False, k=low: self.sig_key_pressed.emit(k))
                line.addWidget(b, 10)
                self.buttons[low] = b
            if r == 2:
                back = button(BACKSPACE, "keyAction")
                back.setAccessibleName(self.tr("退格"))
                back.clicked.connect(lambda: self.sig_key_pressed.emit(BACKSPACE))
                line.addWidget(back, 15)
                self.buttons[BACKSPACE] = back
                clear = button(self.tr("清空"), "keyAction")
                clear.clicked.connect(lambda: self.sig_key_pressed.emit(CLEAR))
                line.addWidget(clear, 15)
                self.buttons[CLEAR] = clear
            line.addStretch(r)
            outer.addLayout(line)


class ItemTile(QPushButton):
    """A service item as a big button: its name, department and how long it takes."""

    sig_item_chosen = Signal(object)
    """Tapped: the ServiceItem."""

    def __init__(self, item: ServiceItem, department: str, limit: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(f"{item.name}，{limit}，{department}")
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 14, 22, 14)
        box.setSpacing(6)
        name = label(item.name, "tileName")
        box.addWidget(name)
        info = QHBoxLayout()
        badge = label(limit, "badge" if item.instant else "badgePromised", wrap=False)
        badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        info.addWidget(badge)
        info.addWidget(label(department, "tileInfo"), 1)
        box.addLayout(info)
        for child in self.findChildren(QLabel):  # the tap belongs to the tile
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.clicked.connect(lambda: self.sig_item_chosen.emit(self.item))

    def sizeHint(self):
        hint = self.layout().sizeHint()
        return hint.expandedTo(super().sizeHint())

    def minimumSizeHint(self):
        return self.layout().minimumSize()
