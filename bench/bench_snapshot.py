"""A new terminal joins a hall of 10,000 / 100,000 / 1,000,000 cases over the township
link (bench/shaper.py: 256 kbit/s up, 512 down, 600 ms round trip), with every fourth
connection cut as the server starts answering: the paged snapshot must finish without
starting over, in bounded memory on both sides (goal < 200 MiB each).

The hall's history spans a year and a half (650,000 cases a year at the largest: a city
hall). Every case has its row on the server; the events of cases that closed before the
snapshot's window are not generated (a snapshot never reads them), those of the window's
cases are (registration with a real item's payload, then acceptance … issue; the newest
ones still open).

    python -m bench.bench_snapshot [--million] [--sizes 10000,100000]

The 1,000,000-case hall takes about four minutes on the shaped link (and twenty seconds
to build): `make bench` runs it only with --million.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time

from bench import report
from bench.bench_sync import LINK, _ctl
from bench.servers import demo_hall, free_port, issue_code, payloads, wait_healthy

ROOT = pathlib.Path(__file__).resolve().parents[1]
HALL = "371100"
GOAL_MIB = 200
STEPS = ("registered", "accepted", "submitted_for_review", "approved", "issued")
STATE = {"registered": "registered", "accepted": "accepted",
         "submitted_for_review": "in_review", "approved": "approved", "issued": "issued"}


def _registration(rng: random.Random, pool: list[dict]) -> dict:
    """A real item's registration payload with an applicant of its own (a pool of a few
    hundred would flatter gzip)."""
    from sync.demo_data import demo_person

    return {**rng.choice(pool), "applicant": demo_person(rng).to_dict()}


def build(db_url: str, n: int, pool: list[dict]) -> dict[str, int]:
    """A hall of n cases over 18 months; the last 30 days' cases with their events."""
    from domain.ids import uuid7
    from server import db

    database = db.Database(db_url)
    db.init_db(database.engine)
    with database.writer() as conn:
        demo_hall(conn)
    rng = random.Random(11)
    now = dt.datetime.now(dt.UTC)
    span = dt.timedelta(days=548)
    live = events = 0
    chunk_cases: list[dict] = []
    chunk_events: list[dict] = []

    def flush() -> None:
        with database.writer() as conn:
            seq = db.current_seq(conn)
            for e in chunk_events:
                seq += 1
                e["server_seq"] = seq
            if chunk_events:
                conn.execute(db.events.insert(), chunk_events)
            for c in chunk_cases:
                c["last_seq"] = seq
            conn.execute(db.cases.insert(), chunk_cases)
            conn.execute(db.counters.update().where(db.counters.c.name == "change_seq")
                         .values(value=seq))
        chunk_cases.clear()
        chunk_events.clear()

    for i in range(n):
        at = now - span * (1 - i / n)
        recent = now - at < dt.timedelta(days=29)  # (inside the 30-day window)
        k = len(STEPS) if now - at > dt.timedelta(days=10) else rng.randrange(1, len(STEPS))
        cid = uuid7(int(at.timestamp() * 1000))
        iso = at.isoformat(timespec="seconds")
        chunk_cases.append({"id": cid, "hall_code": HALL, "stream": "case",
                            "state": STATE[STEPS[k - 1]], "case_number": f"{i:016d}",
                            "item_name": "事项", "conflicts": 0, "last_seq": 0,
                            "updated_at": iso, "department": "D01"})
        if recent:
            live += 1
            for j, kind in enumerate(STEPS[:k]):
                events += 1
                chunk_events.append({
                    "id": uuid7(int(at.timestamp() * 1000) + j), "hall_code": HALL,
                    "case_id": cid, "kind": kind,
                    "payload": json.dumps(_registration(rng, pool) if j == 0 else {},
                                          ensure_ascii=False),
                    "expected_state": None if j == 0 else STATE[STEPS[j - 1]],
                    "terminal_id": "bench-terminal", "terminal_seq": events,
                    "staff_id": "S1001", "window_id": "W01",
                    "recorded_at": (at + dt.timedelta(minutes=j)).astimezone(
                        dt.timezone(dt.timedelta(hours=8))).isoformat(timespec="seconds"),
                    "verdict": "applied", "pushed_by": "bench-terminal", "received_at": iso})
        if len(chunk_cases) >= 20000:
            flush()
    if chunk_cases:
        flush()
    database.dispose()
    return {"cases": n, "live": live, "events": events}


