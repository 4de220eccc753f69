"""The paged, resumable snapshot (issue 16): a new terminal's first download comes a page
at a time; a link cut every few pages, and the terminal killed in the middle, only
cost the page under way — it never starts over — and it ends with exactly what the
server holds for the hall, then pulls from the snapshot's cursor."""

from __future__ import annotations

import itertools
import subprocess
import sys

import requests

from sync import apply
from sync.client import Offline, SyncClient
from sync.client_cli import sync_once
from sync.enrol import enrol
from sync.replica import Replica
from tests.support import proxy as px
from tests.support.converge import assert_converged
from tests.support.servers import ROOT, enrol_code
from tests.support.terminal import Term


def _hall_with_cases(server, hall_db, tmp_path, n: int = 40) -> Term:
    t = Term(tmp_path / "busy", server.url, enrol_code(hall_db))
    for _ in range(n):
        cid = t.open_case()
        t.step(cid, "accepted")
    assert sync_once(t.dir)["ok"]
    return t


def _point(d, url: str) -> None:
    with Replica.in_dir(d) as r:
        r.set_meta("server_url", url)


def test_cut_every_few_pages_the_download_goes_on_where_it_was(server, hall_db, tmp_path):
    busy = _hall_with_cases(server, hall_db, tmp_path)
    # every third page's answer is cut (a connection per request: see the session below)
    plan = itertools.cycle([px.PASS, px.PASS, px.CUT_RESPONSE])
    proxy = px.FaultyProxy(server.port, plan=lambda _n: next(plan)).start()
    new = tmp_path / "new"
    try:
        enrol(new, server.url, enrol_code(hall_db))
        _point(new, proxy.url)
        seen: list[tuple[int, int]] = []
        cuts = 0
        for _ in range(60):
            session = requests.Session()
            session.headers["Connection"] = "close"
            client = SyncClient(new, session=session)
            client.snapshot_page = 4  # ~40 cases and their notices: a dozen pages
            client.progress = lambda done, total: seen.append((done, total))
            try:
                client.pull()
                break
            except Offline:
                cuts += 1
            finally:
                client.close()
        else:
            raise AssertionError("the snapshot never finished")
    finally:
        proxy.stop()
    assert cuts >= 3, "the link was meant to cut several pages"
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(done) == len(set(done)), \
        f"a page was applied twice or the download started over: {done}"
    assert seen[-1][0] == seen[-1][1] >= 40
    with Replica.in_dir(new) as r:
        assert r.get_meta(apply.SNAP_TOP) is None and r.get_meta("cursor") is not None
    _point(new, server.url)
    sync_once(busy.dir)
    sync_once(new)
    assert_converged(hall_db, [busy.dir, new])


_SLOW_BOOTSTRAP = """
import sys, time
from sync.client import SyncClient
client = SyncClient(sys.argv[1])
client.snapshot_page = 2
client.progress = lambda done, total: (print(done, total, flush=True), time.sleep(0.3))
client.pull()
"""


def test_a_terminal_killed_in_the_middle_goes_on_after_its_restart(server, hall_db,
                                                                   tmp_path):
    busy = _hall_with_cases(server, hall_db, tmp_path, n=20)
    new = tmp_path / "new"
    enrol(new, server.url, enrol_code(hall_db))
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_BOOTSTRAP, str(new)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    lines = [proc.stdout.readline() for _ in range(3)]  # three pages in, then …
    proc.kill()  # … SIGKILL, as a power cut would
    proc.wait(10)
    killed_at = int(lines[-1].split()[0])
    with Replica.in_dir(new) as r:
        assert r.get_meta("cursor") is None  # not finished …
        assert int(r.get_meta(apply.SNAP_DONE) or 0) >= killed_at - 2  # … but kept its place
    seen: list[int] = []
    client = SyncClient(new)
    client.snapshot_page = 2
    client.progress = lambda done, _total: seen.append(done)
    try:
        client.pull()
    finally:
        client.close()
    assert seen and seen[0] > killed_at - 2, "it started over instead of going on"
    sync_once(busy.dir)
    sync_once(new)
    assert_converged(hall_db, [busy.dir, new])


def test_a_protocol_1_client_is_told_to_upgrade_not_given_one_page(server, hall_db):
    from sync import wire

    term_code = enrol_code(hall_db)
    got = requests.post(server.url + "/api/v1/enrol", json={"code": term_code}, timeout=10,
                        headers={wire.PROTOCOL_HEADER: "1"}).json()
    old = requests.get(server.url + "/api/v1/sync/snapshot", timeout=10, headers={
        wire.PROTOCOL_HEADER: "1", "Authorization": f"Bearer {got['token']}"})
    assert old.status_code == 426 and "升级" in old.json()["detail"]
