"""The login page, which is also the lock screen.

Passwords are checked offline against the scrypt hashes in the replica's staff list,
on the I/O pool (a hash takes tens of milliseconds: never on the GUI thread). While
locked, only the same member of staff can unlock; "switch user" lets the next clerk
log in instead, and the shell then clears everything the first one had open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop.counter.jobs import check_login
from desktop.login_card import LoginCard
from desktop.messages import error_text
from desktop.tasks import TaskRunner
from domain.catalog import Catalog, Staff

log = logging.getLogger(__name__)


class LoginPage(QWidget):
    """Staff number + password (+ window at first login); emits who logged in.

    `step`: what logging in here opens, checked against the rule table (domain.roles):
    the counter's `counter.open`, the supervisor face's `supervisor.open`."""

    sig_logged_in = Signal(object, str)
    """A password matched: (Staff, window id)."""
    sig_ready = Signal()
    """The staff list has been read: the clerk can log in now."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *,
                 step: str = "counter.open") -> None:
        super().__init__(parent)
        self.runner = runner
        self.step = step
        self.catalog: Catalog | None = None
        self.locked_staff: Staff | None = None
        self._build()
        self.set_ready(False)

    def _build(self) -> None:
        self.setObjectName("loginPage")
        card = LoginCard(self.tr("一窗 · 窗口受理"), 460)
        self.title, self.hall, self.mode = card.title, card.hall, card.mode
        self.mode.setText(self.tr("请登录"))
        self.staff_no, self.password, self.message = card.staff_no, card.password, card.message
        self.window_box = QComboBox()
        self.window_box.setMinimumContentsLength(14)
        # chosen once with the mouse; digits meant for the staff number must never
        # jump it to "12号…" (a combobox searches its items as keys are typed)
        self.window_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.window_box.installEventFilter(self)
        self.window_label = QLabel(self.tr("窗口"))
        card.form.addRow(self.window_label, self.window_box)
        buttons = QHBoxLayout()
        self.switch_user = QPushButton(self.tr("切换用户"))
        self.switch_user.clicked.connect(self._on_switch_user)
        self.login_button = QPushButton(self.tr("登录"), objectName="primary")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        buttons.addWidget(self.switch_user)
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        card.lay.addLayout(buttons)
        card.place_on(self)
        self.password.returnPressed.connect(self.submit)
        self.switch_user.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Typed characters do not search the window list (arrows still move it)."""
        if obj is self.window_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.text() and event.text().isprintable():
                return True
        return super().eventFilter(obj, event)

    # --- state ----------------------------------------------------------------
    def set_ready(self, ready: bool, text: str = "") -> None:
        """Disabled until the catalog (with the staff list) has been read."""
        self.login_button.setEnabled(ready)
        if not ready:
            self.message.setText(text or self.tr("正在打开本地数据…"))
        elif not self.message.text() or not text:
            self.message.setText("")

    def set_catalog(self, catalog: Catalog, window_id: str, last_staff_no: str) -> None:
        self.catalog = catalog
        self.hall.setText(catalog.hall.name)
        self.window_box.clear()
        for w in catalog.windows:
            self.window_box.addItem(w.name, w.id)
        index = self.window_box.findData(window_id)
        self.window_box.setCurrentIndex(max(index, 0))
        self.staff_no.setText(last_staff_no)
        self.set_ready(True)
        (self.password if last_staff_no else self.staff_no).setFocus()
        self.sig_ready.emit()

    def show_login(self) -> None:
        self.locked_staff = None
        self.mode.setText(self.tr("请登录"))
        self.staff_no.setReadOnly(False)
        self.window_box.show()
        self.window_label.show()
        self.switch_user.hide()
        self.password.clear()
        self.message.clear()
        self.login_button.setText(self.tr("登录"))
        (self.password if self.staff_no.text() else self.staff_no).setFocus()

    def show_lock(self, staff: Staff) -> None:
        """Locked: the same clerk unlocks with their password."""
        self.locked_staff = staff
        self.mode.setText(self.tr("屏幕已锁定。{name}（{no}）输入密码解锁，或切换用户。")
                          .format(name=staff.name, no=staff.no))
        self.staff_no.setText(staff.no)
        self.staff_no.setReadOnly(True)
        self.window_box.hide()
        self.window_label.hide()
        self.switch_user.show()
        self.password.clear()
        self.message.clear()
        self.login_button.setText(self.tr("解锁"))
        self.password.setFocus()

    def _on_switch_user(self) -> None:
        self.locked_staff = None
        self.mode.setText(self.tr("切换用户：请输入您的工号和密码"))
        self.staff_no.setReadOnly(False)
        self.staff_no.clear()
        self.window_box.show()
        self.window_label.show()
        self.switch_user.hide()
        self.login_button.setText(self.tr("登录"))
        self.staff_no.setFocus()

    # --- submit ---------------------------------------------------------------
    def submit(self) -> None:
        if self.catalog is None or not self.login_button.isEnabled():
            return
        no = self.staff_no.text().strip()
        password = self.password.text()
        if not no or not password:
            self.message.setText(self.tr("请输入工号和密码"))
            return
        staff = self.catalog.staff_member(no)
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        step = self.step
        self.runner.io(lambda: check_login(staff, password, step), self._on_ok,
                       self._on_error)

    def _on_ok(self, staff: Staff) -> None:
        self.login_button.setEnabled(True)
        self.message.clear()
        self.password.clear()
        log.info("staff %s logged in", staff.no)
        self.sig_logged_in.emit(staff, self.window_box.currentData() or "")

    def _on_error(self, exc: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(error_text(exc))
