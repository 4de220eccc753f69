"""A city, a township hall node below it, and the hall's terminals, as real processes.

The city runs the demo catalog for its own hall (371100) and for a township hall below
it (TOWNSHIP); the node enrols with a node code on first start, exactly as
`yichuang server --upstream URL --upstream-code CODE` does for a hall's IT person.
Whatever the test does on the hall's side goes through `wan.hall(...)`, so with real
namespaces it happens on the hall's LAN.
"""

from __future__ import annotations

import json
import pathlib
import time
from collections.abc import Callable
from typing import Any

import requests

from sync import wire
from sync.client_cli import sync_once
from tests.support.servers import (
    DEMO_CATALOG,
    HALL,
    ServerProcess,
    backoffice_decide,
    backoffice_staff,
    enrol_code,
    setup_hall,
)
from tests.support.terminal import Term

TOWNSHIP = "371102101"
H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


def setup_city(db_url: str) -> None:
    """The demo city hall, and a township below it with the same catalog and a reviewer."""
    from server import admin, db, halls

    setup_hall(db_url)
    database = db.Database(db_url)
    try:
        with database.writer() as conn:
            halls.add(conn, TOWNSHIP, "河口镇便民服务中心", parent=HALL)
            admin.import_catalog(conn, json.loads(DEMO_CATALOG.read_text("utf-8")),
                                 hall=TOWNSHIP)
            halls.add(conn, TOWNSHIP, "河口镇便民服务中心", parent=HALL)  # keep the name
            for rec in backoffice_staff(json.loads(DEMO_CATALOG.read_text("utf-8"))):
                admin.add_staff(conn, TOWNSHIP, rec)
    finally:
        database.dispose()


def stats(db_url: str, hall: str | None = TOWNSHIP) -> dict[str, Any]:
    from server import db
    from server import stats as st

    database = db.Database(db_url)
    try:
        with database.reader() as conn:
            return st.stats(conn, hall)
    finally:
        database.dispose()


def wait_for(cond: Callable[[], Any], timeout: float = 60, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = cond()
        if got:
            return got
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class HallRig:
    """City + node (+ terminals on demand) over `wan`; stop() ends them."""

    def __init__(self, work: pathlib.Path, wan: Any, *, interval: float = 0.3,
                 node_codes: int = 16, city_db: str | None = None) -> None:
        self.work, self.wan = work, wan
        self.city_db = city_db or f"sqlite:///{work / 'city.sqlite3'}"
        self.node_db = f"sqlite:///{work / 'node.sqlite3'}"
        setup_city(self.city_db)
        self.city = ServerProcess(self.city_db, log_dir=work, prefix=wan.prefix("city"),
                                  host=wan.city_host(), run=wan.city).start()
        self.node_code = enrol_code(self.city_db, TOWNSHIP, node_codes=node_codes)
        self.node = ServerProcess(
            self.node_db, log_dir=work, prefix=wan.prefix("hall"), run=wan.hall,
            log_level="info", args=["--upstream", wan.city_url(self.city.port),
                                    "--upstream-code", self.node_code,
                                    "--upstream-interval", str(interval)]).start()
        wait_for(lambda: (self.node.health() or {}).get("reaches_city"), 60,
                 "the node to enrol upstream and pull its hall's catalog")
        self.terms: list[Term] = []

    def terminal(self, name: str) -> Term:
        """A terminal of the township enrolled at the node with a code the node issued."""
        code = enrol_code(self.node_db, TOWNSHIP)
        t = self.wan.hall(Term, self.work / name, self.node.url, code)
        self.terms.append(t)
        return t

    def sync(self, t: Term) -> dict:
        return self.wan.hall(sync_once, t.dir)

    def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for t in self.terms:
                self.sync(t)

    def decide(self, case_id: str, decision: str, hall: str = TOWNSHIP) -> requests.Response:
        """The back office at the city."""
        return self.wan.city(backoffice_decide, self.city, case_id, decision, hall=hall)

    def wait_forwarded(self, timeout: float = 60) -> dict:
        """Until the node has nothing waiting for the city, and holds what the city holds
        of its hall (it pulled what the city did meanwhile)."""
        def done() -> dict | None:
            s = stats(self.node_db)
            if s["upstream_pending"] or not s["reaches_city"]:
                return None
            return s if s["events"] == stats(self.city_db)["events"] else None

        return wait_for(done, timeout, "the node to forward its backlog and catch up")

    def stop(self) -> None:
        for p in (self.node, self.city):
            p.stop()
