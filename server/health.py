"""`GET /api/v1/health`: what a load balancer and an operator ask first.

`ok` is false (and the answer 503) when the database does not answer: a worker that
cannot reach it should be taken out of rotation, not sent terminals. The backlog says
what waits: on a hall node the events not yet taken upstream (and since when); on any
server how many live terminals have not been heard from for a day.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

import sqlalchemy as sa

from server import db, nodeinfo, upstream_apply
from server.auth import utcnow
from sync import wire

log = logging.getLogger(__name__)

SILENT_AFTER = dt.timedelta(days=1)


def report(database: db.Database) -> tuple[bool, dict[str, Any]]:
    """(healthy, the answer)."""
    out: dict[str, Any] = {"ok": False, "protocol": wire.PROTOCOL_VERSION}
    t0 = time.perf_counter()
    try:
        with database.reader() as conn:
            info = nodeinfo.info(conn)
            top = db.current_seq(conn)
            t = db.terminals
            since = (utcnow() - SILENT_AFTER).isoformat(timespec="seconds")
            silent = conn.execute(sa.select(sa.func.count()).select_from(t).where(
                t.c.revoked_at.is_(None), sa.or_(t.c.last_seen < since,
                                                 t.c.last_seen.is_(None)))).scalar_one()
            backlog: dict[str, Any] = {"terminals_silent_1d": int(silent)}
            if info["role"] == "node":
                e = db.events
                backlog["upstream_pending"] = upstream_apply.pending_count(conn)
                backlog["upstream_oldest"] = conn.execute(
                    sa.select(sa.func.min(e.c.received_at)).where(
                        e.c.up_seq.is_(None), e.c.up_verdict.is_(None))).scalar()
    except sa.exc.SQLAlchemyError as exc:
        log.warning("health: database unreachable: %s", type(exc).__name__)
        out["database"] = {"reachable": False, "error": type(exc).__name__}
        return False, out
    out.update({"ok": True, **info,
                "database": {"reachable": True, "dialect": database.engine.dialect.name,
                             "ms": round((time.perf_counter() - t0) * 1000, 1),
                             "change_seq": top},
                "backlog": backlog})
    return True, out
