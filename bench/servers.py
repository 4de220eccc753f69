"""What the benchmarks share to run a server of their own: a free port on loopback,
waiting until it answers, and the demo hall (calendar and catalog) in its database.

Kept apart from tests/support: a benchmark runs from a checkout or an installed tree
without the tests.
"""

from __future__ import annotations

import json
import pathlib
import socket
import time
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEMO_CATALOG = ROOT / "resources" / "catalog" / "demo.json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, seconds: float = 30.0) -> None:
    """Until the server at `url` answers its health check (its start-up includes the
    database's migrations)."""
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/api/v1/health", timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not start")


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
