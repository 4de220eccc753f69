"""A node's order of a stream follows its upstream's (server.canon), on a real SQLite node
database, with a real terminal replica pulling from it through the same code as over HTTP.

The upstream's answers and pages are made by hand here, so each case of
docs/hall-node.md is exact: a back-office decision landing before a pending counter step,
the city calling a conflict the node did not see, an event the city refuses.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
import sqlalchemy as sa

from domain import events as ev
from domain.application import Actor, registration_payload
from server import auth, codeblocks, db, pull, push, upstream_apply
from sync import apply, outbox, reference, wire
from sync.demo_data import demo_person
from sync.enrol import standalone
from sync.replica import Replica
from sync.store import CaseStore, load_case

HALL = "T1"
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=ev.CHINA_TZ)


class Node:
    """A node database with one enrolled terminal whose replica writes real steps."""

    def __init__(self, tmp_path) -> None:
        self.db = db.Database(f"sqlite:///{tmp_path / 'node.sqlite3'}")
        db.init_db(self.db.engine)
        with self.db.writer() as conn:
            conn.execute(db.halls.insert().values(code=HALL, name="镇", created_at="x"))
            db.set_node_meta(conn, {"upstream_url": "http://city", "token": "t",
                                    "node_id": "N1", "node_code": "1001", "hall_code": HALL})
            codeblocks.keep_own_block(conn, ["1002", "1003"])
            got = auth.enrol(conn, auth.issue_code(conn, HALL))
            self.term = auth.terminal_for(conn, got["token"])
        assert self.term.code == "1002"  # from the node's block
        self.dir = tmp_path / "t"
        standalone(self.dir)
        with Replica.in_dir(self.dir) as r:
            r.set_identity(self.term.id, self.term.code, HALL)
        self.t = T0

    def step(self, case_id: str | None, kind: str, payload: dict | None = None) -> str:
        """A step at the terminal (a new case when `case_id` is None), pushed to the node
        at once: the hall's LAN is up."""
        self.t += dt.timedelta(minutes=1)
        with Replica.in_dir(self.dir) as r:
            store = CaseStore(r)
            actor = Actor("S001", self.term.id, "W01")
            if case_id is None:
                item = next(i for i in reference.load_catalog(r).items if not i.instant)
                p = registration_payload(item, demo_person(random.Random(1)))
                case_id = store.open_case(p, actor, now=self.t)[1].id
            else:
                store.record(case_id, kind, payload or {}, actor, now=self.t)
            events = outbox.pending(r, 100)
            with self.db.writer() as conn:
                out = push.store_batch(conn, HALL, self.term.id, _max_seq(conn, self.term.id),
                                       [e.to_wire() for e in events])
            outbox.record_answers(r, events, out.results)
        return case_id

    def pull(self) -> None:
        """The terminal pulls every page the node has for it."""
        with Replica.in_dir(self.dir) as r:
            while True:
                with self.db.reader() as conn:
                    page = pull.pull_page(conn, self.term, int(r.get_meta("cursor") or 0))
                apply.apply_page(r, page, self.term.id)
                if not page["more"]:
                    return

    def answer(self, results: list[tuple[int | None, str, str | None]]) -> list[str]:
        """The upstream answers the pending events, oldest first; their ids."""
        with self.db.writer() as conn:
            rows = upstream_apply.pending(conn, len(results))
            upstream_apply.record_answers(conn, rows, results)
        return [r.id for r in rows]

    def page(self, events: list[ev.Event], cursor: int) -> None:
        """A pull page from the upstream with these events (up seqs set)."""
        rows = [{**e.to_wire(), "verdict": "applied"} for e in events]
        with self.db.writer() as conn:
            upstream_apply.apply_page(conn, {
                "cursor": cursor, "more": False, "events": wire.pack_events(rows),
                "eh": wire.pack_values([HALL] * len(rows)), "own": None, "ref": []})

    def rows(self, case_id: str) -> list:
        with self.db.reader() as conn:
            return list(conn.execute(sa.select(db.events).where(db.events.c.case_id == case_id)
                                     .order_by(db.events.c.server_seq)))

    def state(self, case_id: str) -> str:
        with self.db.reader() as conn:
            return conn.execute(sa.select(db.cases.c.state).where(
                db.cases.c.id == case_id)).scalar_one()

    def seq(self) -> int:
        with self.db.reader() as conn:
            return db.current_seq(conn)

    def terminal_state(self, case_id: str) -> str:
        with Replica.in_dir(self.dir) as r:
            return load_case(r, case_id).state


def _max_seq(conn, tid: str) -> int:
    return int(conn.execute(sa.select(db.terminals.c.max_seq).where(
        db.terminals.c.id == tid)).scalar_one())


