"""The way out of the kiosk for staff: a PIN on the keypad, nothing else.

Reached by holding the hall name in the header for three seconds (or Ctrl+Shift+Q on a
service keyboard); a citizen who finds it sees a PIN pad and a cancel button. A wrong
PIN says so and stays; three wrong ones send the page back to the start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from desktop.kiosk.start_page import Page
from desktop.kiosk.widgets import NumericKeypad, after_key, button, label

MAX_TRIES = 3


class AdminPage(Page):
    """PIN entry; `sig_unlocked` only for the right PIN."""

    key = "admin"
    has_footer = False

    sig_unlocked = Signal()
    """The right PIN was entered: staff may leave the kiosk."""
    sig_cancelled = Signal()
    """Cancel, or too many wrong PINs."""

    def __init__(self, pin: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pin = pin
        self.typed = ""
        self.tries = 0
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.body.setContentsMargins(120, 40, 120, 40)
        self.body.setSpacing(30)
        left = QVBoxLayout()
        left.setSpacing(20)
        left.addWidget(label(self.tr("管理员退出"), "title", align=Qt.AlignmentFlag.AlignCenter))
        left.addWidget(label(self.tr("请输入管理密码"), "hint", align=Qt.AlignmentFlag.AlignCenter))
        self.display = label("", "display", wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.display)
        self.message = label("", "error", align=Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.message)
        left.addStretch(1)
        row = QHBoxLayout()
        cancel = button(self.tr("取消"))
        cancel.clicked.connect(self._cancel)
        row.addWidget(cancel, 1)
        ok = button(self.tr("确定"), "primary")
        ok.clicked.connect(self.submit)
        row.addWidget(ok, 1)
        left.addLayout(row)
        self.body.addLayout(left, 1)
        self.keypad = NumericKeypad(with_x=False)
        self.keypad.sig_key_pressed.connect(self.press)
        self.body.addWidget(self.keypad, 2)

    def set_landscape(self, landscape: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                               else QBoxLayout.Direction.TopToBottom)

    def press(self, key: str) -> None:
        self.typed = after_key(self.typed, key, 8)
        self.display.setText("●" * len(self.typed) or " ")

    def enter_pin(self, pin: str) -> None:
        """Type a whole PIN (tests, a service keyboard)."""
        self.typed = ""
        for ch in pin:
            self.press(ch)

    def submit(self) -> None:
        if self.typed == self._pin:
            self.reset()
            self.sig_unlocked.emit()
            return
        self.tries += 1
        self.typed = ""
        self.display.setText(" ")
        if self.tries >= MAX_TRIES:
            self._cancel()
            return
        self.message.setText(self.tr("密码不正确，请重试"))

    def _cancel(self) -> None:
        self.reset()
        self.sig_cancelled.emit()

    def reset(self) -> None:
        self.typed = ""
        self.tries = 0
        self.message.setText("")
        self.display.setText(" ")
