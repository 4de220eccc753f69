"""Issue 15.14: every control can be named by a screen reader, the text-size setting
really changes the text, and the counter works at 150 % (QT_SCALE_FACTOR=1.5)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtGui import QAccessible, QFontInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
            QPlainTextEdit)


def unnamed(root: QWidget) -> list[str]:
    """Visible controls a screen reader would announce without a name."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisibleTo(root):
            continue
        if isinstance(w.parent(), (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            continue  # their own inner parts: the outer control carries the name
        iface = QAccessible.queryAccessibleInterface(w)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip() or name.strip() in ("⌫", "◀", "▶", "●"):
            out.append(f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', str)()!r}")
    return out


def test_login_page_controls_have_names(counter):
    assert unnamed(counter) == []


def test_reception_and_case_controls_have_names(clerk):
    from tests.desktop.test_counter_cases import start

    rec = start(clerk, "0105")  # one applicant: accepted once the required ones are ticked
    assert unnamed(clerk) == []
    rec.materials.tick_all_required()
    rec.accept_case()
    for dialog in clerk.findChildren(QWidget):
        if dialog.isWindow() and dialog is not clerk:
            dialog.close()
    assert clerk.workspace.stack.currentWidget() is clerk.workspace.case_view
    assert unnamed(clerk) == []
    clerk.workspace.show_my_cases()
    assert unnamed(clerk) == []


def test_dialog_controls_have_names(qtbot, clerk):
    from desktop.counter.dialogs import IssueDialog, ReasonDialog, ReviewDialog
    from desktop.counter.item_picker import ItemPicker
    from desktop.counter.law_dialogs import ExtendDialog, ToleranceDialog

    item = clerk.state.catalog.item("0201")
    for dialog in (ExtendDialog(clerk.state.catalog, "D01", 10, clerk.runner, clerk),
                   ToleranceDialog(list(item.tolerable_materials()), clerk.state.today(),
                                   clerk),
                   IssueDialog(True, {"name": "李"}, clerk),
                   ReasonDialog("t", "p", ["a"], pause=True, parent=clerk),
                   ReviewDialog(clerk.state.catalog, False, clerk.runner, clerk),
                   ItemPicker(clerk.state.catalog, None, clerk)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__


def test_the_text_size_setting_reaches_every_label(qapp, clerk):
    from desktop.app import BASE_FONT_PX, apply_font_size, load_fonts

    load_fonts()
    ws = clerk.workspace
    plain = ws.reception.missing_label  # styled by the sheet (#missingText)
    title = ws.tabs.tabBar()
    try:
        apply_font_size(qapp, 20)
        assert QFontInfo(ws.who.font()).pixelSize() == 20
        assert QFontInfo(plain.font()).pixelSize() == 20
        brand = QFontInfo(ws.brand.font()).pixelSize()
        assert brand == round(22 * 20 / BASE_FONT_PX)  # the sheet's 22 px heading grows too
        assert QFontInfo(title.font()).pixelSize() >= 20
        found = [lb for lb in clerk.findChildren(QLabel) if lb.isVisibleTo(clerk) and lb.text()]
        assert all(QFontInfo(lb.font()).pixelSize() >= 20 for lb in found)
    finally:
        apply_font_size(qapp, BASE_FONT_PX)


HIDPI = textwrap.dedent('''
    import json, pathlib, sys
    from desktop.app import create_application, prepare
    from desktop.counter.shell import CounterShell
    from desktop.tasks import InlineTaskRunner
    from sync.demo_data import ensure_catalog
    from sync.replica import DB_NAME, Replica

    data, out = pathlib.Path(sys.argv[1]), sys.argv[2]
    with Replica.in_dir(data) as r:
        r.identity(); ensure_catalog(r)
    store = prepare(data, show_crash_dialog=False)
    app = create_application("zh_CN")
    shell = CounterShell(data, store, runner=InlineTaskRunner(data / DB_NAME))
    shell.show_for_screen()
    staff = next(s for s in shell.state.catalog.staff if s.role == "clerk" and s.window)
    shell._on_logged_in(staff, staff.window)
    ws = shell.workspace
    ws.start_reception(shell.state.catalog.item("0301"))
    for _ in range(30):
        app.processEvents()
    screen = shell.screen()
    area = screen.availableGeometry()
    buttons = [ws.reception.accept_button, ws.reception.refuse_button, ws.lock_button,
               ws.search_bar.new]
    print("REPORT " + json.dumps({
        "ratio": screen.devicePixelRatio(),
        "fits": area.contains(shell.geometry()),
        "buttons": all(area.contains(b.mapToGlobal(b.rect().bottomRight())) for b in buttons),
        "logical": [area.width(), area.height()],
    }), flush=True)
    shell.grab().save(out)
    shell.shutdown()
''')


def test_the_counter_at_150_percent(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    script = tmp_path / "hidpi.py"
    script.write_text(HIDPI)
    (tmp_path / "data").mkdir()
    out = os.environ.get("YC_SCREENSHOTS") or str(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": "1.5", "PYTHONPATH": os.getcwd()}
    run = subprocess.run([sys.executable, str(script), str(tmp_path / "data"),
                          os.path.join(out, "counter-150-percent.png")], capture_output=True,
                         text=True, timeout=120, env=env, cwd=os.getcwd())
    lines = [li for li in run.stdout.splitlines() if li.startswith("REPORT ")]
    assert lines, run.stdout + run.stderr
    report = json.loads(lines[0][7:])
    assert report["ratio"] == 1.5 and report["logical"] == [1280, 720]
    assert report["fits"] and report["buttons"], report
