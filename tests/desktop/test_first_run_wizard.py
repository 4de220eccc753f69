"""The first-run wizard and the shared About dialog, driven as IT staff would."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.about import AboutDialog, install_about
from desktop.first_run import FirstRunWizard
from desktop.tasks import InlineTaskRunner
from domain.version import VERSION
from sync.replica import DB_NAME


@pytest.fixture
def wizard(qtbot, tmp_path):
    runner = InlineTaskRunner(tmp_path / DB_NAME)
    w = FirstRunWizard(tmp_path, runner=runner)
    qtbot.addWidget(w)
    w.show()
    yield w
    from desktop import i18n

    i18n.install(QApplication.instance(), "zh_CN")


def _to_face_page(w) -> None:
    w.next()  # language
    w.terminal_page.standalone_radio.setChecked(True)
    w.next()  # standalone: the replica is made (inline runner) and the wizard moves on
    assert w.currentId() == w.PAGE_FACE


def test_standalone_kiosk_with_pin_writes_every_file(wizard, tmp_path):
    _to_face_page(wizard)
    assert (tmp_path / DB_NAME).exists()
    wizard.face_page.radios["kiosk"].setChecked(True)
    wizard.face_page.kiosk_no.setValue(3)
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_DEVICES
    wizard.devices_page.screen.printer_port.setEditText("socket://127.0.0.1:9100")
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_PIN
    pin = wizard.pin_page
    for typed, again, problem in (("12", "12", "4–8"), ("2580", "2580", "2580"),
                                  ("4711", "4712", "不一致")):
        pin.pin.setText(typed)
        pin.again.setText(again)
        assert problem in pin.problem()
        assert not pin.isComplete()
    pin.pin.setText("4711")
    pin.again.setText("4711")
    assert pin.isComplete()
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_DONE
    assert "自助登记机" in wizard.done_page.summary.text()
    wizard.accept()
    assert wizard.chosen_face == "kiosk"
    kiosk = json.loads((tmp_path / "kiosk.json").read_text("utf-8"))
    assert (kiosk["kiosk_mode"], kiosk["admin_pin"], kiosk["kiosk_no"]) == (True, "4711", 3)
    assert json.loads((tmp_path / "settings.json").read_text("utf-8"))["face"] == "kiosk"
    devices = json.loads((tmp_path / "devices.json").read_text("utf-8"))
    assert devices["printer_url"] == "socket://127.0.0.1:9100"


def test_counter_skips_the_pin_and_unmarks_an_old_kiosk(wizard, tmp_path):
    from desktop.kiosk import config

    config.save(tmp_path, kiosk_mode=True)
    _to_face_page(wizard)
    wizard.face_page.radios["counter"].setChecked(True)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_DONE
    wizard.accept()
    assert wizard.chosen_face == "counter"
    assert not config.is_kiosk(tmp_path)


def test_english_chosen_on_the_first_page_speaks_english_after(wizard, tmp_path):
    from desktop import i18n

    if not i18n.install(QApplication.instance(), "en"):
        pytest.skip("English .qm not built (python -m desktop.i18n_build)")
    i18n.install(QApplication.instance(), "zh_CN")
    wizard.language_page.group.button(1).setChecked(True)
    wizard.next()
    assert wizard.terminal_page.title() == "This terminal"
    assert json.loads((tmp_path / "settings.json").read_text("utf-8"))["language"] == "en"


def test_enrolment_failure_is_shown_and_keeps_the_page(wizard):
    wizard.next()
    page = wizard.terminal_page
    page.server.setText("ftp://nowhere")
    page.code.setText("AAAA-BBBB-CCCC")
    page.start_enrol()
    assert "http" in page.message.text()
    assert not page.isComplete()
    assert page.enrol_button.isEnabled()


def test_about_shows_version_face_and_terminal(qtbot, tmp_path):
    d = AboutDialog("counter", data_dir=tmp_path, details={"terminal": "0007"})
    qtbot.addWidget(d)
    text = d.support_text()
    assert f"Yichuang: {VERSION}" in text
    assert "终端: 0007" in text and str(tmp_path) in text
    d.copy_to_clipboard()
    assert QApplication.clipboard().text() == text


def test_f1_action_opens_about_in_any_face(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    action = install_about(window, "kiosk", data_dir=tmp_path, details=lambda: {"hall": "H"})
    assert action.shortcut().toString() == "F1"
    assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    assert action in window.actions()
    action.trigger()
    dialogs = [w for w in window.findChildren(AboutDialog) if w.isVisible()]
    assert dialogs and dialogs[-1].face == "kiosk"
    assert "大厅: H" in dialogs[-1].support_text()
    dialogs[-1].close()