def _decision(case_id: str, kind: str, seq: int, up_seq: int, expected: str) -> ev.Event:
    return ev.Event(id=f"01900000-0000-7000-8000-{up_seq:012d}", case_id=case_id, kind=kind,
                    payload={}, expected_state=expected, terminal_id=f"bo-{HALL}",
                    terminal_seq=seq, staff_id="S9001", recorded_at=ev.now_iso(T0),
                    server_seq=up_seq)


@pytest.fixture
def node(tmp_path):
    n = Node(tmp_path)
    yield n
    n.db.dispose()


def test_a_back_office_decision_lands_before_a_pending_counter_step(node):
    cid = node.step(None, ev.REGISTERED)
    node.step(cid, ev.ACCEPTED)
    node.step(cid, ev.SUBMITTED_FOR_REVIEW)
    node.answer([(101, "a", None), (102, "a", None), (103, "a", None)])
    before = [(r.id, r.server_seq) for r in node.rows(cid)]
    assert all(r.first_seq is None for r in node.rows(cid))  # same order: nothing moved
    node.pull()
    cursor = node.seq()
    # WAN down: the counter withdraws; the node and its terminal say withdrawn
    node.step(cid, ev.WITHDRAWN, {"reason": "申请人撤回"})
    assert node.state(cid) == "withdrawn"
    withdrawal = node.rows(cid)[-1]
    # the city approved meanwhile (city seq 200, before the withdrawal reaches it)
    node.page([_decision(cid, ev.APPROVED, 1, 200, "in_review")], cursor=200)
    rows = node.rows(cid)
    assert [r.id for r in rows][:3] == [i for i, _ in before]  # the confirmed head stays
    assert [r.kind for r in rows] == [ev.REGISTERED, ev.ACCEPTED, ev.SUBMITTED_FOR_REVIEW,
                                      ev.APPROVED, ev.WITHDRAWN]
    moved = rows[-1]
    assert moved.id == withdrawal.id and moved.verdict == "conflict"
    assert moved.server_seq > cursor and moved.first_seq == withdrawal.server_seq
    assert node.state(cid) == "approved"
    # the node raised the conflict notice itself, as its own pseudo-terminal, and it
    # waits to go up after the withdrawal, in the order the node made them
    with node.db.reader() as conn:
        waiting = upstream_apply.pending(conn, 10)
    assert waiting[0].id == withdrawal.id
    assert waiting[1].kind == "notice.raised" and waiting[1].terminal_id == f"srv-{HALL}-n1001"
    # the terminal re-folds from what it pulls: approved, its withdrawal a conflict
    node.pull()
    assert node.terminal_state(cid) == "approved"
    with Replica.in_dir(node.dir) as r:
        assert r.conn.execute("SELECT verdict FROM events WHERE id = pack_id(?)",
                              (withdrawal.id,)).fetchone()[0] == "conflict"
        assert r.conn.execute("SELECT COUNT(*) FROM notices WHERE kind='conflict'"
                              ).fetchone()[0] == 1
    # the city agrees: nothing moves again
    seq = node.seq()
    node.answer([(201, "c", None), (202, "a", None)])
    assert node.seq() == seq


def test_the_city_finds_a_conflict_the_node_did_not_see(node):
    cid = node.step(None, ev.REGISTERED)
    node.step(cid, ev.ACCEPTED)
    node.step(cid, ev.SUBMITTED_FOR_REVIEW)
    node.answer([(101, "a", None), (102, "a", None), (103, "a", None)])
    node.step(cid, ev.WITHDRAWN, {"reason": "申请人撤回"})
    node.pull()
    assert node.terminal_state(cid) == "withdrawn"
    seq = node.seq()
    # the withdrawal reaches the city first: conflict there (the approval came before it)
    node.answer([(201, "c", None)])
    last = node.rows(cid)[-1]
    assert last.verdict == "conflict" and last.server_seq > seq
    # then the approval arrives by pull: it goes before the withdrawal, as at the city
    node.page([_decision(cid, ev.APPROVED, 1, 200, "in_review")], cursor=210)
    assert [r.kind for r in node.rows(cid)][-2:] == [ev.APPROVED, ev.WITHDRAWN]
    assert node.state(cid) == "approved"
    node.pull()
    assert node.terminal_state(cid) == "approved"
    with node.db.reader() as conn:  # the city raised that notice: the node does not
        assert upstream_apply.pending(conn, 10) == []


