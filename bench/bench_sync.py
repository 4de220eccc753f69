"""Sync over a shaped link (bench/shaper.py: 256/512 kbit/s, 600 ms RTT), against the
PouchDB peer on the same link in the same run when it is installed.

    python -m bench.bench_sync [--peer-dir DIR] [--no-peer] [--terminals 10] [--each 200]

Scenarios: a week offline (2,000 events) then reconnect; an idle poll; ten terminals
with 200 events each reconnecting at once behind one link, twice (push + pull, then pull
what the others pushed). The peer runs the same three (`client.js`: its push plus the
first two-way sync after it is its push + pull; `crowd.js` the ten terminals) on the same
link right after ours. Bytes are counted by the shaper in both directions.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

from bench.report import bench_line, met
from bench.servers import demo_hall, free_port, wait_healthy

ROOT = pathlib.Path(__file__).resolve().parents[1]
GOAL_B_PER_EVENT = 40  # issue 17: a week offline, bytes up per event
GOAL_WEEK_S = 10.0
LINK = ["--up-kbps", "256", "--down-kbps", "512", "--delay-ms", "300"]


def _ctl(port: int, cmd: str) -> dict:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(cmd.encode() + b"\n")
        return json.loads(s.makefile().readline())


class Rig:
    """Our server + a shaper in front of it, in child processes."""

    def __init__(self, work: pathlib.Path) -> None:
        from server import db

        self.work = work
        self.db_url = f"sqlite:///{work / 'server.sqlite3'}"
        database = db.Database(self.db_url)
        db.init_db(database.engine)
        with database.writer() as conn:
            demo_hall(conn)
        database.dispose()
        self.port, self.sport, self.cport = free_port(), free_port(), free_port()
        self.procs = [subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", "server", "--db", self.db_url, "--port",
             str(self.port), "--log-level", "warning"], cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
        self.procs.append(subprocess.Popen(
            [sys.executable, str(ROOT / "bench/shaper.py"), "--listen", str(self.sport),
             "--target", str(self.port), "--control", str(self.cport), *LINK,
             "--max-seconds", "900"], stdout=subprocess.DEVNULL))
        self.direct = f"http://127.0.0.1:{self.port}"
        self.shaped = f"http://127.0.0.1:{self.sport}"
        wait_healthy(self.direct)
        time.sleep(0.5)

    def terminal(self, name: str) -> pathlib.Path:
        from server import auth, db
        from sync.client_cli import sync_once
        from sync.enrol import enrol

        database = db.Database(self.db_url)
        with database.writer() as conn:
            code = auth.issue_code(conn, "371100")
        database.dispose()
        d = self.work / name
        enrol(d, self.direct, code)
        sync_once(d)
        return d

    def close(self) -> None:
        for p in self.procs:
            p.terminate()
            p.wait(10)


def _point(d: pathlib.Path, url: str) -> None:
    from sync.replica import Replica

    with Replica.in_dir(d) as r:
        r.set_meta("server_url", url)


def _measure(rig: Rig, fn) -> dict:  # type: ignore[no-untyped-def]
    _ctl(rig.cport, "reset")
    t0 = time.perf_counter()
    extra = fn()
    secs = time.perf_counter() - t0
    wire = _ctl(rig.cport, "stats")
    return {"secs": round(secs, 2), "bytes_up": wire["bytes_up"],
            "bytes_down": wire["bytes_down"], "conns": wire["conns"], **extra}


def week(rig: Rig) -> dict:
    from bench.workload import write_week
    from sync.client import SyncClient
    from sync.replica import Replica

    d = rig.terminal("week")
    with Replica.in_dir(d) as r:
        write_week(r, 2000)
    _point(d, rig.shaped)

    def run() -> dict:
        c = SyncClient(d)
        rep = c.sync_round()
        c.close()
        return {"events": rep.pushed, "requests": c.requests}

    out = _measure(rig, run)
    out["bytes_up_per_event"] = round(out["bytes_up"] / max(1, out["events"]), 1)
    return out


def idle(rig: Rig) -> dict:
    from sync.client import SyncClient

    d = rig.work / "week"

    def run() -> dict:
        c = SyncClient(d)
        c.sync_round()
        c.close()
        return {"requests": c.requests}

    return _measure(rig, run)


def crowd(rig: Rig, n: int, each: int) -> dict:
    from bench.workload import write_week
    from sync.client_cli import sync_once
    from sync.replica import Replica

    dirs = [rig.terminal(f"crowd{i}") for i in range(n)]
    for i, d in enumerate(dirs):
        with Replica.in_dir(d) as r:
            write_week(r, each, seed=100 + i)
        _point(d, rig.shaped)
    results: list[dict] = []

    def all_at_once() -> None:
        threads = [threading.Thread(target=lambda d=d: results.append(sync_once(d)))
                   for d in dirs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    def run() -> dict:
        all_at_once()  # push everything, pull what is there
        all_at_once()  # pull what the others pushed meanwhile
        return {"requests": sum(r["requests"] for r in results),
                "ok": all(r["ok"] for r in results)}

    out = _measure(rig, run)
    counts = {}
    for d in dirs:
        with Replica.in_dir(d) as r:
            counts[d.name] = r.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    out["converged"] = len(set(counts.values())) == 1 and min(counts.values()) >= n * each
    return out


def peer(peer_dir: pathlib.Path, n: int = 10, each: int = 200) -> dict | None:
    """The PouchDB peer's figures on the same shaped link, this run: its client's
    scenarios (`client.js slow`) and the crowd (`crowd.js`, n terminals x each writes),
    against its own server behind its own shaper. None when it is not installed."""
    if not (peer_dir / "node_modules").exists() or not shutil.which("node"):
        return None
    p, sp, cp = free_port(), free_port(), free_port()
    procs = [subprocess.Popen(["node", "server.js", str(p)], cwd=peer_dir,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
             subprocess.Popen([sys.executable, str(ROOT / "bench/shaper.py"), "--listen",
                               str(sp), "--target", str(p), "--control", str(cp), *LINK,
                               "--max-seconds", "1800"], stdout=subprocess.DEVNULL)]
    ports = [str(sp), str(p), str(cp)]

    def node(*script: str) -> dict:
        out = subprocess.run(["node", *script], cwd=peer_dir, capture_output=True, text=True,
                             timeout=900)
        if out.returncode:
            raise RuntimeError(f"peer {script[0]} failed:\n{out.stderr[-2000:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])

    try:
        time.sleep(2)
        got = {r["label"]: r for r in node("client.js", "slow", *ports)["results"]}
        got["crowd"] = node("crowd.js", *ports, str(n), str(each))
        return got
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)


def _sum(*runs: dict) -> dict:
    """Scenarios run one after the other, as one: seconds, requests and bytes add up."""
    keys = ("secs", "requests", "bytes_up", "bytes_down")
    return {k: sum(r.get(k) or 0 for r in runs) for k in keys}


def _ratio(theirs: dict | None, ours: dict, key: str = "secs") -> str:
    """peer / ours for `key` (above 1: we are faster or smaller), '' without a peer."""
    if not theirs or not theirs.get(key) or not ours.get(key):
        return ""
    return f"peer/ours x{theirs[key] / ours[key]:.1f}"


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _row(name: str, r: dict | None, extra: str = "") -> None:
    if not r:
        print(f"  {name:48} (not run)")
        return
    print(f"  {name:48} {r['secs']:7.2f} {r['requests']:5d} {r['bytes_up']:10,d} "
          f"{r['bytes_down']:10,d} {extra}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.bench_sync", description=__doc__.splitlines()[0])
    ap.add_argument("--peer-dir", type=pathlib.Path,
                    default=pathlib.Path(tempfile.gettempdir()) / "yc-pouchdb-peer")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--terminals", type=int, default=10, help="the crowd's terminals")
    ap.add_argument("--each", type=int, default=200, help="events per crowd terminal")
    args = ap.parse_args(argv)
    work = pathlib.Path(tempfile.mkdtemp(prefix="yc-bench-sync-"))
    rig = Rig(work)
    try:
        w = week(rig)
        i = idle(rig)
        c = crowd(rig, args.terminals, args.each)
    finally:
        rig.close()
        shutil.rmtree(work, ignore_errors=True)
    pw = None if args.no_peer else peer(args.peer_dir, args.terminals, args.each)
    crowd_name = f"{args.terminals} terminals x {args.each} events at once, push + pull"
    p_week = p_idle = p_crowd = None
    if pw:
        # the peer pushes in one replication and pulls in the first two-way sync after it;
        # our sync round does both, so they are compared as one
        p_week = _sum(pw["week offline push (2,000 writes)"],
                      pw["idle sync, both dbs, both directions"])
        p_idle = pw["idle sync again (steady-state poll)"]
        p_crowd = pw["crowd"]
    print("link: 256 kbit/s up, 512 kbit/s down, 600 ms RTT (bench/shaper.py); "
          "the machine may be shared")
    print(f"  {'scenario':48} {'secs':>7} {'reqs':>5} {'bytes up':>10} {'bytes down':>10}")
    _row("week offline, 2,000 events, push + pull", w,
         f"{w['bytes_up_per_event']:.1f} B/event up")
    _row("  PouchDB: push, then first two-way sync", p_week)
    _row("idle poll", i)
    _row("  PouchDB: idle sync again", p_idle)
    _row(crowd_name, c, f"converged={c['converged']}")
    _row("  PouchDB: crowd.js, same", p_crowd,
         f"converged={p_crowd.get('converged')}" if p_crowd else "")
    if not pw:
        print("\n(PouchDB peer not run: `cp -r shared/bench/pouchdb-peer /tmp/yc-pouchdb-peer"
              " && cd /tmp/yc-pouchdb-peer && npm ci`, or pass --peer-dir)")

    goals = [
        ("sync week offline, bytes up per event", f"<= {GOAL_B_PER_EVENT} B",
         f"{w['bytes_up_per_event']:.1f} B", w["bytes_up_per_event"] <= GOAL_B_PER_EVENT,
         _ratio(p_week and {"b": p_week["bytes_up"]}, {"b": w["bytes_up"]}, "b")),
        ("sync week offline, 2,000 events push + pull", f"< {GOAL_WEEK_S:.0f} s, <= 4 requests",
         f"{w['secs']:.1f} s, {_n(w['requests'], 'request')}, {w['bytes_up']:,} B up, "
         f"{w['bytes_down']:,} B down",
         w["secs"] < GOAL_WEEK_S and w["requests"] <= 4, _ratio(p_week, w)),
        ("sync idle poll", "<= 1 request", f"{_n(i['requests'], 'request')}, "
         f"{i['bytes_up'] + i['bytes_down']:,} B", i["requests"] <= 1,
         _ratio(p_idle, i, "requests")),
        (f"sync {args.terminals} terminals x {args.each} events push + pull",
         "faster than the peer, converged",
         f"{c['secs']:.1f} s, {_n(c['requests'], 'request')}, {c['bytes_up']:,} B up, "
         f"{c['bytes_down']:,} B down",
         c["converged"] and (not p_crowd or c["secs"] < p_crowd["secs"]), _ratio(p_crowd, c)),
    ]
    print(f"\n  {'figure':48} {'goal':>34}  measured  (peer/ours: above 1, ours is less)")
    ok = True
    for name, goal, figure, good, ratio in goals:
        ok &= good
        print(f"  {name:48} {goal:>34}  {figure}  {met(good)}  {ratio}")
    for name, goal, figure, _good, ratio in goals:
        bench_line(name, goal, figure, ratio)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
