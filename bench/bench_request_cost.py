"""What one request of each kind costs the server: an idle poll, a busy poll (a step or
two of the hall to bring), a push of one event — one kind at a time, 40 terminals on
their own keep-alive connections against one worker, the CPU of the worker and of
PostgreSQL per request. bench_server measures the mix; this says where it goes.

    python -m bench.bench_request_cost [--db sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import pathlib
import random
import shutil
import sys
import tempfile
import time
import urllib.parse
from typing import Any

from bench import report, servers
from bench.loadgen import Conn, Terminal

TERMINALS = 40


class Rig:
    """A worker over a fresh database with TERMINALS terminals (halls of ten)."""

    def __init__(self, url: str, work: pathlib.Path, pg_pid: int | None) -> None:
        self.url, self.pg_pid, self.pool = url, pg_pid, servers.payloads(20)
        self.terms = servers.enrolled_terminals(url, TERMINALS, self.pool)
        top = servers.top_seq(url)
        for t in self.terms:
            t["cursor"] = top
        self.proc, base = servers.serve_workers(url, 1, work / "server.log")
        self.port = int(base.rsplit(":", 1)[1])

    def headers(self, t: dict[str, Any]) -> dict[str, str]:
        from sync import wire

        return {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
                "Authorization": f"Bearer {t['token']}", "Accept-Encoding": "gzip"}

    async def pulls(self, n: int, key: str) -> None:
        async def one(t: dict[str, Any]) -> None:
            c = Conn("127.0.0.1", self.port)
            for _ in range(n):
                q = urllib.parse.urlencode({"cursor": t[key], "own": t["seq"]})
                status, data = await c.request("GET", f"/api/v1/sync/pull?{q}",
                                               self.headers(t))
                assert status == 200, data[:200]
                t["page"] = json.loads(data)
            c.close()
        await asyncio.gather(*(one(t) for t in self.terms))

    async def pushes(self, n: int) -> None:
        from sync import wire

        async def one(t: dict[str, Any], k: int) -> None:
            c = Conn("127.0.0.1", self.port)
            term = Terminal({**t, "cursor": 0}, self.pool, random.Random(k))
            for _ in range(n):
                body = wire.gzip_body({"batch": wire.pack_events(term.events())})
                status, data = await c.request("POST", "/api/v1/sync/push", {
                    **self.headers(t), "Content-Type": "application/json",
                    "Content-Encoding": "gzip"}, body)
                assert status == 200, data[:200]
            t["seq"] = term.seq
            c.close()
        await asyncio.gather(*(one(t, k) for k, t in enumerate(self.terms)))

    def measure(self, label: str, run: Any, requests: int) -> dict[str, float]:
        cpu0 = report.tree_cpu(self.proc.pid)
        db0 = report.tree_cpu(self.pg_pid) if self.pg_pid else 0.0
        t0 = time.monotonic()
        asyncio.run(run)
        wall = time.monotonic() - t0
        cpu = report.tree_cpu(self.proc.pid) - cpu0
        dbc = (report.tree_cpu(self.pg_pid) - db0) if self.pg_pid else 0.0
        return {"kind": label, "rate": requests / wall, "cpu": cpu / requests * 1e3,
                "db": dbc / requests * 1e3}

    def run(self) -> list[dict[str, float]]:
        asyncio.run(self.pulls(3, "cursor"))  # every token known to the worker
        for t in self.terms:
            t["cursor"] = t["page"]["cursor"]
        idle = self.measure("idle poll", self.pulls(100, "cursor"), 100 * TERMINALS)
        push = self.measure("push, one event", self.pushes(25), 25 * TERMINALS)
        back = servers.top_seq(self.url) - 8  # a step or two of each hall to bring, every time
        for t in self.terms:
            t["back"] = back
        busy = self.measure("busy poll", self.pulls(50, "back"), 50 * TERMINALS)
        return [idle, busy, push]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.bench_request_cost")
    ap.add_argument("--db", default="sqlite,postgresql")
    args = ap.parse_args(argv)
    print(f"CPU per request, one kind at a time ({TERMINALS} terminals, one worker; "
          "PostgreSQL fsync on)")
    print(f"{'database':10} {'request':16} {'per s':>7} {'worker ms':>9} {'db ms':>6}")
    work = pathlib.Path(tempfile.mkdtemp(prefix="yc-bench-cost-"))
    try:
        for label in ("sqlite", "postgresql"):
            if label not in args.db:
                continue
            pg = None
            if label == "sqlite":
                url, pid = f"sqlite:///{work / 'server.sqlite3'}", None
            else:
                pg = servers.postgres()
                if pg is None:
                    continue
                url, pid = pg.new_database("cost"), pg.postmaster_pid()
            rig = Rig(url, work, pid)
            try:
                for r in rig.run():
                    print(f"{label:10} {r['kind']:16} {r['rate']:7.0f} {r['cpu']:9.3f} "
                          f"{r['db']:6.3f}", flush=True)
                    report.bench_line(f"server CPU per {r['kind']}, {label}",
                                      "(what the server mix is made of)",
                                      f"{r['cpu'] + r['db']:.2f} ms",
                                      f"{r['rate']:.0f}/s on one worker")
            finally:
                servers.stop_workers(rig.proc)
                if pg is not None:
                    pg.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
