"""A counter's replica on disk, per 1,000 cases and per event kept in full, before and
after compaction (sync.compaction): a year of one busy window (6,000 cases, real
payloads through the counter's CaseStore, confirmed by the server), compacted as of the
year's end with the default 90-day retention, then given its freed pages back.

    python -m bench.bench_replica_size [--cases 6000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import random
import shutil
import sys
import tempfile
import time

from bench import report

GOAL_PER_EVENT = 300


def build(d: pathlib.Path, n: int) -> None:
    """n cases over a year: registered, accepted, nine in ten closed (issued and rated,
    or withdrawn)."""
    from domain import events as ev
    from domain.application import Actor, registration_payload
    from sync import reference
    from sync.demo_data import demo_person, ensure_catalog
    from sync.replica import Replica
    from sync.store import CaseStore

    rng = random.Random(9)
    with Replica.in_dir(d) as r:
        r.identity()
        r.set_meta("mode", "enrolled")
        ensure_catalog(r)
        store = CaseStore(r)
        items = reference.load_catalog(r).items
        actor = Actor("S001", r.identity().terminal_id, "W01")
        t0 = dt.datetime(2025, 1, 2, 9, 0, tzinfo=ev.CHINA_TZ)
        step = dt.timedelta(days=365) / n
        with r.transaction():
            for k in range(n):
                t = t0 + step * k
                item = rng.choice(items)
                payload = registration_payload(
                    item, demo_person(rng), queue_no=f"A{rng.randrange(999):03d}",
                    provided={m.id: rng.random() > 0.1 for m in item.materials})
                _, case = store.open_case(payload, actor, now=t)
                store.record(case.id, ev.ACCEPTED, {}, actor, now=t)
                if rng.random() < 0.1:
                    continue  # still open at the year's end
                if item.instant:
                    store.record(case.id, ev.ISSUED, {"method": "collected"}, actor,
                                 now=t + dt.timedelta(minutes=20))
                    store.record(case.id, ev.RATED, {"level": 5, "channel": "pad"}, actor,
                                 now=t + dt.timedelta(minutes=21))
                else:  # (a case for review: closed here by its withdrawal)
                    store.record(case.id, ev.WITHDRAWN, {"reason": "申请人撤回"}, actor,
                                 now=t + dt.timedelta(minutes=20))
            r.conn.execute("UPDATE events SET server_seq=rowid, verdict='applied'")
            r.conn.execute("DELETE FROM outbox")


def measure(d: pathlib.Path, n: int) -> dict:
    from sync import sizes
    from sync.replica import Replica

    with Replica.in_dir(d) as r:
        r.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return {**sizes.report(r), "file": (d / "replica.sqlite3").stat().st_size}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.bench_replica_size")
    ap.add_argument("--cases", type=int, default=6000)
    args = ap.parse_args(argv)
    from domain.events import CHINA_TZ
    from sync import compaction
    from sync.replica import Replica

    work = pathlib.Path(tempfile.mkdtemp(prefix="yc-bench-replica-"))
    try:
        t0 = time.monotonic()
        build(work, args.cases)
        before = measure(work, args.cases)
        with Replica.in_dir(work) as r:
            t1 = time.monotonic()
            reports = []
            while True:
                rep = compaction.step(r, now=dt.datetime(2026, 1, 2, tzinfo=CHINA_TZ),
                                      budget_s=2.0)
                reports.append(rep)
                if rep.done:
                    break
            took = time.monotonic() - t1
        after = measure(work, args.cases)
        batches = [b for x in reports for b in x.batches]
        print(f"a year of one window: {args.cases} cases written in "
              f"{time.monotonic() - t0 - took:.0f} s; compaction {took:.1f} s in "
              f"{len(batches)} transactions (longest {max(batches):.1f} ms, goal < 50)")
        print(f"{'':28} {'before':>12} {'after':>12}")
        for label, key in (("file bytes", "file"), ("events kept in full", "events_kept"),
                           ("of them compressed", "events_compressed"),
                           ("cases kept as row only", "cases_as_row_only"),
                           ("bytes per event kept", "bytes_per_event"),
                           ("bytes per case row", "bytes_per_case_row")):
            print(f"{label:28} {before[key]!s:>12} {after[key]!s:>12}")
        per_k_before = before["file"] / args.cases * 1000
        per_k_after = after["file"] / args.cases * 1000
        print(f"{'bytes per 1,000 cases':28} {per_k_before:12.0f} {per_k_after:12.0f}")
        report.bench_line("replica per 1,000 cases, after compaction (90-day window)",
                          "stays small", f"{per_k_after / 1e6:.2f} MB "
                          f"(before {per_k_before / 1e6:.2f} MB)",
                          f"{per_k_after / per_k_before:.2f}× before")
        report.bench_line("replica bytes per event kept in full", f"≤ {GOAL_PER_EVENT} B",
                          f"{after['bytes_per_event']} B (before "
                          f"{before['bytes_per_event']} B)",
                          f"{after['bytes_per_event'] / GOAL_PER_EVENT:.2f}× goal")
        report.bench_line("compaction's longest transaction", "< 50 ms",
                          f"{max(batches):.1f} ms", f"{max(batches) / 50:.2f}× goal")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
