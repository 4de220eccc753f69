"""The device settings: the file, the screen's tests (on device threads), saving."""

from __future__ import annotations

import json

from desktop.devices import settings as ds
from desktop.devices.settings_screen import DeviceSettingsScreen


def test_bad_values_fall_back(tmp_path):
    assert ds.load(tmp_path) == ds.DeviceSettings()  # no file yet: every device unconfigured
    (tmp_path / ds.FILE_NAME).write_text(json.dumps(
        {"version": 1, "printer_width_mm": 66, "pad_backend": "??", "wedge_gap_ms": "x",
         "printer_url": " socket://10.0.0.5:9100 "}), "utf-8")
    s = ds.load(tmp_path)
    assert (s.printer_width_mm, s.pad_backend, s.wedge_gap_ms) == (80, "screen", 40)
    assert s.printer_url == "socket://10.0.0.5:9100"
    ds.save(tmp_path, s.replace(printer_width_mm=58))
    assert ds.load(tmp_path).printer_width_mm == 58


def test_test_buttons_and_save(qtbot, hub, idcard_sim, printer_sim, pad_sim, tmp_path):
    screen = DeviceSettingsScreen(hub)
    qtbot.addWidget(screen)
    screen.idcard_port.set_url(idcard_sim.port)
    screen.printer_port.set_url(printer_sim.port)
    screen.pad_backend.setCurrentIndex(screen.pad_backend.findData("yc-pad"))
    screen.pad_port.set_url(pad_sim.port)
    screen.idcard_test.button.click()
    screen.printer_test.button.click()
    screen.pad_test.button.click()
    for row in (screen.idcard_test, screen.printer_test, screen.pad_test):
        qtbot.waitUntil(lambda r=row: r.result.text().startswith("✓"), timeout=5000)
    assert "05.01-20121115-0012345678-1234567890" in screen.idcard_test.result.text()
    assert pad_sim.display["screen"] == "welcome"

    printer_sim.set_state("paper_out")
    screen.printer_test.button.click()
    qtbot.waitUntil(lambda: screen.printer_test.result.text().startswith("✗"), timeout=5000)
    assert "缺纸" in screen.printer_test.result.text()

    screen.save()
    saved = ds.load(tmp_path)
    assert saved.idcard_url == idcard_sim.port and saved.pad_backend == "yc-pad"
    assert hub.settings == saved and hub.card_reader.url == idcard_sim.port


def test_a_bad_key_table_is_not_saved(qtbot, hub, tmp_path):
    screen = DeviceSettingsScreen(hub)
    qtbot.addWidget(screen)
    screen.pad_backend.setCurrentIndex(screen.pad_backend.findData("keypad"))
    screen.pad_keys.setText("1=9")
    screen.save()
    assert "按键对照表有误" in screen.message.text()
    assert not (tmp_path / ds.FILE_NAME).exists()


def test_every_device_error_code_has_a_sentence():
    from desktop.devices import messages

    assert messages.untranslated_codes() == set()
