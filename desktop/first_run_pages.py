"""The pages of the first-run wizard (desktop/first_run.py), one class each.

Every page after the language page sets its texts in `initializePage`, so they come out
in the language chosen on the first page. Slow work (enrolment over the network, creating
the replica, device tests) goes through the wizard's `TaskRunner`; a page waits for the
answer with its buttons off and never blocks the window.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from desktop.about import FACE_NAMES, face_name

if TYPE_CHECKING:
    from desktop.first_run import FirstRunWizard

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))
FACES = tuple(FACE_NAMES)
PIN_DIGITS = (4, 8)


def available_faces() -> list[str]:
    """The faces this installation has (a face is a desktop.<face> package with run())."""
    found = []
    for face in FACES:
        if face == "counter" or importlib.util.find_spec(f"desktop.{face}") is not None:
            found.append(face)
    return found



class _Page(QWizardPage):
    def wiz(self) -> FirstRunWizard:
        return self.wizard()  # type: ignore[return-value]


class LanguagePage(_Page):
    """Both languages name themselves, so this page needs no translation."""

    def __init__(self, current: str) -> None:
        super().__init__()
        # every page has a subtitle: QWizard's classic header squeezes a lone title that
        # follows a page with one
        self.setTitle("语言 / Language")
        self.setSubTitle("请选择界面语言。 Choose the language of the screens.")
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        for i, (code, name) in enumerate(LANGUAGES):
            radio = QRadioButton(name, self)
            radio.setProperty("lang", code)
            radio.setChecked(code == current)
            self.group.addButton(radio, i)
            lay.addWidget(radio)
        lay.addStretch(1)

    def language(self) -> str:
        button = self.group.checkedButton()
        return str(button.property("lang")) if button else "zh_CN"

    def validatePage(self) -> bool:
        self.wiz().set_language(self.language())
        return True


class TerminalPage(_Page):
    """Enrol with the hall's server (URL + one-time code), or run standalone."""

    def __init__(self) -> None:
        super().__init__()
        self.enrolled_text = ""
        self.standalone_done = False
        self.enrol_radio = QRadioButton(self)
        self.standalone_radio = QRadioButton(self)
        self.enrol_radio.setChecked(True)
        self.server = QLineEdit(self)
        self.server.setPlaceholderText("http://10.0.0.5:8470")
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.enrol_button = QPushButton(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        self.server_label, self.code_label = QLabel(self), QLabel(self)
        self.form.addRow(self.server_label, self.server)
        self.form.addRow(self.code_label, self.code)
        self.form.addRow("", self.enrol_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.enrol_radio)
        lay.addLayout(self.form)
        lay.addWidget(self.standalone_radio)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.enrol_button.clicked.connect(self.start_enrol)
        self.enrol_radio.toggled.connect(self._mode_changed)

    def initializePage(self) -> None:
        self.setTitle(self.tr("本终端"))
        self.setSubTitle(self.tr("请输入管理员提供的服务器地址和一次性注册码；"
                             "没有服务器时可单机运行（演示数据，不同步）。"))
        self.enrol_radio.setText(self.tr("向服务器注册此终端"))
        self.standalone_radio.setText(self.tr("单机运行（不连接服务器）"))
        self.server_label.setText(self.tr("服务器地址"))
        self.code_label.setText(self.tr("注册码"))
        self.enrol_button.setText(self.tr("注册"))
        current = self.wiz().current_terminal
        if current:
            self.enrolled_text = current
            self.message.setText(current)
        self._mode_changed()

    def _mode_changed(self) -> None:
        enrol = self.enrol_radio.isChecked()
        for w in (self.server, self.code, self.enrol_button):
            w.setEnabled(enrol)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.enrolled_text) or self.standalone_radio.isChecked()

    def start_enrol(self) -> None:
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server or not code:
            self.message.setText(self.tr("请填写服务器地址和注册码"))
            return
        self._busy(True)
        self.message.setText(self.tr("正在连接服务器…"))
        self.wiz().enrol(server, code, self._enrolled, self._enrol_failed)

    def _enrolled(self, got) -> None:
        self._busy(False)
        self.enrolled_text = self.tr("已注册为终端 {code}（{hall}）").format(
            code=got.terminal_code, hall=got.hall_name or got.hall_code)
        self.message.setText(self.enrolled_text)
        self.completeChanged.emit()

    def _enrol_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.message.setText(str(exc))

    def _busy(self, busy: bool) -> None:
        for w in (self.enrol_button, self.server, self.code, self.enrol_radio,
                  self.standalone_radio):
            w.setEnabled(not busy)

    def validatePage(self) -> bool:
        if self.enrolled_text and not self.standalone_radio.isChecked():
            return True
        if self.standalone_done:
            return True
        # the replica is created off the GUI thread; the wizard moves on when it is ready
        self._busy(True)
        self.message.setText(self.tr("正在准备单机数据…"))

        def done(_result: object) -> None:
            self._busy(False)
            self.standalone_done = True
            self.enrolled_text = ""
            self.message.setText(self.tr("单机运行"))
            self.wiz().next()

        self.wiz().make_standalone(done, self._enrol_failed)
        return False


