"""A township's week offline, forwarded by its hall node when the WAN returns.

A 6-window township hall works a week with its WAN down: six counters write 500 events
each (3,000, bench.workload) and sync them to the hall node over the LAN. Then the WAN
returns — a 256 kbit/s up, 512 kbit/s down, 600 ms RTT link (bench/shaper.py) between the
node and the city — and the node forwards the backlog and pulls what the city did. Side
by side, on the same link in the same run: the same six terminals' weeks pushed straight
to the city, all at once, as a hall without a node would.

    python -m bench.bench_node [--events 3000] [--windows 6]

Times are from the first byte on the link (the node's reconnect backoff excluded; printed
apart), bytes are counted by the shaper in both directions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from bench.bench_sync import LINK, ROOT, _ctl
from bench.report import bench_line, met
from bench.servers import (
    demo_hall,
    free_port,
    in_database,
    issue_code,
    reaches_city,
    serve,
    wait_healthy,
)

TOWNSHIP = "371102101"
LOG = pathlib.Path(tempfile.gettempdir()) / "yc-bench-node.log"  # the node's, for its timings


def _shaper(listen: int, target: int, control: int) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, str(ROOT / "bench/shaper.py"), "--listen",
                          str(listen), "--target", str(target), "--control", str(control),
                          *LINK, "--max-seconds", "900"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    assert p.stdout is not None and b"ready" in p.stdout.readline()
    return p


def _city(work: pathlib.Path) -> str:
    from server import admin, db, halls

    url = f"sqlite:///{work / 'city.sqlite3'}"
    database = db.Database(url)
    db.init_db(database.engine)
    with database.writer() as conn:
        catalog = demo_hall(conn)
        halls.add(conn, TOWNSHIP, "河口镇便民服务中心", parent=catalog["hall"]["code"])
        admin.import_catalog(conn, catalog, hall=TOWNSHIP)
        halls.add(conn, TOWNSHIP, "河口镇便民服务中心")
    database.dispose()
    return url


def _code(db_url: str, node_codes: int | None = None) -> str:
    return issue_code(db_url, TOWNSHIP, node_codes=node_codes)


def _stats(db_url: str) -> dict:
    from server import stats

    return in_database(db_url, lambda conn: stats.stats(conn, TOWNSHIP))


def _week(work: pathlib.Path, server: str, db_url: str, windows: int, each: int
          ) -> list[pathlib.Path]:
    """Six terminals enrolled at `server`, each with a week written offline."""
    from bench.workload import write_week
    from domain.events import CHINA_TZ
    from sync.client_cli import sync_once
    from sync.enrol import enrol
    from sync.replica import Replica

    dirs = []
    for i in range(windows):
        d = work / f"w{i}"
        enrol(d, server, _code(db_url))
        sync_once(d)  # the catalog
        with Replica.in_dir(d) as r:
            write_week(r, each, seed=i, start=dt.datetime(2026, 3, 2, 9, tzinfo=CHINA_TZ)
                       + dt.timedelta(minutes=7 * i))
        dirs.append(d)
    return dirs


def with_node(work: pathlib.Path, windows: int, each: int) -> dict:
    from sync.client_cli import sync_once

    city_db = _city(work)
    node_db = f"sqlite:///{work / 'node.sqlite3'}"
    cport, nport, sport, ctl = free_port(), free_port(), free_port(), free_port()
    procs = [serve(city_db, cport)]
    wait_healthy(f"http://127.0.0.1:{cport}")
    shaper = _shaper(sport, cport, ctl)
    procs.append(serve(node_db, nport, "--upstream", f"http://127.0.0.1:{sport}",
                         "--upstream-code", _code(city_db, node_codes=16),
                         "--upstream-interval", "0.5", log=LOG))
    node = f"http://127.0.0.1:{nport}"
    try:
        wait_healthy(node)
        t0 = time.perf_counter()
        wait_healthy(node, 120, until=reaches_city)  # enrolled, the catalog pulled
        bootstrap = time.perf_counter() - t0
        shaper.terminate()  # the WAN goes down for the week
        shaper.wait(10)
        dirs = _week(work, node, node_db, windows, each)
        for d in dirs:
            assert sync_once(d)["ok"]  # the hall's LAN is up
        backlog = _stats(node_db)["upstream_pending"]
        shaper = _shaper(sport, cport, ctl)  # the WAN returns
        up = time.perf_counter()
        while _ctl(ctl, "stats")["conns"] == 0:
            time.sleep(0.02)
        first = time.perf_counter()
        while _stats(node_db)["upstream_pending"]:
            time.sleep(0.05)
        forwarded = time.perf_counter()
        city_events = _stats(city_db)["events"]
        while _stats(node_db)["events"] != city_events:  # the city's answers pulled back
            time.sleep(0.05)
        done = time.perf_counter()
        wire = _ctl(ctl, "stats")
    finally:
        shaper.terminate()
        for p in procs:
            p.terminate()
            p.wait(10)
    return {"backlog": backlog, "bootstrap": round(bootstrap, 2),
            "reconnect": round(first - up, 2), "forward": round(forwarded - first, 2),
            "caught_up": round(done - first, 2), "bytes_up": wire["bytes_up"],
            "bytes_down": wire["bytes_down"], "conns": wire["conns"],
            "city_events": city_events}


def direct(work: pathlib.Path, windows: int, each: int) -> dict:
    """No node: the same weeks pushed by the six terminals themselves, at once."""
    from sync.client_cli import sync_once
    from sync.replica import Replica

    city_db = _city(work)
    cport, sport, ctl = free_port(), free_port(), free_port()
    procs = [serve(city_db, cport)]
    city = f"http://127.0.0.1:{cport}"
    wait_healthy(city)
    shaper = _shaper(sport, cport, ctl)
    try:
        dirs = _week(work, city, city_db, windows, each)
        for d in dirs:
            with Replica.in_dir(d) as r:
                r.set_meta("server_url", f"http://127.0.0.1:{sport}")
        _ctl(ctl, "reset")
        results: list[dict] = []
        t0 = time.perf_counter()
        threads = [threading.Thread(target=lambda d=d: results.append(sync_once(d)))
                   for d in dirs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        secs = time.perf_counter() - t0
        wire = _ctl(ctl, "stats")
    finally:
        shaper.terminate()
        for p in procs:
            p.terminate()
            p.wait(10)
    return {"secs": round(secs, 2), "bytes_up": wire["bytes_up"],
            "bytes_down": wire["bytes_down"], "conns": wire["conns"],
            "ok": all(r["ok"] for r in results), "city_events": _stats(city_db)["events"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.bench_node")
    ap.add_argument("--events", type=int, default=3000)
    ap.add_argument("--windows", type=int, default=6)
    args = ap.parse_args(argv)
    each = args.events // args.windows
    work = pathlib.Path(tempfile.mkdtemp(prefix="yc-bench-node-"))
    for sub in ("node", "direct"):
        (work / sub).mkdir()
    try:
        n = with_node(work / "node", args.windows, each)
        d = direct(work / "direct", args.windows, each)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    per = n["bytes_up"] / max(1, n["backlog"])
    print("link: 256 kbit/s up, 512 kbit/s down, 600 ms RTT (bench/shaper.py); "
          "machine shared with other work")
    print(f"township: {args.windows} windows, a week offline = {n['backlog']} events at the node")
    print(f"{'scenario':46} {'secs':>7} {'conns':>5} {'bytes up':>9} {'bytes down':>10} "
          f"{'B/event up':>10}")
    print(f"{'node forwards the backlog (to last answer)':46} {n['forward']:7.2f} "
          f"{'':5} {'':9} {'':10}")
    print(f"{'node caught up (backlog + city answers pulled)':46} {n['caught_up']:7.2f} "
          f"{n['conns']:5d} {n['bytes_up']:9d} {n['bytes_down']:10d} {per:10.1f}")
    print(f"{'6 terminals straight to the city, at once':46} {d['secs']:7.2f} {d['conns']:5d} "
          f"{d['bytes_up']:9d} {d['bytes_down']:10d} "
          f"{d['bytes_up'] / max(1, d['city_events']):10.1f}")
    print(f"(node: reconnect backoff after the outage {n['reconnect']} s, not counted; "
          f"enrol + catalog over the link {n['bootstrap']} s)")
    floor = n["bytes_up"] * 8 / 256_000
    print(f"ratio direct / node: time x{d['secs'] / max(0.01, n['caught_up']):.2f}, bytes up "
          f"x{d['bytes_up'] / max(1, n['bytes_up']):.2f}; the node's time vs the link's floor "
          f"for its bytes ({floor:.1f} s): x{n['caught_up'] / max(0.01, floor):.2f}")
    ok = n["backlog"] == args.events and per < 300 and d["ok"] \
        and n["city_events"] == d["city_events"]
    print(f"budget (<300 B/event on the wire, every event at the city once): "
          f"{'met' if ok else 'MISSED'}")
    bench_line(f"node: a township's week ({n['backlog']} events) forwarded and caught up, "
               "256/512 kbit/s 600 ms", "every event at the city once, < 300 B/event",
               f"{n['caught_up']:.1f} s, {per:.1f} B/event up {met(ok)}",
               f"{d['secs'] / max(0.01, n['caught_up']):.1f}× faster than 6 terminals direct")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
