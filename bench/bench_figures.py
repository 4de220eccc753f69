"""Figures for a month of a 130-window hall (Rizhao: 650,000 cases a year → ~54,000 a
month) by window — budget < 1 s — and the hall's monthly PDF — budget < 5 s — on a
terminal's replica and on the server over SQLite and PostgreSQL, side by side; then a
month of 1,000,000 cases, whose figures and PDF must not hold the month in memory
(peak RSS of a child process that does only that).

    python -m bench.bench_figures [--months 12] [--per-month 54000] [--big 1000000]
                                  [--no-postgres] [--repeat 5]

The stores hold a year of the hall (the months before the one measured, like a real
replica or city database), the hall's catalog has 130 windows and 160 clerks, and the
facts rows are bulk-inserted in the shapes domain.figure_facts writes (building a year
through CaseStore would take far longer than what is measured).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

from bench.report import bench_line, met
from domain import figures as fg
from domain.figure_facts import FACT_COLUMNS, LIVE

BUDGET_S, PDF_BUDGET_S, RSS_BUDGET_MIB = 1.0, 5.0, 300
MONTH, TODAY = "2026-03", dt.date(2026, 4, 2)
WINDOWS, STAFF = 130, 160
CHUNK = 20_000


def hall_catalog() -> dict[str, Any]:
    """The demo hall grown to Rizhao's size: 130 windows, 160 clerks (and its supervisors)."""
    from resources import path

    data = json.loads(path("catalog", "demo.json").read_text("utf-8"))
    zones = [z["id"] for z in data["zones"]]
    pw = data["staff"][0]["password_hash"]
    data["windows"] = [{"id": f"W{i:03d}", "no": f"{i:03d}", "name": f"{i}号窗口",
                        "zone": zones[i % len(zones)], "comprehensive": i % 3 == 0}
                       for i in range(1, WINDOWS + 1)]
    bosses = [s for s in data["staff"] if s["role"] != "clerk"]
    data["staff"] = [{"id": f"S{i:03d}", "no": f"{2000 + i}", "name": f"工作人员{i}",
                      "role": "clerk", "window": f"W{(i - 1) % WINDOWS + 1:03d}",
                      "password_hash": pw} for i in range(1, STAFF + 1)]
    data["staff"] += [{**s, "id": f"B{s['id']}", "window": None} for s in bosses]
    return data


