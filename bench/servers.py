"""What the benchmarks share to run a server of their own: a free port on loopback,
waiting until it answers, a throwaway PostgreSQL, the demo hall (calendar and catalog)
in its database, and for the load benchmarks: terminals enrolled in halls of ten with
their open cases, registration payloads as the counter makes them, a server of several
workers started and stopped as one.

Kept apart from tests/support: a benchmark runs from a checkout or an installed tree
without the tests.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any, TypeVar

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEMO_CATALOG = ROOT / "resources" / "catalog" / "demo.json"
HALL_SIZE = 10  # terminals of one hall in the load benchmarks
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db_url: str, port: int, *args: str, log: pathlib.Path | None = None
          ) -> subprocess.Popen:
    """`yichuang server` on loopback in a child process (a hall node with --upstream …);
    its log appended to `log` at info level, else nothing kept."""
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - the child's
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", "server", "--db", db_url,
                             "--port", str(port), "--log-level", "info" if log else "warning",
                             *args], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


def wait_healthy(url: str, seconds: float = 30.0,
                 until: Callable[[dict[str, Any]], Any] = lambda _health: True) -> None:
    """Until the server at `url` answers its health check (its start-up includes the
    database's migrations) and the answer meets `until` (a node: it reaches the city)."""
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            got = requests.get(url + "/api/v1/health", timeout=5)
            if got.ok and until(got.json()):
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not start (or its health never said so)")


def reaches_city(health: dict[str, Any]) -> bool:
    """A hall node's health: enrolled upstream, its hall's catalog pulled."""
    return bool(health.get("reaches_city"))


def demo_hall(conn: Any, hall: str | None = None) -> dict[str, Any]:
    """The shipped calendar and the demo catalog (for `hall`, else the catalog's own), in
    a writer transaction of a server database; the catalog as read."""
    from server import admin

    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    admin.ensure_calendar(conn)
    if hall is None:
        admin.import_catalog(conn, catalog)
    else:
        admin.import_catalog(conn, catalog, hall=hall)
    return catalog


def postgres(fsync: bool = True) -> Any:
    """A throwaway PostgreSQL on loopback (tests/support/servers.PgCluster, started), or
    None when this machine has none: the benchmark says so and measures the rest."""
    sys.path.insert(0, str(ROOT))
    from tests.support.servers import PgCluster

    try:
        return PgCluster().start(fsync=fsync)
    except Exception as exc:  # any reason it cannot start is reported, the rest runs
        print(f"postgresql: not run ({exc})")
        return None


def payloads(n: int = 200) -> list[dict]:
    """Registration payloads of the demo catalog's items, as the counter makes them."""
    from domain.application import registration_payload
    from sync import demo_data, reference
    from sync.replica import Replica

    rng = random.Random(7)
    work = pathlib.Path(tempfile.mkdtemp(prefix="yc-bench-pool-"))
    try:
        with Replica.in_dir(work) as r:
            demo_data.ensure_catalog(r)
            items = reference.load_catalog(r).items
        return [registration_payload(
            item, demo_data.demo_person(rng), queue_no=f"A{rng.randrange(999):03d}",
            provided={m.id: rng.random() > 0.1 for m in item.materials})
            for item in (rng.choice(items) for _ in range(n))]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def enrolled_terminals(db_url: str, n: int, pool: list[dict]) -> list[dict[str, Any]]:
    """n terminals in halls of HALL_SIZE, each with two open cases already on the server."""
    from domain.events import Event
    from domain.ids import uuid7
    from server import admin, auth, db, push

    database = db.Database(db_url)
    db.init_db(database.engine)
    rng = random.Random(3)
    out = []
    with database.writer() as conn:
        demo_hall(conn)
        for i in range(n):
            hall = f"H{i // HALL_SIZE:04d}"
            if i % HALL_SIZE == 0:
                admin.add_hall(conn, hall, f"大厅{hall}")
            got = auth.enrol(conn, auth.issue_code(conn, hall))
            tid, cases = got["terminal_id"], {}
            rows = []
            for seq in (1, 2):
                cid = uuid7()
                cases[cid] = "registered"
                rows.append(Event(id=uuid7(), case_id=cid, kind="registered",
                                  payload=rng.choice(pool), expected_state=None,
                                  terminal_id=tid, terminal_seq=seq, staff_id="S1001",
                                  recorded_at="2026-03-02T09:00:00+08:00",
                                  window_id="W01").to_wire())
            push.store_batch(conn, hall, tid, 0, rows)
            out.append({"token": got["token"], "tid": tid, "seq": 2, "cases": cases})
    database.dispose()
    return out


def in_database(db_url: str, fn: Callable[[Any], T], *, write: bool = False,
                init: bool = False) -> T:
    """fn(conn) in one reader (or writer) transaction of a server database opened for
    it and closed after (`init`: migrated first); what fn returns."""
    from server import db

    database = db.Database(db_url)
    try:
        if init:
            db.init_db(database.engine)
        with database.writer() if write else database.reader() as conn:
            return fn(conn)
    finally:
        database.dispose()


def issue_code(db_url: str, hall: str, **kwargs: Any) -> str:
    """An enrolment code for `hall` (server.auth.issue_code's options)."""
    from server import auth

    return in_database(db_url, lambda conn: auth.issue_code(conn, hall, **kwargs), write=True)


def top_seq(db_url: str) -> int:
    """The database's change seq now (where a terminal that holds everything stands)."""
    from server import db

    return in_database(db_url, db.current_seq)


def serve_workers(db_url: str, workers: int, log: pathlib.Path) -> tuple[subprocess.Popen, str]:
    """`yichuang server --workers N` in a session of its own (stop_workers stops them
    all), once every worker answers; the process and its URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "server", "--db", db_url,
                             "--port", str(port), "--log-level", "warning",
                             "--workers", str(workers)], cwd=ROOT,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    import requests

    for _ in range(600):
        try:
            if requests.get(url + "/api/v1/health", timeout=1).ok:
                time.sleep(1.0 if workers > 1 else 0.0)  # let every worker come up
                return proc, url
        except requests.RequestException:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    raise RuntimeError(f"server did not start: {log.read_text()[-2000:]}")


def stop_workers(proc: subprocess.Popen) -> None:
    """Stop a `serve_workers` server and every worker it started."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
