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


def test_a_controller_deleted_without_stop_ends_its_rounds_quietly(qtbot, tmp_path):
    """A window closed without stopping its sync: the controller goes with its parent,
    a round in flight reports to nobody without an exception in the sync thread, and
    no round starts after it."""
    import threading

    import shiboken6
    from PySide6.QtCore import QObject

    from sync.enrol import standalone

    standalone(tmp_path)
    parent = QObject()
    ctl = SyncController(tmp_path, parent, interval=0.05)
    worker = ctl._worker
    with qtbot.waitSignal(ctl.sig_status_changed, timeout=5000):
        ctl.start()
    shiboken6.delete(parent)  # as a closed window takes its children with it
    assert not shiboken6.isValid(ctl)
    worker._thread.join(5)
    assert not worker._thread.is_alive()  # halted: no round after the deletion
    errors: list[BaseException] = []

    def late_round() -> None:  # the status of a round that was in flight
        try:
            worker.on_status(SyncStatus())
        except BaseException as exc:  # what the thread would have died of
            errors.append(exc)

    t = threading.Thread(target=late_round)
    t.start()
    t.join(5)
    assert errors == []