class FacePage(_Page):
    """What this PC is: a counter, the kiosk, … (only the faces this build has)."""

    def __init__(self, preselect: str) -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        self.kiosk_no = QSpinBox(self)
        self.kiosk_no.setRange(0, 9)
        self.kiosk_no.setValue(1)
        self.kiosk_no_label = QLabel(self)
        lay = QVBoxLayout(self)
        self.radios: dict[str, QRadioButton] = {}
        for face in available_faces():
            radio = QRadioButton(self)
            self.radios[face] = radio
            self.group.addButton(radio)
            lay.addWidget(radio)
            radio.toggled.connect(self._face_changed)
        (self.radios.get(preselect) or self.radios["counter"]).setChecked(True)
        row = QFormLayout()
        row.addRow(self.kiosk_no_label, self.kiosk_no)
        lay.addLayout(row)
        lay.addStretch(1)

    def initializePage(self) -> None:
        self.setTitle(self.tr("本机用途"))
        self.setSubTitle(self.tr("这台电脑做什么用？以后可用 yichuang setup（“一窗 设置”）更改。"))
        for face, radio in self.radios.items():
            radio.setText(face_name(face))
        self.kiosk_no_label.setText(self.tr("自助机编号（排队号中的一位数字，大厅内不重复）"))
        self._face_changed()

    def _face_changed(self) -> None:
        kiosk = self.face() == "kiosk"
        self.kiosk_no.setVisible(kiosk)
        self.kiosk_no_label.setVisible(kiosk)

    def face(self) -> str:
        for face, radio in self.radios.items():
            if radio.isChecked():
                return face
        return "counter"


class PinPage(_Page):
    """The kiosk's admin PIN: typed twice, 4–8 digits, not the published demo PIN."""

    def __init__(self) -> None:
        super().__init__()
        self.pin = QLineEdit(self)
        self.again = QLineEdit(self)
        for edit in (self.pin, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(PIN_DIGITS[1])
            edit.textChanged.connect(self._check)
        self.message = QLabel(self)
        self.form = QFormLayout()
        self.pin_label, self.again_label = QLabel(self), QLabel(self)
        self.form.addRow(self.pin_label, self.pin)
        self.form.addRow(self.again_label, self.again)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.message)
        lay.addStretch(1)

    def initializePage(self) -> None:
        self.setTitle(self.tr("自助机管理密码"))
        self.setSubTitle(self.tr("工作人员退出自助机时输入此密码（4–8 位数字）。"
                             "按住大厅名称 3 秒可打开密码键盘。"))
        self.pin_label.setText(self.tr("管理密码"))
        self.again_label.setText(self.tr("再输一次"))
        self._check()

    def problem(self) -> str:
        """Why the PIN cannot be used yet, or '' when it can."""
        from desktop.kiosk.config import DEFAULT_PIN

        pin, again = self.pin.text(), self.again.text()
        if not (pin.isascii() and pin.isdigit() and PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]):
            return self.tr("密码须为 4–8 位数字")
        if pin == DEFAULT_PIN:
            return self.tr("不能使用演示密码 {pin}").format(pin=DEFAULT_PIN)
        if pin != again:
            return self.tr("两次输入不一致")
        return ""

    def _check(self) -> None:
        problem = self.problem() if (self.pin.text() or self.again.text()) else ""
        self.message.setText(problem)
        self.message.setStyleSheet("color: #b3261e;")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problem()
