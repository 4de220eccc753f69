"""The reviewer face's login: work number and password, checked by the backend.

On a replica the password is checked offline against the staff list's hash; against the
server it travels once, in the login request's header, for a short-lived token. Either
way only a reviewer or a department head gets in (domain.roles `review.open`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.login_card import LoginCard


class ReviewLoginPage(QWidget):
    """Staff number + password; the shell does the checking."""

    sig_submitted = Signal(str, str)
    """The reviewer pressed 登录: (work number, password)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        card = LoginCard(self.tr("一窗 · 后台审批"), 480)
        self.title, self.hall, self.mode = card.title, card.hall, card.mode
        self.staff_no, self.password, self.message = card.staff_no, card.password, card.message
        self.login_button = QPushButton(self.tr("登录"), objectName="primary")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        hint = QLabel(self.tr("仅限审批人员和部门负责人；窗口人员请使用窗口受理。"),
                      objectName="hintText")
        hint.setWordWrap(True)
        card.lay.addWidget(self.login_button)
        card.lay.addWidget(hint)
        card.place_on(self)
        self.password.returnPressed.connect(self.submit)
        self.set_ready(False)

    def set_ready(self, ready: bool, text: str = "") -> None:
        self.login_button.setEnabled(ready)
        self.message.setText("" if ready else (text or self.tr("正在打开…")))
        if ready:
            (self.password if self.staff_no.text() else self.staff_no).setFocus()

    def set_place(self, hall: str, mode: str) -> None:
        self.hall.setText(hall)
        self.mode.setText(mode)

    def submit(self) -> None:
        no = self.staff_no.text().strip()
        if not no:
            self.message.setText(self.tr("请输入工号"))
            return
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        self.sig_submitted.emit(no, self.password.text())

    def failed(self, text: str) -> None:
        self.password.clear()
        self.message.setText(text)
        self.login_button.setEnabled(True)
        self.password.setFocus()

    def reset(self) -> None:
        """After 退出: nothing of the last reviewer stays."""
        self.password.clear()
        self.message.clear()
        self.login_button.setEnabled(True)
        self.staff_no.setFocus()
