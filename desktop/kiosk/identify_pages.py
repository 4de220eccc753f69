"""Identify: place the ID card, or type the number; then an optional mobile number.

The card is the fast path (one gesture, no typing, the name comes with it). Typing is
the fallback for a card the reader will not take or a forgotten card: 18 keys with an
X key, checked by the GB 11643 rule before anything is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from desktop.kiosk.start_page import Page
from desktop.kiosk.style import BLUE, LINE
from desktop.kiosk.widgets import NumericKeypad, after_key, button, label


def card_on_reader(width: int = 520) -> QPixmap:
    """A card lying on a reader: the picture says "flat, on the pad" in any language."""
    h = int(width * 0.62)
    pix = QPixmap(width, h)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor(LINE), 3))
    p.setBrush(QColor("#dfe6ef"))
    p.drawRoundedRect(QRectF(width * 0.05, h * 0.45, width * 0.9, h * 0.5), 24, 24)
    p.setBrush(QColor("#c3cfde"))
    p.drawRoundedRect(QRectF(width * 0.2, h * 0.52, width * 0.6, h * 0.14), 10, 10)
    p.setPen(QPen(QColor(BLUE), 4))
    p.setBrush(QColor("#f7fbff"))
    p.drawRoundedRect(QRectF(width * 0.22, h * 0.05, width * 0.56, h * 0.5), 18, 18)
    p.setBrush(QColor("#c9d8ec"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(width * 0.27, h * 0.12, width * 0.14, h * 0.3), 8, 8)
    for i in range(4):
        p.drawRect(QRectF(width * 0.45, h * (0.14 + i * 0.07), width * 0.28, h * 0.03))
    p.setPen(QPen(QColor(BLUE), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    font = QFont()
    font.setPixelSize(int(h * 0.16))
    p.setFont(font)
    p.drawText(QRectF(width * 0.8, h * 0.1, width * 0.2, h * 0.3), Qt.AlignmentFlag.AlignCenter,
               "↓")
    p.end()
    return pix


class IdentifyPage(Page):
    """Wait for a card; or the keypad for the number."""

    key = "identify"

    sig_id_typed = Signal(str)
    """The citizen typed 18 characters and tapped OK (not validated yet)."""
    sig_demo_card_requested = Signal()
    """Demo only: "place" a sample card on the simulated reader."""

    def __init__(self, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 16)
        outer.setSpacing(18)
        self.title = label(self.tr("请放置身份证"), "title", align=Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title)
        self.summary = label("", "value", align=Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.summary)
        self.modes = QStackedWidget()
        outer.addWidget(self.modes, 1)
        # -- card mode --
        wait = QWidget()
        box = QVBoxLayout(wait)
        box.setSpacing(20)
        box.addStretch(1)
        self.picture = label("", align=Qt.AlignmentFlag.AlignCenter)
        self.picture.setPixmap(card_on_reader())
        box.addWidget(self.picture)
        box.addWidget(label(self.tr("把身份证平放在读卡区上，听到提示音前不要移动"), "subtitle",
                            align=Qt.AlignmentFlag.AlignCenter))
        self.card_message = label("", "error", align=Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.card_message)
        box.addStretch(1)
        if demo:
            sim = button(self.tr("演示：模拟放置身份证"))
            sim.clicked.connect(self.sig_demo_card_requested)
            box.addWidget(sim)
        manual = button(self.tr("没带身份证或读不出？手动输入证件号码"))
        manual.clicked.connect(lambda: self.show_keypad(True))
        box.addWidget(manual)
        self.modes.addWidget(wait)
        # -- keypad mode --
        typing = QWidget()
        self.keypad_body = QBoxLayout(QBoxLayout.Direction.TopToBottom, typing)
        self.keypad_body.setSpacing(20)
        left = QVBoxLayout()
        left.addWidget(label(self.tr("请输入18位身份证号码"), "subtitle"))
        self.display = label("", "display", wrap=False)
        left.addWidget(self.display)
        self.typed_message = label("", "error")
        left.addWidget(self.typed_message)
        left.addStretch(1)
        row = QHBoxLayout()
        back = button(self.tr("改用读卡"))
        back.clicked.connect(lambda: self.show_keypad(False))
        row.addWidget(back)
        self.ok_button = button(self.tr("确定"), "primary")
        self.ok_button.clicked.connect(lambda: self.sig_id_typed.emit(self.typed))
        row.addWidget(self.ok_button, 1)
        left.addLayout(row)
        self.keypad_body.addLayout(left, 1)
        self.keypad = NumericKeypad(with_x=True)
        self.keypad.sig_key_pressed.connect(self.press)
        self.keypad_body.addWidget(self.keypad, 2)
        self.modes.addWidget(typing)
        self._refresh()

    def prompt(self) -> str:
        if self.modes.currentIndex() == 1:
            return self.tr("请用数字键输入身份证号码，最后一位是X的请按X键")
        return self.tr("请把身份证平放在读卡区上")

    def show_keypad(self, on: bool) -> None:
        self.modes.setCurrentIndex(1 if on else 0)
        self.title.setText(self.tr("输入证件号码") if on else self.tr("请放置身份证"))

    def press(self, key: str) -> None:
        self.typed_message.setText("")
        # X only as the check character, the 18th
        self.typed = after_key(self.typed, key, 18, allowed=key != "X" or len(self.typed) == 17)
        self._refresh()

    def _refresh(self) -> None:
        t = self.typed
        groups = [t[:6], t[6:14], t[14:]]
        self.display.setText(" ".join(g for g in groups if g) or " ")
        self.ok_button.setEnabled(len(t) == 18)
        self.keypad.buttons["X"].setEnabled(len(t) == 17)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def show_card_error(self, text: str) -> None:
        self.card_message.setText(text)

    def show_typed_error(self, text: str) -> None:
        self.typed_message.setText(text)

    def reset(self) -> None:
        self.typed = ""
        self.card_message.setText("")
        self.typed_message.setText("")
        self.show_keypad(False)
        self._refresh()

    def set_landscape(self, landscape: bool) -> None:
        self.keypad_body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                      else QBoxLayout.Direction.TopToBottom)
        self.picture.setPixmap(card_on_reader(420 if landscape else 640))


class PhonePage(Page):
    """An optional mobile number for progress and rating messages."""

    key = "phone"

    sig_phone_entered = Signal(str)
    """OK with a number, or skip with ''."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 16)
        outer.setSpacing(18)
        outer.addWidget(label(self.tr("留个手机号？（可以不填）"), "title"))
        outer.addWidget(label(self.tr("办好后会发短信告诉您，也可以回复短信评价服务。"), "hint"))
        self.summary = label("", "value")
        outer.addWidget(self.summary)
        self.confirmation = label("", "confirm")
        outer.addWidget(self.confirmation)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(20)
        left = QVBoxLayout()
        self.display = label("", "display", wrap=False)
        left.addWidget(self.display)
        self.message = label("", "error")
        left.addWidget(self.message)
        left.addStretch(1)
        row = QHBoxLayout()
        skip = button(self.tr("跳过，不留号码"))
        skip.clicked.connect(lambda: self.sig_phone_entered.emit(""))
        row.addWidget(skip, 1)
        self.ok_button = button(self.tr("确定"), "primary")
        self.ok_button.clicked.connect(lambda: self.sig_phone_entered.emit(self.typed))
        row.addWidget(self.ok_button, 1)
        left.addLayout(row)
        self.body.addLayout(left, 1)
        self.keypad = NumericKeypad(with_x=False)
        self.keypad.sig_key_pressed.connect(self.press)
        self.body.addWidget(self.keypad, 2)
        outer.addLayout(self.body, 1)
        self._refresh()

    def prompt(self) -> str:
        return self.tr("如果需要短信通知，请输入手机号码；不需要请点跳过")

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def set_confirmation(self, text: str) -> None:
        """"已读取：王*　6401**********002X": the card was read, and whose (masked)."""
        self.confirmation.setText(text)

    def press(self, key: str) -> None:
        self.message.setText("")
        self.typed = after_key(self.typed, key, 11)
        self._refresh()

    def _refresh(self) -> None:
        t = self.typed
        self.display.setText(" ".join(g for g in (t[:3], t[3:7], t[7:]) if g) or " ")
        self.ok_button.setEnabled(len(t) == 11)

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def reset(self) -> None:
        self.typed = ""
        self.message.setText("")
        self.summary.setText("")
        self.confirmation.setText("")
        self._refresh()

    def set_landscape(self, landscape: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                               else QBoxLayout.Direction.TopToBottom)
