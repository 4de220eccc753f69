"""Replicas that stay small (issue 16): closed cases past the hall's retention window keep
their rows (look-up by slip, case or ID number, ratings, figures) and lose their events,
which the counter fetches from the server when someone opens such a case; nothing the
server has not confirmed is dropped; payloads are kept compressed and read back the
same; and all of it runs beside a working counter without holding a write > 50 ms."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

from domain import events as ev
from domain.application import Actor, registration_payload
from sync import compaction, lookup, queries, reference, sizes
from sync.client_cli import sync_once
from sync.demo_data import demo_person, ensure_catalog
from sync.figure_rows import figures
from sync.replica import Replica
from sync.store import CaseStore, load_case
from tests.support.servers import yichuang
from tests.support.terminal import Term

OLD = dt.timedelta(days=-200)


def _closed_case(t: Term) -> str:
    cid = t.open_case(instant=True)
    t.step(cid, ev.ACCEPTED)
    t.step(cid, ev.ISSUED, {"method": "collected"})
    return cid


def _month(t: Term) -> list[dict]:
    day = (dt.datetime.now(ev.CHINA_TZ) + OLD).date()
    with Replica.in_dir(t.dir) as r:
        return figures(r, day.replace(day=1), day, "item", today=dt.date.today())


def _events_of(d, cid: str) -> int:
    with Replica.in_dir(d) as r:
        return r.conn.execute("SELECT COUNT(*) FROM events WHERE case_id = pack_id(?)", (cid,)
                              ).fetchone()[0]


def test_old_closed_cases_keep_their_rows_and_come_back_whole(server, code_for, tmp_path):
    old = Term(tmp_path / "a", server.url, code_for(), clock_offset=OLD)
    closed = [_closed_case(old) for _ in range(5)]
    still_open = old.open_case()
    offline = _closed_case(old)
    assert sync_once(old.dir)["ok"]
    with Replica.in_dir(old.dir) as r:  # one still waits for the server: kept whole
        r.conn.execute("INSERT INTO outbox (event_id, terminal_seq, queued_at) SELECT id, "
                       "terminal_seq, recorded_at FROM events WHERE case_id = pack_id(?) LIMIT 1",
                       (offline,))
        rows = {cid: queries.by_number(r, r.conn.execute(
            "SELECT case_number FROM cases WHERE id=?", (cid,)).fetchone()[0])
            for cid in closed}
        before_states = {cid: load_case(r, cid).state for cid in closed}
    month = _month(old)
    with Replica.in_dir(old.dir) as r:
        rep = compaction.step(r, budget_s=5)
        assert rep.done and rep.compacted == 5 and rep.events_dropped == 15
        assert max(rep.batches) < 50
    for cid in closed:
        assert _events_of(old.dir, cid) == 0
    assert _events_of(old.dir, still_open) > 0 and _events_of(old.dir, offline) == 3
    with Replica.in_dir(old.dir) as r:  # every look-up still finds them
        for cid, found in rows.items():
            number = found[0]["case_number"]
            again = queries.by_number(r, number)
            assert [x["id"] for x in again] == [cid] and again[0]["state"] == "issued"
            assert queries.by_id_number(r, found[0]["applicant_id_number"])
    assert _month(old) == month  # the figures of that month are the same
    # opening one: its history comes from the server, whole
    number = rows[closed[0]][0]["case_number"]
    answer = lookup.fetch(old.dir, number)
    with Replica.in_dir(old.dir) as r:
        assert lookup.store(r, answer) == 1
        assert load_case(r, closed[0]).state == before_states[closed[0]]
        assert r.conn.execute("SELECT compacted FROM cases WHERE id=?",
                              (closed[0],)).fetchone()[0] == 0
    by_id = lookup.fetch(old.dir, ids=[closed[1]])
    with Replica.in_dir(old.dir) as r:
        lookup.store(r, by_id)
        assert len(load_case(r, closed[1]).history) == 3


def test_an_event_for_a_case_kept_as_row_only_brings_it_back_whole(server, code_for,
                                                                   tmp_path):
    a = Term(tmp_path / "a", server.url, code_for(), clock_offset=OLD)
    cid = _closed_case(a)
    sync_once(a.dir)
    b = Term(tmp_path / "b", server.url, code_for())
    with Replica.in_dir(a.dir) as r:
        assert compaction.step(r, budget_s=5).compacted == 1
    answer = lookup.fetch(b.dir, ids=[cid])  # b began after it closed: it asks too
    with Replica.in_dir(b.dir) as r:
        lookup.store(r, answer)
    b.step(cid, ev.RATED, {"level": 2, "channel": "sms"})  # a late rating, at b
    assert sync_once(b.dir)["ok"]
    assert sync_once(a.dir)["ok"]  # a pulls it: the case is fetched whole, then folded
    with Replica.in_dir(a.dir) as r:
        case = load_case(r, cid)
        assert case is not None and len(case.history) == 4 and case.rating["level"] == 2
        row = r.conn.execute("SELECT rating, compacted, state FROM cases WHERE id=?",
                             (cid,)).fetchone()
        assert tuple(row) == (2, 0, "issued")


def _fake_enrolled(d) -> Replica:
    r = Replica.in_dir(d)
    r.identity()  # (a standalone identity first, then as if enrolled)
    r.set_meta("mode", "enrolled")
    ensure_catalog(r)
    return r


def test_compaction_beside_a_working_counter_holds_no_write_long(tmp_path):
    """A counter writing as fast as it can while the replica drops the events of 1,500
    old closed cases and compresses the rest: no write waits > 50 ms for the lock, no
    look-up or figure is lost."""
    r = _fake_enrolled(tmp_path / "t")
    store = CaseStore(r)
    cat = reference.load_catalog(r)
    items = [i for i in cat.items if i.instant]
    import random

    rng = random.Random(5)
    actor = Actor("S001", r.identity().terminal_id, "W01")
    t = dt.datetime(2025, 6, 2, 9, 0, tzinfo=ev.CHINA_TZ)
    ids = []
    with r.transaction():
        for k in range(1500):
            payload = registration_payload(rng.choice(items), demo_person(rng),
                                           provided={})
            _, case = store.open_case(payload, actor, now=t + dt.timedelta(minutes=k))
            store.record(case.id, ev.ACCEPTED, {}, actor, now=t + dt.timedelta(minutes=k))
            store.record(case.id, ev.ISSUED, {"method": "collected"}, actor,
                         now=t + dt.timedelta(minutes=k, seconds=30))
            ids.append(case.id)
        r.conn.execute("UPDATE events SET server_seq=rowid, verdict='applied'")
        r.conn.execute("DELETE FROM outbox")
    numbers = dict(r.conn.execute("SELECT id, case_number FROM cases").fetchall())
    before = figures(r, dt.date(2025, 6, 1), dt.date(2025, 6, 30), "item",
                     today=dt.date(2025, 7, 1))
    waits: list[float] = []
    stop = threading.Event()

    def counter() -> None:
        rc = Replica.in_dir(tmp_path / "t")
        s = CaseStore(rc)
        while not stop.is_set():
            t0 = time.perf_counter()
            with rc.transaction():  # BEGIN IMMEDIATE: waits while compaction writes
                waits.append(time.perf_counter() - t0)
                payload = registration_payload(items[0], demo_person(rng), provided={})
                s.open_case(payload, Actor("S002", rc.identity().terminal_id, "W02"))
            time.sleep(0.005)
        rc.close()

    th = threading.Thread(target=counter)
    th.start()
    reports = []
    try:
        while True:
            rep = compaction.step(r, budget_s=0.5)
            reports.append(rep)
            if rep.done:
                break
    finally:
        stop.set()
        th.join(30)
    assert sum(x.compacted for x in reports) == 1500
    batches = [b for x in reports for b in x.batches]
    assert max(batches) < 50, max(batches)
    assert len(waits) > 20 and max(waits) < 0.050, max(waits)
    for cid in ids[::50]:
        assert [x["id"] for x in queries.by_number(r, numbers[cid])] == [cid]
    assert figures(r, dt.date(2025, 6, 1), dt.date(2025, 6, 30), "item",
                   today=dt.date(2025, 7, 1)) == before
    r.close()


def test_compressed_payloads_read_back_the_same_and_cost_less(tmp_path):
    r = _fake_enrolled(tmp_path / "t")
    from bench.workload import write_week

    write_week(r, 600, start=dt.datetime(2025, 6, 2, 9, 0, tzinfo=ev.CHINA_TZ))
    with r.transaction():
        r.conn.execute("UPDATE events SET server_seq=rowid, verdict='applied'")
        r.conn.execute("DELETE FROM outbox")
    ids = [x[0] for x in r.conn.execute("SELECT DISTINCT unpack_id(case_id) FROM events LIMIT 80")]
    folded = {cid: load_case(r, cid) for cid in ids}
    plain = sizes.report(r)
    now = dt.datetime(2025, 6, 20, tzinfo=ev.CHINA_TZ)  # all closed cases are recent
    while not compaction.step(r, now=now, budget_s=2).done:
        pass
    # no VACUUM here: the pages compression empties go back to the file system by
    # themselves (a file made in WAL mode before auto_vacuum, or payloads rewritten in
    # place, kept them all)
    packed = sizes.report(r)
    assert packed["events_compressed"] == packed["events_kept"] == plain["events_kept"]
    assert packed["bytes_per_event"] < plain["bytes_per_event"] * 0.6
    assert packed["free_bytes"] == 0
    assert packed["size_bytes"] < plain["size_bytes"] * 0.75
    r.close()
    with Replica.in_dir(tmp_path / "t") as again:  # a new process: dictionaries from disk
        assert {cid: load_case(again, cid) for cid in ids} == folded


def test_stats_prints_size_and_the_bytes_an_event_costs(tmp_path):
    d = tmp_path / "t"
    yichuang("demo-data", "--cases", "10", "--data-dir", str(d))
    out = json.loads(yichuang("stats", "--data-dir", str(d)).stdout)
    assert out["size_bytes"] > 0 and out["bytes_per_event_budget"] == 300
    assert out["events_kept"] == out["events"] and out["bytes_per_event"] > 0
