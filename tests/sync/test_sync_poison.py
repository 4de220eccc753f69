"""Poison events (issue 13): what one terminal's token pushes can never stop a hall.

The server validates every event with the domain code the terminals apply it with and
refuses, per event, a payload the fold, the deadline, a projection or a paper cannot
take. And an event that reached the server before a check existed is quarantined on
every terminal — kept, reported, the rest applied, the cursor moving on.
"""

from __future__ import annotations

import json

import requests
import sqlalchemy as sa

from domain import events as ev
from domain.ids import uuid7
from server import db
from sync import notices, wire
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support.converge import assert_converged
from tests.support.terminal import Term, token_of

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
WHEN = "2026-03-02T09:00:00+08:00"


def _me(d) -> tuple[str, str]:
    with Replica.in_dir(d) as r:
        tid = r.identity().terminal_id
    return tid, token_of(d)


def _event(tid: str, seq: int, kind: str, payload: dict, case_id: str | None = None,
           expected: str | None = None, **kw) -> dict:
    e = ev.Event(id=uuid7(), case_id=case_id or uuid7(), kind=kind, payload=payload,
                 expected_state=expected, terminal_id=tid, terminal_seq=seq, staff_id="S001",
                 recorded_at=WHEN, window_id="W01").to_wire()
    return {**e, **kw}


def _registration(**over) -> dict:
    return {"case_number": "", "item_no": "0101", "item_code": "X", "item_name": "测试事项",
            "instant": False, "promised_days": 5, "legal_days": 20,
            "applicant": {"name": "张三", "id_type": "resident",
                          "id_number": "11010519491231002X", "phone": "", "address": ""},
            "materials": [{"id": "M1", "name": "申请书", "provided": True}], **over}


def _push(url: str, token: str, rows: list[dict]) -> requests.Response:
    return requests.post(url + "/api/v1/sync/push", data=wire.gzip_body(
        {"batch": wire.pack_events(rows)}), headers={
        **H, "Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
        "Content-Type": "application/json"}, timeout=30)


