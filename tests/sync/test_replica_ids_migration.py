"""A replica from before the ids were packed (sync.stored_ids), upgraded: every case folds
as it did, the outbox still pushes, look-ups by case and slip find what they found, and
every id reads back as the same text — UUIDs and the ids that are not UUIDs alike.

The old replica is made the way an old terminal had it: real cases written through the
counter's CaseStore, then copied into a file built by the migrations before the one that
packs the ids (the old DDL: ids as text), with its rowids. Opening it runs the new
migration, as on a terminal upgraded after a month offline."""

from __future__ import annotations

import datetime as dt
import pathlib
import random
import sqlite3

import pytest

import sync.replica as replica_mod
from domain import events as ev
from domain.application import Actor, registration_payload
from sync import compaction, outbox, projection, queries, reference
from sync.client_cli import sync_once
from sync.demo_data import demo_person, ensure_catalog
from sync.replica import DB_NAME, Replica
from sync.schema import MIGRATIONS
from sync.store import CaseStore
from tests.support.converge import assert_converged
from tests.support.servers import ServerProcess, enrol_code, setup_hall
from tests.support.terminal import Term

# the migrations before the one that packs the ids (never its number: it may be renumbered)
OLD = next(i for i, sql in enumerate(MIGRATIONS) if "CREATE TABLE terminals" in sql)
T0 = dt.datetime(2025, 11, 3, 9, 0, tzinfo=ev.CHINA_TZ)
NOT_UUIDS = ("legacy-case-1", "legacy-ev-1", "back-1", "BACK")


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA {schema}.table_info({table})")]


def as_old_replica(src: pathlib.Path, dst: pathlib.Path) -> None:
    """Copy the replica `src` into a new file `dst` at the schema before the ids were
    packed, ids as text, rowids kept."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(replica_mod, "MIGRATIONS", MIGRATIONS[:OLD])
        conn = replica_mod.connect(dst)
        assert replica_mod.migrate(conn) == OLD
    assert conn.execute("PRAGMA user_version").fetchone()[0] == OLD
    conn.execute("ATTACH DATABASE ? AS s", (str(src),))
    conn.execute("BEGIN")
    tables = [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type="
                                         "'table' AND name NOT LIKE 'sqlite_%'")]
    for t in tables:
        if t in ("events", "outbox"):
            continue
        old = _columns(conn, "s", t)
        cols = ", ".join(c for c in _columns(conn, "main", t) if c in old)
        conn.execute(f"INSERT INTO main.{t} ({cols}) SELECT {cols} FROM s.{t}")
    conn.execute(
        "INSERT INTO main.events (rowid, id, case_id, kind, payload, expected_state, "
        "terminal_id, terminal_seq, staff_id, window_id, recorded_at, server_seq, verdict, "
        "refusal) SELECT e.rowid, unpack_id(e.id), unpack_id(e.case_id), e.kind, e.payload, "
        "e.expected_state, t.id, e.terminal_seq, e.staff_id, e.window_id, e.recorded_at, "
        "e.server_seq, e.verdict, e.refusal FROM s.events e JOIN s.terminals t "
        "ON t.no = e.terminal")
    conn.execute("INSERT INTO main.outbox (event_id, terminal_seq, queued_at, attempts, "
                 "last_error) SELECT unpack_id(event_id), terminal_seq, queued_at, attempts, "
                 "last_error FROM s.outbox")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE s")
    # what an old terminal had: every id text, a UUID in its 36 characters
    assert conn.execute("SELECT COUNT(*) FROM events WHERE typeof(id) != 'text' OR "
                        "typeof(case_id) != 'text' OR length(id) = 16").fetchone()[0] == 0
    conn.close()


def _replace_with_old(d: pathlib.Path) -> None:
    """The terminal's replica in `d` becomes the same data in the old layout."""
    src = d / "new.sqlite3"
    with Replica.in_dir(d) as r:
        r.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        r.conn.execute("VACUUM INTO ?", (str(src),))
    for p in d.glob(DB_NAME + "*"):
        p.unlink()
    as_old_replica(src, d / DB_NAME)
    src.unlink()