def test_an_event_the_city_refuses_leaves_the_stream_everywhere(node):
    cid = node.step(None, ev.REGISTERED)
    node.step(cid, ev.ACCEPTED)
    node.pull()
    seq = node.seq()
    ids = node.answer([(101, "a", None), (None, "r", "foreign_case: 办件属于其他大厅")])
    refused = next(r for r in node.rows(cid) if r.id == ids[1])
    assert refused.verdict == "refused" and refused.up_note.startswith("foreign_case")
    assert refused.server_seq > seq  # re-emitted, so the terminal hears of it
    assert node.state(cid) == "registered"
    with node.db.reader() as conn:
        waiting = upstream_apply.pending(conn, 10)
        assert [r.kind for r in waiting] == ["notice.raised"]  # the hall is told, upward too
        assert "foreign_case" in waiting[0].payload
    node.pull()
    assert node.terminal_state(cid) == "registered"
    with Replica.in_dir(node.dir) as r:
        assert r.conn.execute("SELECT verdict FROM events WHERE id = pack_id(?)",
                              (ids[1],)).fetchone()[0] == "refused"
        assert r.conn.execute("SELECT COUNT(*) FROM notices WHERE kind='quarantine'"
                              ).fetchone()[0] == 1


def test_the_nodes_cursor_only_moves_forward_and_no_seq_is_used_twice(node):
    cids = [node.step(None, ev.REGISTERED) for _ in range(3)]
    for c in cids:
        node.step(c, ev.ACCEPTED)
    node.answer([(100 + i, "a", None) for i in range(6)])
    for c in cids:  # pending at the city when its decisions arrive
        node.step(c, ev.SUBMITTED_FOR_REVIEW)
    node.pull()
    before = {r.id: r.server_seq for c in cids for r in node.rows(c)}
    cursor = node.seq()
    node.page([_decision(c, ev.SUPPLEMENT_REQUESTED, i + 1, 300 + i, "accepted")
               for i, c in enumerate(cids)], cursor=400)
    moved = [r for c in cids for r in node.rows(c) if r.id in before
             and r.server_seq != before[r.id]]
    assert len(moved) == 3 and all(r.kind == ev.SUBMITTED_FOR_REVIEW for r in moved)
    new = [r for c in cids for r in node.rows(c) if r.server_seq not in before.values()]
    assert new and all(r.server_seq > cursor for r in new)
    all_seqs = [r.server_seq for c in cids for r in node.rows(c)]
    assert len(all_seqs) == len(set(all_seqs))
    node.pull()
    for c in cids:
        assert node.terminal_state(c) == node.state(c) == "supplement_requested"


def test_a_step_the_city_rules_out_for_its_authors_role_stays_out_below(node):
    # the node holds no staff list (it could not check): the city can, and says conflict
    cid = node.step(None, ev.REGISTERED)
    node.step(cid, ev.ACCEPTED)
    node.pull()
    assert node.state(cid) == node.terminal_state(cid) == "accepted"
    ids = node.answer([(101, "a", None), (102, "c", None)])
    ruled = next(r for r in node.rows(cid) if r.id == ids[1])
    assert ruled.verdict == "conflict" and ruled.up_verdict == "conflict"
    assert node.state(cid) == "registered"  # the node folds it as the city's conflict
    node.pull()
    with Replica.in_dir(node.dir) as r:
        case = load_case(r, cid)
        assert case.state == "registered"
        assert [(c.event_id, c.why) for c in case.conflicts] == [(ids[1], "role")]
    with node.db.reader() as conn:  # the city raised that notice: the node does not
        assert upstream_apply.pending(conn, 10) == []


def test_a_node_with_the_staff_list_rules_a_pending_step_out_itself(node):
    with node.db.writer() as conn:
        conn.execute(db.reference.insert().values(
            hall_code=HALL, kind="staff", id="S001", change_seq=db.next_seqs(conn, 1),
            data='{"id": "S001", "no": "1001", "name": "王丽", "role": "guide"}'))
    cid = node.step(None, ev.REGISTERED)  # (the kiosk's registration: a guide may not)
    rows = node.rows(cid)
    assert [r.verdict for r in rows] == ["conflict"]
    with node.db.reader() as conn:
        waiting = upstream_apply.pending(conn, 10)
    assert [w.kind for w in waiting] == [ev.REGISTERED, "notice.raised"]
    assert '"why": "role"' in waiting[1].payload and "导办员不能进行「登记」" in waiting[1].payload
    # the upstream's decision lands before it: the node re-folds, and rules it out again
    node.page([_decision(cid, ev.WITHDRAWN, 1, 90, None)], cursor=95)
    assert [r.kind for r in node.rows(cid)] == [ev.WITHDRAWN, ev.REGISTERED]
    assert node.rows(cid)[-1].verdict == "conflict"
    node.pull()
    with Replica.in_dir(node.dir) as r:
        assert r.conn.execute("SELECT verdict FROM events WHERE id = pack_id(?)",
                              (rows[0].id,)).fetchone()[0] == "conflict"
