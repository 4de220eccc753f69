"""The crash handler: an unexpected exception is logged, written to a file, and shown.

A clerk with a citizen in front of them must be told something went wrong and that the
work already saved is safe; the support desk needs the file. Exceptions in worker
threads reach the same place (threading.excepthook). The dialog is shown on the GUI
thread only; a crash while no QApplication exists is logged and written, nothing more.

A crash file says what support needs without a second call: when, which version (set
by the packaging with `set_version`, else the installed package's), Python, Qt and the
OS, the thread, and the whole traceback. An error Qt raises from C++ (a bad connection,
a slot called with the wrong arguments) reaches us with no traceback at all, so the
Python stack where it was reported is written instead.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
import platform
import sys
import threading
import traceback
from types import TracebackType

from desktop.logging_setup import mask_text
from domain.version import VERSION

log = logging.getLogger(__name__)

_crash_dir: pathlib.Path | None = None
_show_dialog = True
_version = ""


def set_version(version: str) -> None:
    """The version every crash file names (the packaging calls this at start-up)."""
    global _version
    _version = version


def version() -> str:
    """The version set by `set_version`, else the installed package's, else "unknown"."""
    if _version:
        return _version
    try:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as package_version

        return package_version("yichuang")
    except (ImportError, PackageNotFoundError):
        return "unknown"


def _qt_version() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        return f"PySide6 {PySide6.__version__}, Qt {qVersion()}"
    except ImportError:
        return "PySide6 not loaded"


def report(exc_type: type[BaseException], exc: BaseException,
           tb: TracebackType | None) -> str:
    """The crash file's text: a header for support, then the traceback."""
    header = [
        f"time: {dt.datetime.now().isoformat(timespec='seconds')}",
        f"version: {version()}",
        f"Python {platform.python_version()} ({sys.executable})",
        _qt_version(),
        f"platform: {platform.platform()}",
        f"thread: {threading.current_thread().name}",
        "",
    ]
    tb = tb or exc.__traceback__
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    if tb is None:  # raised inside Qt: say at least where Python was when it came back
        stack = traceback.format_stack()[:-2]  # without report() and handle()
        body = ("Traceback: none (raised inside Qt); Python stack when reported:\n"
                + "".join(stack) + body)
    return "\n".join(header) + body


def write_crash_file(text: str) -> pathlib.Path | None:
    """crash-YYYYmmdd-HHMMSS.txt in the data folder, personal data masked."""
    if _crash_dir is None:
        return None
    from sync.private import private_dir, private_file

    private_dir(_crash_dir, ours=False)
    path = private_file(_crash_dir / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.txt")
    path.write_text(f"yichuang {VERSION}\n" + mask_text(text), "utf-8")
    return path


def handle(exc_type: type[BaseException], exc: BaseException,
           tb: TracebackType | None) -> None:
    """sys.excepthook: log, write the file, tell the clerk."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    text = report(exc_type, exc, tb)
    log.error("unexpected error\n%s", text)
    path = write_crash_file(text)
    if _show_dialog:
        _dialog(path)


def _dialog(path: pathlib.Path | None) -> None:
    from PySide6.QtCore import QCoreApplication, QThread
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    text = QCoreApplication.translate(
        "crash", "程序发生了意外错误。已保存的办件不受影响。\n请把错误报告文件交给技术支持：\n{path}")
    title = QCoreApplication.translate("crash", "意外错误")
    QMessageBox.critical(None, title, text.format(path=path or "-"))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is not None and args.exc_value is not None:
        handle(args.exc_type, args.exc_value, args.exc_traceback)


def install(data_dir: pathlib.Path | str, *, show_dialog: bool = True) -> None:
    """Route uncaught exceptions of every thread here."""
    global _crash_dir, _show_dialog
    _crash_dir = pathlib.Path(data_dir) / "crashes"
    _show_dialog = show_dialog
    sys.excepthook = handle
    threading.excepthook = _thread_hook
