"""Server load: N simulated terminals in halls of ten, syncing every 10 s (a pull each
time, a push of five events every fifth time), against SQLite and PostgreSQL; the largest N held with
p99 < 200 ms on this machine. The load generator runs on the same machine (asyncio +
httpx), so it takes CPU from the server: the figures are a floor.

    python -m bench.bench_server [--seconds 15] [--ladder 250,500,1000,2000,3000]
"""

from __future__ import annotations

import argparse
import asyncio
import pathlib
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parents[1]
PERIOD = 10.0
HALL_SIZE = 10


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _enrol_many(db_url: str, n: int) -> tuple[list[tuple[str, str]], int]:
    """n terminals in halls of HALL_SIZE (a township hall has 3–6 windows, a city 30+);
    returns their credentials and the change seq they start from (after bootstrap)."""
    import json

    from server import admin, auth, db

    database = db.Database(db_url)
    db.init_db(database.engine)
    out = []
    with database.writer() as conn:
        admin.ensure_calendar(conn)
        admin.import_catalog(conn, json.loads(
            (ROOT / "resources/catalog/demo.json").read_text("utf-8")))
        for i in range(n):
            hall = f"H{i // HALL_SIZE:04d}"
            if i % HALL_SIZE == 0:
                admin.add_hall(conn, hall, f"大厅{hall}")
            got = auth.enrol(conn, auth.issue_code(conn, hall))
            out.append((got["token"], got["terminal_id"]))
        top = db.current_seq(conn)
    database.dispose()
    return out, top


class Sim:
    """One terminal: its token, cursor and terminal_seq."""

    def __init__(self, token: str, tid: str) -> None:
        self.token, self.tid, self.seq, self.cursor, self.rounds = token, tid, 0, 0, 0

    def batch(self) -> bytes:
        from sync import wire

        evs = []
        for _ in range(5):
            self.seq += 1
            evs.append({"id": str(uuid.uuid4()), "case_id": str(uuid.uuid4()),
                        "kind": "registered", "payload": {"item_no": "0101", "queue_no": "A001"},
                        "expected_state": None, "terminal_id": self.tid,
                        "terminal_seq": self.seq, "staff_id": "S001", "window_id": "W01",
                        "recorded_at": "2026-03-02T09:00:00+08:00"})
        return wire.gzip_body({"batch": wire.pack_events(evs)})


async def _terminal(client, url: str, sim: Sim, stop: float, lat: list[float],  # type: ignore[no-untyped-def]
                    errors: list[int]) -> None:
    from sync import wire

    await asyncio.sleep(random.uniform(0, PERIOD))
    headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
               "Authorization": f"Bearer {sim.token}"}
    while time.monotonic() < stop:
        t0 = time.monotonic()
        try:
            if sim.rounds % 5 == 4:
                r = await client.post(url + "/api/v1/sync/push", content=sim.batch(), headers={
                    **headers, "Content-Encoding": "gzip", "Content-Type": "application/json"})
                lat.append(time.monotonic() - t0)
                t0 = time.monotonic()
            r = await client.get(url + "/api/v1/sync/pull", params={"cursor": sim.cursor},
                                 headers=headers)
            lat.append(time.monotonic() - t0)
            if r.status_code == 200:
                sim.cursor = r.json()["cursor"]
            else:
                errors.append(r.status_code)
        except Exception:
            errors.append(0)
        sim.rounds += 1
        await asyncio.sleep(max(0.0, PERIOD - (time.monotonic() - t0)))


async def _load(url: str, sims: list[Sim], seconds: float) -> tuple[list[float], list[int]]:
    import httpx

    lat: list[float] = []
    errors: list[int] = []
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        stop = time.monotonic() + seconds
        await asyncio.gather(*(_terminal(client, url, s, stop, lat, errors) for s in sims))
    return lat, errors


def _p(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(q * len(v)))] * 1000 if v else float("nan")


def run_db(label: str, db_url: str, ladder: list[int], seconds: float) -> list[tuple]:
    creds, top = _enrol_many(db_url, max(ladder))
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "server", "--db", db_url,
                             "--port", str(port), "--log-level", "warning"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    rows = []
    try:
        import requests

        for _ in range(300):
            try:
                requests.get(url + "/api/v1/health", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
        for n in ladder:
            sims = [Sim(t, i) for t, i in creds[:n]]
            for sim in sims:
                sim.cursor = top
            lat, errors = asyncio.run(_load(url, sims, seconds))
            rows.append((label, n, len(lat) / seconds, _p(lat, 0.5), _p(lat, 0.99), len(errors)))
            print(f"{label:10} {n:6d} terminals {rows[-1][2]:7.1f} req/s  p50 {rows[-1][3]:6.1f} ms"
                  f"  p99 {rows[-1][4]:7.1f} ms  errors {len(errors)}", flush=True)
            if rows[-1][4] > 1000:
                break
    finally:
        proc.terminate()
        proc.wait(10)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.bench_server")
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--ladder", default="250,500,1000,1500,2000,3000")
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args(argv)
    ladder = [int(x) for x in args.ladder.split(",")]
    work = pathlib.Path(tempfile.mkdtemp(prefix="yc-bench-server-"))
    rows = run_db("sqlite", f"sqlite:///{work / 'server.sqlite3'}", ladder, args.seconds)
    if not args.no_postgres:
        try:
            sys.path.insert(0, str(ROOT))
            from tests.support.servers import PgCluster

            pg = PgCluster().start()
        except Exception as exc:
            print(f"postgresql: not run ({exc})")
        else:
            try:
                rows += run_db("postgresql", pg.new_database("bench"), ladder, args.seconds)
            finally:
                pg.stop()
    shutil.rmtree(work, ignore_errors=True)
    print("\nlargest number of terminals held with p99 < 200 ms (syncing every 10 s):")
    for label in ("sqlite", "postgresql"):
        held = [r[1] for r in rows if r[0] == label and r[4] < 200 and not r[5]]
        if any(r[0] == label for r in rows):
            print(f"  {label:10} {max(held) if held else 0}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
