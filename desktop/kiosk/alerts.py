"""Alerts from the kiosk to the staff: a row in the replica's `notices` table.

A citizen who taps "need help", or a printer out of paper, must reach a person even
when the kiosk is offline: the counters of the hall read the notices (and the sync
carries them to the hall node). One alert of a kind stays open at a time — a citizen
tapping help five times, or a printer polled every three seconds, is one notice.

This is the kiosk's only SQL outside `sync.store`; it belongs in `sync/` (a
`sync.notices.add_notice` that also queues the row for push) and moves there as one
function.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from domain.events import CHINA_TZ, now_iso
from domain.ids import uuid7

HELP = "kiosk_help"
PRINTER = "kiosk_printer"


def add_notice(replica: Any, kind: str, text: str, *, now: dt.datetime | None = None,
               case_id: str | None = None) -> str | None:
    """Add a notice unless one of this kind is still unseen; returns its id or None.

    `text` names the kiosk and the problem, never a citizen (it is shown at every
    counter and logged by whoever reads it).
    """
    now = now or dt.datetime.now(CHINA_TZ)
    with replica.transaction() as conn:
        open_one = conn.execute("SELECT id FROM notices WHERE kind=? AND seen=0 LIMIT 1",
                                (kind,)).fetchone()
        if open_one is not None:
            return None
        notice_id = uuid7()
        conn.execute("INSERT INTO notices (id, kind, case_id, text, created_at) "
                     "VALUES (?,?,?,?,?)", (notice_id, kind, case_id, text, now_iso(now)))
    return notice_id


def resolve(replica: Any, kind: str) -> int:
    """Mark open notices of a kind as seen (the printer is back by itself)."""
    with replica.transaction() as conn:
        return conn.execute("UPDATE notices SET seen=1 WHERE kind=? AND seen=0",
                            (kind,)).rowcount


def open_notices(replica: Any, kind: str | None = None) -> list[dict[str, Any]]:
    """Unseen notices, oldest first (tests and the demo)."""
    sql = "SELECT * FROM notices WHERE seen=0" + (" AND kind=?" if kind else "")
    rows = replica.conn.execute(sql + " ORDER BY created_at", (kind,) if kind else ())
    return [dict(r) for r in rows]
