"""Several server workers on one database (issue 16): `yichuang server --workers 2` on
SQLite and on PostgreSQL, terminals pushing and pulling at once through a link that cuts
requests and answers. Whichever worker takes a request, no event is lost or doubled and
no pull's cursor skips a row another worker commits late (the commit-order cursor is the
database's lock, not a process's). A long poll parked on one server process is woken by
a commit made through another."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
import requests

from domain import events as ev
from sync import wire
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support import proxy as px
from tests.support.converge import assert_converged, sync_all
from tests.support.servers import ServerProcess, enrol_code, setup_hall
from tests.support.terminal import Term, token_of

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


@pytest.fixture
def two_workers(db_url, tmp_path):
    setup_hall(db_url)
    srv = ServerProcess(db_url, log_dir=tmp_path, args=["--workers", "2"]).start()
    yield db_url, srv
    srv.stop()


def _point(d, url: str) -> None:
    with Replica.in_dir(d) as r:
        r.set_meta("server_url", url)


def _workers_answering(srv: ServerProcess) -> set[int]:
    """The boots the server's workers recorded (one per worker process start)."""
    import sqlalchemy as sa

    from server import db

    database = db.Database(srv.db_url)
    try:
        with database.reader() as conn:
            return set(conn.execute(sa.select(db.boots.c.id)).scalars())
    finally:
        database.dispose()


def _both_started(srv: ServerProcess) -> None:
    """Both workers started (a boot each): the server answers once the first is up, the
    second may take a few seconds more on a loaded machine."""
    deadline = time.monotonic() + 60
    while len(_workers_answering(srv)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(_workers_answering(srv)) == 2


def test_two_workers_lose_and_double_nothing_under_cuts(two_workers, tmp_path):
    url, srv = two_workers
    _both_started(srv)
    faults = itertools.cycle([px.PASS, px.CUT_RESPONSE, px.PASS, px.CUT_REQUEST, px.PASS,
                              px.ERROR_503, px.PASS, px.PASS])
    lock = threading.Lock()

    def plan(_n: int) -> str:
        with lock:
            return next(faults)

    proxy = px.FaultyProxy(srv.port, plan=plan).start()
    terms = [Term(tmp_path / f"t{i}", srv.url, enrol_code(url)) for i in range(4)]
    shared = terms[0].open_case()
    sync_all([t.dir for t in terms], rounds=2)
    for t in terms:
        _point(t.dir, proxy.url)
    errors: list[BaseException] = []

    def busy(t: Term, i: int) -> None:
        try:
            for k in range(6):
                cid = t.open_case()
                t.step(cid, ev.ACCEPTED)
                if k == i:
                    t.step(shared, ev.RATED, {"level": 5 - i % 2, "channel": "pad"})
                for _ in range(20):  # pushes and pulls of all four at once
                    out = sync_once(t.dir)
                    if out["ok"] and out["pending"] == 0:
                        break
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=busy, args=(t, i)) for i, t in enumerate(terms)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(240)
    proxy.stop()
    assert not errors, errors
    assert px.CUT_RESPONSE in proxy.faults and px.CUT_REQUEST in proxy.faults
    for t in terms:
        _point(t.dir, srv.url)
    sync_all([t.dir for t in terms])
    n = assert_converged(url, [t.dir for t in terms])
    assert n >= 4 * 6 * 2 + 1


def test_a_pull_never_skips_what_another_worker_commits_late(two_workers, tmp_path):
    """One terminal pulls in a tight loop while three push through the other worker:
    its cursor must not pass a seq whose row commits after it (it would never see it)."""
    url, srv = two_workers
    reader = Term(tmp_path / "reader", srv.url, enrol_code(url))
    writers = [Term(tmp_path / f"w{i}", srv.url, enrol_code(url)) for i in range(3)]
    stop = threading.Event()

    def write(t: Term) -> None:
        while not stop.is_set():
            t.open_case()
            sync_once(t.dir)

    threads = [threading.Thread(target=write, args=(t,)) for t in writers]
    for th in threads:
        th.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        sync_once(reader.dir)
    stop.set()
    for th in threads:
        th.join(60)
    sync_all([t.dir for t in writers])
    sync_once(reader.dir)  # one more pull: only what came after its last cursor
    assert_converged(url, [reader.dir, *[t.dir for t in writers]])


def test_a_long_poll_on_one_process_wakes_for_a_commit_through_another(db_url, tmp_path):
    """Two server processes on one database, as two workers are: a terminal parked on
    one hears of a push made through the other at once (the watcher reads the hall
    marks), not after its own timeout."""
    setup_hall(db_url)
    a = ServerProcess(db_url, log_dir=tmp_path).start()
    b = ServerProcess(db_url, log_dir=tmp_path).start()
    try:
        display = Term(tmp_path / "display", a.url, enrol_code(db_url))
        counter = Term(tmp_path / "counter", a.url, enrol_code(db_url))
        with Replica.in_dir(display.dir) as r:
            cursor = int(r.get_meta("cursor") or 0)
        waits = []
        for _ in range(3):
            got: dict = {}

            def park(c: int = cursor, out: dict = got) -> None:
                out["answer"] = requests.get(
                    b.url + "/api/v1/sync/wait", params={"cursor": c, "timeout": 20},
                    headers={**H, "Authorization": f"Bearer {token_of(display.dir)}"},
                    timeout=30).json()
                out["at"] = time.monotonic()

            th = threading.Thread(target=park)
            th.start()
            time.sleep(1.0)  # parked on b by now
            counter.open_case()
            pushed = time.monotonic()
            sync_once(counter.dir)  # through a
            th.join(30)
            assert got["answer"]["changed"] is True
            waits.append(got["at"] - pushed)
            cursor = got["answer"]["cursor"]
        # woken within a second of the push, not after the 20 s timeout
        assert max(waits) < 3.0, waits
    finally:
        a.stop()
        b.stop()
