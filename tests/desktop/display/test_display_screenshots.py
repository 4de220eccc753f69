"""`yichuang demo --face display --screenshot DIR`: every state, at the panel's size."""

from __future__ import annotations

from PySide6.QtGui import QImage


def test_screenshots_cover_both_orientations_and_a_new_call(qtbot, tmp_path):
    from desktop.display.screenshots import save_screenshots

    assert save_screenshots(None, tmp_path) == 5
    sizes = {p.stem: (QImage(str(p)).width(), QImage(str(p)).height())
             for p in tmp_path.glob("*.png")}
    assert sizes == {"display-landscape": (1920, 1080), "display-portrait": (1080, 1920),
                     "display-small": (1366, 768), "display-landscape-new-call": (1920, 1080),
                     "display-portrait-new-call": (1080, 1920)}
