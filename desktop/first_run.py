"""The first-run wizard: language, enrolment (or standalone), face, devices, kiosk PIN.

A hall's IT staff set a new terminal up here instead of editing JSON files by hand. It
opens by itself the first time a face starts on a data folder that was never enrolled,
and again on demand with `yichuang setup` (to change the face, the devices or the PIN).
What it writes is what the faces read: ``settings.json`` (language, face), the replica's
identity (through `sync.enrol`), ``devices.json`` and ``kiosk.json`` — all described in
docs/settings.md. Enrolment and the device tests run on the task runner's I/O lane.
"""

from __future__ import annotations

import logging
import pathlib
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.about import app_icon, face_name
from desktop.first_run_pages import FacePage, LanguagePage, PinPage, TerminalPage
from desktop.settings import SettingsStore
from desktop.tasks import TaskRunner
from sync.replica import DB_NAME

log = logging.getLogger(__name__)



def terminal_state(data_dir: pathlib.Path) -> tuple[str, str, str]:
    """(mode, terminal code, hall code) of the data folder; mode '' when never set up."""
    from sync.replica import Replica

    if not (data_dir / DB_NAME).exists():
        return "", "", ""
    with Replica.in_dir(data_dir) as replica:
        mode = replica.get_meta("mode") or ""
        if not mode:
            return "", "", ""
        ident = replica.identity()
        return mode, ident.terminal_code, ident.hall_code


class DevicesPage(QWizardPage):
    """The device settings screen of the counter, with its 测试 buttons, inside the wizard.

    Built when first shown (so it speaks the chosen language); its own 保存 is hidden:
    the wizard writes devices.json when it finishes, and opens no port for good here.
    """

    def __init__(self) -> None:
        super().__init__()
        self.screen: Any = None
        self.hub: Any = None
        QVBoxLayout(self)

    def initializePage(self) -> None:
        self.setTitle(self.tr("外设"))
        self.setSubTitle(self.tr("选择各设备的端口并逐一测试；没有的设备留空即可，以后可在设备设置中更改。"))
        if self.screen is not None:
            return
        from desktop.devices import settings as device_settings
        from desktop.devices.hub import DeviceHub
        from desktop.devices.settings_screen import DeviceSettingsScreen

        wiz: FirstRunWizard = self.wizard()  # type: ignore[assignment]
        self.hub = DeviceHub(wiz.data_dir, parent=self)
        self.hub.settings = device_settings.load(wiz.data_dir)
        self.screen = DeviceSettingsScreen(self.hub, self, runner=wiz.runner)
        for button in (self.screen.save_button, self.screen.revert_button):
            button.hide()
        scroll = QScrollArea(self)  # four device boxes are taller than a 768-pixel screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.screen)
        self.layout().addWidget(scroll)

    def validatePage(self) -> bool:
        from devices.errors import PadError
        from devices.pad.generic_keypad import parse_key_table

        values = self.screen.values()
        if values.pad_backend == "keypad":
            try:
                parse_key_table(values.pad_key_table)
            except PadError:
                self.screen._say(self.tr("按键对照表有误，格式如 1=5,2=4,3=3,4=2,5=1"), ok=False)
                return False
        return True

    def values(self) -> Any:
        return self.screen.values() if self.screen is not None else None

    def shutdown(self) -> None:
        if self.hub is not None:
            self.hub.shutdown()


class DonePage(QWizardPage):
    """What was set up, where it is kept, and what starts next."""

    def __init__(self) -> None:
        super().__init__()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.summary)

    def initializePage(self) -> None:
        wiz: FirstRunWizard = self.wizard()  # type: ignore[assignment]
        self.setTitle(self.tr("完成"))
        self.setSubTitle(self.tr("请核对以下设置；点“上一步”可修改。"))
        terminal = wiz.terminal_page.enrolled_text or self.tr("单机运行")
        lines = [
            self.tr("终端：{0}").format(terminal),
            self.tr("本机用途：{0}").format(face_name(wiz.face_page.face())),
            self.tr("设置保存在：{0}").format(wiz.data_dir),
            "",
            self.tr("点击“完成”后启动{0}。").format(face_name(wiz.face_page.face())),
        ]
        self.summary.setText("\n".join(lines))


