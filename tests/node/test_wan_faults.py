"""The long WAN faults (`make faults`): a node SIGKILLed mid-forward and restarted, the city
SIGKILLed and restarted mid-forward, a township offline for a simulated week.

Each ends the same way: the city holds every event of the hall exactly once, with its
original terminal id and sequence, and the city, the node and every terminal fold the
same states.
"""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from bench.workload import write_week
from domain import events as ev
from server import db
from sync.replica import Replica
from tests.support.converge import assert_converged
from tests.support.hall_rig import TOWNSHIP, stats, wait_for

pytestmark = pytest.mark.slow


def _ids(db_url: str, pending_only: bool = False) -> set[str]:
    database = db.Database(db_url)
    e = db.events
    try:
        with database.reader() as conn:
            q = sa.select(e.c.id).where(e.c.hall_code == TOWNSHIP)
            if pending_only:
                q = q.where(e.c.up_seq.is_(None), e.c.up_verdict.is_(None))
            return {r[0] for r in conn.execute(q)}
    finally:
        database.dispose()


def _exactly_once(rig) -> int:
    dirs = [t.dir for t in rig.terms]
    n = assert_converged(rig.city_db, dirs, TOWNSHIP)
    assert assert_converged(rig.node_db, dirs, TOWNSHIP) == n
    database = db.Database(rig.city_db)
    try:
        with database.reader() as conn:
            pairs = conn.execute(sa.select(sa.func.count(sa.distinct(
                db.events.c.terminal_id + ":" + sa.cast(db.events.c.terminal_seq, sa.String))))
                .where(db.events.c.hall_code == TOWNSHIP)).scalar_one()
    finally:
        database.dispose()
    assert pairs == n
    return n


def _backlog(rig, n_terms: int, each: int, shared: list[str] | None = None) -> None:
    """A week of work at each terminal, synced to the node over the LAN."""
    start = dt.datetime(2026, 3, 2, 9, tzinfo=ev.CHINA_TZ)
    for i in range(n_terms):
        t = rig.terminal(f"t{i}")
        with Replica.in_dir(t.dir) as r:
            write_week(r, each, seed=i, shared=shared, start=start + dt.timedelta(hours=i))
        assert rig.sync(t)["ok"]


def test_node_sigkilled_mid_forward_and_restarted(wan_rig):
    rig = wan_rig
    rig.wan.cut()
    _backlog(rig, 3, 1000)
    assert stats(rig.node_db)["upstream_pending"] == 3000
    rig.wan.restore()
    already = set()
    for _ in range(3):  # each time the city has committed a batch the node may not know of
        before = len(_ids(rig.city_db))
        if before >= 3000:
            break
        wait_for(lambda b=before: len(_ids(rig.city_db)) > b, 120, "a batch at the city")
        rig.node.kill()
        already |= _ids(rig.city_db) & _ids(rig.node_db, pending_only=True)
        rig.node.start()
    assert already, "no kill fell between the city's commit and the node's record"
    rig.wait_forwarded(timeout=180)
    rig.sync_all()
    assert _exactly_once(rig) >= 3000


def test_city_sigkilled_and_restarted_mid_forward(wan_rig):
    rig = wan_rig
    rig.wan.cut()
    _backlog(rig, 2, 1000)
    rig.wan.restore()
    wait_for(lambda: len(_ids(rig.city_db)) > 0, 120, "the first batch at the city")
    rig.city.kill()
    assert stats(rig.node_db)["upstream_pending"] > 0
    rig.city.start()
    rig.wait_forwarded(timeout=180)
    rig.sync_all()
    assert _exactly_once(rig) >= 2000


def test_a_township_offline_for_a_week(wan_rig):
    """Six windows, a week's backlog (3,000 events) on shared cases, while the back office
    keeps deciding at the city; one deterministic state everywhere afterwards."""
    rig = wan_rig
    first = rig.terminal("t-pre")
    shared = []
    for _ in range(12):
        cid = first.open_case()
        first.step(cid, ev.ACCEPTED)
        first.step(cid, ev.SUBMITTED_FOR_REVIEW)
        shared.append(cid)
    rig.sync(first)
    rig.wait_forwarded()
    rig.wan.cut()
    _backlog(rig, 6, 500, shared=shared)
    decided = [c for c in shared[:6] if rig.decide(c, "approve").status_code == 200]
    assert decided
    rig.sync_all(rounds=2)
    pending = stats(rig.node_db)["upstream_pending"]
    assert pending >= 3000
    rig.wan.restore()
    rig.wait_forwarded(timeout=300)
    rig.sync_all(rounds=2)
    n = _exactly_once(rig)
    assert n >= 36 + 3000 + len(decided)
    for c in decided:  # the back office's decision stands wherever a counter clashed
        states = {t.state(c) for t in rig.terms}
        assert len(states) == 1
    city, node = stats(rig.city_db), stats(rig.node_db)
    assert (city["events"], city["cases"], city["conflicts"]) == \
        (node["events"], node["cases"], node["conflicts"])
