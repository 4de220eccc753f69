"""What a server is in the tree, for its terminals, its status page and `admin stats`.

A server with no upstream is the city (the root): its order is the canonical one and it
"reaches the city" by definition. A hall node reaches the city when its last round with
its upstream succeeded and that upstream reached the city (a township below a county
node reaches the city only through the county).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from domain.events import CHINA_TZ
from server import db, upstream_apply
from server.auth import utcnow

STALE = dt.timedelta(minutes=2)  # no successful round for this long: not reaching it


def is_node(conn: sa.Connection) -> bool:
    """This database belongs to a hall node (configured with an upstream)."""
    return db.get_node_meta(conn, "upstream_url") is not None


def configure(conn: sa.Connection, url: str, code: str | None) -> None:
    """Remember the upstream (and, until enrolled, the code) given on the command line."""
    values: dict[str, str | None] = {"upstream_url": url.rstrip("/")}
    if code and not db.get_node_meta(conn, "token"):
        values["upstream_code"] = code
    db.set_node_meta(conn, values)


def _age(iso: str | None) -> dt.timedelta | None:
    if not iso:
        return None
    try:
        return utcnow() - dt.datetime.fromisoformat(iso)
    except ValueError:
        return None


def _china(iso: str | None) -> str | None:
    """A stored UTC time as the hall reads it (China time, with its offset)."""
    try:
        return dt.datetime.fromisoformat(iso).astimezone(CHINA_TZ).isoformat(
            timespec="seconds") if iso else None
    except ValueError:
        return None


def info(conn: sa.Connection) -> dict[str, Any]:
    """The `server` object of a pull page: role, hall, whether the city is reachable."""
    if not is_node(conn):
        return {"role": "city", "reaches_city": True}
    m = {r.key: r.value for r in conn.execute(sa.select(db.node_meta))}
    age = _age(m.get("last_contact"))
    online = m.get("online") == "1" and age is not None and age < STALE
    return {"role": "node", "hall": m.get("hall_code"), "hall_name": m.get("hall_name"),
            "reaches_city": bool(online and m.get("reaches_city") == "1"),
            "city_contact": _china(m.get("last_contact")),
            "upstream_pending": upstream_apply.pending_count(conn)}


def status(conn: sa.Connection) -> dict[str, Any]:
    """Everything the status page and `stats` say about the link upstream."""
    base = info(conn)
    if base["role"] == "city":
        return base
    m = {r.key: r.value for r in conn.execute(sa.select(db.node_meta))}
    e = db.events
    oldest = conn.execute(sa.select(sa.func.min(e.c.received_at)).where(
        e.c.up_seq.is_(None), e.c.up_verdict.is_(None))).scalar_one_or_none()
    refused = conn.execute(sa.select(sa.func.count()).select_from(e).where(
        e.c.up_verdict == "refused")).scalar_one()
    return {**base, "upstream": m.get("upstream_url"), "enrolled": bool(m.get("token")),
            "node_code": m.get("node_code"), "online": m.get("online") == "1",
            "last_error": m.get("last_error"), "down_since": m.get("down_since"),
            "refused_by_upstream": m.get("refused") == "1",
            "oldest_pending": oldest, "upstream_refused": int(refused),
            "cursor": int(m.get("cursor") or 0)}
