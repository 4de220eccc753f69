"""Quarantine: what this terminal received but cannot apply is kept aside, reported, and
sync goes on (ARCHITECTURE.md: nothing received from the network may stop sync).

An event whose fold or projection raises here (a server older than a check, a bug in a
fold) is marked `quarantined` in the events table — kept, never folded — and a copy
with the reason goes to the `quarantine` table; a row that cannot even be read as an
event goes there alone. The supervisor hears of it through a notice (topic
`quarantine`), and the rest of the page, and of the stream, is applied as usual.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any

from domain import events as ev
from domain import notices as dn
from domain import streams
from domain.workdays import WorkCalendar
from sync import notices, projection
from sync.replica import Replica

log = logging.getLogger(__name__)

QUARANTINED = "quarantined"


def keep(replica: Replica, raw: Mapping[str, Any] | Any, reason: str,
         event_id: str | None = None) -> str:
    """Put a received row aside with the reason (caller holds the transaction)."""
    eid = event_id or (raw.get("id") if isinstance(raw, Mapping) else None)
    if not isinstance(eid, str) or not eid:
        eid = f"unreadable-{dt.datetime.now(dt.UTC).timestamp():.6f}"
    sid = raw.get("case_id") if isinstance(raw, Mapping) else None
    kind = raw.get("kind") if isinstance(raw, Mapping) else None
    replica.conn.execute(
        "INSERT OR REPLACE INTO quarantine (event_id, stream_id, kind, raw, reason, "
        "quarantined_at) VALUES (?,?,?,?,?,?)",
        (eid, sid if isinstance(sid, str) else None, kind if isinstance(kind, str) else None,
         json.dumps(raw, ensure_ascii=False, default=str), reason[:500],
         dt.datetime.now(ev.CHINA_TZ).isoformat(timespec="seconds")))
    replica.conn.execute("UPDATE events SET verdict=? WHERE id = pack_id(?)",
                         (QUARANTINED, eid))
    log.warning("quarantined a received event %s (%s): %s", eid, kind, reason[:200])
    return eid


def project(replica: Replica, stream_ids: Iterable[str], cal: WorkCalendar) -> list[str]:
    """Rebuild these streams' rows; a stream that fails is rebuilt event by event, and
    the events it cannot take are quarantined. Returns the quarantined event ids."""
    out: list[str] = []
    with replica.transaction():
        for sid in set(stream_ids):
            replica.conn.execute("SAVEPOINT stream")
            try:
                projection.project(replica, [sid], cal)
                replica.conn.execute("RELEASE stream")
                continue
            except Exception as exc:
                replica.conn.execute("ROLLBACK TO stream")
                replica.conn.execute("RELEASE stream")
                first = f"{type(exc).__name__}: {exc}"
            out += _isolate(replica, sid, cal, first)
    return out


def _isolate(replica: Replica, sid: str, cal: WorkCalendar, first: str) -> list[str]:
    """Fold the stream one event at a time; each event that breaks the fold or the
    projection is quarantined, the others make the row."""
    kept: list[ev.Event] = []
    bad: list[str] = []
    for e in projection.stream_events(replica, sid):
        replica.conn.execute("SAVEPOINT one")
        try:
            state = streams.fold([*kept, e], sid)
            projection.write(replica, state, kept[0].kind if kept else e.kind, cal)
            replica.conn.execute("RELEASE one")
            kept.append(e)
        except Exception as exc:
            replica.conn.execute("ROLLBACK TO one")
            replica.conn.execute("RELEASE one")
            keep(replica, e.to_wire(), f"{type(exc).__name__}: {exc}", e.id)
            bad.append(e.id)
    if not bad:
        log.warning("stream %s failed to project (%s), yet each event applies", sid, first)
    if not kept:
        for p in projection.all_projectors():
            p.delete(replica, sid)
    return bad


def report(replica: Replica, event_ids: list[str]) -> None:
    """One notice for the supervisor (one stays open per terminal: more add to it)."""
    if not event_ids:
        return
    total = replica.conn.execute("SELECT COUNT(*) FROM quarantine").fetchone()[0]
    notices.add(replica, dn.QUARANTINE,
                f"收到{len(event_ids)}条无法处理的同步数据，已隔离保存（共{total}条），"
                "其余数据照常同步。请联系技术支持。",
                detail={"event_ids": event_ids[:20], "total": total})


def count(replica: Replica) -> int:
    return replica.conn.execute("SELECT COUNT(*) FROM quarantine").fetchone()[0]
