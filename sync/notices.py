"""Notices on a terminal: the `notices` table (projection of notice streams) and the
steps a kiosk, a counter or the supervisor take on them.

A notice is a stream of events (domain.notices): raised here or anywhere in the hall —
a kiosk's help call, its printer out of paper, a clash the server found — it syncs to
every terminal of the hall; who saw it and who resolved it syncs back the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from domain import notices as dn
from domain.application import Actor
from domain.ids import uuid7
from domain.workdays import WorkCalendar
from sync import projection
from sync.replica import Replica

KIOSK_HELP = dn.KIOSK_HELP
KIOSK_PRINTER = dn.KIOSK_PRINTER
SYSTEM_STAFF = "system"


def write(replica: Replica, n: dn.Notice, _cal: WorkCalendar | None = None) -> None:
    """Replace the notice's row from its fold."""
    replica.conn.execute(
        "INSERT OR REPLACE INTO notices (id, kind, case_id, event_id, text, created_at, seen, "
        "state, raised_by, seen_by, resolved_by, resolved_at, note, detail) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (n.id, n.topic, n.case_id, n.event_id, n.text, n.raised_at, int(n.state != dn.OPEN),
         n.state, n.raised_by, n.seen_by or None, n.resolved_by or None,
         n.resolved_at or None, n.note or None,
         json.dumps(n.detail, ensure_ascii=False) if n.detail else None))


def delete(replica: Replica, notice_id: str) -> None:
    replica.conn.execute("DELETE FROM notices WHERE id=?", (notice_id,))


projection.register("notice", projection.Projector(write=write, delete=delete))


def _store(replica: Replica):
    from sync.store import CaseStore

    return CaseStore(replica)


def add(replica: Replica, kind: str, text: str, *, now: dt.datetime | None = None,
        case_id: str | None = None, detail: Mapping[str, Any] | None = None,
        staff_id: str = SYSTEM_STAFF) -> str | None:
    """Raise a notice unless this terminal has one of this topic still open; returns its
    id or None.

    One alert of a topic stays open at a time per terminal: a citizen tapping help five
    times, or a printer polled every three seconds, is one notice. `text` never names a
    citizen: it travels to every terminal of the hall.
    """
    store = _store(replica)
    me = replica.identity().terminal_id
    with replica.transaction() as conn:
        if conn.execute("SELECT 1 FROM notices WHERE kind=? AND state=? AND raised_by=? "
                        "LIMIT 1", (kind, dn.OPEN, me)).fetchone():
            return None
        payload: dict[str, Any] = {"topic": kind, "text": text}
        if case_id:
            payload["case_id"] = case_id
        if detail:
            payload["detail"] = dict(detail)
        notice_id = uuid7()
        store.record(notice_id, dn.RAISED, payload, Actor(staff_id, me), now=now)
    return notice_id


def resolve(replica: Replica, kind: str, *, note: str = "",
            staff_id: str = SYSTEM_STAFF) -> int:
    """Resolve this terminal's open notices of a topic (e.g. the kiosk's printer is back)."""
    store = _store(replica)
    me = replica.identity().terminal_id
    with replica.transaction() as conn:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM notices WHERE kind=? AND state IN (?, ?) AND raised_by=?",
            (kind, dn.OPEN, dn.READ, me))]
        for nid in ids:
            store.record(nid, dn.RESOLVED, {"note": note}, Actor(staff_id, me))
    return len(ids)


def mark(replica: Replica, notice_id: str, kind: str, actor: Actor, note: str = "",
         now: dt.datetime | None = None) -> dn.Notice:
    """A person saw (`notice.seen`) or resolved (`notice.resolved`) a notice."""
    payload = {"note": note} if kind == dn.RESOLVED else {}
    _, notice = _store(replica).record(notice_id, kind, payload, actor, now=now)
    return notice


def store_pulled(replica: Replica, rows: Iterable[Iterable[Any]]) -> int:
    """Notices from an older server's page (id, kind, case_id, event_id, text,
    created_at), kept as local rows; a notice already here is kept as it is. The caller
    holds the page's transaction."""
    n = 0
    for nid, kind, case_id, event_id, text, created_at in rows:
        n += replica.conn.execute(
            "INSERT OR IGNORE INTO notices (id, kind, case_id, event_id, text, created_at) "
            "VALUES (?,?,?,?,?,?)", (nid, kind, case_id, event_id, text, created_at)).rowcount
    return n


def unseen(replica: Replica, kind: str | None = None) -> list[dict[str, Any]]:
    """Notices nobody has seen yet, oldest first."""
    sql = "SELECT * FROM notices WHERE state=?" + (" AND kind=?" if kind else "")
    args: tuple = (dn.OPEN, kind) if kind else (dn.OPEN,)
    rows = replica.conn.execute(sql + " ORDER BY created_at", args)
    return [dict(r) for r in rows]


def open_notices(replica: Replica) -> list[dict[str, Any]]:
    """Notices not yet resolved (seen or not), newest first: the supervisor's list."""
    rows = replica.conn.execute("SELECT * FROM notices WHERE state IN (?, ?) "
                                "ORDER BY created_at DESC", (dn.OPEN, dn.READ))
    return [dict(r) for r in rows]


def count_unseen(replica: Replica) -> int:
    """What the status bar shows."""
    return replica.conn.execute("SELECT COUNT(*) FROM notices WHERE state=?",
                                (dn.OPEN,)).fetchone()[0]
