"""The rule table on the server (issue 10): a step taken offline by someone whose role,
as the hall's staff records now say, may not take it lands as a conflict — why `role`,
a notice saying so, the same fold on the server and on every terminal — while the
kiosk, the system, SMS, queue scripts and the back office go on as before. Over real
HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import sqlalchemy as sa

from domain import events as ev
from domain import notices as dn
from domain import tickets as tk
from domain.application import Actor
from server import admin, db
from sync import notices, queue, reference
from sync.replica import Replica
from sync.store import CaseStore, load_case
from tests.support.converge import assert_converged, sync_all
from tests.support.servers import HALL, backoffice_decide
from tests.support.terminal import Term


def _set_staff(db_url: str, staff_id: str, no: str, name: str, role: str,
               department: str | None = None, window: str | None = None) -> None:
    """The administrator changes a staff record at the server (the terminal is offline)."""
    database = db.Database(db_url)
    try:
        with database.writer() as conn:
            admin.add_staff(conn, HALL, admin.staff_record(
                staff_id, no, name, role, window, password="pw-rulings", department=department))
    finally:
        database.dispose()


def _as_logged_in(r: Replica, staff_id: str) -> Actor:
    """The actor a face builds from the staff record this terminal holds (Actor.of)."""
    staff = reference.load_catalog(r).staff_member(staff_id)
    assert staff is not None
    return Actor.of(staff, r.identity().terminal_id, staff.window)


def _server_rows(db_url: str, **where: str) -> list:
    database = db.Database(db_url)
    try:
        with database.reader() as conn:
            q = sa.select(db.events).order_by(db.events.c.server_seq)
            for k, v in where.items():
                q = q.where(db.events.c[k] == v)
            return list(conn.execute(q))
    finally:
        database.dispose()


def _role_notices(db_url: str, event_id: str) -> list[dict]:
    out = []
    for row in _server_rows(db_url, kind=dn.RAISED):
        p = json.loads(row.payload)
        if p.get("event_id") == event_id:
            out.append(p)
    return out


def test_a_step_the_role_may_not_take_is_a_conflict_everywhere(server, hall_db, code_for,
                                                               tmp_path):
    counter = Term(tmp_path / "counter", server.url, code_for())
    other = Term(tmp_path / "other", server.url, code_for())
    cid = counter.open_case()
    assert sync_all([counter.dir, other.dir], rounds=1)
    # S003 was a clerk when this terminal last synced; the administrator makes him a
    # guide (导办员) while the counter is offline, and he accepts a case there
    _set_staff(hall_db, "S003", "1003", "刘洋", "guide", window="W02")
    with Replica.in_dir(counter.dir) as r:
        actor = _as_logged_in(r, "S003")
        e, case = CaseStore(r).record(cid, ev.ACCEPTED, {}, actor)
        assert case.state == "accepted"  # offline, the terminal's record said clerk
    sync_all([counter.dir, other.dir])
    row = _server_rows(hall_db, id=e.id)[0]
    assert row.verdict == "conflict"
    notes = _role_notices(hall_db, e.id)
    assert len(notes) == 1 and notes[0]["topic"] == dn.CONFLICT
    assert notes[0]["detail"]["why"] == "role" and notes[0]["case_id"] == cid
    assert "导办员不能进行「受理」" in notes[0]["text"]
    for t in (counter, other):
        with Replica.in_dir(t.dir) as r:
            c = load_case(r, cid)
            assert c.state == "registered"  # not silently applied …
            assert [(x.event_id, x.why) for x in c.conflicts] == [(e.id, "role")]
            assert any(s.event_id == e.id and s.conflict for s in c.history)  # … nor dropped
            assert [n["text"] for n in notices.unseen(r, dn.CONFLICT)
                    if n["case_id"] == cid] == [notes[0]["text"]]
    assert_converged(hall_db, [counter.dir, other.dir])
    # the same terminal, once its staff list is fresh, refuses the step itself
    with Replica.in_dir(counter.dir) as r:
        try:
            CaseStore(r).record(cid, ev.ACCEPTED, {}, _as_logged_in(r, "S003"))
        except Exception as exc:  # roles.Forbidden, offline as well as on the server
            assert "导办员不能进行「受理」" in str(exc)
        else:
            raise AssertionError("a guide accepted a case")


def test_a_reviewer_outside_the_cases_department_is_a_conflict(server, hall_db, code_for,
                                                               tmp_path):
    counter = Term(tmp_path / "counter", server.url, code_for())
    office = Term(tmp_path / "office", server.url, code_for())
    cid = counter.open_case()
    counter.step(cid, ev.ACCEPTED)
    counter.step(cid, ev.SUBMITTED_FOR_REVIEW)
    sync_all([counter.dir, office.dir], rounds=1)
    with Replica.in_dir(office.dir) as r:
        dep = load_case(r, cid).department
        reviewer = next(s for s in reference.load_catalog(r).staff
                        if s.role == "reviewer" and s.department == dep)
    moved = "D01" if dep != "D01" else "D02"
    _set_staff(hall_db, reviewer.id, reviewer.no, reviewer.name, "reviewer", department=moved)
    with Replica.in_dir(office.dir) as r:
        e, _ = CaseStore(r).record(cid, ev.APPROVED, {"reason": "符合条件"},
                                   _as_logged_in(r, reviewer.id))
    sync_all([office.dir, counter.dir])
    assert _server_rows(hall_db, id=e.id)[0].verdict == "conflict"
    (note,) = _role_notices(hall_db, e.id)
    assert "不属于您所在的部门" in note["text"] and note["detail"]["why"] == "role"
    for t in (counter, office):
        assert t.state(cid) == "in_review"
    assert_converged(hall_db, [counter.dir, office.dir])


def test_kiosk_system_sms_scripts_and_the_back_office_are_not_ruled_out(server, hall_db,
                                                                       code_for, tmp_path):
    import random

    from desktop.kiosk.rating import kiosk_rating
    from desktop.kiosk.registration import register
    from devices.pad.interface import Rating
    from sync import ratings as sr
    from sync.demo_data import demo_person

    kiosk = Term(tmp_path / "kiosk", server.url, code_for())
    counter = Term(tmp_path / "counter", server.url, code_for())
    with Replica.in_dir(kiosk.dir) as r:
        catalog = reference.load_catalog(r)
        item = next(i for i in catalog.items if not i.instant)
        register(CaseStore(r), catalog, item, demo_person(random.Random(3)), kiosk_no=1)
        me = r.identity().terminal_id
        nid = notices.add(r, dn.KIOSK_PRINTER, "自助登记机1号：缺纸")  # as `system`
        assert notices.resolve(r, dn.KIOSK_PRINTER) == 1  # the printer recovered
        ticket = queue.take(CaseStore(r), item.zone, Actor("script", me))
    cases = []
    for _ in range(2):
        cid = counter.open_case()
        counter.step(cid, ev.ACCEPTED)
        counter.step(cid, ev.SUBMITTED_FOR_REVIEW)
        cases.append(cid)
    sync_all([kiosk.dir, counter.dir], rounds=1)
    for cid in cases:  # the back office decides (its own reviewer, its own terminal)
        assert backoffice_decide(server, cid, "approve").status_code == 200
    sync_all([counter.dir, kiosk.dir], rounds=1)
    for cid in cases:
        counter.step(cid, ev.RESULT_READY)
        counter.step(cid, ev.ISSUED, {"method": "collected"})
    with Replica.in_dir(counter.dir) as r:
        # an SMS reply (the `sms` author) rates one badly: the system opens the follow-up
        _, fid = sr.record_rating(CaseStore(r), cases[0], 1, "sms",
                                  Actor("sms", r.identity().terminal_id))
        assert fid
    sync_all([counter.dir, kiosk.dir], rounds=1)
    with Replica.in_dir(kiosk.dir) as r:
        assert kiosk_rating(CaseStore(r), cases[1], Rating(5))  # a slip scanned at the kiosk
    sync_all([kiosk.dir, counter.dir])
    rows = _server_rows(hall_db)
    assert rows and all(r.verdict == "applied" for r in rows), [
        (r.kind, r.staff_id) for r in rows if r.verdict != "applied"]
    assert {r.staff_id for r in rows} >= {"kiosk", "system", "sms", "script", "S001"}
    assert {r.terminal_id for r in rows} >= {f"bo-{HALL}"}
    with Replica.in_dir(counter.dir) as r:
        assert r.conn.execute("SELECT state FROM notices WHERE id=?",
                              (nid,)).fetchone()[0] == dn.DONE
        assert r.conn.execute("SELECT state FROM tickets WHERE id=?",
                              (ticket.id,)).fetchone()[0] == tk.WAITING
        assert not notices.unseen(r, dn.CONFLICT)
        assert [load_case(r, c).rating["channel"] for c in cases] == ["sms", "kiosk"]
    assert_converged(hall_db, [kiosk.dir, counter.dir])


def test_an_unknown_author_and_a_ticket_called_by_a_reviewer_are_conflicts(
        server, hall_db, code_for, tmp_path):
    kiosk = Term(tmp_path / "kiosk", server.url, code_for())
    counter = Term(tmp_path / "counter", server.url, code_for())
    with Replica.in_dir(kiosk.dir) as r:
        zone = reference.load_catalog(r).zones[0].id
        ticket = queue.take(CaseStore(r), zone, Actor("kiosk", r.identity().terminal_id))
    sync_all([kiosk.dir, counter.dir], rounds=1)
    with Replica.in_dir(counter.dir) as r:
        me = r.identity().terminal_id
        called = queue.step(CaseStore(r), ticket.id, tk.CALLED, "W01", Actor("S050", me, "W01"))
        assert called.state == tk.ON_CALL  # the terminal took it: a reviewer at a window
        cid = counter.open_case()
    with Replica.in_dir(counter.dir) as r:
        ghost, _ = CaseStore(r).record(cid, ev.ACCEPTED, {}, Actor("S999", me, "W01"))
    sync_all([counter.dir, kiosk.dir])
    by_id = {r.id: r for r in _server_rows(hall_db)}
    call = next(r for r in by_id.values() if r.kind == tk.CALLED)
    assert call.verdict == "conflict" and by_id[ghost.id].verdict == "conflict"
    (call_note,) = _role_notices(hall_db, call.id)
    assert "审批人员不能进行「叫号」" in call_note["text"] and "case_id" not in call_note
    (ghost_note,) = _role_notices(hall_db, ghost.id)
    assert "S999不在本大厅的人员名单中" in ghost_note["text"]
    for t in (kiosk, counter):
        with Replica.in_dir(t.dir) as r:
            assert r.conn.execute("SELECT state FROM tickets WHERE id=?",
                                  (ticket.id,)).fetchone()[0] == tk.WAITING
        assert t.state(cid) == "registered"
    assert_converged(hall_db, [kiosk.dir, counter.dir])
