"""A face that only reads (the hall display, the kiosk's waiting counts) gets its first
answer at once: readers wait for the writer's migrations, so the writer must start
with the runner, not with the first write (it used to stall the first read 30 s)."""

from __future__ import annotations

import time


def test_a_read_before_any_write_is_answered_at_once(qtbot, tmp_path):
    from desktop.tasks import TaskRunner
    from sync.replica import DB_NAME

    runner = TaskRunner(tmp_path / DB_NAME)
    try:
        t0 = time.monotonic()
        with qtbot.waitSignal(runner.sig_busy_changed, timeout=20000,
                              check_params_cb=lambda busy: busy is False):
            runner.read(lambda r: r.conn.execute("PRAGMA user_version").fetchone()[0])
        assert time.monotonic() - t0 < 10  # not the 30 s the reader used to wait
    finally:
        runner.shutdown()
