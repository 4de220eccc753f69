"""Issue 15.12: a language switch in each face's menu; the face comes back in it.

The counter's 设置 menu stores the language and rebuilds the window in the same
process (checked end to end in a child process: `desktop.app.run`'s loop); the kiosk's
header button does the same for one citizen and the hall's language comes back after.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

SWITCH = textwrap.dedent('''
    import json, pathlib, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop import app as desktop_app
    from desktop.counter.shell import CounterShell
    from sync.demo_data import ensure_catalog
    from sync.replica import Replica

    data = pathlib.Path(sys.argv[1])
    with Replica.in_dir(data) as r:
        r.identity(); ensure_catalog(r)
    seen = []

    def shells():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, CounterShell) and w.isVisible()]

    def step():
        found = shells()
        if not found or not found[0].login.login_button.isEnabled():
            QTimer.singleShot(50, step); return
        shell = found[0]
        seen.append([shell.windowTitle(), shell.settings_menu.title(),
                     shell.login.login_button.text()])
        if len(seen) == 1:
            menu = shell.settings_menu.actions()[0].menu()
            [english] = [a for a in menu.actions() if a.text() == "English"]
            english.trigger()
            QTimer.singleShot(100, step)
        else:
            QApplication.quit()

    QTimer.singleShot(0, step)
    code = desktop_app.run(data, face="counter", demo=True, lang="zh_CN")
    print("REPORT " + json.dumps({"code": code, "seen": seen,
          "stored": json.loads((data / "settings.json").read_text())["language"]}), flush=True)
''')


def test_the_counter_comes_back_in_english(tmp_path):
    from desktop import i18n_build

    for ts in i18n_build.TRANSLATIONS.glob("*_en.ts"):  # what `make translations` does
        i18n_build.release(ts)
    script = tmp_path / "switch.py"
    script.write_text(SWITCH)
    (tmp_path / "data").mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.getcwd()}
    # faulthandler: a child that dies of a signal says where (it once left no word at all)
    run = subprocess.run([sys.executable, "-X", "faulthandler", str(script),
                          str(tmp_path / "data")],
                         capture_output=True, text=True, timeout=120, env=env, cwd=os.getcwd())
    lines = [li for li in run.stdout.splitlines() if li.startswith("REPORT ")]
    assert lines, f"exit {run.returncode}\n{run.stdout}{run.stderr}"
    report = json.loads(lines[0][7:])
    assert report["code"] == 0 and report["stored"] == "en"
    chinese, english = report["seen"]
    assert chinese == ["窗口受理", "设置(&S)", "登录"]
    assert english[0] == "Counter" and english[1] == "&Settings"
    assert english[2] != "登录"
