"""A writer killed with SIGKILL at random moments leaves whole steps or none of them.

A real subprocess writes cases through CaseStore in a loop and prints after each commit;
the test kills it several times and checks the replica after each kill.
"""

from __future__ import annotations

import os
import pathlib
import random
import signal
import subprocess
import sys
import time

import pytest

from domain.lifecycle import REGISTERED
from sync.replica import Replica
from sync.store import load_case

ROOT = pathlib.Path(__file__).resolve().parents[2]

WRITER = r"""
import json, sys
from domain import events as ev
from domain.application import Actor, Person, registration_payload
from domain.catalog import catalog_from_dict
from resources import path
from sync.replica import Replica
from sync.store import CaseStore

catalog = catalog_from_dict(json.loads(path("catalog", "demo.json").read_text("utf-8")))
item = catalog.item("0101")
replica = Replica(sys.argv[1])
store = CaseStore(replica)
actor = Actor("S001", replica.identity().terminal_id, "W01")
print("ready", flush=True)
while True:
    payload = registration_payload(item, Person("张三", "11010519491231002X"),
                                   provided={m.id: True for m in item.materials})
    _, case = store.open_case(payload, actor)
    print("case", case.id, flush=True)
    store.record(case.id, ev.ACCEPTED, {}, actor)
    print("step", case.id, flush=True)
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_and_kill(db: pathlib.Path, rnd: random.Random) -> list[tuple[str, str]]:
    """Start the writer, let it commit a random number of steps, SIGKILL it mid-flight."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    out: list[str] = []
    try:
        first = proc.stdout.readline()
        assert first.strip() == "ready", first + proc.stderr.read()
        for _ in range(rnd.randrange(0, 40)):
            line = proc.stdout.readline()
            if not line:
                break
            out.append(line)
        time.sleep(rnd.random() * 0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        # what was printed (so committed) before the kill is still in the pipe; a line cut
        # by the kill is a commit that was not reported in full: the "+1" the checks allow
        rest = proc.stdout.read()
        complete = rest.split("\n")[:-1]
        out.extend(complete)
        err = proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, err
    return [tuple(line.split()) for line in out if line.strip()]


def table_count(replica: Replica, sql: str) -> int:
    return replica.conn.execute(sql).fetchone()[0]


def check_replica(replica: Replica) -> None:
    c = replica.conn
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    # no half case: a case row exactly when its registered event is there
    rows = {r[0] for r in c.execute("SELECT id FROM cases")}
    registered = {r[0] for r in c.execute("SELECT unpack_id(case_id) FROM events WHERE kind='registered'")}
    assert rows == registered
    assert table_count(replica, "SELECT COUNT(*) FROM events WHERE case_id NOT IN "
                                "(SELECT pack_id(id) FROM cases)") == 0
    # every event has its outbox row and nothing else is in the outbox (none were pushed)
    assert table_count(replica, "SELECT COUNT(*) FROM events e LEFT JOIN outbox o "
                                "ON o.event_id = e.id WHERE o.event_id IS NULL") == 0
    assert table_count(replica, "SELECT COUNT(*) FROM outbox") == table_count(
        replica, "SELECT COUNT(*) FROM events")
    # terminal_seq: 1..N without gaps or repeats, and the counter agrees
    seqs = [r[0] for r in c.execute("SELECT terminal_seq FROM events ORDER BY terminal_seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    counter = c.execute("SELECT value FROM counters WHERE name LIKE 'seq:%'").fetchone()
    assert (counter[0] if counter else 0) == len(seqs)
    # each projection row is the fold of its events
    for cid, state, number in c.execute("SELECT id, state, case_number FROM cases"):
        case = load_case(replica, cid)
        assert case is not None and case.history[0].kind == REGISTERED
        assert (case.state, case.case_number) == (state, number)


def test_sigkill_mid_write_leaves_whole_steps(tmp_path):
    seed = int.from_bytes(os.urandom(4), "big")
    rnd = random.Random(seed)
    db = tmp_path / "replica.sqlite3"
    reported_cases: set[str] = set()
    reported_steps: set[str] = set()
    for round_no in range(5):
        with Replica(db) as r:
            before_cases = table_count(r, "SELECT COUNT(*) FROM cases")
            before_acc = table_count(r, "SELECT COUNT(*) FROM events WHERE kind='accepted'")
        lines = run_and_kill(db, rnd)
        new_cases = {cid for kind, cid in lines if kind == "case"}
        new_steps = {cid for kind, cid in lines if kind == "step"}
        reported_cases |= new_cases
        reported_steps |= new_steps
        with Replica(db) as r:
            msg = f"seed={seed} round={round_no}"
            check_replica(r)
            got_cases = table_count(r, "SELECT COUNT(*) FROM cases") - before_cases
            got_acc = table_count(r, "SELECT COUNT(*) FROM events WHERE kind='accepted'") - before_acc
            assert got_cases in (len(new_cases), len(new_cases) + 1), msg
            assert got_acc in (len(new_steps), len(new_steps) + 1), msg
            states = dict(r.conn.execute("SELECT id, state FROM cases").fetchall())
            assert reported_cases <= set(states), msg
            assert all(states[cid] == "accepted" for cid in reported_steps), msg
            numbers = [n for (n,) in r.conn.execute("SELECT case_number FROM cases")]
            assert len(set(numbers)) == len(numbers), msg
    assert reported_cases, f"the writer never committed (seed={seed})"
