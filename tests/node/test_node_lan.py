"""A city and a hall node on loopback (the WAN through the fault proxy), real processes.

What the upstream lets a node do on behalf of its terminals, and nothing more; an event
the city refuses leaving its stream on every terminal of the hall; what a node answers
to the back office; what a terminal and a browser are told about the servers.
"""

from __future__ import annotations

import json

import pytest
import requests
import sqlalchemy as sa

from domain import events as ev
from server import db
from sync import wire
from sync.client import SyncClient
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support.converge import assert_converged
from tests.support.hall_rig import TOWNSHIP, H, HallRig, stats, wait_for
from tests.support.servers import (
    DEMO_CATALOG,
    HALL,
    backoffice_decide,
    backoffice_staff,
    enrol_code,
)
from tests.support.terminal import Term
from tests.support.wan import LoopbackWan


def _node_token(rig) -> str:
    database = db.Database(rig.node_db)
    try:
        with database.reader() as conn:
            return db.get_node_meta(conn, "token")
    finally:
        database.dispose()


def _push_as_node(rig, hall: str, events: list[dict]) -> requests.Response:
    body = wire.gzip_body({"batch": wire.pack_events(events), "hall": hall})
    return requests.post(rig.city.url + "/api/v1/sync/push", data=body, timeout=10, headers={
        **H, "Authorization": f"Bearer {_node_token(rig)}", "Content-Encoding": "gzip",
        "Content-Type": "application/json"})


def _has_staff(t: Term, no: str) -> bool:
    from sync import reference

    with Replica.in_dir(t.dir) as r:
        return any(s.no == no for s in reference.load_catalog(r).staff)


def _rating(tid: str, seq: int, eid: str, case_id: str) -> dict:
    return ev.Event(id=eid, case_id=case_id, kind=ev.RATED, payload={"level": 5, "channel": "pad"},
                    expected_state=None, terminal_id=tid, terminal_seq=seq, staff_id="S001",
                    recorded_at="2026-03-02T09:00:00+08:00").to_wire()


def test_the_city_takes_from_a_node_only_what_is_its_hall_s(loopback_rig, tmp_path):
    rig = loopback_rig
    direct = Term(tmp_path / "direct", rig.city.url, enrol_code(rig.city_db, TOWNSHIP))
    cid = "01900000-0000-7000-8000-000000000001"
    outside = _push_as_node(rig, HALL, [_rating("t-x", 1, "01900000-0000-7000-8000-0000000000a1",
                                                cid)])
    assert outside.status_code == 403 and "范围" in outside.json()["detail"]
    tid = "0123456789abcdef"
    rows = [_rating(direct.enrolment.terminal_id, 1, "01900000-0000-7000-8000-0000000000b1", cid),
            _rating(f"bo-{TOWNSHIP}", 1, "01900000-0000-7000-8000-0000000000b2", cid),
            _rating(tid, 1, "01900000-0000-7000-8000-0000000000b3", cid),
            _rating(tid, 1, "01900000-0000-7000-8000-0000000000b4", cid),
            # another service: a second rating of one service would be a conflict
            _rating(tid, 2, "01900000-0000-7000-8000-0000000000b5",
                    "01900000-0000-7000-8000-000000000002")]
    got = wire.unpack_verdicts(_push_as_node(rig, TOWNSHIP, rows).json()["results"])
    assert [x[1] for x in got] == ["r", "r", "a", "r", "a"]
    assert "wrong_terminal" in got[0][2] and "wrong_terminal" in got[1][2]
    assert "terminal_seq_taken" in got[3][2]
    again = wire.unpack_verdicts(_push_as_node(rig, TOWNSHIP, rows[2:3]).json()["results"])
    assert again == [got[2]]  # "already have it": the same seq and verdict, stored once
    assert stats(rig.city_db)["events"] == 2


