"""Restored backups, re-enrolment without losing pending events, and the locks."""

from __future__ import annotations

import shutil

import pytest

from domain import events as ev
from sync.client_cli import sync_once
from sync.enrol import enrol, needs_first_run, standalone
from sync.lock import LockBusy, instance_lock, sync_lock
from sync.replica import Replica
from tests.support.converge import assert_converged, sync_all
from tests.support.terminal import Term


def test_restored_backup_is_refused_then_reenrols_without_loss(server, hall_db, code_for,
                                                                tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    cid = a.open_case()
    sync_once(a.dir)
    backup = tmp_path / "backup"
    shutil.copytree(a.dir, backup)  # yesterday's backup
    a.step(cid, ev.ACCEPTED)
    a.open_case()
    assert sync_once(a.dir)["ok"]
    # the PC dies; the backup is restored and the clerk goes on working
    shutil.rmtree(a.dir)
    shutil.copytree(backup, a.dir)
    a.step(cid, ev.WITHDRAWN, {"reason": "撤回"})
    a.open_case()
    out = sync_once(a.dir)
    assert not out["ok"] and "备份" in out["error"] and out["pending"] == 2
    got = enrol(a.dir, server.url, code_for())
    assert got.restamped == 2
    out = sync_once(a.dir)
    assert out["ok"] and out["pending"] == 0
    b = Term(tmp_path / "b", server.url, code_for())
    sync_all([a.dir, b.dir])
    assert_converged(hall_db, [a.dir, b.dir])
    # the original's accept came first in server order; the restored withdrawal followed it
    assert a.state(cid) == b.state(cid) == "withdrawn"


def test_one_sync_and_one_app_per_data_folder(tmp_path):
    with instance_lock(tmp_path), pytest.raises(LockBusy):
        instance_lock(tmp_path).acquire()
    instance_lock(tmp_path).acquire().release()
    lock = sync_lock(tmp_path).acquire()
    out = None
    try:
        with pytest.raises(LockBusy):
            sync_lock(tmp_path).acquire(timeout=0.1)
    finally:
        lock.release()
    assert out is None


def test_first_run_standalone(tmp_path):
    assert needs_first_run(tmp_path)
    standalone(tmp_path)
    assert not needs_first_run(tmp_path)
    with Replica.in_dir(tmp_path) as r:
        assert r.get_meta("mode") == "standalone"
    out = sync_once(tmp_path)
    assert not out["ok"] and "注册" in out["error"]


def test_worker_syncs_at_start_and_after_a_write(server, code_for, tmp_path):
    import threading

    from sync.worker import SyncWorker, backoff_delay

    a = Term(tmp_path / "a", server.url, code_for())
    seen = []
    got = threading.Event()

    def on_status(s):
        seen.append(s)
        if s.online and s.pending == 0 and s.cursor:
            got.set()

    w = SyncWorker(a.dir, on_status, interval=0.2)
    w.start()
    try:
        assert got.wait(10)
        got.clear()
        a.open_case()
        w.wake()
        assert got.wait(10)
    finally:
        w.stop()
    assert seen[-1].last_success
    assert all(0 <= backoff_delay(n) <= min(300, 2 * 2**n) for n in range(12))
