"""`yichuang demo`: the counter on a local replica full of demo data; screenshots.

First run: the demo catalog and ~200 demo cases (sync.demo_data) plus the demo clerk's
own cases (desktop.demo_cases), all written through the task helper's writer. With
``--screenshot DIR`` it runs offscreen, walks through the counter's main screens with
demo data, saves one PNG each and exits 0. Log in as 1001 / 1234.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import pathlib
import sys
from typing import Any

log = logging.getLogger(__name__)

DEMO_CASES = 200


def demo_dir(data_dir: pathlib.Path) -> pathlib.Path:
    """Never mix demo cases into an enrolled terminal's replica: use a sub-folder then."""
    from sync.replica import DB_NAME

    db = data_dir / DB_NAME
    if db.exists():
        import sqlite3

        with sqlite3.connect(db) as conn:
            try:
                row = conn.execute("SELECT value FROM meta WHERE key='mode'").fetchone()
            except sqlite3.Error:
                row = None
        if row and row[0] == "enrolled":
            return data_dir / "demo"
    return data_dir


def seed(store) -> dict[str, int]:
    """Catalog, then the hall's demo cases and the demo clerk's, on an empty replica."""
    from desktop.demo_cases import write_clerk_cases
    from sync import queries
    from sync.demo_data import ensure_catalog, write_demo_cases

    replica = store.replica
    ensure_catalog(replica)
    if queries.counts(replica)["cases"]:
        return {}
    today = store.clock().date()
    done = write_demo_cases(replica, DEMO_CASES, today=today)
    done["clerk"] = write_clerk_cases(store, today)
    return done


def _screenshot_module(face: str):
    import importlib

    for name in (f"desktop.{face}.screenshots", f"desktop.{face}_screenshots"):
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return None


def run_demo(data_dir: pathlib.Path | str, face: str = "counter",
             screenshot_dir: str | pathlib.Path | None = None, lang: str | None = None) -> int:
    """Start the demo; with screenshot_dir, save the screens as PNGs and exit."""
    if screenshot_dir:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir = demo_dir(pathlib.Path(data_dir))
    if face != "counter":
        if screenshot_dir:
            module = _screenshot_module(face)
            if module is None:
                print(f"错误: 「{face}」界面还没有截图模块 (desktop.{face}.screenshots)",
                      file=sys.stderr)
                return 2
            if hasattr(module, "run"):
                return int(module.run(data_dir, screenshot_dir, lang=lang) or 0)
            saved = module.save_screenshots(data_dir, screenshot_dir, lang=lang)
            return 0 if saved else 1
        from desktop.app import run

        return run(data_dir, face=face, demo=True, lang=lang)
    if screenshot_dir:
        from desktop.screenshots import CounterTour

        app, shell = demo_counter(data_dir, lang, show_crash_dialog=False)
        tour = CounterTour(shell, pathlib.Path(screenshot_dir), lang)
        tour.start()
        code = app.exec()
        shell.shutdown()
        from desktop.first_run_screenshots import save_screenshots as setup_screenshots

        return code or tour.exit_code or setup_screenshots(screenshot_dir, lang)
    from PySide6.QtWidgets import QApplication

    from desktop.app import RESTART

    while True:  # a new language from the menu rebuilds the demo's windows
        opened = open_counter_demo(data_dir, lang=lang)
        try:
            code = QApplication.instance().exec()
        finally:
            opened.close()
        if code != RESTART:
            return int(code)
        lang = None  # the one the clerk chose, now in the settings


def demo_counter(data_dir: pathlib.Path, lang: str | None, *,
                 show_crash_dialog: bool = True) -> tuple[Any, Any]:
    """The QApplication and the counter window on the demo replica (seeded first)."""
    from desktop.app import create_application, prepare
    from desktop.counter.shell import CounterShell

    settings_store = prepare(data_dir, show_crash_dialog=show_crash_dialog)
    lang = lang or settings_store.get("language")
    if lang != settings_store.get("language"):
        settings_store.set("language", lang)
    app = create_application(lang, font_px=settings_store.get("font_size"))
    shell = CounterShell(data_dir, settings_store, demo=True)
    # the writer runs tasks in order: the seed lands before the shell's start-up read
    shell.runner.write(seed, lambda done: done and log.info("demo data: %s", done))
    return app, shell


@dataclasses.dataclass
class CounterDemo:
    """The demo's windows and simulators, opened and placed (see `open_counter_demo`)."""

    shell: Any
    control: Any
    devices: Any

    def close(self) -> None:
        self.control.close()
        self.shell.shutdown()
        self.shell.hide()
        self.shell.deleteLater()
        self.devices.stop()


def open_counter_demo(data_dir: pathlib.Path, lang: str | None = None) -> CounterDemo:
    """The counter, its simulated devices and the 模拟设备 window, on screen.

    The devices window opens beside the login card, never over it, and without taking
    the focus: the first thing a visitor sees is where to log in.
    """
    from PySide6.QtCore import Qt

    from desktop.devices.counter_hooks import attach_devices
    from desktop.devices.demo import start_demo_devices
    from desktop.devices.demo_window import DemoControlWindow

    _app, shell = demo_counter(data_dir, lang)
    demo_devices = start_demo_devices(data_dir)  # simulators on ptys; devices.json points at them
    control = DemoControlWindow(demo_devices)
    shell.show_for_screen()
    attach_devices(shell)
    control.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
    place_beside_login(control, shell)
    control.show()
    shell.activateWindow()
    shell.raise_()
    return CounterDemo(shell, control, demo_devices)


def place_beside_login(window: Any, shell: Any) -> None:
    """At the right edge of the counter's screen, clear of the centred login card."""
    from desktop.screen_fit import fit_to_screen

    screen = shell.screen()
    area = screen.availableGeometry()
    hint = window.sizeHint()
    size = fit_to_screen(window, hint.width(), hint.height(), screen=screen)
    window.move(area.right() - size.width() - 8, area.top() + max(8, area.height() // 12))
