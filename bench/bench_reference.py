"""Reference data on a terminal: what a calendar or catalog change costs.

Figures beside their goal:
- the provisional estimate of a year nobody loaded (tyme4py): once per year per process;
- a pulled 2027 calendar recomputing the deadlines of N open cases that run into it, in
  the pull's own transaction (goal: well under a second for a hall's open cases, since
  the sync round holds the writer meanwhile);
- composing a ~900-item catalog from standard rows and the hall's enabled rows (Yibin's
  922 items), which every face does again after a catalog change.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time

from bench.report import bench_line, met
from domain import events as ev
from domain.application import Actor, registration_payload
from domain.calendar_file import decode, parse_schedule
from resources import ROOT
from sync import calendar, demo_data, reference
from sync.replica import Replica
from sync.store import CaseStore


def _timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_estimate() -> None:
    from sync import festivals

    t0 = time.perf_counter()
    festivals.estimate(2031)
    first = time.perf_counter() - t0
    print(f"provisional estimate of one year: {first * 1000:.1f} ms first call "
          f"(goal < 50 ms), cached after")
    bench_line("calendar: provisional estimate of one year", "< 50 ms",
               f"{first * 1000:.1f} ms {met(first < 0.05)}")


def bench_recompute(n: int) -> None:
    sample = parse_schedule(decode((ROOT.parent / "docs" / "calendar" / "sample-2027.csv")
                                   .read_bytes()))
    with tempfile.TemporaryDirectory() as tmp, Replica.in_dir(tmp) as r:
        demo_data.ensure_catalog(r)
        catalog = reference.load_catalog(r)
        items = [i for i in catalog.items if not i.instant]
        rng = random.Random(1)
        store = CaseStore(r)
        actor = Actor("S001", r.identity().terminal_id, "W01")
        with r.transaction():
            for k in range(n):
                when = dt.datetime(2026, 12, 15, 9, tzinfo=ev.CHINA_TZ) + dt.timedelta(
                    hours=k % 400)
                item = rng.choice(items)
                payload = registration_payload(item, demo_data.demo_person(rng))
                _, case = store.open_case(payload, actor, now=when)
                store.record(case.id, ev.ACCEPTED, {}, actor, now=when)
        before = calendar.load(r)
        t0 = time.perf_counter()
        with r.transaction():
            reference.store_rows(r, [("calendar", "2027", sample.to_dict())])
            moved = calendar.reproject_changed(r, before)
        took = time.perf_counter() - t0
    print(f"2027 calendar arrives, {moved} of {n} open cases recomputed: {took * 1000:.0f} ms "
          f"({took / max(moved, 1) * 1e6:.0f} µs per case; goal < 1 s per 2,000)")
    per_2000 = took / max(n, 1) * 2000
    bench_line(f"calendar: a new year pulled, {moved} of {n} open cases recomputed",
               "< 1 s per 2,000 open cases", f"{took * 1000:.0f} ms {met(per_2000 < 1)}")


def bench_compose(n: int) -> None:
    std = {"level": "city", "version": 3, "kind": "promised", "promised_days": 5,
           "legal_days": 20, "department": "D01",
           "materials": [{"id": f"M{k}", "name": f"材料{k}", "originals": 1} for k in range(6)]}
    rows = [("hall", "hall", {"code": "511500", "name": "宜宾市政务服务中心"})]
    for k in range(n):
        code = f"11511500MB{k:017d}"
        rows.append(("std_item", f"city:{code}", {**std, "code": code, "name": f"事项{k}号办理"}))
        rows.append(("enabled", f"{k + 1:04d}", {"no": f"{k + 1:04d}", "code": code,
                                                 "level": "city", "zone": "Z1"}))
    took = _timed(lambda: reference.compose_rows(rows))
    print(f"compose {n} items from standard + enabled rows: {took * 1000:.0f} ms median "
          f"(goal < 200 ms)")
    bench_line(f"catalog: compose {n} items from the standard", "< 200 ms",
               f"{took * 1000:.0f} ms {met(took < 0.2)}")


def main(argv: list[str] | None = None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    n = int(argv[0]) if argv else 2000
    bench_estimate()
    bench_recompute(n)
    bench_compose(922)
    return 0


if __name__ == "__main__":
    sys.exit(main())
