"""The sync status widget and the first-run dialog (pytest-qt, offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.sync_status import SyncController, SyncStatusWidget
from sync.status import SyncStatus


def test_widget_shows_what_waits_and_warns_about_the_clock(qtbot):
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    w.set_status(SyncStatus(mode="enrolled", online=False, pending=12,
                            oldest_pending_age_s=7200, last_success="2026-03-02T09:00:00+08:00",
                            clock_skew_s=3600, unseen_notices=2))
    assert w.state.text() == "离线"
    assert "12" in w.pending.text() and "2.0小时" in w.pending.text()
    assert "60" in w.warning.text() and "2" in w.warning.text()
    assert w.button.isEnabled()
    w.set_status(SyncStatus())
    assert w.state.text() == "单机模式" and not w.button.isEnabled()


def test_widget_shows_the_first_downloads_progress(qtbot):
    """Issue 16: a new terminal joining a big hall downloads it page by page; the
    status bar says how far it got, and the ordinary states once it is done."""
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    w.set_status(SyncStatus(mode="enrolled", online=True, syncing=True,
                            bootstrap_done=21500, bootstrap_total=52919))
    assert w.state.text() == "正在下载大厅数据 40%"
    w.set_status(SyncStatus(mode="enrolled", online=True))
    assert w.state.text() == "在线"


def test_controller_reports_standalone_from_its_thread(qtbot, tmp_path):
    from sync.enrol import standalone

    standalone(tmp_path)
    ctl = SyncController(tmp_path, interval=0.1)
    w = SyncStatusWidget(ctl)
    qtbot.addWidget(w)
    with qtbot.waitSignal(ctl.sig_status_changed, timeout=5000):
        ctl.start()
    ctl.stop()
    assert w.state.text() == "单机模式"
