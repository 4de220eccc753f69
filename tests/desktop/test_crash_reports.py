"""Issue 15.3: the kiosk's exit key works, and a crash file is worth sending to support.

The documented Ctrl+Shift+Q raised "native Qt signal instance … is not callable"; the
crash file then held that one line. A crash file now carries the whole traceback (or,
when Qt hands none over, the Python stack where it was reported), the version and the
platform, with personal data masked.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer

from desktop import crash


@pytest.fixture
def crash_dir(tmp_path):
    saved = sys.excepthook
    crash.install(tmp_path, show_dialog=False)
    yield tmp_path / "crashes"
    sys.excepthook = saved
    crash.set_version("")


def only_file(folder):
    files = sorted(folder.glob("crash-*.txt"))
    assert len(files) == 1, files
    return files[0].read_text("utf-8")


def _explode_in_a_slot() -> None:
    def deeper_function_name() -> None:
        raise ValueError("身份证 110105194912310029 不对")

    deeper_function_name()


@pytest.mark.qt_no_exception_capture
def test_a_slot_exception_leaves_the_whole_traceback(qtbot, crash_dir):
    crash.set_version("9.8.7")
    QTimer.singleShot(0, _explode_in_a_slot)
    qtbot.waitUntil(lambda: crash_dir.exists() and any(crash_dir.glob("crash-*")),
                    timeout=3000)
    text = only_file(crash_dir)
    assert "Traceback (most recent call last)" in text
    assert "deeper_function_name" in text and "_explode_in_a_slot" in text
    assert "9.8.7" in text
    assert "PySide6" in text and "Python" in text
    assert "110105194912310029" not in text and "1101**********0029" in text


def test_an_exception_qt_gives_without_traceback_still_says_where(crash_dir):
    crash.handle(TypeError, TypeError("native Qt signal instance is not callable"), None)
    text = only_file(crash_dir)
    assert "TypeError: native Qt signal instance is not callable" in text
    assert text.count("\n") > 5
    assert "test_an_exception_qt_gives_without_traceback_still_says_where" in text


def test_version_defaults_to_the_installed_package(crash_dir):
    crash.handle(RuntimeError, RuntimeError("x"), None)
    text = only_file(crash_dir)
    assert "version:" in text and "version: unknown" not in text
