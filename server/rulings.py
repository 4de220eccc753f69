"""The rule table (domain.roles) on the server: may this event's author take its step?

A terminal checks the logged-in person before it records a step, but a terminal offline
may hold an old staff record (a clerk who became a guide yesterday, a reviewer moved to
another department) or run an old version. So every pushed event is checked again here,
against the hall's staff records as the server holds them now. A step taken offline
happened: an author who may not take it makes the event a conflict (its verdict, which
every node's fold honours: domain.streams.apply), with a notice saying why — never
silently applied, never dropped.

Who is who (domain.roles.author): the fixed actors (`kiosk`, `system`, `sms`, `script`,
`guide`) act in their own roles; any other staff id must be a staff record of the
event's hall. A hall whose staff list the server does not hold at all (a server fed only
events, never a catalog) cannot be checked and is not: there is nobody to check against.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from domain import events as ev
from domain import roles
from server import db, demo_staff
from server.event_checks import has_nul


class Rulings:
    """The staff records of one hall that a batch's events name, read once per batch."""

    def __init__(self, conn: sa.Connection, hall: str, staff_ids: Iterable[str]) -> None:
        r = db.reference
        self.records: dict[str, dict[str, Any]] = {}
        # (an id PostgreSQL cannot even compare is refused with its event, later)
        ids = sorted({s for s in staff_ids if isinstance(s, str) and not has_nul(s)
                      and len(s) <= 64} - set(roles.ACTOR_ROLES))
        staff = sa.and_(r.c.hall_code == hall, r.c.kind == "staff", r.c.data.is_not(None))
        # whether the hall has a staff list at all rides along with the first read: a
        # push reads this under the writer lock, one round trip fewer counts
        anyone = sa.select(sa.literal(""), sa.null()).where(
            sa.exists(sa.select(r.c.id).where(staff)))
        self.checked = False
        for i in range(0, max(len(ids), 1), 500):
            chunk = ids[i:i + 500]
            q = sa.select(r.c.id, r.c.data).where(staff, r.c.id.in_(chunk))
            for row in conn.execute(sa.union_all(q, anyone) if i == 0 else q):
                if row.data is None:
                    self.checked = True
                else:
                    self.records[row.id] = json.loads(row.data)
        self.checked = self.checked or bool(self.records)

    def refusal(self, e: ev.Event, state: Any) -> str | None:
        """Why `e`'s author may not take its step on a stream folded to `state`, or None."""
        if not self.checked:
            return None
        record = self.records.get(e.staff_id)
        if record is not None and record.get("disabled") == demo_staff.DISARMED:
            # a demo record whose public password was taken away at start (server.
            # demo_staff): its login is gone, not the role it acts in
            record = {**record, "active": True}
        who = roles.author(e.staff_id, record)
        if who is None:
            return f"工号{e.staff_id}不在本大厅的人员名单中"
        problem = roles.event_refusal(who, e.kind, e.payload, state)
        if problem is None or problem.code == "role.unknown_department":
            # a case from before registrations carried their department: not decidable here
            return None
        return str(problem)


def for_rows(conn: sa.Connection, hall: str, rows: Iterable[Any]) -> Rulings:
    """Rulings for a pushed batch (wire dicts) or stored rows (with `.staff_id`)."""
    ids = []
    for r in rows:
        sid = r.get("staff_id") if isinstance(r, dict) else getattr(r, "staff_id", None)
        if isinstance(sid, str):
            ids.append(sid)
    return Rulings(conn, hall, ids)
