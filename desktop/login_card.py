"""The card every staff face's login shows: the face's title, the hall, the mode, 工号 and
密码, and a message line, centred on its page.

One piece so the counter, supervisor and reviewer logins look and behave alike (the
same IME-free fields, the same Enter from 工号 to 密码); each face adds its own rows to
`form` and its buttons beneath the message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.scan_filter import disable_ime


class LoginCard(QFrame):
    """Title, hall, mode, the staff number and password, and the message line."""

    def __init__(self, title: str, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="loginCard")
        self.setFixedWidth(width)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(36, 28, 36, 28)
        self.lay.setSpacing(14)
        self.title = QLabel(title, objectName="loginTitle")
        self.hall = QLabel("", objectName="loginHall")
        self.mode = QLabel("", objectName="loginMode")
        self.mode.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.staff_no = QLineEdit(placeholderText=self.tr("4位工号"))
        self.staff_no.setMaxLength(8)
        self.staff_no.setAccessibleName(self.tr("工号"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("密码"))
        for field in (self.staff_no, self.password):
            disable_ime(field)  # a scanner or a Chinese IME must not eat the digits
        self.form.addRow(self.tr("工号"), self.staff_no)
        self.form.addRow(self.tr("密码"), self.password)
        self.message = QLabel("", objectName="errorText")
        self.message.setWordWrap(True)
        for w in (self.title, self.hall, self.mode):
            self.lay.addWidget(w)
        self.lay.addLayout(self.form)
        self.lay.addWidget(self.message)
        self.staff_no.returnPressed.connect(self.password.setFocus)

    def place_on(self, page: QWidget) -> None:
        """Centre the card on the login page, a little above the middle."""
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