def test_an_event_the_city_refuses_leaves_its_stream_at_every_terminal(loopback_rig, tmp_path):
    rig = loopback_rig
    city_counter = Term(tmp_path / "city", rig.city.url, enrol_code(rig.city_db, HALL))
    cid = city_counter.open_case()
    assert city_counter.state(cid) == "registered"
    assert sync_once(city_counter.dir)["ok"]
    a = rig.terminal("a")
    b = rig.terminal("b")
    # a rating slip for a case of the city hall, dropped in the township's box
    a.step(cid, ev.RATED, {"level": 2, "channel": "box"})
    rig.sync_all()
    assert b.state(cid) is None  # a rating alone: the township folds it as a stream
    rig.wait_forwarded()
    rig.sync_all()
    node = stats(rig.node_db)
    assert node["upstream_refused"] == 1 and node["events"] == 1  # the refusal notice
    for t in (a, b):
        with Replica.in_dir(t.dir) as r:
            assert r.conn.execute("SELECT verdict FROM events WHERE case_id = pack_id(?)",
                                  (cid,)).fetchone()[0] == "refused"
            assert r.conn.execute("SELECT COUNT(*) FROM cases WHERE id=?", (cid,)
                                  ).fetchone()[0] == 0
            text = r.conn.execute("SELECT text FROM notices WHERE kind='quarantine'"
                                  ).fetchone()[0]
            assert "foreign_case" in text and "撤下" in text
    city = stats(rig.city_db)
    assert city["events"] == 1  # the notice travelled up; the refused rating did not


def test_the_back_office_decides_upstream_and_servers_say_what_they_are(loopback_rig):
    rig = loopback_rig
    t = rig.terminal("a")
    cid = t.open_case()
    t.step(cid, ev.ACCEPTED)
    t.step(cid, ev.SUBMITTED_FOR_REVIEW)
    rig.sync(t)
    at_node = backoffice_decide(rig.city, cid, "approve", hall=TOWNSHIP, url=rig.node.url)
    assert at_node.status_code == 409 and "上级服务器" in at_node.json()["detail"]
    rig.wait_forwarded()
    assert rig.decide(cid, "approve").status_code == 200
    from server import admin

    database = db.Database(rig.city_db)
    with database.writer() as conn:  # reference data, owned by the city, comes down too
        admin.add_staff(conn, TOWNSHIP, admin.staff_record("S777", "777", "新同事", "clerk",
                                                           "W02", password="pw"))
    database.dispose()
    rig.wait_forwarded()
    wait_for(lambda: rig.sync(t)["ok"] and _has_staff(t, "777"), 30, "the new staff member")
    assert t.state(cid) == "approved"
    assert rig.node.health()["role"] == "node" and rig.city.health()["role"] == "city"
    c = SyncClient(t.dir)
    try:
        st = c.status()
    finally:
        c.close()
    assert st.server_role == "node" and st.reaches_city and st.server_hall == "河口镇便民服务中心"
    assert st.server == rig.node.url.split("//")[1]
    city_page = requests.get(rig.city.url + "/", timeout=5).text
    assert "市级服务器" in city_page and TOWNSHIP in city_page and "节点" in city_page
    node_page = requests.get(rig.node.url + "/", timeout=5).text
    assert "已连通市级" in node_page and t.enrolment.terminal_code in node_page


