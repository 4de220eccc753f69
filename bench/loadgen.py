"""One load-generator process of bench_server: simulated terminals doing what the app does.

Each terminal has its own keep-alive connection (as a requests.Session does), and every
PERIOD seconds (the app's sync interval, sync.worker) runs a sync round: a push when its
clerk recorded something since the last round (one step every PUSH_MEAN seconds on
average: a busy window), then pulls until `more` is false, with its cursor and the own
verdicts it holds. What it pushes are real case events: new registrations with a real
item's payload, and the next step on one of its cases that are still open.

The HTTP client is a minimal HTTP/1.1 one on asyncio streams: httpx spends about a
millisecond of CPU per request, which on a 2-core machine would measure the generator,
not the server. It still reports its own CPU use and how late its rounds started, so the
bench can say when the generator is the bottleneck.

    python -m bench.loadgen < spec.json > result.json
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
import random
import resource
import sys
import time
import urllib.parse
from typing import Any

from domain.events import CHINA_TZ, Event, now_iso
from domain.ids import uuid7

PERIOD = 5.0
PUSH_MEAN = 60.0
NEXT = {"registered": ("accepted", {}), "accepted": ("submitted_for_review", {}),
        "in_review": ("rated", {"level": 5, "channel": "pad"})}


class Conn:
    """One keep-alive HTTP/1.1 connection (Content-Length bodies only, as uvicorn sends)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, headers: dict[str, str],
                      body: bytes = b"") -> tuple[int, bytes]:
        for attempt in (0, 1):  # a connection the server closed is opened again, once
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            head = f"{method} {target} HTTP/1.1\r\nHost: {self.host}\r\n" + "".join(
                f"{k}: {v}\r\n" for k, v in headers.items())
            if body:
                head += f"Content-Length: {len(body)}\r\n"
            try:
                self.writer.write(head.encode() + b"\r\n" + body)
                return await self._answer()
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    async def _answer(self) -> tuple[int, bytes]:
        assert self.reader is not None
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        fields = {k.strip().lower(): v.strip() for k, _, v in
                  (x.partition(":") for x in lines[1:] if x)}
        data = await self.reader.readexactly(int(fields.get("content-length", "0")))
        if fields.get("content-encoding") == "gzip":
            data = gzip.decompress(data)
        if fields.get("connection") == "close":
            self.close()
        return status, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Terminal:
    """One simulated terminal: identity, cursor, next terminal seq, its open cases."""

    def __init__(self, d: dict[str, Any], pool: list[dict], rng: random.Random) -> None:
        self.token, self.tid = d["token"], d["tid"]
        self.seq, self.cursor, self.own = d["seq"], d["cursor"], d["seq"]
        self.cases: dict[str, str] = dict(d["cases"])
        self.pool, self.rng = pool, rng

    def events(self) -> list[dict[str, Any]]:
        """The clerk's next step: the next one of an open case, or a new registration."""
        now = now_iso(dt.datetime.now(CHINA_TZ))
        open_ = [c for c, s in self.cases.items() if s in NEXT]
        if open_ and self.rng.random() < 0.6:
            cid = self.rng.choice(open_)
            state = self.cases[cid]
            kind, payload = NEXT[state]
            self.cases[cid] = {"accepted": "accepted", "submitted_for_review": "in_review",
                               "rated": "rated"}[kind]
        else:
            cid, state, kind = uuid7(), None, "registered"
            payload = dict(self.rng.choice(self.pool))
            self.cases[cid] = "registered"
        self.seq += 1
        return [Event(id=uuid7(), case_id=cid, kind=kind, payload=payload,
                      expected_state=state, terminal_id=self.tid, terminal_seq=self.seq,
                      staff_id="S1001", recorded_at=now, window_id="W01").to_wire()]


async def run_terminal(conn: Conn, t: Terminal, start: float, stop: float, measure: float,
                       out: dict[str, list], push_mean: float = PUSH_MEAN,
                       period: float = PERIOD) -> None:
    from sync import wire

    headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
               "Authorization": f"Bearer {t.token}", "Accept-Encoding": "gzip"}
    loop = asyncio.get_running_loop()
    tick = start + t.rng.uniform(0, period)
    while tick < stop:
        await asyncio.sleep(max(0.0, tick - loop.time()))
        began = loop.time()
        keep = began >= measure
        if keep:
            out["late"].append(began - tick)
        try:
            if t.rng.random() < period / push_mean:
                body = wire.gzip_body({"batch": wire.pack_events(t.events())})
                t0 = loop.time()
                status, data = await conn.request("POST", "/api/v1/sync/push", {
                    **headers, "Content-Type": "application/json",
                    "Content-Encoding": "gzip"}, body)
                if keep:
                    out["push"].append(loop.time() - t0)
                if status == 200:
                    t.own = t.seq
                elif keep:
                    out["errors"].append(status)
            more = True
            while more:
                q = urllib.parse.urlencode({"cursor": t.cursor, "own": t.own})
                t0 = loop.time()
                status, data = await conn.request("GET", f"/api/v1/sync/pull?{q}", headers)
                if keep:
                    out["pull"].append(loop.time() - t0)
                if status != 200:
                    if keep:
                        out["errors"].append(status)
                    break
                page = json.loads(data)
                t.cursor, more = page["cursor"], page.get("more", False)
                if keep and page.get("events"):
                    out["busy"].append(1)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            if keep:
                out["errors"].append(0)
        tick += period


async def main_async(spec: dict[str, Any]) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    rng = random.Random(spec.get("seed", 1))
    terms = [Terminal(d, spec["pool"], random.Random(rng.random())) for d in spec["terminals"]]
    conns = [Conn(spec["host"], spec["port"]) for _ in terms]
    out: dict[str, list] = {"pull": [], "push": [], "late": [], "errors": [], "busy": []}
    # all generator processes start together at the wall-clock time the bench chose
    wait = spec["start_at"] - time.time()
    await asyncio.sleep(max(0.0, wait))
    start = loop.time()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    period = float(spec.get("period", PERIOD))
    measure, stop = start + period, start + period + spec["seconds"]
    push_mean = float(spec.get("push_mean", PUSH_MEAN))
    await asyncio.gather(*(run_terminal(c, t, start, stop, measure, out, push_mean, period)
                           for c, t in zip(conns, terms, strict=True)))
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    for c in conns:
        c.close()
    used = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    return {**out, "cpu": used, "wall": loop.time() - start,
            "state": [{"tid": t.tid, "seq": t.seq, "cases": t.cases} for t in terms]}


def main() -> int:
    spec = json.load(sys.stdin)
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    json.dump(asyncio.run(main_async(spec)), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
