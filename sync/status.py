"""What the status bar shows about sync, as a plain frozen dataclass (no Qt)."""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass
from typing import Any

SKEW_WARN_SECONDS = 300.0


@dataclass(frozen=True)
class SyncStatus:
    """A snapshot of the sync state; the worker emits a new one after every round."""

    mode: str = "standalone"  # standalone | enrolled
    online: bool | None = None  # None: not tried yet
    pending: int = 0  # events waiting to go out
    oldest_pending_age_s: float | None = None
    last_success: str | None = None  # ISO, local clock
    last_error: str | None = None
    clock_skew_s: float | None = None  # server minus local
    unseen_notices: int = 0
    reenrol_required: bool = False
    message: str = ""
    cursor: int = 0
    syncing: bool = False
    # which server this terminal syncs with, as its last pull page said (issue 11)
    server: str = ""  # host[:port] of the server
    server_role: str | None = None  # "city" | "node" | None (not heard yet)
    server_hall: str = ""  # the hall name the server serves
    reaches_city: bool | None = None  # a node: whether it reaches the city right now
    city_contact: str | None = None  # a node: its last contact with the city (ISO)
    upstream_pending: int = 0  # a node: events waiting for the WAN
    # a new terminal's first download (the paged snapshot): streams so far and in all
    bootstrap_done: int = 0
    bootstrap_total: int = 0

    @property
    def bootstrapping(self) -> bool:
        """The first download of the hall's data is under way (not finished yet)."""
        return self.bootstrap_total > 0

    @property
    def skew_warning(self) -> bool:
        """The local clock is off by more than five minutes."""
        return self.clock_skew_s is not None and abs(self.clock_skew_s) > SKEW_WARN_SECONDS


def server_fields(url: str, info: str | None) -> dict[str, Any]:
    """SyncStatus fields from the server URL and the `server` object of the last pull
    page (kept as JSON in the replica's meta): which server, and whether it reaches the
    city. Garbage in the meta is no reason to stop showing the rest."""
    host = urllib.parse.urlsplit(url).netloc if url else ""
    try:
        d = json.loads(info) if info else {}
    except ValueError:
        d = {}
    if not isinstance(d, dict):
        d = {}
    role = d.get("role") if d.get("role") in ("city", "node") else None
    reaches = d.get("reaches_city")
    pending = d.get("upstream_pending")
    return {"server": host, "server_role": role, "server_hall": str(d.get("hall_name") or ""),
            "reaches_city": reaches if isinstance(reaches, bool) else None,
            "city_contact": d.get("city_contact") if isinstance(d.get("city_contact"), str)
            else None,
            "upstream_pending": pending if isinstance(pending, int) else 0}
