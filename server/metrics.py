"""`GET /metrics`: the server's figures for the operators' Prometheus (prometheus-client).

Counted in the process that served the request: requests by route and status, their
latency, idle polls answered from the hall marks, events stored and conflicts, how many
pushes shared a transaction. With
several workers (`yichuang server --workers N`) each worker writes its counts to files
in PROMETHEUS_MULTIPROC_DIR (the command sets one up) and a scrape, whichever worker
takes it, adds them up. What the database knows — terminals seen lately, the oldest
contact of a live terminal, the change seq, a hall node's backlog — is read from it at
scrape time, so every worker says the same.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from server import db
from server.auth import utcnow

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
SEEN_WINDOW_S = 300
MULTIPROC = "PROMETHEUS_MULTIPROC_DIR"

REGISTRY = CollectorRegistry()
REQUESTS = Counter("yichuang_requests", "HTTP requests answered", ("route", "method", "status"),
                   registry=REGISTRY)
LATENCY = Histogram("yichuang_request_seconds", "Time to answer a request, by route",
                    ("route",), registry=REGISTRY,
                    buckets=(.002, .005, .01, .025, .05, .1, .2, .5, 1, 2.5, 5, 10, 30))
IDLE = Counter("yichuang_idle_polls", "Pulls answered from the hall's high-water mark alone",
               registry=REGISTRY)
EVENTS = Counter("yichuang_events_stored", "Events stored from pushes", registry=REGISTRY)
CONFLICTS = Counter("yichuang_conflicts", "Events stored as conflicts", registry=REGISTRY)
PUSHES = Counter("yichuang_pushes", "Push batches stored", registry=REGISTRY)
PUSH_GROUP = Histogram("yichuang_push_group", "Pushes written in one transaction "
                       "(server.push_group)", registry=REGISTRY,
                       buckets=(1, 2, 4, 8, 16, 32, 64))


class DatabaseFigures(Collector):
    """Gauges read from the database at scrape time (the same on every worker)."""

    def __init__(self, database: db.Database) -> None:
        self.database = database

    def collect(self) -> Iterator[GaugeMetricFamily]:
        t = db.terminals
        now = utcnow()
        since = (now - dt.timedelta(seconds=SEEN_WINDOW_S)).isoformat(timespec="seconds")
        live = sa.and_(t.c.revoked_at.is_(None), t.c.role == "terminal")
        with self.database.reader() as conn:
            seen = conn.execute(sa.select(sa.func.count()).select_from(t).where(
                live, t.c.last_seen >= since)).scalar_one()
            enrolled = conn.execute(sa.select(sa.func.count()).select_from(t).where(
                live)).scalar_one()
            oldest = conn.execute(sa.select(sa.func.min(t.c.last_seen)).where(live)).scalar()
            top = db.current_seq(conn)
            from server import upstream_apply

            pending = upstream_apply.pending_count(conn) \
                if db.get_node_meta(conn, "upstream_url") else 0
        yield GaugeMetricFamily("yichuang_terminals_seen",
                                f"Live terminals heard from in the last {SEEN_WINDOW_S} s",
                                value=seen)
        yield GaugeMetricFamily("yichuang_terminals_enrolled", "Live (not revoked) terminals",
                                value=enrolled)
        age = 0.0
        if oldest:
            age = max(0.0, (now - dt.datetime.fromisoformat(oldest)).total_seconds())
        yield GaugeMetricFamily("yichuang_oldest_terminal_contact_seconds",
                                "Seconds since the live terminal heard from longest ago "
                                "last synced", value=age)
        yield GaugeMetricFamily("yichuang_change_seq", "The server's change sequence",
                                value=top)
        yield GaugeMetricFamily("yichuang_upstream_pending",
                                "A hall node's events not yet taken by its upstream",
                                value=pending)


def render(database: db.Database) -> bytes:
    """The exposition text: this process's counts (or every worker's), then the
    database's gauges."""
    if os.environ.get(MULTIPROC):
        from prometheus_client import multiprocess

        reg = CollectorRegistry()
        multiprocess.MultiProcessCollector(reg)
        out = generate_latest(reg)
    else:
        out = generate_latest(REGISTRY)
    figures = CollectorRegistry()
    figures.register(DatabaseFigures(database))
    return out + generate_latest(figures)


class Timing:
    """Pure ASGI middleware: counts and times each HTTP request by its route template
    (never its raw path, so an id in a path adds no series)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        status = [500]

        async def send_status(message: Any) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or "other"
            REQUESTS.labels(route, scope.get("method", ""), str(status[0])).inc()
            LATENCY.labels(route).observe(time.perf_counter() - t0)
