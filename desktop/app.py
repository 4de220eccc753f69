"""The application entry: QApplication, fonts, style, language, logging, crash handler.

Start-up is kept lean (budget: a usable login window in < 2 s): Qt widgets and our
modules are imported here, the replica is opened on the writer thread while the login
window is already on screen, and everything else loads lazily.

`YICHUANG_EXIT_WHEN_READY=1` prints ``READY <unix time>`` once the login window is shown
and exits — bench/bench_startup.py measures cold start with it.
"""

from __future__ import annotations

import logging
import os
import pathlib
import sys
import time

log = logging.getLogger(__name__)

FONT_FAMILY = "WenQuanYi Micro Hei"
FACES = ("counter", "kiosk", "supervisor")


def load_fonts() -> str:
    """Register the shipped CJK font; many counter PCs have none (boxes instead of text)."""
    from PySide6.QtGui import QFontDatabase

    from resources import path as resource_path

    family = ""
    for name in ("wqy-microhei.ttc", "DroidSansFallbackFull.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    return family or FONT_FAMILY


def load_style(name: str = "counter") -> str:
    from resources import path as resource_path

    file = resource_path("styles", f"{name}.qss")
    return file.read_text("utf-8") if file.exists() else ""


def create_application(lang: str = "zh_CN", argv: list[str] | None = None):
    """The QApplication with fonts, style sheet and translators; reuses an existing one."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop import i18n

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("yichuang")
    app.setApplicationDisplayName("一窗")
    family = load_fonts()
    font = QFont(family)
    font.setPointSizeF(10.5)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    app.setStyleSheet(load_style("counter"))
    i18n.install(app, lang)
    return app


def prepare(data_dir: pathlib.Path | str, *, show_crash_dialog: bool = True):
    """Logging, crash handler and settings for a data folder (everything before Qt)."""
    from desktop import crash, logging_setup
    from desktop.settings import SettingsStore
    from sync.private import private_dir

    data_dir = private_dir(data_dir)  # the replica, the token, the logs: the user's only
    logging_setup.configure(data_dir)
    crash.install(data_dir, show_dialog=show_crash_dialog)
    return SettingsStore(data_dir)


def _other_face(face: str):
    import importlib

    try:
        return importlib.import_module(f"desktop.{face}")
    except ModuleNotFoundError:
        return None


def _attach_devices(shell) -> None:
    from desktop.devices.counter_hooks import attach_devices

    try:
        attach_devices(shell)
    except Exception:  # a faulty device never blocks work: manual entry still works
        log.exception("devices could not be started")
        shell.show_message(shell.tr("外设启动失败，可手工录入"), "error")


def _first_run_done(data_dir: pathlib.Path) -> bool:
    """A new terminal asks once: enrol with the hall's server, or run standalone."""
    from sync.enrol import needs_first_run

    if not needs_first_run(data_dir):
        return True
    from desktop.first_run import FirstRunDialog

    dialog = FirstRunDialog(data_dir)
    accepted = dialog.exec() == FirstRunDialog.DialogCode.Accepted
    dialog.runner.shutdown()
    return accepted


def run(data_dir: pathlib.Path | str, face: str = "counter", demo: bool = False,
        lang: str | None = None) -> int:
    """`yichuang counter|kiosk|supervisor`: run a face until its window closes."""
    started = time.perf_counter()
    settings_store = prepare(data_dir)
    lang = lang or settings_store.get("language")
    app = create_application(lang)
    if not demo and not _first_run_done(pathlib.Path(data_dir)):
        return 0
    if face != "counter":
        module = _other_face(face)
        if module is None or not hasattr(module, "run"):
            print(f"错误: 此版本还没有「{face}」界面 (desktop.{face})", file=sys.stderr)
            return 2
        return int(module.run(data_dir, demo=demo, app=app) or 0)
    from desktop.counter.shell import CounterShell

    shell = CounterShell(pathlib.Path(data_dir), settings_store, demo=demo)
    shell.show_for_screen()
    log.info("login window in %.0f ms", (time.perf_counter() - started) * 1000)
    from PySide6.QtCore import QTimer

    if os.environ.get("YICHUANG_EXIT_WHEN_READY"):
        def ready() -> None:
            print(f"READY {time.time():.6f}", flush=True)
            shell.close()
            app.quit()

        # usable = the staff list is read and the login button enabled, not just drawn
        shell.login.sig_ready.connect(lambda: QTimer.singleShot(0, ready))
    else:
        # devices open ports and start threads: after the login window is on screen
        QTimer.singleShot(0, lambda: _attach_devices(shell))
    code = app.exec()
    shell.shutdown()
    return int(code)
