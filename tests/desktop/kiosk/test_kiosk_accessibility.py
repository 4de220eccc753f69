"""Issue 15.14 at the kiosk: every touch control has a name a screen reader can say."""

from __future__ import annotations

import pytest

from tests.desktop.test_accessibility import unnamed


@pytest.mark.parametrize("page", ["start", "services", "search", "identify", "phone",
                                  "progress", "admin"])
def test_kiosk_controls_have_names(kiosk, page):
    w = kiosk.window
    kiosk.flow.go(page)
    if page == "identify":
        w.pages["identify"].show_keypad(True)
    assert unnamed(w) == []
