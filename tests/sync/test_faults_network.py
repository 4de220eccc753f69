"""Faults with real processes on loopback: a proxy that cuts, delays and fails; the server
killed mid-push; the client SIGKILLed mid-push. Afterwards every event exists exactly
once on the server and on every terminal, and all show the same case states."""

from __future__ import annotations

import datetime as dt
import itertools
import signal
import subprocess
import sys
import time

import pytest

from domain import events as ev
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support import proxy as px
from tests.support.converge import assert_converged, sync_all
from tests.support.servers import ROOT, ServerProcess, enrol_code, setup_hall
from tests.support.terminal import Term


@pytest.fixture
def hall(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    setup_hall(url)
    srv = ServerProcess(url, log_dir=tmp_path).start()
    yield url, srv
    srv.stop()


def _point(d, url: str) -> None:
    with Replica.in_dir(d) as r:
        r.set_meta("server_url", url)


def _busy_day(t: Term, n_cases: int) -> list[str]:
    ids = []
    for _ in range(n_cases):
        cid = t.open_case()
        t.step(cid, ev.ACCEPTED)
        ids.append(cid)
    return ids


def _sync_until_ok(d, tries: int = 40) -> dict:
    out = {}
    for _ in range(tries):
        out = sync_once(d)
        if out["ok"] and out["pending"] == 0:
            return out
    raise AssertionError(f"never synced: {out}")


def test_cut_requests_lost_answers_503_and_delays(hall, tmp_path):
    url, srv = hall
    faults = itertools.cycle([px.CUT_REQUEST, px.PASS, px.CUT_RESPONSE, px.ERROR_503,
                              px.CUT_RESPONSE, px.DOWN, px.PASS])
    proxy = px.FaultyProxy(srv.port, plan=lambda n: next(faults), delay_s=0.01).start()
    try:
        terms = [Term(tmp_path / f"t{i}", srv.url, enrol_code(url)) for i in range(2)]
        shared = _busy_day(terms[0], 5)
        sync_once(terms[0].dir)
        sync_once(terms[1].dir)
        for t in terms:
            _point(t.dir, proxy.url)
        for i, t in enumerate(terms):
            _busy_day(t, 10)
            t.step(shared[i], ev.SUBMITTED_FOR_REVIEW)  # both act on shared cases
            t.step(shared[2], ev.RATED, {"level": 4 + i, "channel": "pad"})
        for t in terms:
            _sync_until_ok(t.dir)
        assert px.CUT_RESPONSE in proxy.faults and px.CUT_REQUEST in proxy.faults
    finally:
        proxy.stop()
    for t in terms:
        _point(t.dir, srv.url)
    sync_all([t.dir for t in terms])
    # … + the server's conflict notice: two ratings of one service (the second is a clash)
    assert assert_converged(url, [t.dir for t in terms]) == 2 * 5 + 2 * 20 + 4 + 1


def _write_many(d, n: int) -> None:
    from bench.workload import write_week

    with Replica.in_dir(d) as r:
        write_week(r, n, seed=n)


def _sync_process(d) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", "sync", "--data-dir", str(d),
                             "--once"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def test_server_killed_and_restarted_mid_push(hall, tmp_path):
    url, srv = hall
    proxy = px.FaultyProxy(srv.port, delay_s=0.05).start()  # stretch the push over ~1 s
    try:
        a = Term(tmp_path / "a", srv.url, enrol_code(url))
        b = Term(tmp_path / "b", srv.url, enrol_code(url))
        _write_many(a.dir, 3000)
        _point(a.dir, proxy.url)
        p = _sync_process(a.dir)
        time.sleep(0.6)
        srv.kill()
        p.wait(60)
        srv.start()
        _sync_until_ok(a.dir)
    finally:
        proxy.stop()
    _point(a.dir, srv.url)
    sync_all([a.dir, b.dir])
    assert assert_converged(url, [a.dir, b.dir]) >= 3000


def test_client_sigkilled_mid_push(hall, tmp_path):
    url, srv = hall
    proxy = px.FaultyProxy(srv.port, delay_s=0.05).start()
    try:
        a = Term(tmp_path / "a", srv.url, enrol_code(url))
        b = Term(tmp_path / "b", srv.url, enrol_code(url))
        _write_many(a.dir, 3000)
        _point(a.dir, proxy.url)
        for delay in (0.3, 0.8, 1.5):  # before, during and after the server's commit
            p = _sync_process(a.dir)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait(10)
        _sync_until_ok(a.dir)
    finally:
        proxy.stop()
    _point(a.dir, srv.url)
    sync_all([a.dir, b.dir])
    assert assert_converged(url, [a.dir, b.dir]) >= 3000


def test_clocks_an_hour_apart_change_nothing(hall, tmp_path):
    url, srv = hall
    a = Term(tmp_path / "a", srv.url, enrol_code(url))
    b = Term(tmp_path / "b", srv.url, enrol_code(url), clock_offset=dt.timedelta(hours=1))
    cid = a.open_case()
    sync_once(a.dir)
    sync_once(b.dir)
    # b (an hour ahead) accepts first in server order, a's later accept is the conflict
    b.step(cid, ev.ACCEPTED)
    sync_once(b.dir)
    a.step(cid, ev.ACCEPTED)
    out = sync_once(a.dir)
    assert out["new_conflicts"] == 1
    sync_all([a.dir, b.dir])
    assert_converged(url, [a.dir, b.dir])
    assert a.state(cid) == b.state(cid) == "accepted"


def test_clock_skew_is_measured_from_the_date_header(hall, tmp_path, monkeypatch):
    url, srv = hall
    Term(tmp_path / "a", srv.url, enrol_code(url))
    from sync import client as client_mod

    real = time.time
    monkeypatch.setattr(client_mod.time, "time", lambda: real() - 3600)
    c = client_mod.SyncClient(tmp_path / "a")
    try:
        c.sync_round()
        st = c.status(online=True)
        assert st.skew_warning and 3590 < st.clock_skew_s < 3610
    finally:
        c.close()