def _what_it_knows(r: Replica) -> dict:
    """Everything the faces and sync read through the ids, as text."""
    streams = sorted({x[0] for x in r.conn.execute(
        "SELECT unpack_id(case_id) FROM events")})
    cases = [dict(x) for x in r.conn.execute("SELECT * FROM cases ORDER BY id")]
    return {
        "streams": streams,
        "folds": {s: projection.load_stream(r, s) for s in streams},
        "events": {s: projection.stream_events(r, s) for s in streams},
        "pending": outbox.pending(r, 10_000),
        "by_number": {c["case_number"]: queries.by_number(r, c["case_number"])
                      for c in cases if c["case_number"]},
        "by_slip": {c["slip_number"]: queries.by_number(r, c["slip_number"])
                    for c in cases if c["slip_number"]},
        "ids": sorted(x[0] for x in r.conn.execute("SELECT unpack_id(id) FROM events")),
        "terminals": sorted({e.terminal_id for es in [projection.stream_events(r, s)
                                                      for s in streams] for e in es}),
        "rowids": [tuple(x) for x in r.conn.execute(
            "SELECT rowid, unpack_id(id), typeof(payload) FROM events ORDER BY rowid")],
        "confirmed_through": outbox.confirmed_through(r, r.identity().terminal_id),
        "compressed_rowid": r.get_meta("compressed_rowid"),
    }


def _write_cases(r: Replica, n: int, rng: random.Random, at: dt.datetime) -> list[str]:
    store = CaseStore(r)
    items = [i for i in reference.load_catalog(r).items if not i.instant]
    actor = Actor("S001", r.identity().terminal_id, "W01")
    out = []
    for k in range(n):
        t = at + dt.timedelta(minutes=7 * k)
        item = rng.choice(items)
        slip = k % 3 == 0
        payload = registration_payload(item, demo_person(rng), queue_no=f"A{k:03d}",
                                       provided={m.id: True for m in item.materials},
                                       slip_number=store.next_slip_number(t.date(), item.no)
                                       if slip else "")
        _, case = store.open_case(payload, actor, now=t)
        store.record(case.id, ev.ACCEPTED, {}, actor, now=t + dt.timedelta(minutes=2))
        if k % 2:
            store.record(case.id, ev.SUBMITTED_FOR_REVIEW, {}, actor,
                         now=t + dt.timedelta(minutes=3))
        out.append(case.id)
    return out


