"""Issue 15.8: the demo's first screen is in sight on 1366×768 and 1920×1080.

The 模拟设备 window opened over the login card and took the focus; the kiosk demo
always opened 1080×1920, so "开始登记" was below the edge of a landscape screen. Each
size runs in a child process, because a QApplication's screen is fixed when it starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

COUNTER = textwrap.dedent('''
    import json, pathlib, sys
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication
    from desktop.demo import open_counter_demo

    opened = open_counter_demo(pathlib.Path(sys.argv[1]), lang="zh_CN")
    app = QApplication.instance()
    for _ in range(20):
        app.processEvents()
    shell, control = opened.shell, opened.control
    from PySide6.QtWidgets import QFrame
    card = shell.login.findChild(QFrame, "loginCard")
    top_left = card.mapToGlobal(card.rect().topLeft())
    card_rect = QRect(top_left, card.size())
    screen = shell.screen().availableGeometry()
    print("REPORT " + json.dumps({
        "overlap": control.frameGeometry().intersects(card_rect),
        "control_fits": screen.contains(control.frameGeometry()),
        # maximised on a real screen (the window manager draws no frame around it)
        "shell_fits": screen.contains(shell.geometry()),
        "active_is_shell": QApplication.activeWindow() is shell,
        "control_activates": not control.testAttribute(
            __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.WidgetAttribute.WA_ShowWithoutActivating),
    }), flush=True)
    opened.close()
''')

KIOSK = textwrap.dedent('''
    import json, pathlib, sys
    from PySide6.QtWidgets import QApplication
    from desktop.kiosk.launch import application, build

    app = application("zh_CN")
    kiosk = build(pathlib.Path(sys.argv[1]), demo=True)
    kiosk.window.show_kiosk(False)
    for _ in range(20):
        app.processEvents()
    w = kiosk.window
    button = w.pages["start"].start_button
    screen = w.screen().availableGeometry()
    corner = button.mapToGlobal(button.rect().bottomRight())
    print("REPORT " + json.dumps({
        "window_fits": screen.contains(w.frameGeometry()),
        "start_on_screen": screen.contains(corner) and button.isVisible(),
        "size": [w.width(), w.height()],
    }), flush=True)
    w.unlock(); w.close(); kiosk.shutdown()
''')


def run_on_screen(tmp_path, script: str, width: int, height: int) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "main", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    file = tmp_path / "demo_fit.py"
    file.write_text(script)
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": os.getcwd()}
    out = subprocess.run([sys.executable, str(file), str(data)], capture_output=True,
                         text=True, timeout=120, env=env, cwd=os.getcwd())
    lines = [li for li in out.stdout.splitlines() if li.startswith("REPORT ")]
    assert lines, out.stdout + out.stderr
    return json.loads(lines[0][7:])


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_devices_window_leaves_the_login_card_and_the_focus(tmp_path, size):
    report = run_on_screen(tmp_path, COUNTER, *size)
    assert not report["overlap"], report
    assert report["control_fits"] and report["shell_fits"], report
    assert report["active_is_shell"] and not report["control_activates"], report


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_kiosk_demo_fits_a_landscape_screen(tmp_path, size):
    report = run_on_screen(tmp_path, KIOSK, *size)
    assert report["window_fits"] and report["start_on_screen"], report
