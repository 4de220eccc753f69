"""The server over real HTTP (uvicorn child process), on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import json

import requests

from domain import events as ev
from sync import wire
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support.servers import backoffice_decide, enrol_code, yichuang
from tests.support.terminal import Term, token_of

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


def _token(d) -> str:
    return token_of(d)


def test_enrolment_is_one_time_and_codes_are_unique(server, code_for, tmp_path):
    code = code_for()
    r1 = requests.post(server.url + "/api/v1/enrol", json={"code": code}, headers=H)
    assert r1.status_code == 200
    assert len(r1.json()["terminal_code"]) == 4
    again = requests.post(server.url + "/api/v1/enrol", json={"code": code}, headers=H)
    assert again.status_code == 401
    r2 = requests.post(server.url + "/api/v1/enrol", json={"code": code_for().lower()},
                       headers=H)
    assert r2.status_code == 200, r2.text
    assert r2.json()["terminal_code"] != r1.json()["terminal_code"]


def test_old_protocol_gets_426_with_a_message(server):
    r = requests.get(server.url + "/api/v1/sync/pull", params={"cursor": 0})
    assert r.status_code == 426 and "升级" in r.json()["detail"]
    r = requests.get(server.url + "/api/v1/sync/pull", headers={wire.PROTOCOL_HEADER: "0"})
    assert r.status_code == 426


def test_push_pull_between_terminals_and_no_echo(server, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    assert a.has_catalog() and b.has_catalog()
    cid = a.open_case()
    a.step(cid, ev.ACCEPTED)
    out = sync_once(a.dir)
    assert out["ok"] and out["pushed"] == 2 and out["pending"] == 0
    assert sync_once(b.dir)["pulled"] == 2
    assert b.state(cid) == "accepted"
    # the pusher's pull carries verdicts on its own events, never the events again
    page = requests.get(server.url + "/api/v1/sync/pull", params={"cursor": 0},
                        headers={**H, "Authorization": f"Bearer {_token(a.dir)}"}).json()
    assert page["events"] is None and len(page["own"]["t"]) == 2


def test_refusals_do_not_block_and_nothing_is_half_applied(server, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    cid = a.open_case()
    sync_once(a.dir)
    with Replica.in_dir(a.dir) as r:
        tid = r.identity().terminal_id
    good = ev.Event(id="00000000-0000-7000-8000-000000000001", case_id=cid, kind="accepted",
                    payload={}, expected_state="registered", terminal_id=tid, terminal_seq=50,
                    staff_id="S001", recorded_at="2026-03-02T09:00:00+08:00").to_wire()
    bad = {**good, "id": "x-bad", "kind": "teleported", "terminal_seq": 49}
    bad2 = {**good, "id": "x-bad2", "terminal_seq": 48, "recorded_at": "yesterday"}
    bad3 = {**good, "id": "x-bad3", "terminal_seq": 51, "kind": "rated",
            "payload": {"level": "many"}, "expected_state": "accepted"}
    body = wire.gzip_body({"batch": wire.pack_events([bad, bad2, good, bad3])})
    hdr = {**H, "Authorization": f"Bearer {_token(a.dir)}", "Content-Encoding": "gzip",
           "Content-Type": "application/json"}
    res = wire.unpack_verdicts(requests.post(server.url + "/api/v1/sync/push", data=body,
                                             headers=hdr).json()["results"])
    assert [x[1] for x in res] == ["r", "r", "a", "r"]
    assert "malformed" in res[0][2]
    # the same batch again: the stored event answers with the same seq
    res2 = wire.unpack_verdicts(requests.post(server.url + "/api/v1/sync/push", data=body,
                                              headers=hdr).json()["results"])
    assert res2[2] == res[2]
    # a malformed batch as a whole is a 400, and a gzip bomb a 413
    r = requests.post(server.url + "/api/v1/sync/push", data=b"{not json", headers={
        **hdr, "Content-Encoding": "identity"})
    assert r.status_code == 400
    bomb = gzip.compress(b"[" + b" " * (60 * 1024 * 1024) + b"]")
    r = requests.post(server.url + "/api/v1/sync/push", data=bomb, headers=hdr)
    assert r.status_code == 413
    r = requests.post(server.url + "/api/v1/sync/push", data=wire.gzip_body({"batch": {"n": 3}}),
                      headers=hdr)
    assert r.status_code == 400


def test_other_halls_get_no_personal_data(server, hall_db, tmp_path):
    yichuang("admin", "--db", hall_db, "hall", "add", "371122", "莒县便民服务中心")
    yichuang("admin", "--db", hall_db, "staff", "add", "--hall", "371122", "--no", "2001",
             "--name", "莒县员工", "--password", "pw-2001")
    a = Term(tmp_path / "a", server.url, enrol_code(hall_db))
    cid = a.open_case()
    sync_once(a.dir)
    other = tmp_path / "other"
    from sync.enrol import enrol

    enrol(other, server.url, enrol_code(hall_db, "371122"))
    assert sync_once(other)["ok"]
    with Replica.in_dir(other) as r:
        staff = [json.loads(x[0]) for x in r.conn.execute(
            "SELECT data FROM reference WHERE kind='staff'")]
        assert [s["no"] for s in staff] == ["2001"]
        assert r.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    # and an event on the first hall's case from the other hall is refused
    with Replica.in_dir(other) as r:
        tid = r.identity().terminal_id
    e = ev.Event(id="00000000-0000-7000-8000-0000000000ff", case_id=cid, kind="withdrawn",
                 payload={"reason": "x"}, expected_state="registered", terminal_id=tid,
                 terminal_seq=1, staff_id="S2001", recorded_at="2026-03-02T09:00:00+08:00")
    r = requests.post(server.url + "/api/v1/sync/push",
                      json={"batch": wire.pack_events([e])},
                      headers={**H, "Authorization": f"Bearer {_token(other)}"})
    assert wire.unpack_verdicts(r.json()["results"])[0][1] == "r"
    assert "foreign_case" in r.json()["results"]["why"]["0"]


def test_revoked_terminal_is_refused(server, hall_db, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    yichuang("admin", "--db", hall_db, "terminal", "revoke", a.enrolment.terminal_code)
    a.open_case()
    out = sync_once(a.dir)
    assert not out["ok"] and "停用" in out["error"] and out["pending"] == 1


def test_backoffice_decision_reaches_the_terminals(server, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    cid = a.open_case()
    a.step(cid, ev.ACCEPTED)
    a.step(cid, ev.SUBMITTED_FOR_REVIEW)
    sync_once(a.dir)
    r = backoffice_decide(server, cid, "approve")
    assert r.status_code == 200 and r.json()["state"] == "approved"
    r = backoffice_decide(server, cid, "approve")
    assert r.status_code == 409  # not in review any more: refused before it is stored
    assert sync_once(a.dir)["pulled"] == 1
    assert a.state(cid) == "approved"


def test_new_terminal_starts_from_a_snapshot(server, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    open_id = a.open_case()
    sync_once(a.dir)
    late = Term(tmp_path / "late", server.url, code_for())
    assert late.first_sync["ok"] and late.state(open_id) == "registered"
    assert late.first_sync["requests"] == 2  # snapshot + one page