def month_starts(months: int, last: str = MONTH) -> list[dt.date]:
    y, m = map(int, last.split("-"))
    out = []
    for _ in range(months):
        out.append(dt.date(y, m, 1))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def facts(codes: list[str], first: dt.date, n: int, seed: int, prefix: str
          ) -> Iterator[tuple[Any, ...]]:
    """`n` cases accepted in the month starting `first`: 93.2 % instant, most rated, a
    few promised ones still open, some overdue, a follow-up per bad rating."""
    rng = random.Random(seed)
    days = ((first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - first).days
    windows = [f"W{i:03d}" for i in range(1, WINDOWS + 1)]
    for i in range(n):
        day = first + dt.timedelta(days=rng.randrange(days))
        d = day.isoformat()
        instant = rng.random() < 0.932
        done = d if instant else (day + dt.timedelta(days=rng.randrange(0, 9))).isoformat()
        deadline = None if instant else (day + dt.timedelta(days=7)).isoformat()
        w = rng.choice(windows)
        staff = f"S{(int(w[1:]) - 1 + WINDOWS * rng.randrange(2)) % STAFF + 1:03d}"
        row = dict.fromkeys(FACT_COLUMNS)
        row.update(id=f"{prefix}{i}", stream="case", item_code=rng.choice(codes),
                   window_id=w, staff_id=staff, instant=int(instant), registered_on=d,
                   accepted_on=d, completed_on=done, deadline=deadline,
                   work_days=0 if instant else rng.randrange(1, 8), first_on=d,
                   last_on=max(done, deadline or done))
        if rng.random() < 0.6:
            level = rng.choices((5, 4, 3, 2, 1), (80, 14, 4, 1, 1))[0]
            row.update(rating=level, rating_ref=f"{prefix}r{i}", rating_channel="pad",
                       rated_on=done, rating_staff_id=staff, rating_window_id=w)
            if level <= 2:
                f = dict.fromkeys(FACT_COLUMNS)
                f.update(id=f"{prefix}f{i}", stream="followup", item_code=row["item_code"],
                         window_id=w, staff_id=staff, rating=level, opened_on=done,
                         due=(dt.date.fromisoformat(done) + dt.timedelta(days=7)).isoformat(),
                         outcome="open", first_on=done, last_on=LIVE)
                yield tuple(f[c] for c in FACT_COLUMNS)
        if not instant and rng.random() < 0.02:
            row.update(completed_on=None, last_on=LIVE, work_days=None)
        if rng.random() < 0.28 / 0.72 * 0.1:  # consultations, Jiedong's share, a tenth
            yield (f"{prefix}q{i}", "consultation", row["item_code"], w, staff,
                   *([None] * 14), d, None, None, 5, "answered", None, d, d)
        yield tuple(row[c] for c in FACT_COLUMNS)


def year_of_rows(codes: list[str], months: int, per_month: int) -> Iterator[tuple[Any, ...]]:
    for k, first in enumerate(month_starts(months)):
        yield from facts(codes, first, per_month, seed=k, prefix=f"m{k}-")


def chunks(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    buf: list[tuple[Any, ...]] = []
    for r in rows:
        buf.append(r)
        if len(buf) >= CHUNK:
            yield buf
            buf = []
    if buf:
        yield buf


# --- the stores ------------------------------------------------------------------------

def build_replica(folder: pathlib.Path, rows: Callable[[list[str]], Iterator]) -> Any:
    from sync import reference
    from sync.replica import Replica

    replica = Replica(folder / "r.sqlite3")
    reference.import_catalog(replica, hall_catalog())
    codes = [i.code for i in reference.load_catalog(replica).items]
    insert = (f"INSERT INTO figure_facts ({', '.join(FACT_COLUMNS)}) VALUES "
              f"({', '.join('?' * len(FACT_COLUMNS))})")
    for part in chunks(rows(codes)):
        with replica.transaction():
            replica.conn.executemany(insert, part)
    replica.set_meta("figure_facts_backfilled", "1")
    replica.conn.execute("ANALYZE")
    return replica


def build_server(url: str, rows: Callable[[list[str]], Iterator]) -> Any:
    from server import admin, db
    from server import figure_rows as sfr

    database = db.Database(url)
    db.init_db(database.engine)
    hall = hall_catalog()
    with database.writer() as conn:
        admin.ensure_calendar(conn)
        admin.import_catalog(conn, hall)
    with database.reader() as conn:
        codes = sorted(sfr.labels(conn, [hall["hall"]["code"]])[hall["hall"]["code"]].item)
    cols = ["hall_code", *FACT_COLUMNS]
    raw = database.engine.raw_connection()
    try:
        cur = raw.cursor()
        if database.is_sqlite:
            cur.execute("BEGIN")
            cur.executemany(f"INSERT INTO figure_facts ({', '.join(cols)}) VALUES "
                            f"({', '.join('?' * len(cols))})",
                            ((hall["hall"]["code"], *r) for r in rows(codes)))
            cur.execute("COMMIT")
            cur.execute("ANALYZE")
        else:
            with cur.copy(f"COPY figure_facts ({', '.join(cols)}) FROM STDIN") as copy:
                for r in rows(codes):
                    copy.write_row((hall["hall"]["code"], *r))
            raw.commit()
            cur.execute("ANALYZE figure_facts")
            raw.commit()
    finally:
        raw.close()
    return database


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median wall and CPU seconds of this process (the database server's CPU is in the
    wall time only; on a shared machine the CPU time says what the work costs)."""
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), out


def measure(name: str, src_factory: Callable[[], Any], repeat: int) -> dict[str, float]:
    """Figures by window (median of `repeat`) and the monthly PDF (median of 3)."""
    from desktop.report_sources import monthly_review
    from printing import monthly

    period = fg.Period.month(MONTH, TODAY)
    src = src_factory()
    fig_s, fig_cpu, (rows, total) = timed(lambda: src.compute(period, "window"), repeat)
    pdf_s, pdf_cpu, pdf = timed(
        lambda: monthly.to_pdf(monthly_review(src_factory(), MONTH, TODAY)), 3)
    print(f"  {name:<20} figures by window {fig_s:6.3f} s, cpu {fig_cpu:5.3f} s "
          f"(goal < {BUDGET_S} s)   monthly PDF {pdf_s:5.2f} s, cpu {pdf_cpu:4.2f} s "
          f"(goal < {PDF_BUDGET_S} s)   [{total['accepted']} accepted, {len(rows)} windows, "
          f"{len(pdf) // 1024} KiB]")
    bench_line(f"figures: a 130-window hall's month by window, {name}", f"< {BUDGET_S} s",
               f"{fig_s:.3f} s {met(fig_s < BUDGET_S)}")
    bench_line(f"figures: the monthly review PDF, {name}", f"< {PDF_BUDGET_S} s",
               f"{pdf_s:.2f} s {met(pdf_s < PDF_BUDGET_S)}")
    return {"figures": fig_s, "pdf": pdf_s}


def big_month_child(db_path: str) -> int:
    """In a child: the figures and the PDF of a 1,000,000-case month; print peak RSS."""
    from desktop.report_sources import ReplicaSource, monthly_review
    from printing import fonts, monthly
    from sync.replica import Replica

    fonts.register()  # what any report costs before the month: Python, Qt-free imports, fonts
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    with Replica(pathlib.Path(db_path)) as replica:
        src = ReplicaSource(replica)
        _rows, total = src.compute(fg.Period.month(MONTH, TODAY), "window")
        t1 = time.perf_counter()
        pdf = monthly.to_pdf(monthly_review(src, MONTH, TODAY))
    t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"accepted": total["accepted"], "figures_s": t1 - t0,
                      "pdf_s": t2 - t1, "pdf_bytes": len(pdf), "peak_rss_mib": rss,
                      "base_rss_mib": base}))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--months", type=int, default=12)
    p.add_argument("--per-month", type=int, default=54_000)
    p.add_argument("--big", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--no-postgres", action="store_true")
    p.add_argument("--big-child", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.big_child:
        return big_month_child(args.big_child)
    from desktop.report_sources import ReplicaSource, ServerSource

    ok = True
    print(f"a {WINDOWS}-window hall, {args.months} months of {args.per_month} cases each in "
          f"every store; the month {MONTH} measured on {TODAY} (the machine may be shared: "
          "medians)")
    rows = lambda codes: year_of_rows(codes, args.months, args.per_month)  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="yc-bench-fig-") as tmp:
        folder = pathlib.Path(tmp)
        results = {}
        t0 = time.perf_counter()
        replica = build_replica(folder, rows)
        print(f"  (replica built in {time.perf_counter() - t0:.0f} s)")
        results["replica (SQLite)"] = measure("replica (SQLite)", lambda: ReplicaSource(replica),
                                              args.repeat)
        replica.close()
        servers = [("server (SQLite)", f"sqlite:///{folder / 'server.sqlite3'}", None)]
        cluster = None
        if not args.no_postgres:
            try:
                from tests.support.servers import PgCluster

                cluster = PgCluster().start()
                servers.append(("server (PostgreSQL)", cluster.new_database("bench_figures"),
                                cluster))
            except Exception as exc:  # no PostgreSQL here: say so, measure the rest
                print(f"  server (PostgreSQL): not measured ({exc})")
        try:
            for name, url, _c in servers:
                t0 = time.perf_counter()
                database = build_server(url, rows)
                print(f"  ({name} built in {time.perf_counter() - t0:.0f} s)")
                with database.reader() as conn:
                    results[name] = measure(name, lambda c=conn: ServerSource(c, "371100"),
                                            args.repeat)
                database.dispose()
        finally:
            if cluster is not None:
                cluster.stop()
        for r in results.values():
            ok = ok and r["figures"] < BUDGET_S and r["pdf"] < PDF_BUDGET_S
        if args.big:
            ok = big_month(folder, args.big) and ok
    return 0 if ok else 1


def big_month(folder: pathlib.Path, n: int) -> bool:
    big = folder / "big"
    big.mkdir()
    t0 = time.perf_counter()
    replica = build_replica(big, lambda codes: facts(codes, dt.date(2026, 3, 1), n, 99, "b"))
    replica.close()
    print(f"  (a month of {n} cases built in {time.perf_counter() - t0:.0f} s)")
    out = subprocess.run([sys.executable, "-m", "bench.bench_figures", "--big-child",
                          str(big / "r.sqlite3")], capture_output=True, text=True, check=False)
    if out.returncode:
        print(f"  one month of {n} cases: FAILED {out.stderr[-800:]}")
        return False
    got = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  one month of {got['accepted']} cases (replica): figures {got['figures_s']:.2f} s, "
          f"monthly PDF {got['pdf_s']:.2f} s, peak RSS of the whole process "
          f"{got['peak_rss_mib']:.0f} MiB, {got['base_rss_mib']:.0f} MiB before the month "
          f"was read (goal: the month never in memory, < {RSS_BUDGET_MIB} MiB)")
    bench_line(f"figures: a month of {got['accepted']} cases, peak RSS",
               f"< {RSS_BUDGET_MIB} MiB", f"{got['peak_rss_mib']:.0f} MiB "
               f"{met(got['peak_rss_mib'] < RSS_BUDGET_MIB)} (figures {got['figures_s']:.1f} s, "
               f"PDF {got['pdf_s']:.1f} s)")
    return got["peak_rss_mib"] < RSS_BUDGET_MIB


if __name__ == "__main__":
    sys.exit(main())
