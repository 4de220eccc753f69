"""Look-up latency on a replica of N cases: the SQL and the fold, no widgets (goal < 16 ms p95,
the whole frame a scan has; bench_counter_scan measures the scan through the counter's
widgets, shown and painted).

    python -m bench.bench_lookup [--cases N] [--lookups 2000] [--db PATH] [--rebuild]

Building the replica bypasses CaseStore: going through it would fold and check every
step one transaction at a time, hours for a million cases. Instead the events and the
`cases` projection are bulk-inserted with executemany in large transactions, into a file
made by `Replica` (so the same schema, migrations and indexes), with the same shapes the
counter writes: `registered` payloads from `registration_payload` (full material list),
time-ordered uuid7 ids, per-terminal `terminal_seq`, 40 terminals of one hall plus the
back office, server sequence numbers on confirmed events and outbox rows for this
terminal's steps of the last days (pending), and projection columns
exactly as `store.write_projection` fills them. A sample of rows is re-derived with
`write_projection(fold(events))` after the build and must match byte for byte.

The file is kept (default under /tmp) and reused when it already holds N cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from functools import lru_cache

from bench.report import bench_line
from domain import events as ev
from domain import numbering
from domain.application import registration_payload
from domain.catalog import catalog_from_dict
from domain.deadline import compute
from domain.ids import uuid7
from resources import path as resource_path
from sync import projection, queries, reference, store
from sync.demo_data import demo_person
from sync.replica import Replica
from sync.stored_ids import NOTE_TERMINAL

BUDGET_MS = 16.0  # one frame: what the SQL leaves the widgets is what matters
END_DAY = dt.date(2026, 6, 30)
DAYS = 730  # two years of cases
TERMINALS = 40
CHUNK = 50_000
PENDING_DAYS = 3  # events of the last few days are still in the outbox

EVENT_SQL = projection.INSERT_EVENT  # (its terminals noted first: Builder.build)
CASE_SQL = (
    "INSERT INTO cases (id, case_number, slip_number, queue_no, item_no, item_code, item_name, "
    "state, applicant_name, applicant_id_number, applicant_phone, staff_id, window_id, "
    "terminal_id, registered_at, accepted_at, deadline, deadline_provisional, paused, instant, "
    "conflicts, rating, updated_at, department) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
OUTBOX_SQL = projection.INSERT_OUTBOX


def default_db(n: int) -> pathlib.Path:
    return pathlib.Path("/tmp/yichuang-bench") / f"replica-{n}.sqlite3"


class Builder:
    """Generates cases in chronological order and writes them in big batches."""

    def __init__(self, replica: Replica, n: int, seed: int) -> None:
        self.replica = replica
        self.n = n
        self.rng = random.Random(seed)
        data = json.loads(resource_path("catalog", "demo.json").read_text("utf-8"))
        reference.import_catalog(replica, data)
        self.catalog = catalog_from_dict(data)
        self.cal = store.calendar_of(replica)
        self.clerks = [s for s in self.catalog.staff if s.role == "clerk" and s.window]
        self.reviewers = [s for s in self.catalog.staff if s.role == "reviewer"]
        self.terminals = [(f"{i + 1:04d}", str(uuid.UUID(int=rng_bits))) for i, rng_bits in
                          enumerate(self.rng.getrandbits(128) for _ in range(TERMINALS))]
        self.back_office = "back-office"
        self.me = self.terminals[0][1]  # the replica's own terminal
        replica.set_identity(self.me, self.terminals[0][0], self.catalog.hall.code)
        self.seq: dict[str, int] = {}
        self.server_seq = 0
        self.pending_from = END_DAY - dt.timedelta(days=PENDING_DAYS)
        # citizens come back: a pool smaller than the number of cases
        self.people = [demo_person(self.rng) for _ in range(max(1, n // 3))]

    def next_seq(self, terminal_id: str) -> int:
        self.seq[terminal_id] = self.seq.get(terminal_id, 0) + 1
        return self.seq[terminal_id]

    @lru_cache(maxsize=100_000)  # noqa: B019 - the builder lives for one run
    def deadline(self, accepted_on: dt.date, days: int) -> tuple[str | None, int]:
        d = compute(self.cal, accepted_on, days)
        return (d.day.isoformat() if d.day else None), int(d.provisional)

    def days(self) -> Iterator[tuple[dt.date, int]]:
        """(day, number of cases that day), spread evenly over working days."""
        first = END_DAY - dt.timedelta(days=DAYS - 1)
        working = [first + dt.timedelta(days=i) for i in range(DAYS)
                   if self.cal.is_working_day(first + dt.timedelta(days=i))]
        per_day, extra = divmod(self.n, len(working))
        for i, day in enumerate(working):
            yield day, per_day + (1 if i < extra else 0)

    def one_case(self, day: dt.date, serial_of: dict[str, int],
                 events: list, outbox: list, cases: list) -> None:
        rng = self.rng
        item = rng.choice(self.catalog.items)
        code, terminal_id = rng.choice(self.terminals)
        clerk = rng.choice(self.clerks)
        serial_of[code] = serial_of.get(code, 0) + 1
        case_no = numbering.case_number(day, code, serial_of[code])
        slip = ""
        if rng.random() < 0.4:  # came through the kiosk
            slip = numbering.slip_number(day, code, serial_of[code], item.no)
        person = rng.choice(self.people)
        payload = registration_payload(item, person, provided={m.id: True for m in item.materials},
                                       case_number=case_no, slip_number=slip)
        t0 = dt.datetime.combine(day, dt.time(8, 30), ev.CHINA_TZ) + dt.timedelta(
            seconds=rng.randrange(0, 8 * 3600))
        cid = uuid7(int(t0.timestamp() * 1000))
        steps: list[tuple[str, dict, str | None, str, str, str | None, dt.datetime]] = []
        who = (clerk.id, terminal_id, clerk.window)

        def add(kind, p, expected, actor, at):
            steps.append((kind, p, expected, *actor, at))

        add(ev.REGISTERED, payload, None, who, t0)
        t = t0 + dt.timedelta(minutes=rng.randrange(2, 15))
        add(ev.ACCEPTED, {}, "registered", who, t)
        state = "accepted"
        age = (END_DAY - day).days
        if item.instant:
            add(ev.ISSUED, {"method": "collected"}, "accepted", who, t + dt.timedelta(minutes=5))
            state = "issued"
        elif day < self.pending_from and (age > item.promised_days + 2 or rng.random() < 0.5):
            # reviewed in the back office: only cases whose own steps the server has
            # already confirmed (a reviewer cannot see a case still in our outbox)
            back = (rng.choice(self.reviewers).id, self.back_office, None)
            add(ev.SUBMITTED_FOR_REVIEW, {}, "accepted", who, t + dt.timedelta(minutes=1))
            td = t + dt.timedelta(days=min(item.promised_days, 1), hours=1)
            add(ev.APPROVED, {}, "in_review", back, td)
            add(ev.RESULT_READY, {}, "approved", back, td + dt.timedelta(minutes=1))
            state = "result_ready"
            if age > item.promised_days + 5:
                add(ev.ISSUED, {"method": "collected"}, "result_ready", who,
                    td + dt.timedelta(days=1))
                state = "issued"
        rating = None
        if state == "issued" and rng.random() < 0.6:
            rating = rng.choices((5, 4, 3, 2, 1), weights=(80, 14, 4, 1, 1))[0]
            add(ev.RATED, {"level": rating, "channel": "pad", "reason": ""}, state, who,
                steps[-1][-1] + dt.timedelta(minutes=1))
        for kind, p, expected, staff, term, window, at in steps:
            eid = uuid7(int(at.timestamp() * 1000))
            seq = self.next_seq(term)
            recorded = ev.now_iso(at)
            # the outbox holds this terminal's own steps; other terminals' come confirmed
            pending = at.date() >= self.pending_from and term == self.me
            server_seq = None
            if not pending:
                self.server_seq += 1
                server_seq = self.server_seq
            else:
                outbox.append((eid, seq, recorded))
            events.append((eid, cid, kind, json.dumps(p, ensure_ascii=False), expected, term,
                           seq, staff, window, recorded, server_seq))
        accepted_at = ev.now_iso(steps[1][-1])
        deadline, provisional = (None, 0) if item.instant else self.deadline(
            day, item.promised_days)
        cases.append((
            cid, case_no, slip or None, "", item.no, item.code, item.name, state, person.name,
            person.id_number, person.phone, clerk.id, clerk.window, terminal_id,
            ev.now_iso(t0), accepted_at, deadline, provisional, 0, int(item.instant), 0, rating,
            max(ev.now_iso(s[-1]) for s in steps), item.department or None,
        ))

    def build(self, progress: Callable[[int], None]) -> None:
        conn = self.replica.conn
        conn.execute("PRAGMA synchronous=OFF")  # a benchmark file: speed over durability
        conn.execute("PRAGMA cache_size=-1000000")
        events: list = []
        outbox: list = []
        cases: list = []
        done = 0
        with self.replica.transaction():
            conn.executemany(NOTE_TERMINAL, [(t,) for _, t in self.terminals]
                             + [(self.back_office,)])

        def flush() -> None:
            with self.replica.transaction():
                conn.executemany(EVENT_SQL, events)
                conn.executemany(OUTBOX_SQL, outbox)
                conn.executemany(CASE_SQL, cases)
            events.clear()
            outbox.clear()
            cases.clear()

        for day, count in self.days():
            serial_of: dict[str, int] = {}
            for _ in range(count):
                self.one_case(day, serial_of, events, outbox, cases)
            done += count
            if len(cases) >= CHUNK:
                flush()
                progress(done)
        flush()
        with self.replica.transaction():
            for tid, value in self.seq.items():
                conn.execute("INSERT INTO counters (name, value) VALUES (?, ?)",
                             (f"seq:{tid}", value))
            self.replica.set_meta("bench_cases", str(self.n))
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA analysis_limit=1000")  # a full ANALYZE reads gigabytes
        conn.execute("ANALYZE")
        progress(done)


def verify_projection(replica: Replica, rng: random.Random, samples: int = 200) -> int:
    """Re-derive sample rows with write_projection(fold(events)); returns mismatches."""
    n = replica.conn.execute("SELECT MAX(rowid) FROM cases").fetchone()[0]
    cal = store.calendar_of(replica)
    bad = 0
    for _ in range(samples):
        rid = rng.randrange(1, n + 1)
        row = replica.conn.execute("SELECT * FROM cases WHERE rowid=?", (rid,)).fetchone()
        replica.conn.execute("BEGIN")
        try:
            store.write_projection(replica, store.load_case(replica, row["id"]), cal)
            again = replica.conn.execute("SELECT * FROM cases WHERE id=?", (row["id"],)).fetchone()
        finally:
            replica.conn.execute("ROLLBACK")
        if tuple(row) != tuple(again):
            bad += 1
            if bad <= 3:
                print("projection mismatch:", dict(row), dict(again), file=sys.stderr)
    return bad


def measure(fn: Callable[[str], object], keys: list[str]) -> list[float]:
    times = []
    for k in keys:
        t = time.perf_counter()
        result = fn(k)
        times.append((time.perf_counter() - t) * 1000)
        assert result, f"look-up found nothing for {k}"
    return times


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def ensure_replica(db: pathlib.Path, cases: int, seed: int = 20260630,
                   rebuild: bool = False) -> pathlib.Path:
    """The benchmark replica of `cases` cases at `db`, built unless it is there already
    (bench_counter_scan opens the same file through the counter's widgets)."""
    reuse = False
    if db.exists() and not rebuild:
        with Replica(db) as r:
            reuse = r.get_meta("bench_cases") == str(cases)
    if not reuse:
        db.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(str(db) + suffix).unlink(missing_ok=True)
        t0 = time.perf_counter()
        with Replica(db) as r:
            b = Builder(r, cases, seed)
            b.build(lambda done: print(f"  built {done:,} cases  {time.perf_counter() - t0:6.1f} s",
                                       file=sys.stderr, flush=True))
        print(f"build: {cases:,} cases in {time.perf_counter() - t0:.1f} s -> {db}")
    else:
        print(f"reusing {db}")
    return db


def run(args: argparse.Namespace) -> int:
    db = ensure_replica(pathlib.Path(args.db) if args.db else default_db(args.cases),
                        args.cases, args.seed, args.rebuild)

    rng = random.Random(args.seed + 1)
    with Replica(db) as r:
        c = queries.counts(r)
        size = sum(pathlib.Path(str(db) + s).stat().st_size for s in ("", "-wal")
                   if pathlib.Path(str(db) + s).exists())
        print(f"replica: {c['cases']:,} cases, {c['events']:,} events, {c['pending']:,} pending, "
              f"{size / 2**20:,.0f} MiB")
        mismatches = verify_projection(r, rng)
        print(f"projection check: {mismatches} mismatches in 200 sampled cases")
        n = r.conn.execute("SELECT MAX(rowid) FROM cases").fetchone()[0]
        sample = [r.conn.execute("SELECT case_number, slip_number, applicant_id_number FROM cases "
                                 "WHERE rowid=?", (rng.randrange(1, n + 1),)).fetchone()
                  for _ in range(args.lookups * 3)]
        case_nos = [s[0] for s in sample][: args.lookups]
        slips = [s[1] for s in sample if s[1]][: args.lookups]
        id_nos = [s[2] for s in sample][: args.lookups]
        scan_keys = [s[1] or s[0] for s in sample][: args.lookups]

        def scan_to_case(number: str):
            row = queries.by_number(r, number)[0]
            return store.load_case(r, row["id"])

        rows = [
            ("by_number(case number)", measure(lambda k: queries.by_number(r, k), case_nos)),
            ("by_number(slip number)", measure(lambda k: queries.by_number(r, k), slips)),
            ("by_id_number", measure(lambda k: queries.by_id_number(r, k), id_nos)),
            ("search(ID number)", measure(lambda k: queries.search(r, k), id_nos)),
            ("scan -> case loaded (SQL+fold)", measure(scan_to_case, scan_keys)),
        ]
    print()
    print(f"{'look-up':<31}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
          f"{'budget p95':>12}  ok")
    ok = mismatches == 0
    for name, t in rows:
        p95 = percentile(t, 95)
        good = p95 < BUDGET_MS
        ok &= good
        print(f"{name:<31}{len(t):>6}{statistics.median(t):>9.3f}{p95:>9.3f}{max(t):>9.2f}"
              f"{'< ' + str(int(BUDGET_MS)) + ' ms':>12}  {'yes' if good else 'NO'}")
        bench_line(f"lookup {name}, {c['cases']:,} cases", f"p95 < {BUDGET_MS:.0f} ms",
                   f"p95 {p95:.2f} ms (p50 {statistics.median(t):.2f})")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--lookups", type=int, default=2000)
    p.add_argument("--db", help="replica file (default /tmp/yichuang-bench/replica-N.sqlite3)")
    p.add_argument("--rebuild", action="store_true", help="build even if the file exists")
    p.add_argument("--seed", type=int, default=20260630)
    return run(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
