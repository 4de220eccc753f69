"""Back-office logins must not slow the hall down: push latency of one terminal while six
clients try wrong passwords as fast as they can, against a SQLite server.

`--accounts known` (default): wrong passwords for the hall's real staff numbers (the
attack the lockout is for); `--accounts random`: a new number every attempt from a new
source address (127.0.x.y), so no lockout ever engages and every attempt costs a full
scrypt check — only where that check runs (outside or inside the write lock) differs.
`--old-api` drives the pre-token route (password in the JSON body of a decision), to
measure the build before the fix on the same machine.

    python -m bench.bench_login_storm [--seconds 8] [--clients 6] [--accounts known|random]
                                      [--old-api]
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from typing import Any

from bench.report import bench_line, met
from bench.servers import demo_hall, free_port, in_database

ROOT = pathlib.Path(__file__).resolve().parents[1]
HALL = "371100"


def _setup(db_url: str) -> tuple[str, str]:
    """The demo hall and one enrolled terminal (token, terminal id)."""
    from server import auth

    def hall_and_terminal(conn: Any) -> dict[str, Any]:
        demo_hall(conn)
        return auth.enrol(conn, auth.issue_code(conn, HALL))

    got = in_database(db_url, hall_and_terminal, write=True, init=True)
    return got["token"], got["terminal_id"]


def _batch(tid: str, seq: int) -> bytes:
    from sync import wire

    evs = [{"id": str(uuid.uuid4()), "case_id": str(uuid.uuid4()), "kind": "registered",
            "payload": {"item_no": "0101"}, "expected_state": None, "terminal_id": tid,
            "terminal_seq": seq + i, "staff_id": "S001", "window_id": "W01",
            "recorded_at": "2026-03-02T09:00:00+08:00"} for i in range(5)]
    return wire.gzip_body({"batch": wire.pack_events(evs)})


def _pusher(port: int, token: str, tid: str, stop: float, lat: list[float],
            start_seq: list[int]) -> None:
    from sync import wire

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
               "Content-Type": "application/json",
               wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
    while time.monotonic() < stop:
        body = _batch(tid, start_seq[0])
        start_seq[0] += 5
        t0 = time.perf_counter()
        conn.request("POST", "/api/v1/sync/push", body=body, headers=headers)
        r = conn.getresponse()
        r.read()
        lat.append((time.perf_counter() - t0) * 1000)
        if r.status != 200:
            raise RuntimeError(f"push answered {r.status}")
        time.sleep(0.05)


def _storm(port: int, n: int, stop: float, old_api: bool, known: bool,
           counts: list[int]) -> None:
    """Wrong passwords: for real staff numbers, or a new number from a new address."""
    from sync import wire

    k = 0
    while time.monotonic() < stop:
        k += 1
        src = f"127.0.{n + 1}.{1 + (k // 10) % 250}" if not known else "127.0.0.1"
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                          source_address=(src, 0))
        no = str(1001 + (n * 11 + k) % 69) if known else f"{n}{k:06d}"[-8:]
        headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
                   "Content-Type": "application/json"}
        if old_api:
            body = json.dumps({"hall": HALL, "staff_no": no, "password": "guess",
                               "decision": "approve"})
            conn.request("POST", f"/api/v1/backoffice/cases/{uuid.uuid4()}/decision",
                         body=body, headers=headers)
        else:
            auth = base64.b64encode(f"{no}:guess".encode()).decode()
            conn.request("POST", f"/api/v1/backoffice/login?hall={HALL}",
                         headers={**headers, "Authorization": f"Basic {auth}"})
        conn.getresponse().read()
        conn.close()
        counts[n] += 1


def _phase(port: int, token: str, tid: str, seconds: float, clients: int, old_api: bool,
           known: bool, seq: list[int]) -> tuple[list[float], int]:
    stop = time.monotonic() + seconds
    lat: list[float] = []
    counts = [0] * max(clients, 1)
    threads = [threading.Thread(target=_storm, args=(port, i, stop, old_api, known, counts))
               for i in range(clients)]
    for t in threads:
        t.start()
    _pusher(port, token, tid, stop, lat, seq)
    for t in threads:
        t.join()
    return lat, sum(counts)


def _q(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench_login_storm")
    p.add_argument("--seconds", type=float, default=8.0)
    p.add_argument("--clients", type=int, default=6)
    p.add_argument("--accounts", choices=("known", "random"), default="known")
    p.add_argument("--old-api", action="store_true")
    args = p.parse_args(argv)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="yc-login-storm-"))
    db_url = f"sqlite:///{tmp / 'server.sqlite3'}"
    token, tid = _setup(db_url)
    port = free_port()
    log = open(tmp / "server.log", "wb")  # noqa: SIM115 - lives as long as the server
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "server", "--db", db_url,
                             "--port", str(port), "--log-level", "warning"], cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(300):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                c.request("GET", "/api/v1/health")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        seq = [1]
        known = args.accounts == "known"
        quiet, _ = _phase(port, token, tid, args.seconds, 0, args.old_api, known, seq)
        storm, attempts = _phase(port, token, tid, args.seconds, args.clients, args.old_api,
                                 known, seq)
    finally:
        proc.terminate()
        proc.wait(10)
    api = "old (password in body, checked in the write lock)" if args.old_api else \
        "token login (checked outside the write lock)"
    print(f"back office: {api}; {args.accounts} accounts; SQLite; "
          "machine shared with other jobs")
    print(f"push latency, quiet:            median {statistics.median(quiet):7.1f} ms   "
          f"p95 {_q(quiet, 0.95):7.1f} ms   ({len(quiet)} pushes)")
    print(f"push latency, {args.clients} wrong-password clients: median "
          f"{statistics.median(storm):7.1f} ms   p95 {_q(storm, 0.95):7.1f} ms   "
          f"({len(storm)} pushes, {attempts} login attempts)")
    ratio = statistics.median(storm) / statistics.median(quiet)
    print("goal: a wrong-password storm leaves push latency within 2x of quiet "
          f"(ratio now {ratio:.1f}x)")
    bench_line(f"login storm: push median under {args.clients} wrong-password clients",
               "≤ 2× quiet", f"{statistics.median(storm):.1f} ms {met(ratio <= 2)}",
               f"{ratio:.1f}× quiet ({statistics.median(quiet):.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
