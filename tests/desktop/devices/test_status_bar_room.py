"""Issue 15.5: a long message never pushes the device lights off the status bar."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication

from sync.status import SyncStatus


@pytest.fixture
def styled(qapp):
    from desktop.app import load_fonts, load_style

    load_fonts()
    before = qapp.styleSheet()
    qapp.setStyleSheet(load_style("counter"))
    yield
    qapp.setStyleSheet(before)


def test_long_message_leaves_the_lights_on_screen(qtbot, counter, styled):
    counter.resize(1366, 768)
    counter.show()
    # a busy day: enrolled, offline, work waiting, a clock warning
    qtbot.wait(20)  # the controller starts on the first turn of the event loop
    counter.sync_controller.stop()  # its standalone report must not overwrite ours
    counter.sync_controller.sig_status_changed.disconnect(counter.sync_slot.set_status)
    counter.sync_slot.set_status(SyncStatus(
        mode="enrolled", online=False, pending=803, oldest_pending_age_s=19.9 * 86400,
        last_success="2026-11-03T09:12:00", clock_skew_s=900, unseen_notices=2))
    counter.show_message("读卡失败：请把身份证拿起来再平放到读卡区上，" * 8, "error")
    qtbot.wait(50)  # the layout settles on the next turn of the event loop
    QApplication.processEvents()
    bar = counter.statusBar()
    assert counter.width() == 1366
    for light in counter.devices.lights.lights.values():
        right = light.mapTo(counter, light.rect().topRight()).x()
        assert light.isVisible() and right <= bar.width(), light.text()
        assert light.width() >= light.sizeHint().width(), light.text()  # not squeezed
    sync = counter.sync_slot
    assert "803" in sync.pending.text() and "11-03 09:12" in sync.last.text()
    for fixed in (counter.terminal_label, counter.clock_label, sync.pending, sync.last,
                  sync.state):
        assert fixed.mapTo(counter, fixed.rect().topRight()).x() <= bar.width()
        assert fixed.width() >= fixed.sizeHint().width(), fixed.text()
    out = os.environ.get("YC_SCREENSHOTS")
    if out:
        counter.grab().save(os.path.join(out, "status-bar-busy.png"))
