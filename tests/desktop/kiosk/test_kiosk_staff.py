"""The kiosk as staff and citizens live with it (issue 15): keys, touch, time, progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_ctrl_shift_q_opens_the_pin_page(qtbot, kiosk):
    w = kiosk.window
    assert w.current.key == "start"
    QTest.keyClick(w, Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.current.key == "admin"
