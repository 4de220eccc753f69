"""Who is next at a window, and how long a zone's queue is — pure rules.

"Next" for a window, best first:

1. tickets transferred to this very window (they keep their place among themselves);
2. appointments whose time has come (from `appointment_early_minutes` before to
   `appointment_late_minutes` after), earliest appointment first;
3. priority tickets (70+, disabled, pregnant, military, as the hall's rules list them);
4. everyone else, in order of arrival (a transfer keeps a ticket's place).

Only today's waiting tickets of the zones the window serves count (a ticket transferred
to another window is that window's alone). The order is total and the same on every
terminal for the same tickets, so two counters pressing "next" together usually pick
the same first candidate; the server decides which of them gets it and the other takes
the following candidate at once (sync.queue_claim).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.queue_rules import QueueRules
from domain.tickets import WAITING, Ticket


@dataclass(frozen=True)
class Waiting:
    """What ordering needs of a waiting ticket (a Ticket or a projection row)."""

    id: str
    number: str
    zone: str
    order_at: str
    priority: str = ""
    appointment_at: str = ""
    target_window: str = ""
    day: str = ""
    state: str = WAITING

    @classmethod
    def of(cls, t: Ticket) -> Waiting:
        return cls(id=t.id, number=t.number, zone=t.zone, order_at=t.order_at,
                   priority=t.priority, appointment_at=t.appointment_at,
                   target_window=t.target_window, day=t.day, state=t.state or "")


def _time(iso: str) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return dt.datetime.max.replace(tzinfo=dt.UTC)
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))


def appointment_due(w: Waiting, rules: QueueRules, now: dt.datetime) -> bool:
    """An appointment within its window of precedence at `now`."""
    if not w.appointment_at:
        return False
    at = _time(w.appointment_at)
    return (at - dt.timedelta(minutes=rules.appointment_early_minutes) <= now
            <= at + dt.timedelta(minutes=rules.appointment_late_minutes))


def eligible(w: Waiting, window_id: str, zones: Sequence[str], day: str) -> bool:
    """Whether `window_id` may call this ticket now."""
    if w.state != WAITING or (day and w.day != day):
        return False
    if w.target_window:
        return w.target_window == window_id
    return w.zone in zones


def sort_key(w: Waiting, window_id: str, rules: QueueRules, now: dt.datetime) -> tuple:
    """Smaller is called first (see the module docstring)."""
    if w.target_window == window_id:
        klass, at = 0, _time(w.order_at)
    elif appointment_due(w, rules, now):
        klass, at = 1, _time(w.appointment_at)
    elif rules.is_priority(w.priority):
        klass, at = 2, _time(w.order_at)
    else:
        klass, at = 3, _time(w.order_at)
    return (klass, at, w.number, w.id)


def candidates(waiting: Iterable[Waiting], window_id: str, zones: Sequence[str],
               rules: QueueRules, now: dt.datetime, day: str = "") -> list[Waiting]:
    """The tickets `window_id` may call, best first."""
    day = day or now.date().isoformat()
    pool = [w for w in waiting if eligible(w, window_id, zones, day)]
    return sorted(pool, key=lambda w: sort_key(w, window_id, rules, now))


def estimated_wait_minutes(waiting: int, windows_open: int, minutes_per_ticket: float) -> int:
    """About how long the last of `waiting` people waits: rounds of the open windows.

    Rounded up to whole minutes; 0 when nobody waits. With no window open it still
    answers as if one were (the kiosk must never promise "0 minutes" to a queue).
    """
    if waiting <= 0:
        return 0
    rounds = math.ceil(waiting / max(1, windows_open))
    return max(1, math.ceil(rounds * minutes_per_ticket))


def staff_number(prefix: str, taken: Iterable[str], local_serial: int) -> tuple[str, int]:
    """The number of a ticket taken by staff (walk-ins): the zone's letter, digit 0.

    Kiosks use digits 1–9 (domain.queue), so staff numbers never clash with a kiosk's.
    Two staff terminals share digit 0: each takes one past both its own counter and the
    highest digit-0 number it has seen today, so after a sync they never repeat.
    Returns (number, serial).
    """
    from domain import queue

    seen = 0
    for n in taken:
        try:
            q = queue.parse_queue_number(n)
        except queue.InvalidQueueNumber:
            continue
        if q.kiosk_no == 0 and q.prefix == prefix.upper():
            seen = max(seen, q.serial)
    serial = max(local_serial, seen + 1)
    return queue.queue_number(prefix, 0, serial), serial
