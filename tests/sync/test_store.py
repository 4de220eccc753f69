"""CaseStore on a real SQLite file: event + outbox + projection, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3

import pytest

from domain import events as ev
from domain import numbering
from domain.application import Actor, Person, registration_payload
from domain.catalog import catalog_from_dict
from domain.errors import IllegalTransition, InvalidNumber, MissingReason
from domain.streams import InvalidEvent
from resources import path
from sync import queries, store
from sync.replica import Replica
from sync.store import CaseStore

CHINA = ev.CHINA_TZ
ID = "11010519491231002X"
MON = dt.datetime(2025, 3, 3, 9, 30, tzinfo=CHINA)


@pytest.fixture(scope="module")
def catalog():
    return catalog_from_dict(json.loads(path("catalog", "demo.json").read_text("utf-8")))


@pytest.fixture
def replica(tmp_path):
    r = Replica(tmp_path / "replica.sqlite3")
    yield r
    r.close()


@pytest.fixture
def cs(replica):
    return CaseStore(replica, clock=lambda: MON)


def actor_of(replica) -> Actor:
    return Actor("S001", replica.identity().terminal_id, "W01")


def payload_for(catalog, item_no="0101", id_number=ID, name="张三"):
    item = catalog.item(item_no)
    return registration_payload(item, Person(name, id_number, phone="13800138000"),
                                provided={m.id: True for m in item.materials})


def snapshot(replica) -> dict[str, list[tuple]]:
    """Every row of every table: 'nothing written' means this does not change."""
    names = [r[0] for r in replica.conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {n: sorted(map(tuple, replica.conn.execute(f"SELECT * FROM {n}")), key=repr)
            for n in names}


def test_open_case_writes_event_outbox_and_projection(replica, cs, catalog):
    e, case = cs.open_case(payload_for(catalog), actor_of(replica), now=MON)
    assert e.kind == ev.REGISTERED and e.expected_state is None and e.terminal_seq == 1
    ev_rows = replica.conn.execute("SELECT unpack_id(id) AS id, payload FROM events").fetchall()
    assert [r["id"] for r in ev_rows] == [e.id]
    assert json.loads(ev_rows[0]["payload"])["applicant"]["id_number"] == ID
    ob = replica.conn.execute("SELECT unpack_id(event_id), terminal_seq FROM outbox").fetchall()
    assert [tuple(r) for r in ob] == [(e.id, 1)]
    row = queries.by_number(replica, case.case_number)[0]
    assert (row["id"], row["state"], row["item_no"], row["applicant_id_number"]) == (
        case.id, "registered", "0101", ID)
    assert row["deadline"] is None and row["registered_at"] == "2025-03-03T09:30:00+08:00"


def test_acceptance_sets_the_deadline(replica, cs, catalog):
    # item 0101: promised, 1 working day; accepted Fri 7 Mar 2025 → Mon 10 Mar
    fri = dt.datetime(2025, 3, 7, 16, 0, tzinfo=CHINA)
    _, case = cs.open_case(payload_for(catalog), actor_of(replica), now=fri)
    cs.record(case.id, ev.ACCEPTED, {}, actor_of(replica), now=fri)
    row = queries.by_number(replica, case.case_number)[0]
    assert (row["state"], row["deadline"], row["paused"], row["staff_id"]) == (
        "accepted", "2025-03-10", 0, "S001")
    cs.record(case.id, ev.SUPPLEMENT_REQUESTED, {"missing": ["公司章程"]}, actor_of(replica),
              now=fri + dt.timedelta(hours=1))
    row = queries.by_number(replica, case.case_number)[0]
    assert (row["state"], row["deadline"], row["paused"]) == ("supplement_requested", None, 1)


@pytest.mark.parametrize("scenario", ["illegal", "no_reason", "unserialisable", "bad_materials",
                                      "bad_number"])
def test_a_refused_step_leaves_no_rows_anywhere(replica, cs, catalog, scenario):
    actor = actor_of(replica)
    _, case = cs.open_case(payload_for(catalog), actor, now=MON)
    before = snapshot(replica)
    with pytest.raises((IllegalTransition, MissingReason, TypeError, KeyError, InvalidNumber,
                        InvalidEvent)):
        if scenario == "illegal":
            cs.record(case.id, ev.ISSUED, {"method": "collected"}, actor)
        elif scenario == "no_reason":
            cs.record(case.id, ev.REFUSED, {"reason": " "}, actor)
        elif scenario == "unserialisable":
            cs.open_case({**payload_for(catalog), "when": dt.datetime.now()}, actor)
        elif scenario == "bad_materials":
            cs.open_case({**payload_for(catalog), "materials": [{"name": "无编号"}]}, actor)
        else:
            with replica.transaction():  # the 10,000th case of the day does not fit
                replica.conn.execute(
                    "INSERT INTO counters (name, value) VALUES ('case:2025-03-03', 9999) "
                    "ON CONFLICT (name) DO UPDATE SET value=9999")
                cs.open_case(payload_for(catalog), actor)
    assert snapshot(replica) == before
    assert not replica.conn.in_transaction
    # and the store still works: the next step gets the next terminal_seq
    e, _ = cs.record(case.id, ev.ACCEPTED, {}, actor)
    assert e.terminal_seq == 2


def test_terminal_seq_counts_up_and_is_unique(replica, cs, catalog):
    actor = actor_of(replica)
    seqs = []
    for _ in range(5):
        e, case = cs.open_case(payload_for(catalog), actor)
        seqs.append(e.terminal_seq)
        seqs.append(cs.record(case.id, ev.ACCEPTED, {}, actor)[0].terminal_seq)
    assert seqs == list(range(1, 11))
    dup = ev.Event(id="other-id", case_id=case.id, kind=ev.RATED, payload={"level": 5},
                   expected_state=None, terminal_id=actor.terminal_id, terminal_seq=3,
                   staff_id="S001", recorded_at="2025-03-03T10:00:00+08:00")
    with pytest.raises(sqlite3.IntegrityError), replica.transaction():
        store.insert_event(replica, dup, outbox=False)
    # another terminal may use the same number
    with replica.transaction():
        store.insert_event(replica, ev.Event(**{**dup.__dict__, "terminal_id": "T-other"}),
                           outbox=False)


def test_case_numbers_unique_per_terminal_per_day(replica, cs, catalog):
    actor = actor_of(replica)
    numbers = [cs.open_case(payload_for(catalog), actor, now=MON)[1].case_number
               for _ in range(25)]
    assert len(set(numbers)) == 25
    parsed = [numbering.parse(n) for n in numbers]
    assert [p.serial for p in parsed] == list(range(1, 26))
    assert {(p.kind, p.day, p.terminal_code) for p in parsed} == {
        ("case", dt.date(2025, 3, 3), replica.identity().terminal_code)}
    tue = cs.open_case(payload_for(catalog), actor, now=MON + dt.timedelta(days=1))[1]
    assert numbering.parse(tue.case_number).serial == 1
    assert tue.case_number not in numbers
    slip = cs.next_slip_number(MON.date(), "0101")
    p = numbering.parse(slip)
    assert (p.kind, p.item_no, p.serial) == ("slip", "0101", 1)


def test_two_terminals_never_share_a_number(tmp_path, catalog):
    seen = set()
    for code in ("0001", "0002"):
        with Replica(tmp_path / code / "replica.sqlite3") as r:
            r.set_identity(f"tid-{code}", code, "371100")
            s = CaseStore(r)
            for _ in range(10):
                seen.add(s.open_case(payload_for(catalog), actor_of(r), now=MON)[1].case_number)
    assert len(seen) == 20


def test_projection_matches_a_rebuild_and_follows_server_order(replica, cs, catalog):
    actor = actor_of(replica)
    _, case = cs.open_case(payload_for(catalog), actor, now=MON)
    cs.record(case.id, ev.ACCEPTED, {}, actor, now=MON)
    cs.record(case.id, ev.SUBMITTED_FOR_REVIEW, {}, actor, now=MON)
    cs.record(case.id, ev.RATED, {"level": 4}, actor, now=MON)
    row = dict(replica.conn.execute("SELECT * FROM cases WHERE id=?", (case.id,)).fetchone())
    store.project(replica, [case.id])
    assert dict(replica.conn.execute("SELECT * FROM cases WHERE id=?",
                                     (case.id,)).fetchone()) == row
    assert row["rating"] == 4 and row["state"] == "in_review"
    # offline, the counter withdraws the case (it sees in_review) ...
    withdrawn, _ = cs.record(case.id, ev.WITHDRAWN, {"reason": "申请人撤回"}, actor, now=MON)
    # ... while the server confirms our first four steps and the back office's rejection
    with replica.transaction():
        for seq, (eid,) in enumerate(replica.conn.execute(
                "SELECT id FROM events WHERE id != pack_id(?) ORDER BY terminal_seq",
                (withdrawn.id,)).fetchall(), start=1):
            replica.conn.execute("UPDATE events SET server_seq=? WHERE id=?", (seq, eid))
            replica.conn.execute("DELETE FROM outbox WHERE event_id=?", (eid,))
        store.insert_event(replica, ev.Event(
            id="back-1", case_id=case.id, kind=ev.REJECTED, payload={"reason": "不符合条件"},
            expected_state="in_review", terminal_id="BACK", terminal_seq=1, staff_id="S090",
            recorded_at="2025-03-03T11:00:00+08:00", server_seq=5), outbox=False)
    store.project(replica, [case.id])
    loaded = store.load_case(replica, case.id)
    # server order first, our pending withdrawal on top: no longer legal → a conflict
    assert [s.event_id for s in loaded.history][-2:] == ["back-1", withdrawn.id]
    assert loaded.state == "rejected" and loaded.reason == "不符合条件"
    assert [c.event_id for c in loaded.conflicts] == [withdrawn.id]
    row = replica.conn.execute("SELECT state, conflicts FROM cases WHERE id=?",
                               (case.id,)).fetchone()
    assert tuple(row) == ("rejected", 1)
    assert store.load_case(replica, "no-such-case") is None


def test_id_numbers_are_stored_but_never_logged(replica, cs, catalog, caplog):
    caplog.set_level(logging.DEBUG)
    actor = actor_of(replica)
    numbers = ["440524188001010014", "110105198001010024", ID]
    for n in numbers:
        _, case = cs.open_case(payload_for(catalog, id_number=n), actor)
        cs.record(case.id, ev.ACCEPTED, {}, actor)
    for n in numbers:
        assert [r["applicant_id_number"] for r in queries.by_id_number(replica, n)] == [n]
        queries.search(replica, n.lower())
    Replica(replica.path).close()  # reopening logs too
    logged = caplog.text + "".join(repr(r.args) for r in caplog.records)
    for n in numbers:
        assert n not in logged and n[6:14] + n[14:] not in logged


def test_writing_after_re_enrolment_with_pending_events(replica, cs, catalog):
    """The seq counter is per terminal id: a new id's seq 1 must not collide in the outbox."""
    cs.open_case(payload_for(catalog), actor_of(replica), now=MON)
    replica.set_identity("new-terminal-id", "0042", "371100")  # old event still pending
    e, _ = cs.open_case(payload_for(catalog), actor_of(replica), now=MON)
    assert e.terminal_id == "new-terminal-id"
    assert e.terminal_seq == 1
    assert replica.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 2
