"""Issue 15.2: the rating never takes the clerk's screen, and never outlives the counter.

One monitor: the five buttons are a strip of the counter window, shown while the
citizen rates and gone again by themselves. Two monitors: full screen on the citizen's
one, and closing the counter ends the process (checked in a child process, because a
QApplication's screens are fixed when it starts).
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from domain.application import Person, registration_payload


@pytest.fixture
def case(counter, instant_item):
    counter.resize(1366, 768)
    counter.show()
    payload = registration_payload(instant_item, Person("王芳", "64010419850615002X"))
    actor = counter.state.session.actor
    found = []
    counter.runner.write(lambda store: store.open_case(payload, actor)[1], found.append)
    return found[0]


def test_one_monitor_rating_is_a_strip_of_the_counter_that_goes_away(qtbot, counter, hub,
                                                                     case):
    hub.pad.configure(dataclasses.replace(hub.settings, pad_timeout_s=1))
    view = hub.pad.screen_pad.view
    counter.devices.ratings.ask_for_rating(case.id, "1001", "王丽")
    qtbot.waitUntil(lambda: view.page == "rate" and view.isVisible(), timeout=3000)
    assert view.window() is counter  # inside the counter: it cannot cover another window
    assert counter.workspace.isVisible()
    assert view.height() <= counter.height() * 0.31  # the clerk still sees the case
    # the countdown runs out: the strip goes, no "欢迎光临" stays on the clerk's screen
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5000)
    assert view.page == "welcome"
    assert counter.workspace.isVisible()


def test_the_strip_gives_the_screen_back_after_a_rating(qtbot, counter, hub, case):
    view = hub.pad.screen_pad.view
    placement = hub.pad.screen_pad.placement
    counter.devices.ratings.ask_for_rating(case.id, "1001", "王丽")
    qtbot.waitUntil(lambda: view.page == "rate" and view.isVisible(), timeout=3000)
    with qtbot.waitSignal(counter.devices.ratings.sig_rating_recorded, timeout=3000):
        qtbot.mouseClick(view.level_buttons[5], Qt.MouseButton.LeftButton)
    assert placement.showing  # "thank you" for a moment
    view.show_welcome("")  # what the view's own timer does after BACK_TO_WELCOME_MS
    assert not placement.showing


def test_the_clerk_can_take_the_screen_back_at_once(qtbot, counter, hub, case):
    view = hub.pad.screen_pad.view
    ratings = counter.devices.ratings
    counter.devices.ratings.ask_for_rating(case.id, "1001", "王丽")
    qtbot.waitUntil(lambda: view.page == "rate" and view.isVisible(), timeout=3000)
    placement = hub.pad.screen_pad.placement
    with qtbot.waitSignal(ratings.sig_rating_skipped, timeout=5000):
        qtbot.mouseClick(placement.take_back, Qt.MouseButton.LeftButton)
    assert not placement.showing


TWO_SCREENS = textwrap.dedent('''
    import pathlib, sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.app import create_application, prepare
    from desktop.counter.shell import CounterShell
    from desktop.devices.counter_hooks import attach_devices
    from desktop.tasks import InlineTaskRunner
    from domain.application import Person, registration_payload
    from sync.demo_data import ensure_catalog
    from sync.replica import DB_NAME, Replica

    data = pathlib.Path(sys.argv[1])
    with Replica.in_dir(data) as r:
        r.identity(); ensure_catalog(r)
    store = prepare(data, show_crash_dialog=False)
    app = create_application("zh_CN")
    clerk_screen = app.screens()[0]
    shell = CounterShell(data, store, runner=InlineTaskRunner(data / DB_NAME))
    shell.setScreen(clerk_screen)
    shell.setGeometry(clerk_screen.geometry())
    shell.show()
    staff = next(s for s in shell.state.catalog.staff if s.role == "clerk" and s.window)
    shell._on_logged_in(staff, staff.window)
    devices = attach_devices(shell)
    item = next(i for i in shell.state.catalog.items if i.instant)
    payload = registration_payload(item, Person("王芳", "64010419850615002X"))
    case = []
    shell.runner.write(lambda s: s.open_case(payload, shell.state.session.actor)[1], case.append)
    view = devices.hub.pad.screen_pad.view
    report = {}

    def asked():
        if view.page != "rate":
            QTimer.singleShot(50, asked); return
        report["window"] = view.window() is view
        report["full"] = view.isFullScreen()
        report["screen"] = view.screen().name()
        report["clerk"] = clerk_screen.name()
        shell.close()  # the clerk closes the counter while the citizen has not rated

    devices.ratings.ask_for_rating(case[0].id, "1001", "王丽")
    QTimer.singleShot(50, asked)
    QTimer.singleShot(8000, lambda: (print("STILL RUNNING", flush=True), app.exit(3)))
    code = app.exec()
    shell.shutdown()
    print("REPORT", report, "CODE", code, flush=True)
''')


def test_two_monitors_full_screen_on_the_citizens_and_closes_with_the_counter(tmp_path):
    screens = {"screens": [
        {"name": "clerk", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "citizen", "x": 1366, "y": 0, "width": 1024, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens))
    script = tmp_path / "two_screens.py"
    script.write_text(TWO_SCREENS)
    data = tmp_path / "data"
    data.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": os.getcwd()}
    out = subprocess.run([sys.executable, str(script), str(data)], capture_output=True,
                         text=True, timeout=60, env=env, cwd=os.getcwd())
    assert "STILL RUNNING" not in out.stdout, "the rating window kept the process alive"
    line = next(li for li in out.stdout.splitlines() if li.startswith("REPORT"))
    report = eval(line.split(" ", 1)[1].rsplit(" CODE", 1)[0])  # a dict we printed
    assert report["window"] and report["full"]
    assert report["screen"] != report["clerk"]
    assert line.endswith("CODE 0")
