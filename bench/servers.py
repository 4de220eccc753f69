"""What the benchmarks share to run a server of their own: a free port on loopback,
waiting until it answers, and the demo hall (calendar and catalog) in its database.

Kept apart from tests/support: a benchmark runs from a checkout or an installed tree
without the tests.
"""

from __future__ import annotations

import json
import pathlib
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEMO_CATALOG = ROOT / "resources" / "catalog" / "demo.json"


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
