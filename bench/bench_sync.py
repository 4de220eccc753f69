"""Sync over a shaped link (bench/shaper.py: 256/512 kbit/s, 600 ms RTT), against the
PouchDB peer on the same link in the same run when it is installed.

    python -m bench.bench_sync [--peer-dir DIR] [--no-peer]

Scenarios: a week offline (2,000 events) then reconnect; an idle poll; ten terminals
with 200 events each reconnecting at once behind one link.
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

ROOT = pathlib.Path(__file__).resolve().parents[1]
LINK = ["--up-kbps", "256", "--down-kbps", "512", "--delay-ms", "300"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ctl(port: int, cmd: str) -> dict:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(cmd.encode() + b"\n")
        return json.loads(s.makefile().readline())


def _wait(url: str) -> None:
    import requests

    for _ in range(300):
        try:
            if requests.get(url + "/api/v1/health", timeout=1).ok:
                return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


class Rig:
    """Our server + a shaper in front of it, in child processes."""

    def __init__(self, work: pathlib.Path) -> None:
        from server import admin, db

        self.work = work
        self.db_url = f"sqlite:///{work / 'server.sqlite3'}"
        database = db.Database(self.db_url)
        db.init_db(database.engine)
        with database.writer() as conn:
            admin.ensure_calendar(conn)
            admin.import_catalog(conn, json.loads(
                (ROOT / "resources/catalog/demo.json").read_text("utf-8")))
        database.dispose()
        self.port, self.sport, self.cport = _port(), _port(), _port()
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
        _wait(self.direct)
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


def crowd(rig: Rig, n: int = 10, each: int = 200) -> dict:
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


def peer(peer_dir: pathlib.Path) -> dict | None:
    """The PouchDB peer's figures on the same shaped link (its own server and shaper)."""
    if not (peer_dir / "node_modules").exists() or not shutil.which("node"):
        return None
    p, sp, cp = _port(), _port(), _port()
    procs = [subprocess.Popen(["node", "server.js", str(p)], cwd=peer_dir,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
             subprocess.Popen([sys.executable, str(ROOT / "bench/shaper.py"), "--listen",
                               str(sp), "--target", str(p), "--control", str(cp), *LINK,
                               "--max-seconds", "900"], stdout=subprocess.DEVNULL)]
    try:
        time.sleep(2)
        out = subprocess.run(["node", "client.js", "slow", str(sp), str(p), str(cp)],
                             cwd=peer_dir, capture_output=True, text=True, timeout=900)
        return {r["label"]: r for r in json.loads(out.stdout.strip().splitlines()[-1])["results"]}
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.bench_sync")
    ap.add_argument("--peer-dir", type=pathlib.Path,
                    default=pathlib.Path(tempfile.gettempdir()) / "yc-pouchdb-peer")
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args(argv)
    work = pathlib.Path(tempfile.mkdtemp(prefix="yc-bench-sync-"))
    rig = Rig(work)
    try:
        w = week(rig)
        i = idle(rig)
        c = crowd(rig)
    finally:
        rig.close()
        shutil.rmtree(work, ignore_errors=True)
    pw = None if args.no_peer else peer(args.peer_dir)
    print("link: 256 kbit/s up, 512 kbit/s down, 600 ms RTT (bench/shaper.py)")
    print(f"{'scenario':44} {'secs':>7} {'reqs':>5} {'bytes up':>9} {'B/event':>8}")
    print(f"{'week offline, 2,000 events, reconnect':44} {w['secs']:7.2f} {w['requests']:5d} "
          f"{w['bytes_up']:9d} {w['bytes_up_per_event']:8.1f}")
    print(f"{'idle poll':44} {i['secs']:7.2f} {i['requests']:5d} {i['bytes_up']:9d} "
          f"{'':8} (down {i['bytes_down']} B)")
    print(f"{'10 terminals x 200 events at once':44} {c['secs']:7.2f} {c['requests']:5d} "
          f"{c['bytes_up']:9d} {'':8} converged={c['converged']}")
    if pw:
        pp = pw.get("week offline push (2,000 writes)", {})
        pi = pw.get("idle sync again (steady-state poll)", {})
        print("\nPouchDB peer, same link, this run:")
        print(f"  week push: {pp.get('secs')} s, {pp.get('requests')} requests, "
              f"{pp.get('bytes_up')} B up; idle poll: {pi.get('requests')} requests, "
              f"{pi.get('bytes_up', 0) + pi.get('bytes_down', 0)} B")
        if pp.get("secs"):
            print(f"  ratios (peer / ours): time x{pp['secs'] / w['secs']:.1f}, requests "
                  f"x{pp['requests'] / w['requests']:.1f}, bytes up "
                  f"x{pp['bytes_up'] / max(1, w['bytes_up']):.1f}")
    else:
        print("\n(PouchDB peer not run: `cp -r shared/bench/pouchdb-peer /tmp/yc-pouchdb-peer"
              " && cd /tmp/yc-pouchdb-peer && npm ci`, or pass --peer-dir)")
    ok = (w["bytes_up_per_event"] <= 60 and w["secs"] < 10 and w["requests"] <= 4
          and c["converged"])
    print(f"\nbudgets (<=60 B/event up, <10 s, <=1 request/500 events): "
          f"{'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
