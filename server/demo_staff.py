"""The demo catalog's staff (password 1234) exist only on a server started as a demo.

`yichuang server --demo` seeds an empty database with the demo hall and keeps its staff;
any other start disarms every staff record that still carries a demo credential (the
demo catalog's own hashes, or a plain "1234" from an imported file): its hash is removed
and it is marked inactive, a reference change that reaches the terminals, so nobody logs
in with 1234 at a counter either. The back office refuses such a record even between a
catalog import and the next start.
"""

from __future__ import annotations

import functools
import json
import logging
from typing import Any

import sqlalchemy as sa

from server import db

log = logging.getLogger(__name__)

DEMO_PASSWORD = "1234"


@functools.cache
def _demo_catalog() -> dict[str, Any]:
    from resources import path

    return json.loads(path("catalog", "demo.json").read_text("utf-8"))


@functools.cache
def demo_hashes() -> frozenset[str]:
    """The password hashes of the demo catalog's staff (all of password 1234)."""
    return frozenset(str(s["password_hash"]) for s in _demo_catalog().get("staff", ())
                     if s.get("password_hash"))


DISARMED = "demo-password"  # why a staff record was disabled at start


def is_demo_credential(rec: dict[str, Any]) -> bool:
    """Whether a staff record can be logged into with the demo password."""
    return (str(rec.get("password_hash") or "") in demo_hashes()
            or str(rec.get("password") or "") == DEMO_PASSWORD)


def disarm(conn: sa.Connection) -> int:
    """Remove demo credentials from every hall's staff (writer transaction); returns how
    many records changed."""
    from server.admin import set_reference

    r = db.reference
    rows = []
    for row in conn.execute(sa.select(r.c.hall_code, r.c.id, r.c.data).where(
            r.c.kind == "staff", r.c.data.is_not(None))):
        rec = json.loads(row.data)
        if is_demo_credential(rec):
            rec = {k: v for k, v in rec.items() if k not in ("password_hash", "password")}
            rec.update(active=False, disabled=DISARMED)
            rows.append((row.hall_code, "staff", row.id, rec))
    if rows:
        log.warning("disabled %d staff records that had the demo password: this server "
                    "was not started with --demo; set real passwords with "
                    "`yichuang admin staff add`", len(rows))
    return set_reference(conn, rows)


def seed(conn: sa.Connection) -> bool:
    """An empty database gets the demo hall, catalog and staff (writer transaction)."""
    from server.admin import import_catalog

    if conn.execute(sa.select(db.halls.c.code).limit(1)).first() is not None:
        return False
    import_catalog(conn, _demo_catalog())
    log.info("demo hall %s seeded (staff password %s)", _demo_catalog()["hall"]["code"],
             DEMO_PASSWORD)
    return True
