"""The reviewer face's login: work number and password, checked by the backend.

On a replica the password is checked offline against the staff list's hash; against the
server it travels once, in the login request's header, for a short-lived token. Either
way only a reviewer or a department head gets in (domain.roles `review.open`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.scan_filter import disable_ime


class ReviewLoginPage(QWidget):
    """Staff number + password; the shell does the checking."""

    sig_submitted = Signal(str, str)
    """The reviewer pressed 登录: (work number, password)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame(objectName="loginCard")
        card.setFixedWidth(480)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(14)
        self.title = QLabel(self.tr("一窗 · 后台审批"), objectName="loginTitle")
        self.hall = QLabel("", objectName="loginHall")
        self.mode = QLabel("", objectName="loginMode")
        self.mode.setWordWrap(True)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.staff_no = QLineEdit(placeholderText=self.tr("4位工号"))
        self.staff_no.setMaxLength(8)
        self.staff_no.setAccessibleName(self.tr("工号"))
        disable_ime(self.staff_no)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("密码"))
        disable_ime(self.password)
        form.addRow(self.tr("工号"), self.staff_no)
        form.addRow(self.tr("密码"), self.password)
        self.message = QLabel("", objectName="errorText")
        self.message.setWordWrap(True)
        self.login_button = QPushButton(self.tr("登录"), objectName="primary")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        hint = QLabel(self.tr("仅限审批人员和部门负责人；窗口人员请使用窗口受理。"),
                      objectName="hintText")
        hint.setWordWrap(True)
        for w in (self.title, self.hall, self.mode):
            lay.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.login_button)
        lay.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.staff_no.returnPressed.connect(self.password.setFocus)
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