class FirstRunWizard(QWizard):
    """Accepted when everything is saved; `chosen_face` says which face to start."""

    PAGE_LANGUAGE, PAGE_TERMINAL, PAGE_FACE, PAGE_DEVICES, PAGE_PIN, PAGE_DONE = range(6)

    def __init__(self, data_dir: pathlib.Path | str, *, face: str = "counter",
                 runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = pathlib.Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.runner = runner or TaskRunner(self.data_dir / DB_NAME, parent=self)
        self.settings = SettingsStore(self.data_dir)
        self.current_terminal = ""
        self.chosen_face = ""
        self.setWindowIcon(app_icon())
        self.setWindowTitle("一窗 Yichuang")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.language_page = LanguagePage(self.settings.get("language"))
        self.terminal_page = TerminalPage()
        self.face_page = FacePage(face)
        self.devices_page = DevicesPage()
        self.pin_page = PinPage()
        self.done_page = DonePage()
        for pid, page in ((self.PAGE_LANGUAGE, self.language_page),
                          (self.PAGE_TERMINAL, self.terminal_page),
                          (self.PAGE_FACE, self.face_page),
                          (self.PAGE_DEVICES, self.devices_page),
                          (self.PAGE_PIN, self.pin_page), (self.PAGE_DONE, self.done_page)):
            self.setPage(pid, page)
        self._button_texts()
        self.runner.io(lambda: terminal_state(self.data_dir), self._got_terminal_state,
                       lambda exc: log.warning("terminal state unreadable: %s", exc))
        self.resize(760, 600)

    def _got_terminal_state(self, state: tuple[str, str, str]) -> None:
        mode, code, hall = state
        if mode == "enrolled":
            self.current_terminal = self.tr("已注册为终端 {code}（{hall}）").format(code=code,
                                                                                hall=hall)
        elif mode:
            self.terminal_page.standalone_done = True
            self.terminal_page.standalone_radio.setChecked(True)

    # -- what the pages ask for --------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the UI language now, so the next pages come out in it."""
        from desktop import i18n

        app = QApplication.instance()
        if app is not None:
            i18n.install(app, lang)
        self.settings.set("language", lang)
        self._button_texts()

    def _button_texts(self) -> None:
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))

    def enrol(self, server: str, code: str, on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None]) -> None:
        from sync.enrol import enrol

        self.runner.io(lambda: enrol(self.data_dir, server, code), on_done, on_error)

    def make_standalone(self, on_done: Callable[[Any], None],
                        on_error: Callable[[BaseException], None]) -> None:
        from sync.enrol import standalone

        self.runner.io(lambda: standalone(self.data_dir), on_done, on_error)

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.PAGE_DEVICES:
            return self.PAGE_PIN if self.face_page.face() == "kiosk" else self.PAGE_DONE
        if current == self.PAGE_PIN:
            return self.PAGE_DONE
        if current == self.PAGE_DONE:
            return -1
        return current + 1

    # -- finishing ---------------------------------------------------------------------
    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        """Write the face, the devices and the kiosk's settings (small files, at once)."""
        from desktop.devices import settings as device_settings
        from desktop.kiosk import config as kiosk_config

        face = self.face_page.face()
        self.settings.set("face", face)
        devices = self.devices_page.values()
        if devices is not None:
            device_settings.save(self.data_dir, devices)
        if face == "kiosk":
            kiosk_config.save(self.data_dir, kiosk_mode=True,
                              kiosk_no=self.face_page.kiosk_no.value(),
                              admin_pin=self.pin_page.pin.text())
        elif kiosk_config.is_kiosk(self.data_dir):
            kiosk_config.save(self.data_dir, kiosk_mode=False)
        self.chosen_face = face
        log.info("first-run set-up saved: face %s", face)

    def done(self, result: int) -> None:
        self.devices_page.shutdown()
        super().done(result)


def run_wizard(data_dir: pathlib.Path | str, face: str = "counter") -> str:
    """Show the wizard (modal); the face to start, or '' when it was cancelled."""
    wizard = FirstRunWizard(data_dir, face=face)
    accepted = wizard.exec() == QWizard.DialogCode.Accepted
    wizard.runner.shutdown()
    return wizard.chosen_face if accepted else ""
