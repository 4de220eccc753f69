"""What an outsider's week of pushing found (issue 13), over real HTTP on SQLite and
PostgreSQL: no id of another terminal can be probed, an altered replay is refused, and
everything the server cannot store is a 4xx for that event or request, never a 500."""

from __future__ import annotations

import requests

from domain import events as ev
from domain.ids import uuid7
from sync import wire
from sync.client_cli import sync_once
from sync.enrol import enrol
from tests.support.servers import enrol_code, yichuang
from tests.support.terminal import Term, token_of

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
ID_NUMBER = "11010519491231002X"


def _identity(d) -> str:
    from sync.replica import Replica

    with Replica.in_dir(d) as r:
        return r.identity().terminal_id


def _push(url: str, token: str, events: list) -> requests.Response:
    return requests.post(url + "/api/v1/sync/push", json={"batch": wire.pack_events(events)},
                         headers={**H, "Authorization": f"Bearer {token}"}, timeout=30)


def _verdicts(r: requests.Response) -> list[tuple]:
    assert r.status_code == 200, r.text
    return wire.unpack_verdicts(r.json()["results"])


def _rated(tid: str, seq: int, case_id: str, eid: str | None = None, level: int = 5,
           **kw) -> ev.Event:
    return ev.Event(id=eid or uuid7(), case_id=case_id, kind=ev.RATED,
                    payload={"level": level, "channel": "pad"}, expected_state="registered",
                    terminal_id=tid, terminal_seq=seq, staff_id="S001",
                    recorded_at=kw.pop("recorded_at", "2026-03-02T09:00:00+08:00"), **kw)


def test_known_ids_of_others_are_no_oracle_and_altered_replays_are_refused(
        server, hall_db, code_for, tmp_path):
    yichuang("admin", "--db", hall_db, "hall", "add", "371122", "莒县便民服务中心")
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    cid = a.open_case()
    assert sync_once(a.dir)["ok"]
    other = tmp_path / "other"
    enrol(other, server.url, enrol_code(hall_db, "371122"))
    ta, tb, to = _identity(a.dir), _identity(b.dir), _identity(other)
    mine = _rated(ta, 500, cid)
    first = _verdicts(_push(server.url, token_of(a.dir), [mine]))
    assert first[0][1] == "a"
    # the same event again: the same answer (a lost answer, a batch sent twice)
    assert _verdicts(_push(server.url, token_of(a.dir), [mine])) == first
    # the same id, altered: refused, not "applied"
    altered = _rated(ta, 500, cid, eid=mine.id, level=1)
    again = _verdicts(_push(server.url, token_of(a.dir), [altered]))
    assert again[0][0] is None and again[0][1] == "r" and "id_conflict" in again[0][2]
    # another hall's terminal, and another terminal of the same hall, probing that id:
    # refused exactly like the altered replay — no seq, nothing that says it exists
    probe_other = _verdicts(_push(server.url, token_of(other), [_rated(to, 1, cid,
                                                                        eid=mine.id)]))
    probe_b = _verdicts(_push(server.url, token_of(b.dir), [_rated(tb, 900, cid,
                                                                   eid=mine.id)]))
    assert probe_other == probe_b == again
    # an unknown id from the other hall is refused too (the case is this hall's), but
    # with its own reason: what differs is the case, never whether an id exists
    unknown = _verdicts(_push(server.url, token_of(other), [_rated(to, 2, cid)]))
    assert unknown[0][1] == "r" and "foreign_case" in unknown[0][2]


def test_values_the_server_cannot_store_are_4xx_never_500(server, hall_db, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    cid = a.open_case()
    assert sync_once(a.dir)["ok"]
    tid, token = _identity(a.dir), token_of(a.dir)
    batch = [
        _rated(tid, 600, cid, recorded_at="9999-12-31T23:59:59-12:00"),  # OverflowError
        _rated(tid, 601, cid, recorded_at="0001-01-01T00:00:00+14:00"),
        ev.Event(**{**_rated(tid, 602, cid).__dict__, "staff_id": "S\x00001"}),
        ev.Event(**{**_rated(tid, 603, cid).__dict__, "case_id": cid[:10] + "\x00"}),
        ev.Event(**{**_rated(tid, 604, cid).__dict__, "payload": {"level": 5, "x\x00": 1}}),
        ev.Event(**{**_rated(tid, 605, cid).__dict__, "window_id": "W\x0001"}),
        _rated(tid, 606, cid),
    ]
    got = _verdicts(_push(server.url, token, batch))
    assert [x[1] for x in got] == ["r"] * 6 + ["a"]
    # the back office's routes: a NUL in the hall, in a case id path, in a query
    bo = f"{server.url}/api/v1/backoffice/cases"
    r = requests.post(f"{bo}/{cid}/decision", headers=H, timeout=10, json={
        "hall": "371\x00100", "staff_no": ID_NUMBER, "password": "x", "decision": "approve"})
    assert 400 <= r.status_code < 500, r.text
    r = requests.post(f"{bo}/{cid[:8]}%00/decision", headers=H, timeout=10, json={
        "hall": "371100", "staff_no": "9001", "password": "pw-9001", "decision": "approve"})
    assert 400 <= r.status_code < 500, r.text
    r = requests.get(bo, params={"hall": "371\x00100"}, auth=("9001", "pw-9001"), headers=H,
                     timeout=10)
    assert 400 <= r.status_code < 500, r.text
    r = requests.get(server.url + "/api/v1/sync/pull", params={"cursor": 0, "x": "\x00"},
                     headers={**H, "Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 400
    # a body the push schema does not describe
    for body in ({"batch": {}}, {"batch": []}, {"events": []}, [1]):
        r = requests.post(server.url + "/api/v1/sync/push", json=body, timeout=10,
                          headers={**H, "Authorization": f"Bearer {token}"})
        assert r.status_code == 400, (body, r.text)
    # and nothing of it reached the log as a traceback or with the ID number in it
    log = server.log_path.read_text("utf-8", errors="replace")
    assert "Traceback" not in log and ID_NUMBER not in log
