"""The back office over HTTP: logins that give short-lived tokens, lockouts, one answer for
every failure, the rule table on the server, and no demo password on a real server."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading

import pytest
import requests
import sqlalchemy as sa

from domain import events as ev
from domain.errors import DomainError
from sync import wire
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support.servers import (
    DEMO_CATALOG,
    HALL,
    ServerProcess,
    backoffice_staff,
    enrol_code,
    free_port,
)
from tests.support.terminal import Term

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


def login(url: str, no: str, password: str, hall: str = HALL) -> requests.Response:
    return requests.post(f"{url}/api/v1/backoffice/login", params={"hall": hall},
                         auth=(no, password), headers=H, timeout=30)


def bearer(token: str) -> dict[str, str]:
    return {**H, "Authorization": f"Bearer {token}"}


def token(url: str, no: str) -> str:
    r = login(url, no, "pw-9001")
    assert r.status_code == 200, r.text
    return r.json()["token"]


def step(url: str, tok: str, case_id: str, kind: str, **body) -> requests.Response:
    return requests.post(f"{url}/api/v1/backoffice/cases/{case_id}/steps",
                         json={"kind": kind, **body}, headers=bearer(tok), timeout=30)


def in_review(term: Term, item_no: str) -> str:
    """A case of `item_no` accepted and submitted at a counter, synced."""
    from domain.application import Actor, registration_payload
    from sync import reference
    from sync.demo_data import demo_person
    from sync.store import CaseStore

    with Replica.in_dir(term.dir) as r:
        item = reference.load_catalog(r).item(item_no)
        store = CaseStore(r)
        clerk = Actor("S001", r.identity().terminal_id, "W01")
        payload = registration_payload(item, demo_person(term.rng),
                                       provided={m.id: True for m in item.materials})
        _, case = store.open_case(payload, clerk)
        store.record(case.id, ev.ACCEPTED, {}, clerk)
        store.record(case.id, ev.SUBMITTED_FOR_REVIEW, {}, clerk)
    assert sync_once(term.dir)["ok"]
    return case.id


def test_a_reviewer_sees_and_decides_only_their_departments_cases(server, code_for, tmp_path):
    t = Term(tmp_path / "t", server.url, code_for())
    food = in_review(t, "0105")  # 市场监管局 D01
    house = in_review(t, "0301")  # 不动产登记中心 D05
    d01, d05 = token(server.url, "9001"), token(server.url, "9005")
    listed = requests.get(f"{server.url}/api/v1/backoffice/cases", headers=bearer(d01)).json()
    assert [c["id"] for c in listed] == [food]
    assert listed[0]["applicant_name"].endswith("*") or "*" in listed[0]["applicant_name"]
    assert requests.get(f"{server.url}/api/v1/backoffice/cases/{house}",
                        headers=bearer(d01)).status_code == 404
    events = requests.get(f"{server.url}/api/v1/backoffice/cases/{food}",
                          headers=bearer(d01)).json()["events"]
    assert [e["kind"] for e in events] == ["registered", "accepted", "submitted_for_review"]
    r = step(server.url, d05, food, "approved")
    assert r.status_code == 403 and "不属于您所在的部门" in r.json()["detail"]
    r = step(server.url, d01, food, "extended", days=5, reason="需核查")
    assert r.status_code == 403 and "负责人" in r.json()["detail"]  # only a head extends
    r = step(server.url, d01, food, "extension_requested", days=5, reason="需组织专家论证")
    assert r.status_code == 200
    head = token(server.url, "9101")
    queue = requests.get(f"{server.url}/api/v1/backoffice/cases", headers=bearer(head)).json()
    assert [(c["id"], c["extension_pending"]) for c in queue] == [(food, 1)]
    r = step(server.url, head, food, "extended", days=11, reason="x")
    assert r.status_code == 409 and "10个工作日" in r.json()["detail"]
    assert step(server.url, head, food, "extended", days=10, reason="需组织专家论证"
                ).status_code == 200
    r = step(server.url, d01, food, "rejected", reason="经营场所不符合条件")
    assert r.status_code == 200 and r.json()["state"] == "rejected"
    assert step(server.url, d05, house, "approved").json()["state"] == "approved"
    assert sync_once(t.dir)["pulled"] == 4
    assert t.state(food) == "rejected" and t.state(house) == "approved"
    with Replica.in_dir(t.dir) as r:
        from sync.store import load_case

        case = load_case(r, food)
        assert case.extension["approved_by"] == "S9101" and case.extension_days == 10


def test_no_password_in_a_body_and_the_same_answer_for_every_failure(server):
    body = {"hall": HALL, "staff_no": "9001", "password": "pw-9001"}
    r = requests.post(f"{server.url}/api/v1/backoffice/login", params={"hall": HALL},
                      json=body, headers=H)
    assert r.status_code == 401  # a password in the body is not a login
    answers = [login(server.url, "9001", "wrong"),  # wrong password
               login(server.url, "8888", "pw-9001"),  # nobody
               login(server.url, "1001", "1234"),  # a demo clerk: disarmed on a real server
               login(server.url, "9001", "pw-9001", hall="999999")]  # another hall
    assert {(a.status_code, a.text) for a in answers} == {(answers[0].status_code,
                                                           answers[0].text)}
    assert answers[0].status_code == 401
    assert login(server.url, "9001", "pw-9001").status_code == 200
    # an old route with the password in its body is gone
    old = requests.post(f"{server.url}/api/v1/backoffice/cases/x/decision",
                        json={**body, "decision": "approve"}, headers=H)
    assert old.status_code in (404, 405)


def test_a_clerk_gets_the_same_answer_as_a_wrong_password(server, hall_db):
    from server import admin, db

    database = db.Database(hall_db)
    with database.writer() as conn:
        admin.add_staff(conn, HALL, admin.staff_record("S9500", "9500", "窗口", "clerk", "W01",
                                                       password="pw-9500"))
    database.dispose()
    clerk, wrong = login(server.url, "9500", "pw-9500"), login(server.url, "9001", "nope")
    assert (clerk.status_code, clerk.text) == (wrong.status_code, wrong.text) == (
        401, wrong.text)


def test_lockout_per_account_then_per_address(server):
    for _ in range(5):
        assert login(server.url, "9002", "guess").status_code == 401
    locked = login(server.url, "9002", "pw-9001")  # the right password, too late
    assert locked.status_code == 401 and locked.text == login(server.url, "9002", "x").text
    assert login(server.url, "9003", "pw-9001").status_code == 200  # others still work
    for n in range(20):  # one address trying many accounts
        login(server.url, f"70{n:02d}", "guess")
    assert login(server.url, "9004", "pw-9001").status_code == 401


def test_tokens_are_short_lived_and_follow_the_staff_record(hall_db):
    from server import admin, db, logins

    database = db.Database(hall_db)
    now = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC)
    tok, expires, staff = logins.login(database, HALL, "9001", "pw-9001", "10.0.0.1", now=now)
    assert staff.department == "D01"
    assert dt.datetime.fromisoformat(expires) - now == logins.TOKEN_TTL
    assert logins.staff_for(database, tok, now=now + dt.timedelta(minutes=20)).id == "S9001"
    # used at minute 20: alive until minute 50, not at 51
    logins.staff_for(database, tok, now=now + dt.timedelta(minutes=49))
    with pytest.raises(logins.LoginFailed):
        logins.staff_for(database, tok, now=now + dt.timedelta(hours=2))
    tok, _, _ = logins.login(database, HALL, "9001", "pw-9001", "10.0.0.1", now=now)
    with database.writer() as conn:  # moved to the front desk: the back office closes
        rec = admin.find_staff(conn, HALL, "9001")
        admin.add_staff(conn, HALL, {**rec, "role": "clerk"})
    with pytest.raises(logins.LoginFailed):
        logins.staff_for(database, tok, now=now + dt.timedelta(minutes=1))
    database.dispose()


def test_passwords_are_checked_outside_the_write_lock(hall_db, monkeypatch):
    """A wrong-password storm must not hold up pushes: scrypt never runs under the lock."""
    from domain import passwords
    from server import db, logins

    database = db.Database(hall_db)
    real = passwords.verify
    under_lock = []

    def spy(password: str, stored: str) -> bool:
        under_lock.append(database._writer.locked())
        return real(password, stored)

    monkeypatch.setattr(logins.passwords, "verify", spy)
    holder = threading.Event()
    release = threading.Event()

    def hold() -> None:  # a long push holds the writer meanwhile
        with database.writer():
            holder.set()
            release.wait(10)

    th = threading.Thread(target=hold)
    th.start()
    holder.wait(5)
    checked = threading.Event()

    def attempt() -> None:
        with contextlib.suppress(logins.LoginFailed):
            logins.login(database, HALL, "9001", "wrong", "10.0.0.2")

    t2 = threading.Thread(target=lambda: (attempt(), checked.set()))
    t2.start()
    # the scrypt check runs while the push still holds the lock: it does not wait for it
    deadline = dt.datetime.now() + dt.timedelta(seconds=5)
    while not under_lock and dt.datetime.now() < deadline:
        threading.Event().wait(0.01)
    assert under_lock == [True]  # checked, the lock held elsewhere all along
    assert not checked.is_set()  # only the bookkeeping write queues behind the push
    release.set()
    th.join(5)
    t2.join(10)
    assert checked.is_set()
    database.dispose()


def test_demo_staff_exist_only_on_a_demo_server(tmp_path):
    real = f"sqlite:///{tmp_path / 'real.sqlite3'}"
    from server import admin, db

    database = db.Database(real)
    db.init_db(database.engine)
    with database.writer() as conn:  # an administrator imports the demo catalog
        admin.import_catalog(conn, json.loads(DEMO_CATALOG.read_text("utf-8")))
        for s in backoffice_staff(json.loads(DEMO_CATALOG.read_text("utf-8"))):
            admin.add_staff(conn, HALL, s)
    srv = ServerProcess(real, log_dir=tmp_path).start()
    try:
        assert login(srv.url, "1050", "1234").status_code == 401
        assert login(srv.url, "9001", "pw-9001").status_code == 200
        d = tmp_path / "t"
        from sync.enrol import enrol

        enrol(d, srv.url, enrol_code(real))
        assert sync_once(d)["ok"]
        with Replica.in_dir(d) as r:
            rec = json.loads(r.conn.execute(
                "SELECT data FROM reference WHERE kind='staff' AND id='S001'").fetchone()[0])
        assert "password_hash" not in rec and rec["active"] is False
    finally:
        srv.stop()
    with database.reader() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(db.reference).where(
            db.reference.c.kind == "staff", db.reference.c.data.like("%password_hash%"))
        ).scalar_one()
    assert n == len(backoffice_staff(json.loads(DEMO_CATALOG.read_text("utf-8"))))
    database.dispose()
    # `yichuang server --demo` on an empty database: the demo hall and its staff
    demo = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    port = free_port()
    import subprocess
    import sys

    from tests.support.servers import ROOT

    log = open(tmp_path / "demo.log", "ab")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "server", "--demo", "--db",
                             demo, "--port", str(port), "--log-level", "warning"], cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if requests.get(url + "/api/v1/health", timeout=1).ok:
                    break
            except requests.RequestException:
                threading.Event().wait(0.1)
        r = login(url, "1050", "1234")
        assert r.status_code == 200 and r.json()["staff"]["department"] == "D01"
    finally:
        proc.terminate()
        proc.wait(10)


def test_a_guess_already_in_flight_does_not_lift_a_lock(hall_db):
    """Six clients guess at once: attempts that passed the check before the lock fell
    fail afterwards, and must not clear it."""
    from server import db, logins

    database = db.Database(hall_db)
    now = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC)
    key = ("acct:371100:9001",)
    with database.side_writer() as conn:
        for _ in range(logins.ACCOUNT_FAILURES):
            logins._count_failure(conn, key[0], logins.ACCOUNT_FAILURES, now)
    with database.reader() as conn:
        assert logins.locked(conn, key, now)
    with database.side_writer() as conn:  # the late one
        logins._count_failure(conn, key[0], logins.ACCOUNT_FAILURES, now)
    with database.reader() as conn:
        assert logins.locked(conn, key, now)
        assert not logins.locked(conn, key, now + dt.timedelta(minutes=logins.LOCK_MINUTES))
    database.dispose()


class _Rollback(Exception):
    pass


@pytest.mark.parametrize("role", ["clerk", "reviewer", "head", "supervisor", "admin"])
def test_the_server_refuses_by_the_same_rule_table(sqlite_url, role):
    """Every back-office step × role, through the server's own code: refused with the
    rule table's Forbidden exactly where the table says no (state permitting or not)."""
    from domain import roles
    from domain.application import Actor, new_event, registration_payload
    from domain.catalog import catalog_from_dict
    from server import backoffice, db, push
    from server.logins import BackofficeStaff
    from sync.demo_data import demo_person
    from tests.support.servers import setup_hall

    setup_hall(sqlite_url)
    catalog = catalog_from_dict(json.loads(DEMO_CATALOG.read_text("utf-8")))
    item = catalog.item("0105")
    database = db.Database(sqlite_url)
    clerk = Actor("S001", "T-test", "W01")
    events = []
    state = None
    import random

    from domain.case import fold

    for n, (kind, payload) in enumerate([
            (ev.REGISTERED, registration_payload(item, demo_person(random.Random(1)),
                                                 provided={m.id: True for m in item.materials},
                                                 case_number="1261123000100015")),
            (ev.ACCEPTED, {}), (ev.SUBMITTED_FOR_REVIEW, {})], 1):
        e = new_event(state, "c-rules", kind, payload, clerk, event_id=f"e{n}",
                      terminal_seq=n, recorded_at=f"2026-11-23T09:0{n}:00+08:00")
        events.append(e)
        state = fold(events, "c-rules")
    with database.writer() as conn:
        push.store_batch(conn, HALL, "T-test", 0, [e.to_wire() for e in events])
    staff = BackofficeStaff(id="S-x", no="x", name="x", role=role, department="D01",
                            hall=HALL)
    payloads = {"rejected": {"reason": "不符合"}, "clock_paused": {"reason": "核查",
                "pause_reason": "inspection"}, "supplement_requested": {"missing": ["执照"]},
                "extension_requested": {"days": 3, "reason": "复杂"},
                "extended": {"days": 3, "reason": "复杂"},
                "extension_declined": {"reason": "不必"}}
    for kind in sorted(backoffice.STEPS):
        allowed = roles.may(role, kind, department="D01", item_department="D01")
        try:
            with database.writer() as conn:
                backoffice.record_step(conn, staff, "c-rules", kind, payloads.get(kind, {}))
                raise _Rollback
        except roles.Forbidden:
            assert not allowed, (role, kind)
        except (_Rollback, DomainError):
            assert allowed, (role, kind)  # past the table; the case may still say no
    database.dispose()
