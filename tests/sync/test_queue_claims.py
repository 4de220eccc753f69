"""Calls are claims the server decides: two counters never get the same ticket, the loser
takes the next one at once, and a counter that reaches no server calls nobody."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from domain import tickets as tk
from domain.application import Actor
from server import db
from sync import queue, queue_claim, tickets
from sync.client_cli import sync_once
from sync.replica import Replica
from sync.store import CaseStore
from tests.support.converge import assert_converged, sync_all
from tests.support.terminal import Term


def take(term: Term, n: int, zone: str = "Z1") -> list[str]:
    with Replica.in_dir(term.dir) as r:
        me = r.identity().terminal_id
        return [queue.take(CaseStore(r), zone, Actor("guide", me), channel="guide").number
                for _ in range(n)]


def server_calls(db_url: str) -> list[tuple[str, str, str]]:
    database = db.Database(db_url)
    try:
        with database.reader() as conn:
            e = db.events
            return [(r.case_id, r.verdict, r.window_id) for r in conn.execute(
                sa.select(e.c.case_id, e.c.verdict, e.c.window_id)
                .where(e.c.kind == tk.CALLED).order_by(e.c.server_seq))]
    finally:
        database.dispose()


@pytest.fixture
def hall(server, code_for, tmp_path):
    guide = Term(tmp_path / "guide", server.url, code_for())
    a = Term(tmp_path / "counter-a", server.url, code_for())
    b = Term(tmp_path / "counter-b", server.url, code_for())
    return guide, a, b


def test_the_loser_of_a_clash_gets_the_following_ticket_at_once(hall, hall_db):
    guide, a, b = hall
    numbers = take(guide, 3)
    sync_all([guide.dir, a.dir, b.dir], rounds=1)  # both counters see three waiting
    first = queue_claim.call_next(a.dir, "W01", "S001")
    assert first.number == numbers[0] and first.decided_by == "server"
    # B has not heard of A's call: it claims the same ticket, loses, takes the next
    second = queue_claim.call_next(b.dir, "W02", "S003", fresh=False)
    assert second.number == numbers[1]
    assert second.attempts == 2 and second.lost_to_others == [first.ticket_id]
    verdicts = [(v, w) for _, v, w in server_calls(hall_db)]
    assert verdicts == [("applied", "W01"), ("conflict", "W02"), ("applied", "W02")]
    with Replica.in_dir(b.dir) as r:  # after the call B's replica agrees with the server
        assert tickets.ticket(r, first.ticket_id)["window_id"] == "W01"
        n = r.conn.execute("SELECT COUNT(*) FROM notices").fetchone()[0]
    assert n == 0  # a clash of two calls needs nobody's attention
    sync_all([guide.dir, a.dir, b.dir])
    assert_converged(hall_db, [guide.dir, a.dir, b.dir])


def test_two_counters_pressing_next_together_never_share_a_ticket(hall, hall_db):
    guide, a, b = hall
    numbers = take(guide, 12)
    assert sync_once(guide.dir)["ok"]
    got: dict[str, list[str]] = {"W01": [], "W02": []}
    errors: list[BaseException] = []

    def counter(term: Term, window: str, staff: str, gate: threading.Barrier) -> None:
        for _ in range(6):
            gate.wait(timeout=30)
            try:
                got[window].append(queue_claim.call_next(term.dir, window, staff).number)
            except queue_claim.NobodyWaiting:
                pass
            except BaseException as exc:  # surfaced below
                errors.append(exc)

    gate = threading.Barrier(2)
    threads = [threading.Thread(target=counter, args=(a, "W01", "S001", gate)),
               threading.Thread(target=counter, args=(b, "W02", "S003", gate))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    called = got["W01"] + got["W02"]
    assert len(called) == len(set(called)) == 12, got
    assert sorted(called) == sorted(numbers)
    calls = server_calls(hall_db)
    applied = [c for c, v, _ in calls if v == "applied"]
    assert len(applied) == len(set(applied)) == 12  # the server never applied two calls
    with pytest.raises(queue_claim.NobodyWaiting):
        queue_claim.call_next(a.dir, "W01", "S001")
    sync_all([guide.dir, a.dir, b.dir])
    assert_converged(hall_db, [guide.dir, a.dir, b.dir])


def test_no_server_no_call_and_a_withdrawn_claim_leaves_the_ticket_waiting(hall, server,
                                                                          hall_db):
    guide, a, _ = hall
    [number] = take(guide, 1)
    assert sync_once(guide.dir)["ok"] and sync_once(a.dir)["ok"]
    server.stop()
    with pytest.raises(queue_claim.NoServer):
        queue_claim.call_next(a.dir, "W01", "S001")
    with Replica.in_dir(a.dir) as r:
        row = tickets.by_number(r, tickets_day(r), number)
        assert row["state"] == tk.WAITING  # nobody was called here
        pending = r.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    assert pending == 0  # the pull failed before any claim was recorded
    # the link drops between the claim and its verdict: the claim is withdrawn
    with pytest.raises(queue_claim.NoServer):
        queue_claim.call_next(a.dir, "W01", "S001", fresh=False)
    with Replica.in_dir(a.dir) as r:
        kinds = [k for (k,) in r.conn.execute(
            "SELECT e.kind FROM outbox o JOIN events e ON e.id=o.event_id ORDER BY o.terminal_seq")]
        assert kinds == [tk.CALLED, tk.RELEASED]
        assert tickets.by_number(r, tickets_day(r), number)["state"] == tk.WAITING
    server.start()
    sync_all([guide.dir, a.dir])
    database = db.Database(hall_db)
    with database.reader() as conn:
        state = conn.execute(sa.select(db.cases.c.state).where(
            db.cases.c.stream == "ticket")).scalar_one()
    database.dispose()
    assert state == tk.WAITING  # called, then released: waiting again at its place
    assert_converged(hall_db, [guide.dir, a.dir])


def tickets_day(r: Replica) -> str:
    return r.conn.execute("SELECT MAX(day) FROM tickets").fetchone()[0]


def test_a_new_display_gets_todays_queue_in_its_snapshot(hall, server, hall_db, code_for,
                                                        tmp_path):
    guide, a, _ = hall
    numbers = take(guide, 3)
    sync_all([guide.dir, a.dir], rounds=1)
    first = queue_claim.call_next(a.dir, "W01", "S001")
    late = Term(tmp_path / "late-display", server.url, code_for())  # bootstraps by snapshot
    with Replica.in_dir(late.dir) as r:
        day = tickets_day(r)
        assert [x["number"] for x in tickets.waiting(r, day)] == numbers[1:]
        assert tickets.at_window(r, day, "W01")["number"] == first.number