def test_an_old_replica_upgraded_reads_every_id_folds_and_finds_the_same(tmp_path):
    rng = random.Random(16)
    d = tmp_path / "t"
    with Replica.in_dir(d) as r:
        r.identity()
        ensure_catalog(r)
        cases = _write_cases(r, 24, rng, T0)
        # a case and an event whose ids are not UUIDs, written the counter's way
        store = CaseStore(r)
        actor = Actor("S001", r.identity().terminal_id, "W01")
        item = next(i for i in reference.load_catalog(r).items if not i.instant)
        store.open_case(registration_payload(item, demo_person(rng)), actor,
                        case_id="legacy-case-1", now=T0)
        in_review = cases[1]
        # offline, the counter withdraws a case it sees in review ...
        store.record(in_review, ev.WITHDRAWN, {"reason": "申请人撤回"}, actor,
                     now=T0 + dt.timedelta(days=2))
        store.record("legacy-case-1", ev.ACCEPTED, {}, actor, now=T0 + dt.timedelta(days=2))
        # ... while the server confirms the older events and the back office (a terminal
        # id that is no UUID) rejects it: the withdrawal becomes a conflict
        with r.transaction():
            r.conn.execute("UPDATE events SET server_seq=rowid, verdict='applied' "
                           "WHERE rowid <= 40")
            r.conn.execute("DELETE FROM outbox WHERE event_id IN (SELECT id FROM events "
                           "WHERE server_seq IS NOT NULL)")
            projection.insert_event(r, ev.Event(
                id="back-1", case_id=in_review, kind=ev.REJECTED,
                payload={"reason": "不符合条件"}, expected_state="in_review",
                terminal_id="BACK", terminal_seq=1, staff_id="S090",
                recorded_at="2025-11-04T11:00:00+08:00", server_seq=1000), outbox=False)
            r.conn.execute("UPDATE events SET verdict='applied' WHERE id = pack_id('back-1')")
        # a pending event with an id that is no UUID either
        with r.transaction():
            projection.insert_event(r, ev.Event(
                id="legacy-ev-1", case_id="legacy-case-1", kind=ev.SUBMITTED_FOR_REVIEW,
                payload={}, expected_state="accepted", terminal_id=r.identity().terminal_id,
                terminal_seq=r.next_counter(f"seq:{r.identity().terminal_id}"),
                staff_id="S001", window_id="W01",
                recorded_at="2025-11-05T10:00:00+08:00"), outbox=True)
            projection.project(r, ["legacy-case-1", in_review], store.calendar)
        # confirmed payloads a few days old are kept compressed (rows moved to the end)
        r.set_meta("mode", "enrolled")
        while not compaction.step(r, now=T0 + dt.timedelta(days=6), budget_s=5).done:
            pass
        before = _what_it_knows(r)
    assert before["compressed_rowid"] and any(p == "blob" for _, _, p in before["rowids"])
    assert before["folds"][cases[1]].conflicts  # the withdrawal lost to the back office
    assert {"legacy-case-1", "legacy-ev-1", "back-1"} <= {*before["ids"], *before["streams"]}
    assert "BACK" in before["terminals"]
    assert len(before["pending"]) > 10

    _replace_with_old(d)
    with Replica.in_dir(d) as r:
        assert r.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        after = _what_it_knows(r)
        # packed where they are UUIDs, the same text where they are not
        kinds = dict(r.conn.execute("SELECT unpack_id(id), typeof(id) FROM events"))
        assert {i for i, t in kinds.items() if t == "text"} == {"legacy-ev-1", "back-1"}
        assert r.conn.execute("SELECT COUNT(*) FROM events WHERE typeof(case_id)='text'"
                              ).fetchone()[0] == 3  # legacy-case-1's three events
        assert r.conn.execute("SELECT COUNT(*) FROM outbox WHERE typeof(event_id)='blob'"
                              ).fetchone()[0] == len(after["pending"]) - 1
        assert [x[0] for x in r.conn.execute("SELECT id FROM terminals ORDER BY no")] == [
            r.identity().terminal_id, "BACK"]
        # and a look-up by a case's id and by its slip, as the counter does them
        slip, rows = next(iter(after["by_slip"].items()))
        assert rows and projection.load_stream(r, rows[0]["id"]).slip_number == slip
    for key in before:
        assert after[key] == before[key], key


@pytest.fixture
def city(sqlite_url: str, tmp_path: pathlib.Path):  # type: ignore[no-untyped-def]
    setup_hall(sqlite_url)
    proc = ServerProcess(sqlite_url, log_dir=tmp_path).start()
    yield proc, sqlite_url
    proc.stop()


def test_a_terminal_upgraded_after_a_month_offline_pushes_all_it_kept(city, tmp_path):
    server, url = city
    a = Term(tmp_path / "a", server.url, enrol_code(url))
    first = [a.open_case() for _ in range(4)]
    for cid in first:
        a.step(cid, ev.ACCEPTED)
    assert sync_once(a.dir)["ok"]
    # a month offline: new cases, steps on old ones, a case whose id is no UUID
    later = [a.open_case() for _ in range(5)]
    for cid in [*first[:2], *later[:3]]:
        a.step(cid, ev.SUBMITTED_FOR_REVIEW if cid in first else ev.ACCEPTED)
    with Replica.in_dir(a.dir) as r:
        item = next(i for i in reference.load_catalog(r).items if not i.instant)
        CaseStore(r).open_case(registration_payload(item, demo_person(random.Random(1))),
                               Actor("S001", r.identity().terminal_id, "W01"),
                               case_id="legacy-case-1", now=a.now())
        before = _what_it_knows(r)
    assert len(before["pending"]) == 5 + 2 + 3 + 1

    _replace_with_old(a.dir)
    with Replica.in_dir(a.dir) as r:
        after = _what_it_knows(r)
    for key in before:
        assert after[key] == before[key], key
    out = sync_once(a.dir)
    assert out["ok"] and out["pending"] == 0, out.get("error")
    with Replica.in_dir(a.dir) as r:
        assert r.conn.execute("SELECT COUNT(*) FROM events WHERE server_seq IS NULL OR "
                              "verdict != 'applied'").fetchone()[0] == 0
        assert a.state("legacy-case-1") == "registered"
    # a terminal joining now gets every event of it from the server, folded the same
    b = Term(tmp_path / "b", server.url, enrol_code(url))
    assert assert_converged(url, [a.dir, b.dir]) == len(after["ids"])
