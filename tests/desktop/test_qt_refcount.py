"""Guard against a Qt binding that leaks or over-releases Python references per repaint.

PySide6 6.12.0 under Python 3.11 released a reference to None on every repaint; a
counter or kiosk left running all day aborted with "none_dealloc". pyproject.toml
excludes that release; this test fails on any binding that does it again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_repaint_keeps_reference_counts_of_none(qtbot) -> None:
    label = QLabel("一窗")
    qtbot.addWidget(label)
    label.show()
    before = sys.getrefcount(None)
    for _ in range(300):
        label.repaint()
    after = sys.getrefcount(None)
    # ordinary interpreter noise is a handful either way; the bug was -600 here
    assert after - before > -50
