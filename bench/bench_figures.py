"""Figures for a month of a 130-window hall (Rizhao: 650,000 cases a year → ~54,000 a
month) on a replica, by window; budget < 1 s. The monthly PDF for that hall: < 5 s.

    python -m bench.bench_figures [--cases 54000]

The facts rows are bulk-inserted in the shapes domain.figure_facts writes (building a
month through CaseStore would take far longer than what is measured). The server path
runs the same counting over the same rows (tests/sync/test_figures_agree.py); its SQL is
one index range like the replica's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import random
import statistics
import sys
import tempfile
import time

from domain import figures as fg
from domain.figure_facts import FACT_COLUMNS, LIVE

BUDGET_S, PDF_BUDGET_S = 1.0, 5.0
MONTH = "2026-03"


def build(replica, n: int, seed: int = 5) -> None:  # type: ignore[no-untyped-def]
    from sync.demo_data import ensure_catalog

    ensure_catalog(replica)
    rng = random.Random(seed)
    from sync import reference

    codes = [i.code for i in reference.load_catalog(replica).items]
    windows = [f"W{i:03d}" for i in range(1, 131)]
    staff = [f"S{i:03d}" for i in range(1, 161)]
    rows = []
    for i in range(n):
        day = dt.date(2026, 3, 1) + dt.timedelta(days=rng.randrange(31))
        d = day.isoformat()
        instant = rng.random() < 0.932
        done = d if instant else (day + dt.timedelta(days=rng.randrange(0, 9))).isoformat()
        deadline = None if instant else (day + dt.timedelta(days=7)).isoformat()
        rated = rng.random() < 0.6
        row = dict.fromkeys(FACT_COLUMNS)
        w = rng.choice(windows)
        row.update(id=f"c{i}", stream="case", item_code=rng.choice(codes), window_id=w,
                   staff_id=rng.choice(staff), instant=int(instant), registered_on=d,
                   accepted_on=d, completed_on=done, deadline=deadline,
                   work_days=0 if instant else 3, first_on=d,
                   last_on=max(done, deadline or done))
        if rated:
            row.update(rating=rng.choices((5, 4, 3, 2, 1), (80, 14, 4, 1, 1))[0],
                       rating_ref=f"r{i}", rating_channel="pad", rated_on=done,
                       rating_staff_id=row["staff_id"], rating_window_id=w)
        if not instant and rng.random() < 0.02:
            row.update(completed_on=None, last_on=LIVE)
        rows.append(tuple(row[c] for c in FACT_COLUMNS))
    with replica.transaction():
        replica.conn.executemany(
            f"INSERT INTO figure_facts ({', '.join(FACT_COLUMNS)}) VALUES "
            f"({', '.join('?' * len(FACT_COLUMNS))})", rows)
    replica.set_meta("figure_facts_backfilled", "1")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cases", type=int, default=54_000)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args(argv)
    from desktop.report_sources import ReplicaSource, monthly_review
    from printing import monthly
    from sync.replica import Replica

    with tempfile.TemporaryDirectory(prefix="yc-bench-fig-") as tmp:
        replica = Replica(pathlib.Path(tmp) / "r.sqlite3")
        t0 = time.perf_counter()
        build(replica, args.cases)
        print(f"built {args.cases} cases' facts in {time.perf_counter() - t0:.1f} s")
        period = fg.Period.month(MONTH, dt.date(2026, 4, 2))
        src = ReplicaSource(replica)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            rows, total = src.compute(period, "window")
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        print(f"replica figures, one month by window: median {med:.3f} s over {args.repeat} "
              f"(budget {BUDGET_S} s) — {total['accepted']} accepted, {len(rows)} rows")
        t0 = time.perf_counter()
        pdf = monthly.to_pdf(monthly_review(src, MONTH, dt.date(2026, 4, 2)))
        pdf_s = time.perf_counter() - t0
        print(f"monthly PDF: {pdf_s:.2f} s, {len(pdf)} bytes (budget {PDF_BUDGET_S} s)")
        replica.close()
    return 0 if med < BUDGET_S and pdf_s < PDF_BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
