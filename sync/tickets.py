"""The queue on a terminal: `tickets` and `window_states` (projections of ticket and
window streams) and the look-ups the counter, the kiosk and the hall display make.

Rows are the fold of each stream (domain.tickets, domain.window_state) in canonical
order, rebuilt by sync.projection like every other stream's. Only today's tickets make
a queue: a ticket left waiting yesterday is history, not someone in the hall.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from domain import queue_rules as qr
from domain import tickets as tk
from domain import window_state as ws
from domain.queue_order import Waiting
from domain.workdays import WorkCalendar
from sync import projection
from sync.replica import Replica

log = logging.getLogger(__name__)

Row = dict[str, Any]


def write_ticket(replica: Replica, t: tk.Ticket, _cal: WorkCalendar | None = None) -> None:
    """Replace the ticket's row from its fold."""
    v = t.visit
    replica.conn.execute(
        "INSERT OR REPLACE INTO tickets (id, number, zone, day, state, priority, "
        "appointment_at, case_id, slip_number, item_no, channel, order_at, taken_at, "
        "called_at, started_at, ended_at, last_call_at, calls, recalls, window_id, staff_id, "
        "target_window, terminal_id, conflicts, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (t.id, t.number, t.zone, t.day, t.state, t.priority or None, t.appointment_at or None,
         t.case_id or None, t.slip_number or None, t.item_no or None, t.channel or None,
         t.order_at or None, t.taken_at or None, t.called_at or None,
         (v.started_at if v else "") or None, t.ended_at or None, t.last_call_at or None,
         t.calls, t.recalls, t.window_id or None, t.staff_id or None,
         t.target_window or None, t.terminal_id or None, len(t.conflicts), t.updated_at))


def delete_ticket(replica: Replica, ticket_id: str) -> None:
    replica.conn.execute("DELETE FROM tickets WHERE id=?", (ticket_id,))


def write_window(replica: Replica, w: ws.WindowDay, _cal: WorkCalendar | None = None) -> None:
    replica.conn.execute(
        "INSERT OR REPLACE INTO window_states (id, window_id, day, state, reason, note, "
        "staff_id, since, paused_seconds) VALUES (?,?,?,?,?,?,?,?,?)",
        (w.id, w.window_id, w.day, w.state, w.reason or None, w.note or None,
         w.staff_id or None, w.since or None, w.paused_seconds))


def delete_window(replica: Replica, stream_id: str) -> None:
    replica.conn.execute("DELETE FROM window_states WHERE id=?", (stream_id,))


projection.register("ticket", projection.Projector(write=write_ticket, delete=delete_ticket))
projection.register("window", projection.Projector(write=write_window, delete=delete_window))


# --- look-ups ------------------------------------------------------------------------

def _rows(replica: Replica, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    return [dict(r) for r in replica.conn.execute(sql, params).fetchall()]


def load_rules(replica: Replica) -> qr.QueueRules:
    """The hall's queue rules (defaults until the centre sets some, or if they are bad)."""
    row = replica.conn.execute("SELECT data FROM reference WHERE kind=? AND id=?",
                               (qr.REFERENCE_KIND, qr.REFERENCE_ID)).fetchone()
    if row is None:
        return qr.QueueRules()
    try:
        return qr.rules_from_dict(json.loads(row[0]))
    except (qr.InvalidQueueRules, ValueError) as exc:
        log.warning("queue rules unusable, using defaults: %s", exc)
        return qr.QueueRules()


def waiting(replica: Replica, day: str, zones: Sequence[str] | None = None) -> list[Row]:
    """Today's waiting tickets (of these zones, or all), in order of arrival."""
    sql = "SELECT * FROM tickets WHERE day=? AND state=?"
    args: list[Any] = [day, tk.WAITING]
    if zones is not None:
        sql += f" AND (zone IN ({','.join('?' * len(zones))}) OR target_window IS NOT NULL)"
        args += list(zones)
    return _rows(replica, sql + " ORDER BY order_at, number", args)


def as_waiting(row: Row) -> Waiting:
    """A projection row in the shape domain.queue_order sorts."""
    return Waiting(id=row["id"], number=row["number"] or "", zone=row["zone"] or "",
                   order_at=row["order_at"] or "", priority=row["priority"] or "",
                   appointment_at=row["appointment_at"] or "",
                   target_window=row["target_window"] or "", day=row["day"] or "",
                   state=row["state"] or "")


def ticket(replica: Replica, ticket_id: str) -> Row | None:
    rows = _rows(replica, "SELECT * FROM tickets WHERE id=?", (ticket_id,))
    return rows[0] if rows else None


def by_number(replica: Replica, day: str, number: str) -> Row | None:
    """Today's ticket with this number (typed or read off a slip)."""
    rows = _rows(replica, "SELECT * FROM tickets WHERE day=? AND number=? "
                 "ORDER BY taken_at DESC LIMIT 1", (day, number.strip().upper()))
    return rows[0] if rows else None


def at_window(replica: Replica, day: str, window_id: str) -> Row | None:
    """The ticket a window has now (called or being served), the latest call first."""
    rows = _rows(replica, "SELECT * FROM tickets WHERE day=? AND window_id=? AND state IN (?, ?) "
                 "ORDER BY last_call_at DESC, updated_at DESC LIMIT 1",
                 (day, window_id, tk.ON_CALL, tk.SERVING))
    return rows[0] if rows else None


def recent_calls(replica: Replica, day: str, limit: int = 8) -> list[Row]:
    """The last calls of the day (a recall counts as a call again), newest first."""
    return _rows(replica, "SELECT * FROM tickets WHERE day=? AND last_call_at IS NOT NULL "
                 "ORDER BY last_call_at DESC, calls DESC LIMIT ?", (day, limit))


def window_states(replica: Replica, day: str) -> dict[str, Row]:
    """Windows paused or resumed today, by window id."""
    return {r["window_id"]: r for r in _rows(
        replica, "SELECT * FROM window_states WHERE day=?", (day,))}


def numbers_taken(replica: Replica, day: str, zone: str) -> list[str]:
    """Every number of a zone today (for staff numbering, domain.queue_order)."""
    return [r[0] for r in replica.conn.execute(
        "SELECT number FROM tickets WHERE day=? AND zone=?", (day, zone))]


def served_today(replica: Replica, day: str, zone: str | None = None) -> list[Row]:
    """Ended tickets of the day (for the service-time estimate)."""
    sql = "SELECT * FROM tickets WHERE day=? AND state=?"
    args: list[Any] = [day, tk.DONE]
    if zone:
        sql += " AND zone=?"
        args.append(zone)
    return _rows(replica, sql, args)