def test_a_township_node_below_a_county_node(loopback_rig, tmp_path):
    """A node's upstream may itself be a node: the county's node forwards the township's
    events to the city with their original identity; the city's verdict comes back down
    through both."""
    from server import admin, halls
    from tests.support.servers import ServerProcess

    rig = loopback_rig
    county, village = "371102", "371102101001"
    database = db.Database(rig.city_db)
    with database.writer() as conn:  # county above the township, a village below it
        halls.add(conn, county, "东港区政务服务中心", parent=HALL)
        halls.add(conn, TOWNSHIP, "河口镇便民服务中心", parent=county)
        halls.add(conn, village, "河口村便民服务站", parent=TOWNSHIP)
        admin.import_catalog(conn, json.loads(DEMO_CATALOG.read_text("utf-8")), hall=village)
        halls.add(conn, village, "河口村便民服务站", parent=TOWNSHIP)
        for rec in backoffice_staff(json.loads(DEMO_CATALOG.read_text("utf-8"))):
            admin.add_staff(conn, village, rec)
    database.dispose()
    cdb = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    county_node = ServerProcess(cdb, log_dir=tmp_path, args=[
        "--upstream", rig.city.url, "--upstream-code",
        enrol_code(rig.city_db, county, node_codes=40), "--upstream-interval", "0.3"]).start()
    try:
        wait_for(lambda: (county_node.health() or {}).get("reaches_city"), 60, "county")
        vdb = f"sqlite:///{tmp_path / 'village.sqlite3'}"
        village_node = ServerProcess(vdb, log_dir=tmp_path, args=[
            "--upstream", county_node.url, "--upstream-code",
            enrol_code(cdb, village, node_codes=4), "--upstream-interval", "0.3"]).start()
        try:
            wait_for(lambda: (village_node.health() or {}).get("reaches_city"), 60, "village")
            t = Term(tmp_path / "v", village_node.url, enrol_code(vdb, village))
            cid = t.open_case()
            t.step(cid, ev.ACCEPTED)
            t.step(cid, ev.SUBMITTED_FOR_REVIEW)
            sync_once(t.dir)
            wait_for(lambda: stats(rig.city_db, village)["events"] == 3, 60, "the city")
            database = db.Database(rig.city_db)
            with database.reader() as conn:
                tids = {r[0] for r in conn.execute(sa.select(db.events.c.terminal_id).where(
                    db.events.c.hall_code == village))}
                pushers = {r[0] for r in conn.execute(sa.select(db.events.c.pushed_by).where(
                    db.events.c.hall_code == village))}
            database.dispose()
            assert tids == {t.enrolment.terminal_id}  # the village terminal's own identity
            assert len(pushers) == 1 and t.enrolment.terminal_id not in pushers
            # the back office approves at the city; the terminal hears it through two nodes
            assert rig.decide(cid, "approve", hall=village).status_code == 200
            wait_for(lambda: stats(vdb, village)["events"] == 4, 60, "the decision to come down")
            sync_once(t.dir)
            assert t.state(cid) == "approved"
            assert village_node.health()["reaches_city"] is True  # through the county
            county_node.stop()
            wait_for(lambda: not (village_node.health() or {}).get("reaches_city"), 60,
                     "the village to see the county gone")
        finally:
            village_node.stop()
    finally:
        county_node.stop()


@pytest.mark.postgres
def test_a_sqlite_node_below_a_postgresql_city(pg_cluster, tmp_path):
    """The city as deployed (PostgreSQL); the node as deployed (a SQLite file on a hall PC)."""
    wan = LoopbackWan()
    rig = HallRig(tmp_path, wan, city_db=pg_cluster.new_database("nodecity"))
    try:
        a, b = rig.terminal("a"), rig.terminal("b")
        cid = a.open_case()
        a.step(cid, ev.ACCEPTED)
        a.step(cid, ev.SUBMITTED_FOR_REVIEW)
        rig.sync_all()
        rig.wait_forwarded()
        wan.cut()
        assert rig.decide(cid, "approve").status_code == 200
        b.step(cid, ev.WITHDRAWN, {"reason": "申请人撤回"})
        for _ in range(3):
            b.open_case()
        rig.sync_all()
        wan.restore()
        rig.wait_forwarded()
        rig.sync_all()
        n = assert_converged(rig.city_db, [a.dir, b.dir], TOWNSHIP)
        assert assert_converged(rig.node_db, [a.dir, b.dir], TOWNSHIP) == n == 3 + 2 + 3 + 1
        assert a.state(cid) == b.state(cid) == "approved"
    finally:
        rig.stop()
        wan.close()


def test_a_terminal_moves_from_the_city_to_its_new_hall_node(loopback_rig, tmp_path):
    """Same hall, another server: the cursor counted the city's seqs, not the node's, so
    it must start again (from the node's snapshot) or it would skip the node's changes."""
    rig = loopback_rig
    database = db.Database(rig.city_db)
    with database.writer() as conn:  # a busy city: its seqs run far ahead of the node's
        db.next_seqs(conn, 50_000)
    database.dispose()
    t = Term(tmp_path / "moving", rig.city.url, enrol_code(rig.city_db, TOWNSHIP))
    mine = t.open_case()
    assert sync_once(t.dir)["ok"]
    rig.wait_forwarded()
    from sync.enrol import enrol

    enrol(t.dir, rig.node.url, enrol_code(rig.node_db, TOWNSHIP), force=True)
    other = rig.terminal("other")
    theirs = other.open_case()
    rig.sync(other)
    assert sync_once(t.dir)["ok"]
    assert t.state(theirs) == "registered" and t.state(mine) == "registered"
    c = SyncClient(t.dir)
    try:
        assert c.status().server_role == "node"
    finally:
        c.close()