_CLIENT = """
import json, sys, time
import requests
from sync.client import SyncClient, Offline
def hwm_mib():  # (not ru_maxrss: on Linux that starts from the parent's size at the fork)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
d = sys.argv[1]
t0 = time.perf_counter(); cuts = 0; pages = []
while True:
    s = requests.Session(); s.headers["Connection"] = "close"  # a connection per page
    c = SyncClient(d, session=s)
    c.progress = lambda done, total: pages.append(done)
    try:
        c.pull()
        break
    except Offline:
        cuts += 1
    finally:
        c.close()
print(json.dumps({"secs": time.perf_counter() - t0, "cuts": cuts, "pages": len(pages),
                  "streams": pages[-1] if pages else 0,
                  "rss_mib": hwm_mib()}))
"""


def _hwm_mib(pid: int) -> float:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(n: int, pool: list[dict], work: pathlib.Path) -> dict:
    from sync.enrol import enrol
    from sync.replica import Replica

    url = f"sqlite:///{work / f'server-{n}.sqlite3'}"
    t0 = time.monotonic()
    built = build(url, n, pool)
    print(f"# {n} cases built in {time.monotonic() - t0:.0f} s: {built['live']} in the "
          f"window, {built['events']} events", flush=True)
    port, sport, cport = free_port(), free_port(), free_port()
    srv = subprocess.Popen([sys.executable, "-m", "desktop.cli", "server", "--db", url,
                            "--port", str(port), "--log-level", "warning"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shaper = subprocess.Popen([sys.executable, str(ROOT / "bench/shaper.py"), "--listen",
                               str(sport), "--target", str(port), "--control", str(cport),
                               *LINK, "--lose-response-every", "4", "--max-seconds", "3600"],
                              stdout=subprocess.DEVNULL)
    try:
        wait_healthy(f"http://127.0.0.1:{port}")
        time.sleep(0.5)
        code = issue_code(url, HALL)
        d = work / f"terminal-{n}"
        enrol(d, f"http://127.0.0.1:{port}", code)
        with Replica.in_dir(d) as r:
            r.set_meta("server_url", f"http://127.0.0.1:{sport}")
        _ctl(cport, "reset")
        out = subprocess.run([sys.executable, "-c", _CLIENT, str(d)], cwd=ROOT,
                             capture_output=True, text=True, check=True)
        got = json.loads(out.stdout)
        wire = _ctl(cport, "stats")
        got.update({"bytes_down": wire["bytes_down"], "server_rss_mib": _hwm_mib(srv.pid),
                    **built})
        with Replica.in_dir(d) as r:
            got["replica_events"] = r.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        return got
    finally:
        for p in (shaper, srv):
            p.terminate()
            p.wait(10)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.bench_snapshot")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--million", action="store_true", help="the 1,000,000-case hall too")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")] + ([1_000_000] if args.million else [])
    pool = payloads(100)
    work = pathlib.Path(tempfile.mkdtemp(prefix="yc-bench-snapshot-"))
    print("a new terminal's snapshot over 256/512 kbit/s, 600 ms RTT, every 4th connection "
          f"cut; goal: finishes without starting over, < {GOAL_MIB} MiB on each side")
    print(f"{'cases':>9} {'window':>7} {'events':>8} {'time s':>7} {'MB down':>8} {'pages':>6} "
          f"{'cuts':>5} {'client MiB':>10} {'server MiB':>10}")
    try:
        for n in sizes:
            r = run(n, pool, work)
            print(f"{n:9d} {r['live']:7d} {r['events']:8d} {r['secs']:7.1f} "
                  f"{r['bytes_down'] / 1e6:8.2f} {r['pages']:6d} {r['cuts']:5d} "
                  f"{r['rss_mib']:10.0f} {r['server_rss_mib']:10.0f}", flush=True)
            assert r["replica_events"] == r["events"], "the snapshot lost or doubled events"
            worst = max(r["rss_mib"], r["server_rss_mib"])
            report.bench_line(f"snapshot {n:,} cases (256/512 kbit/s, cuts)",
                              f"resumes; < {GOAL_MIB} MiB each side",
                              f"{r['secs']:.0f} s, {r['bytes_down'] / 1e6:.1f} MB, "
                              f"{r['cuts']} cuts, client {r['rss_mib']:.0f} / server "
                              f"{r['server_rss_mib']:.0f} MiB",
                              f"{worst / GOAL_MIB:.2f}× memory goal")
            for f in work.glob(f"server-{n}.sqlite3*"):
                f.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
