"""Three terminals offline for a simulated week on shared cases, then reconnecting;
a counter/back-office clash ends in one deterministic state plus a notice."""

from __future__ import annotations

import datetime as dt

from bench.workload import write_week
from domain import events as ev
from sync import wire
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support.converge import assert_converged, sync_all
from tests.support.servers import backoffice_decide
from tests.support.terminal import Term

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


def test_week_offline_three_terminals_converge(server, hall_db, code_for, tmp_path):
    terms = [Term(tmp_path / f"t{i}", server.url, code_for()) for i in range(3)]
    shared = []
    for _ in range(12):
        cid = terms[0].open_case()
        terms[0].step(cid, ev.ACCEPTED)
        terms[0].step(cid, ev.SUBMITTED_FOR_REVIEW)
        shared.append(cid)
    sync_all([t.dir for t in terms], rounds=1)
    # the link goes down: a week of work at three counters on their own cases and the
    # shared ones, while the back office keeps deciding online
    for i, t in enumerate(terms):
        with Replica.in_dir(t.dir) as r:
            write_week(r, 150, seed=i, shared=shared,
                       start=dt.datetime(2026, 3, 2, 9, tzinfo=ev.CHINA_TZ)
                       + dt.timedelta(hours=i))
    clash = shared[0]
    decided = backoffice_decide(server, clash, "approve")
    assert decided.status_code == 200
    # meanwhile, offline, a counter withdrew the same case
    if terms[1].state(clash) in ("accepted", "in_review", "registered"):
        terms[1].step(clash, ev.WITHDRAWN, {"reason": "申请人撤回"})
    for t in reversed(terms):  # reconnect in any order
        assert sync_once(t.dir)["ok"]
    sync_all([t.dir for t in terms])
    n = assert_converged(hall_db, [t.dir for t in terms])
    assert n >= 3 * 150 + 36
    states = {t.state(clash) for t in terms}
    assert states == {"approved"}
    for t in terms:
        with Replica.in_dir(t.dir) as r:
            notes = r.conn.execute("SELECT text FROM notices WHERE case_id=?",
                                   (clash,)).fetchall()
            assert notes and "冲突" in notes[0][0]
