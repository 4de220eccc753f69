"""Start-up imports only what the first screen needs (issue 17): the counter's login
window and the kiosk's start page come up without the HTTP client, sync, printing,
pinyin, sqlite_utils or the serial ports, which load once the window shows. Each face starts in a fresh
process, as `yichuang counter|kiosk` does, and lists what it had imported once usable."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import textwrap

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
LATER = ("requests", "urllib3", "sqlite_utils", "pypinyin", "reportlab", "PIL",
         "serial", "sync.client", "sync.worker", "sync.enrol", "printing.documents", "escpos")

COUNTER = """
    import json, sys, pathlib
    from desktop.cli import build_parser
    build_parser()  # every layer's sub-commands, as `yichuang counter` builds them
    from desktop.app import create_application, prepare
    from desktop.counter.shell import CounterShell
    from sync.replica import needs_first_run
    data = pathlib.Path(sys.argv[1])
    store = prepare(data, show_crash_dialog=False)
    app = create_application("zh_CN")
    assert not needs_first_run(data)
    shell = CounterShell(data, store)
    shell.show()
    def usable():
        print(json.dumps(sorted(sys.modules)), flush=True)
        shell.shutdown()
        app.quit()
    shell.login.sig_ready.connect(usable)
    app.exec()
"""

KIOSK = """
    import json, sys, pathlib
    from desktop.app import create_application
    from desktop.kiosk import config
    from desktop.kiosk.launch import build
    data = pathlib.Path(sys.argv[1])
    app = create_application("zh_CN")
    kiosk = build(data, settings=config.KioskSettings(full_screen=False), start=False)
    kiosk.window.show()
    app.processEvents()
    print(json.dumps(sorted(sys.modules)), flush=True)
    kiosk.window.unlock()
    kiosk.shutdown()
"""


def _modules(script: str, data_dir: pathlib.Path) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script), str(data_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    lines = [x for x in proc.stdout.splitlines() if x.startswith("[")]
    assert lines, proc.stderr[-3000:]
    return set(json.loads(lines[-1]))


@pytest.mark.parametrize("face", ["counter", "kiosk"])
def test_first_screen_imports_nothing_that_can_wait(face, template_dir, tmp_path):
    from sync.replica import DB_NAME

    (tmp_path / DB_NAME).write_bytes((template_dir / DB_NAME).read_bytes())
    loaded = _modules(COUNTER if face == "counter" else KIOSK, tmp_path)
    assert "PySide6.QtWidgets" in loaded  # the probe ran where the window was up
    early = sorted(m for m in loaded if m.split(".")[0] in LATER or m in LATER)
    assert early == []
