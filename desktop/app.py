"""The application entry: QApplication, fonts, style, language, logging, crash handler.

Start-up is kept lean (budget: a usable login window in < 2 s): Qt widgets and our
modules are imported here, the replica is opened on the writer thread while the login
window is already on screen, and everything else loads lazily.

`YICHUANG_EXIT_WHEN_READY=1` prints ``READY <unix time> <peak RSS KiB>`` once the login
window (the kiosk's start page) is usable and exits — bench/bench_startup.py measures
cold start with it.
"""

from __future__ import annotations

import logging
import os
import pathlib
import re
import sys
import time

log = logging.getLogger(__name__)

RESTART = 31  # = desktop.face_menu.RESTART (kept import-free: start-up is measured)

FONT_FAMILY = "WenQuanYi Micro Hei"
FACES = ("counter", "kiosk", "supervisor", "review", "display")


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


BASE_FONT_PX = 14
_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px")


def load_style(name: str = "counter", font_px: int = BASE_FONT_PX) -> str:
    """The face's style sheet, its text sizes scaled to the clerk's text-size setting.

    The .qss is written for 14 px text; every `font-size: Npx` follows the setting in
    proportion, so no rule of the sheet can hold the text at a size the clerk cannot
    read (Qt gives a style sheet's font-size precedence over the application font).
    """
    from resources import path as resource_path

    file = resource_path("styles", f"{name}.qss")
    text = file.read_text("utf-8") if file.exists() else ""
    # images beside the sheet (spin box arrows): url(@styles/x.svg) → the real folder
    text = text.replace("@styles/", file.parent.as_posix() + "/")
    if font_px == BASE_FONT_PX:
        return text
    return _FONT_SIZE.sub(lambda m: f"font-size: {round(int(m[1]) * font_px / BASE_FONT_PX)}px",
                          text)


def apply_font_size(app, font_px: int) -> None:
    """The application font and the style sheet at `font_px` (live: every window follows)."""
    font = app.font()
    font.setPixelSize(font_px)
    app.setFont(font)
    app.setStyleSheet(load_style("counter", font_px))


def create_application(lang: str = "zh_CN", argv: list[str] | None = None,
                       font_px: int = BASE_FONT_PX):
    """The QApplication with fonts, style sheet and translators; reuses an existing one."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from desktop.about import app_icon

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("yichuang")
    app.setWindowIcon(app_icon())
    family = load_fonts()
    font = QFont(family)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    apply_font_size(app, font_px)
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
        from PySide6.QtCore import QCoreApplication

        shell.show_message(QCoreApplication.translate("CounterShell", "外设启动失败，可手工录入"),
                           "error")


def _first_run(data_dir: pathlib.Path, face: str) -> str:
    """A new terminal is set up once (desktop.first_run); the face to start, '' if cancelled."""
    from sync.replica import needs_first_run

    if not needs_first_run(data_dir):
        return face
    from desktop.first_run import run_wizard

    return run_wizard(data_dir, face)


def run(data_dir: pathlib.Path | str, face: str = "counter", demo: bool = False,
        lang: str | None = None) -> int:
    """`yichuang counter|kiosk|supervisor`: run a face until its window closes."""
    started = time.perf_counter()
    settings_store = prepare(data_dir)
    lang = lang or settings_store.get("language")
    app = create_application(lang, font_px=settings_store.get("font_size"))
    if not demo:
        face = _first_run(pathlib.Path(data_dir), face)
        if not face:
            return 0
    if face != "counter":
        module = _other_face(face)
        if module is None or not hasattr(module, "run"):
            print(f"错误: 此版本还没有「{face}」界面 (desktop.{face})", file=sys.stderr)
            return 2
        return int(module.run(data_dir, demo=demo, app=app) or 0)
    while True:  # a new language rebuilds the window (desktop.face_menu.RESTART)
        code = _run_counter(app, pathlib.Path(data_dir), settings_store, demo, started)
        if code != RESTART:
            return code
        from desktop import i18n

        i18n.install(app, settings_store.get("language"))
        started = time.perf_counter()


def exit_when_ready() -> bool:
    """`YICHUANG_EXIT_WHEN_READY=1`: the face reports when it is usable and exits
    (bench/bench_startup.py); the devices are not started."""
    return bool(os.environ.get("YICHUANG_EXIT_WHEN_READY"))


def peak_rss_kib() -> int:
    """The most memory this process has held so far (KiB; 0 where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def ready(window) -> None:
    """``READY <unix time> <peak RSS KiB>`` on stdout, then close `window` and quit."""
    from PySide6.QtWidgets import QApplication

    print(f"READY {time.time():.6f} {peak_rss_kib()}", flush=True)
    window.close()
    QApplication.instance().quit()


def _run_counter(app, data_dir: pathlib.Path, settings_store, demo: bool,
                 started: float) -> int:
    from PySide6.QtCore import QTimer

    from desktop.counter.shell import CounterShell

    shell = CounterShell(data_dir, settings_store, demo=demo)
    shell.show_for_screen()
    log.info("login window in %.0f ms", (time.perf_counter() - started) * 1000)

    if exit_when_ready():
        # usable = the staff list is read and the login button enabled, not just drawn
        shell.login.sig_ready.connect(lambda: QTimer.singleShot(0, lambda: ready(shell)))
    else:
        # devices open ports and start threads: after the login window is on screen
        QTimer.singleShot(0, lambda: _attach_devices(shell))
    code = app.exec()
    shell.shutdown()
    shell.hide()
    shell.deleteLater()
    return int(code)