def test_poison_from_one_token_is_refused_and_the_hall_keeps_syncing(server, hall_db,
                                                                     code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    cid = a.open_case()
    a.step(cid, ev.ACCEPTED)
    assert sync_once(a.dir)["ok"] and sync_once(b.dir)["ok"]
    tid, token = _me(a.dir)
    big = _event(tid, 100, ev.REGISTERED, _registration(promised_days=3000))
    rows = [
        # the reproduction: a limit no deadline can be computed for
        _event(tid, 101, ev.REGISTERED, _registration(promised_days=5000)),
        # a timestamp whose China date overflows (was a 500 for the whole batch)
        _event(tid, 102, ev.REGISTERED, _registration(), recorded_at="9999-12-31T23:59:59-12:00"),
        # a date the deadline arithmetic would run past the end of the calendar with
        _event(tid, 103, ev.ACCEPTED, {}, case_id=cid, expected="accepted",
               recorded_at="9999-12-30T12:00:00+08:00"),
        # what a projection or a paper cannot show
        _event(tid, 104, ev.REGISTERED, _registration(applicant={"name": {"given": "三"}})),
        _event(tid, 105, ev.REGISTERED, _registration(
            materials=[{"id": "M1", "name": ["申请书"], "provided": True}])),
        _event(tid, 106, ev.REGISTERED, _registration(item_name={"x": 1})),
        _event(tid, 107, ev.REGISTERED, _registration(), staff_id="S\x00001"),
        _event(tid, 108, ev.REGISTERED, _registration(applicant={"name": "张\x00三"})),
        # a second extension (past what a deadline can be, and past the one the law
        # allows): a conflict, kept, not applied — never a deadline that raises on every
        # terminal
        big,
        _event(tid, 109, ev.ACCEPTED, {}, case_id=big["case_id"], expected="registered"),
        # (by a department head who approves it himself: a clerk's would be a role
        # conflict, server.rulings)
        _event(tid, 110, ev.EXTENDED, {"days": 10, "reason": "核查", "approved_by": "S070",
                                       "previous_days": 0}, case_id=big["case_id"],
               expected="accepted", staff_id="S070"),
        _event(tid, 111, ev.EXTENDED, {"days": 700, "reason": "核查", "approved_by": "S070",
                                       "previous_days": 10}, case_id=big["case_id"],
               expected="accepted", staff_id="S070"),
        _event(tid, 112, ev.REGISTERED, _registration()),  # and a good one goes through
    ]
    r = _push(server.url, token, rows)
    assert r.status_code == 200, r.text
    letters = "".join(x[1] for x in wire.unpack_verdicts(r.json()["results"]))
    assert letters == "rrrrrrrr" + "aaac" + "a"
    why = r.json()["results"]["why"]
    assert all(why[str(i)].startswith("malformed") for i in range(8))
    # every other terminal goes on, and a new one starts from a snapshot
    assert sync_once(b.dir)["ok"]
    late = Term(tmp_path / "late", server.url, code_for())
    assert late.first_sync["ok"]
    for t in (b, late):  # (a pushed them itself: it hears verdicts, not the events)
        with Replica.in_dir(t.dir) as rep:
            assert _quarantined(rep) == 0
            row = rep.conn.execute("SELECT deadline FROM cases WHERE id=?",
                                   (big["case_id"],)).fetchone()
            assert row is not None and row[0] > "2030"
    assert sync_once(a.dir)["ok"]
    assert_converged(hall_db, [b.dir, late.dir])


def _store_raw(db_url: str, e: dict, hall: str = "371100") -> int:
    """What a server without today's checks did: store the event as it came."""
    database = db.Database(db_url)
    try:
        with database.writer() as conn:
            seq = db.next_seqs(conn, 1)
            conn.execute(db.events.insert().values(
                server_seq=seq, id=e["id"], hall_code=hall, case_id=e["case_id"],
                kind=e["kind"], payload=json.dumps(e["payload"], ensure_ascii=False),
                expected_state=e["expected_state"], terminal_id=e["terminal_id"],
                terminal_seq=e["terminal_seq"], staff_id=e["staff_id"],
                window_id=e["window_id"], recorded_at=e["recorded_at"], verdict="applied",
                pushed_by=e["terminal_id"], received_at=WHEN))
            conn.execute(db.cases.insert().values(
                id=e["case_id"], hall_code=hall, stream="case", state="registered",
                conflicts=0, last_seq=seq, updated_at=WHEN))
            conn.execute(db.terminals.update().where(db.terminals.c.id == e["terminal_id"])
                         .values(max_seq=e["terminal_seq"]))
        return seq
    finally:
        database.dispose()


def test_an_event_a_terminal_cannot_apply_is_quarantined_and_sync_goes_on(
        server, hall_db, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    tid, token = _me(a.dir)
    # stored by an older server: a registration then an acceptance whose deadline
    # cannot be computed (5,000 days)
    poison = _event(tid, 50, ev.REGISTERED, _registration(promised_days=5000))
    _store_raw(hall_db, poison)
    accept = _event(tid, 51, ev.ACCEPTED, {}, case_id=poison["case_id"], expected="registered")
    with Replica.in_dir(a.dir) as rep:  # a's own seqs go on after the raw ones
        rep.conn.execute("INSERT OR REPLACE INTO counters VALUES (?, 100)", (f"seq:{tid}",))
    cid = a.open_case()  # and a good case from the same terminal
    a.step(cid, ev.ACCEPTED)
    # the server folds the stored poison leniently: a step on its stream is no 500
    r = _push(server.url, token, [accept])
    assert r.status_code == 200, r.text
    out = sync_once(a.dir)
    assert out["ok"], out.get("error")
    got = sync_once(b.dir)
    assert got["ok"], got
    with Replica.in_dir(b.dir) as rep:
        assert b.state(cid) == "accepted"  # the rest of the page was applied
        q = rep.conn.execute("SELECT event_id, reason FROM quarantine").fetchall()
        assert {x[0] for x in q} == {poison["id"]}
        assert "out of range" in q[0][1]
        kept = rep.conn.execute("SELECT verdict FROM events WHERE id = pack_id(?)",
                                (poison["id"],)).fetchone()
        assert kept[0] == "quarantined"  # kept, never silently dropped
        notes = [n for n in notices.open_notices(rep) if n["kind"] == "quarantine"]
        assert len(notes) == 1 and "隔离" in notes[0]["text"]
        cursor = int(rep.get_meta("cursor"))
    assert cursor >= _top(hall_db) - 2  # moved on (its own notice may follow)
    assert sync_once(b.dir)["ok"]  # and the next round is clean
    # a terminal enrolled now starts from a snapshot that holds the poison, and starts
    late = Term(tmp_path / "late", server.url, code_for())
    assert late.first_sync["ok"] and late.state(cid) == "accepted"
    with Replica.in_dir(late.dir) as rep:
        assert _quarantined(rep) == 1


def _quarantined(rep: Replica) -> int:
    return rep.conn.execute("SELECT COUNT(*) FROM quarantine").fetchone()[0]


def _top(db_url: str) -> int:
    database = db.Database(db_url)
    try:
        with database.reader() as conn:
            return int(conn.execute(sa.select(sa.func.max(db.events.c.server_seq)))
                       .scalar_one())
    finally:
        database.dispose()


def test_a_stream_whose_every_event_is_poison_leaves_no_rows_behind(tmp_path):
    """Found by the fault campaign: when no event of a stream applies, its rows are
    deleted from every table that holds them (the case row, its figure facts) — the
    projector list had become a list of lists, and the round crashed instead."""
    from sync import projection, quarantine
    from sync.demo_data import ensure_catalog
    from sync.store import calendar_of

    with Replica.in_dir(tmp_path) as rep:
        ensure_catalog(rep)
        tid = rep.identity().terminal_id
        poison = ev.Event.from_wire(_event(tid, 1, ev.REGISTERED,
                                           _registration(promised_days=5000)))
        with rep.transaction():
            projection.insert_event(rep, poison, outbox=False)
            # a row an earlier, lenient build had written for it
            rep.conn.execute("INSERT INTO figure_facts (id, stream, first_on, last_on) "
                             "VALUES (?, 'case', '2026-03-02', '2026-03-02')",
                             (poison.case_id,))
            bad = quarantine.project(rep, [poison.case_id], calendar_of(rep))
        assert bad == [poison.id]
        assert rep.conn.execute("SELECT COUNT(*) FROM cases WHERE id=?",
                                (poison.case_id,)).fetchone()[0] == 0
        assert rep.conn.execute("SELECT COUNT(*) FROM figure_facts WHERE id=?",
                                (poison.case_id,)).fetchone()[0] == 0
        assert _quarantined(rep) == 1
