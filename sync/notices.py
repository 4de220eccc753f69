"""Notices for the people of a hall: conflicts from the server, alerts from a kiosk.

One table, one module: the kiosk's "need help" and "printer out of paper" alerts and
the conflict notices the server sends are all rows of `notices`, read by the counters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from domain.events import CHINA_TZ, now_iso
from domain.ids import uuid7
from sync.replica import Replica

KIOSK_HELP = "kiosk_help"
KIOSK_PRINTER = "kiosk_printer"


def add(replica: Replica, kind: str, text: str, *, now: dt.datetime | None = None,
        case_id: str | None = None) -> str | None:
    """Add a notice unless one of this kind is still unseen; returns its id or None.

    One alert of a kind stays open at a time: a citizen tapping help five times, or a
    printer polled every three seconds, is one notice. `text` never names a citizen.
    """
    now = now or dt.datetime.now(CHINA_TZ)
    with replica.transaction() as conn:
        if conn.execute("SELECT 1 FROM notices WHERE kind=? AND seen=0 LIMIT 1",
                        (kind,)).fetchone():
            return None
        notice_id = uuid7()
        conn.execute("INSERT INTO notices (id, kind, case_id, text, created_at) "
                     "VALUES (?,?,?,?,?)", (notice_id, kind, case_id, text, now_iso(now)))
    return notice_id


def store_pulled(replica: Replica, rows: Iterable[Iterable[Any]]) -> int:
    """Notices from a pull page (id, kind, case_id, event_id, text, created_at); a
    notice already here is kept as it is. The caller holds the page's transaction."""
    n = 0
    for nid, kind, case_id, event_id, text, created_at in rows:
        n += replica.conn.execute(
            "INSERT OR IGNORE INTO notices (id, kind, case_id, event_id, text, created_at) "
            "VALUES (?,?,?,?,?,?)", (nid, kind, case_id, event_id, text, created_at)).rowcount
    return n


def resolve(replica: Replica, kind: str) -> int:
    """Mark open notices of a kind as seen (e.g. the kiosk's printer is back)."""
    with replica.transaction() as conn:
        return conn.execute("UPDATE notices SET seen=1 WHERE kind=? AND seen=0",
                            (kind,)).rowcount


def unseen(replica: Replica, kind: str | None = None) -> list[dict[str, Any]]:
    """Unseen notices, oldest first."""
    sql = "SELECT * FROM notices WHERE seen=0" + (" AND kind=?" if kind else "")
    rows = replica.conn.execute(sql + " ORDER BY created_at", (kind,) if kind else ())
    return [dict(r) for r in rows]


def count_unseen(replica: Replica) -> int:
    """What the status bar shows."""
    return replica.conn.execute("SELECT COUNT(*) FROM notices WHERE seen=0").fetchone()[0]
