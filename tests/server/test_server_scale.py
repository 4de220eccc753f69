"""The server at province scale (issue 16): ordinary pulls answered by the fast path
exactly as the full route would, revocation still immediate, own verdicts left out only
when the terminal holds them, health and metrics, and the status page's "last seen"
from the database whichever worker the terminal reached."""

from __future__ import annotations

import re
import time

import requests
import sqlalchemy as sa

from server import db
from sync import wire
from sync.client_cli import sync_once
from tests.support.servers import ServerProcess, yichuang
from tests.support.terminal import Term, token_of

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


def _pull(url: str, token: str, **params: int) -> requests.Response:
    return requests.get(url + "/api/v1/sync/pull", params=params, timeout=10,
                        headers={**H, "Authorization": f"Bearer {token}"})


def _metric(url: str, name: str) -> float:
    text = requests.get(url + "/metrics", timeout=10).text
    got = [float(m.group(1)) for m in re.finditer(rf"^{name}(?:{{[^}}]*}})? ([0-9.e+]+)$",
                                                  text, re.M)]
    return sum(got)


def test_an_idle_poll_is_answered_fast_and_says_what_the_full_route_says(server, code_for,
                                                                          tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    token = token_of(a.dir)
    first = _pull(server.url, token, cursor=0)  # a stranger to this worker: the full route
    assert first.ok
    cursor = first.json()["cursor"]
    idle0 = _metric(server.url, "yichuang_idle_polls_total")
    slow = _pull(server.url, "x" + token, cursor=cursor)  # (a wrong token is no help)
    assert slow.status_code == 401
    fast = _pull(server.url, token, cursor=cursor)
    assert fast.ok and _metric(server.url, "yichuang_idle_polls_total") == idle0 + 1
    body = fast.json()
    assert body["cursor"] == cursor and body["more"] is False and body["events"] is None
    assert body["epoch"] == first.json()["epoch"] and body["server"]["role"] == "city"
    # something new in the hall: the fast path brings the page, the same as the full route
    b.open_case()
    sync_once(b.dir)
    busy = _pull(server.url, token, cursor=cursor).json()
    assert busy["events"] is not None and busy["cursor"] > cursor
    assert _metric(server.url, "yichuang_idle_polls_total") == idle0 + 1
    ids = wire.unpack_events(busy["events"])
    assert {e["terminal_id"] for e in ids} == {b.enrolment.terminal_id}


def test_revoking_a_terminal_stops_its_very_next_poll(server, hall_db, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    token = token_of(a.dir)
    cursor = _pull(server.url, token).json()["cursor"]
    assert _pull(server.url, token, cursor=cursor).ok  # cached by now
    yichuang("admin", "--db", hall_db, "terminal", "revoke", a.enrolment.terminal_code)
    refused = _pull(server.url, token, cursor=cursor)
    assert refused.status_code == 401 and "停用" in refused.json()["detail"]


def test_own_verdicts_are_left_out_only_up_to_what_the_terminal_holds(server, code_for,
                                                                      tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    cid = a.open_case()
    a.step(cid, "accepted")
    token = token_of(a.dir)
    from sync.replica import Replica

    with Replica.in_dir(a.dir) as r:
        cursor = int(r.get_meta("cursor") or 0)
    sync_once(a.dir)  # push: the answer carries both verdicts
    all_own = _pull(server.url, token, cursor=cursor).json()["own"]  # (an old client)
    assert all_own["t"] == [1, 2]
    assert _pull(server.url, token, cursor=cursor, own=2).json()["own"] is None
    assert _pull(server.url, token, cursor=cursor, own=1).json()["own"]["t"] == [2]


def test_a_lost_push_answer_is_still_confirmed_by_the_pull(server, code_for, tmp_path):
    """The client says which of its own it holds: an event whose answer was lost stays
    in its outbox, so the pull brings its verdict (and the outbox empties)."""
    from sync import outbox
    from sync.replica import Replica

    a = Term(tmp_path / "a", server.url, code_for())
    cid = a.open_case()
    with Replica.in_dir(a.dir) as r:
        events = outbox.pending(r, 10)
        me = r.identity().terminal_id
    body = wire.gzip_body({"batch": wire.pack_events([e.to_wire() for e in events])})
    got = requests.post(server.url + "/api/v1/sync/push", data=body, timeout=10, headers={
        **H, "Authorization": f"Bearer {token_of(a.dir)}", "Content-Encoding": "gzip",
        "Content-Type": "application/json"})
    assert got.ok  # … and the answer never reached the terminal
    with Replica.in_dir(a.dir) as r:
        assert outbox.confirmed_through(r, me) == 0
    from sync.client import SyncClient

    client = SyncClient(a.dir)
    try:
        client.pull()
        assert outbox.count(client.replica) == 0
        row = client.replica.conn.execute(
            "SELECT server_seq, verdict FROM events WHERE case_id = pack_id(?)", (cid,)).fetchone()
        assert row["server_seq"] and row["verdict"] == "applied"
    finally:
        client.close()


def test_health_says_the_database_answers_and_what_waits(server):
    got = requests.get(server.url + "/api/v1/health", timeout=10)
    assert got.ok
    body = got.json()
    assert body["ok"] is True and body["database"]["reachable"] is True
    assert body["role"] == "city" and "terminals_silent_1d" in body["backlog"]


def test_metrics_count_requests_pushes_and_terminals_seen(server, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    a.open_case()
    sync_once(a.dir)
    text = requests.get(server.url + "/metrics", timeout=10).text
    assert 'yichuang_requests_total{method="POST",route="/api/v1/sync/push",status="200"}' \
        in text
    assert _metric(server.url, "yichuang_events_stored_total") >= 1
    assert _metric(server.url, "yichuang_terminals_seen") == 1
    assert "yichuang_request_seconds_bucket" in text
    assert "yichuang_oldest_terminal_contact_seconds" in text


def test_status_page_last_seen_comes_from_the_database(server, hall_db, code_for, tmp_path):
    """A terminal served by one server process shows as online on another's page: the
    contact is in terminals.last_seen, not in a worker's memory."""
    a = Term(tmp_path / "a", server.url, code_for())
    database = db.Database(hall_db)
    try:
        with database.writer() as conn:
            conn.execute(db.terminals.update().values(last_seen="2026-01-01T00:00:00+00:00"))
    finally:
        database.dispose()
    other = ServerProcess(hall_db, log_dir=tmp_path).start()
    try:
        assert "在线" not in requests.get(other.url + "/", timeout=10).text
        token = token_of(a.dir)
        cursor = _pull(server.url, token).json()["cursor"]
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            _pull(server.url, token, cursor=cursor)
            if "在线" in requests.get(other.url + "/", timeout=10).text:
                break
            time.sleep(0.5)
        else:
            raise AssertionError("the other process never saw the contact")
    finally:
        other.stop()


def test_hall_marks_follow_every_writer(hall_db, code_for, server, tmp_path):
    """Whoever writes — a push, an admin command in another process — moves the hall's
    mark with its rows, so a terminal's idle poll never misses them."""
    a = Term(tmp_path / "a", server.url, code_for())
    token = token_of(a.dir)
    cursor = _pull(server.url, token).json()["cursor"]
    assert _pull(server.url, token, cursor=cursor).json()["ref"] == []
    yichuang("admin", "--db", hall_db, "hall", "add", "371100", "日照市政务服务中心（新名）")
    page = _pull(server.url, token, cursor=cursor).json()
    assert any(kind == "hall" for kind, _id, _data in page["ref"])
    database = db.Database(hall_db)
    try:
        with database.reader() as conn:
            top = db.current_seq(conn)
            marks = dict(conn.execute(sa.select(db.hall_marks.c.hall_code,
                                                db.hall_marks.c.seq)).all())
    finally:
        database.dispose()
    assert marks["371100"] == top


def test_after_a_restart_a_first_poll_is_one_look_up_not_the_full_route(hall_db, code_for,
                                                                         tmp_path):
    """A restarted worker knows no token: every terminal's next poll is a first contact,
    answered from one read by the token's digest — and still refused when revoked."""
    first = ServerProcess(hall_db, log_dir=tmp_path).start()
    try:
        a = Term(tmp_path / "a", first.url, code_for())
        c = Term(tmp_path / "c", first.url, code_for())
        token = token_of(a.dir)
        before = _pull(first.url, token).json()
        cursor = before["cursor"]
    finally:
        first.stop()
    yichuang("admin", "--db", hall_db, "terminal", "revoke", c.enrolment.terminal_code)
    again = ServerProcess(hall_db, log_dir=tmp_path).start()
    try:
        idle0 = _metric(again.url, "yichuang_idle_polls_total")
        got = _pull(again.url, token, cursor=cursor)
        assert got.ok and _metric(again.url, "yichuang_idle_polls_total") == idle0 + 1
        body = got.json()
        assert body["cursor"] == cursor and body["events"] is None
        assert body["epoch"]["db"] == before["epoch"]["db"]
        assert body["epoch"]["boot"] != before["epoch"]["boot"]  # the restart is a new boot
        refused = _pull(again.url, token_of(c.dir), cursor=cursor)
        assert refused.status_code == 401 and "停用" in refused.json()["detail"]
        assert _pull(again.url, "x" + token, cursor=cursor).status_code == 401
        assert _metric(again.url, "yichuang_idle_polls_total") == idle0 + 1
    finally:
        again.stop()
