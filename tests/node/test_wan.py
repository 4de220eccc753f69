"""The WAN between the city and a township, cut for real (two network namespaces and a
veth pair taken down; loopback and the fault proxy where namespaces cannot be made).

With the WAN down the hall works as one through its node: terminals enrol with codes the
node issues, the kiosk registers and hands out tickets, two counters call them at the
same moment (no ticket twice) and the hall display shows every call, counters accept
and rate, help calls reach every counter, a counter's step clashes with the back
office's decision at the city. When the WAN returns the city holds every event exactly
once, with its original terminal id and sequence, and the city, the node and every
terminal (the display's too) fold the same states — tickets included.
"""

from __future__ import annotations

import json

import requests
import sqlalchemy as sa

from domain import events as ev
from server import db
from sync.client import SyncClient
from tests.support.converge import assert_converged
from tests.support.hall_day import ACTIVITIES, Hall
from tests.support.hall_rig import TOWNSHIP, stats, wait_for
from tests.support.servers import yichuang
from tests.support.terminal import Term


def _status(rig, t: Term):
    def get():
        c = SyncClient(t.dir)
        try:
            return c.status()
        finally:
            c.close()
    return rig.wan.hall(get)


def _city_events(rig) -> list:
    database = db.Database(rig.city_db)
    try:
        with database.reader() as conn:
            return list(conn.execute(sa.select(db.events).where(
                db.events.c.hall_code == TOWNSHIP)))
    finally:
        database.dispose()


def test_wan_cut_the_hall_works_as_one_then_the_city_holds_everything_once(wan_rig):
    rig = wan_rig
    first = rig.terminal("counter-a")
    clash = first.open_case()
    first.step(clash, ev.ACCEPTED)
    first.step(clash, ev.SUBMITTED_FOR_REVIEW)
    assert rig.sync(first)["ok"]
    rig.wait_forwarded()
    before = stats(rig.city_db)["events"]
    assert before == 3

    rig.wan.cut()
    # the node issues its hall's codes by itself, through the command as written
    codes = [yichuang("admin", "--db", rig.node_db, "enroll-code", "--hall", TOWNSHIP
                      ).stdout.strip() for _ in range(3)]
    kiosk = rig.wan.hall(Term, rig.work / "kiosk", rig.node.url, codes[0])
    second = rig.wan.hall(Term, rig.work / "counter-b", rig.node.url, codes[1])
    display = rig.wan.hall(Term, rig.work / "display", rig.node.url, codes[2])
    rig.terms += [kiosk, second, display]
    assert kiosk.has_catalog() and second.state(clash) == "in_review"
    hall = Hall(rig, kiosk, [first, second], display)
    for activity in ACTIVITIES:
        activity(hall)
    # the back office approves at the city; offline, a counter withdraws the same case
    assert rig.decide(clash, "approve").status_code == 200
    second.step(clash, ev.WITHDRAWN, {"reason": "申请人撤回"})
    hall.sync()
    assert {t.state(clash) for t in hall.terms} == {"withdrawn"}  # the hall's order, for now

    # what the hall sees while the WAN is down
    node = wait_for(lambda: (s := stats(rig.node_db)) and not s["reaches_city"] and s, 60,
                    "the node to notice the WAN is down")
    # registrations and their tickets, acceptances, ratings, the help call and its
    # resolution, four tickets taken and four calls (and the ends of the first two)
    assert node["upstream_pending"] >= 4 + 4 + 4 + 2 + 2 + 4 + 4 + 2
    assert stats(rig.city_db)["events"] == before + 1  # the approval, nothing of the hall
    hall.sync(second)
    st = _status(rig, second)
    assert st.server_role == "node" and st.reaches_city is False and st.server
    page = rig.wan.hall(requests.get, rig.node.url + "/", timeout=5).text
    assert "与上级断开" in page and str(node["upstream_pending"]) in page
    assert kiosk.enrolment.terminal_code in page

    rig.wan.restore()
    rig.wait_forwarded(timeout=90)
    rig.sync_all(rounds=2)
    dirs = [t.dir for t in hall.terms]
    n = assert_converged(rig.city_db, dirs, TOWNSHIP)
    assert assert_converged(rig.node_db, dirs, TOWNSHIP) == n
    city = _city_events(rig)
    assert len({e.id for e in city}) == len(city) == n
    assert len({(e.terminal_id, e.terminal_seq) for e in city}) == n
    mine = {t.enrolment.terminal_id for t in hall.terms}
    assert {e.terminal_id for e in city} - mine <= {f"bo-{TOWNSHIP}", f"srv-{TOWNSHIP}",
                                                   f"srv-{TOWNSHIP}-n{_node_code(rig)}"}
    # original identities, not the node's (the display only reads: it wrote nothing)
    writers = {t.enrolment.terminal_id for t in (kiosk, *hall.counters)}
    assert writers <= {e.terminal_id for e in city}
    assert {t.state(clash) for t in hall.terms} == {"approved"}  # the city's order
    called = [e for e in city if e.kind == "ticket.called" and e.verdict == "applied"]
    assert sorted(json.loads(e.payload)["window"] for e in called) == sorted(
        w for _n, w in hall.calls)  # every call once at the city, each by its window
    conflict_notes = [e for e in city if e.kind == "notice.raised"
                      and json.loads(e.payload).get("case_id") == clash
                      and json.loads(e.payload).get("topic") == "conflict"]
    assert len(conflict_notes) == 1
    st = _status(rig, second)
    assert st.reaches_city is True and st.upstream_pending == 0


def _node_code(rig) -> str:
    database = db.Database(rig.node_db)
    try:
        with database.reader() as conn:
            return db.node_code(conn) or ""
    finally:
        database.dispose()
