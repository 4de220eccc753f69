"""Wait and service time from tickets: one definition for every screen and report.

- wait = first call − arrival (取号 → 首次叫号); a ticket never called has none;
- service = Σ over its visits of end − start (a visit started by scanning the slip
  without a call starts then; a called visit ended without "start" counts from the call);
- a no-show, a cancelled ticket and a call withdrawn count no service time.

`ticket_times` gives one ticket's times; `summarize` the figures of a group (a day, a
zone, a window, a member of staff — the caller groups). The supervisor's figures
(domain.figures, issue 9) read these, so the counter, the display and the city agree.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from domain.tickets import DONE, MISSED, VOID, Ticket


@dataclass(frozen=True)
class TicketTimes:
    """One ticket's times in seconds (None where the step never happened)."""

    ticket_id: str
    number: str
    zone: str
    day: str
    state: str | None
    priority: str
    window_id: str  # the window that served it last (or called it)
    staff_id: str
    arrived_at: str
    called_at: str
    started_at: str
    ended_at: str
    wait_s: int | None
    service_s: int | None


def _secs(a: str, b: str) -> int | None:
    if not a or not b:
        return None
    try:
        return max(0, int((dt.datetime.fromisoformat(b)
                           - dt.datetime.fromisoformat(a)).total_seconds()))
    except (TypeError, ValueError):
        return None


def ticket_times(t: Ticket) -> TicketTimes:
    """Arrival, call, start and end of a ticket, and its wait and service seconds."""
    service = None
    for v in t.visits:
        if v.outcome in ("ended", "transferred") and v.ended_at:
            s = _secs(v.started_at or v.called_at, v.ended_at)
            if s is not None:
                service = (service or 0) + s
    last = t.visits[-1] if t.visits else None
    return TicketTimes(
        ticket_id=t.id, number=t.number, zone=t.zone, day=t.day, state=t.state,
        priority=t.priority, window_id=last.window_id if last else "",
        staff_id=last.staff_id if last else "", arrived_at=t.taken_at,
        called_at=t.called_at, started_at=t.started_at, ended_at=t.ended_at,
        wait_s=_secs(t.taken_at, t.called_at), service_s=service)


def summarize(times: Iterable[TicketTimes]) -> dict[str, float | int | None]:
    """The figures of a group of tickets.

    tickets, served (ended), no_show, cancelled, avg_wait_s / median_wait_s / max_wait_s
    (over called tickets), avg_service_s (over served tickets with a service time);
    None where nothing counts.
    """
    rows = list(times)
    waits = [r.wait_s for r in rows if r.wait_s is not None]
    services = [r.service_s for r in rows if r.state == DONE and r.service_s is not None]
    return {
        "tickets": len(rows),
        "served": sum(r.state == DONE for r in rows),
        "no_show": sum(r.state == MISSED for r in rows),
        "cancelled": sum(r.state == VOID for r in rows),
        "avg_wait_s": round(statistics.fmean(waits), 1) if waits else None,
        "median_wait_s": statistics.median(waits) if waits else None,
        "max_wait_s": max(waits) if waits else None,
        "avg_service_s": round(statistics.fmean(services), 1) if services else None,
    }
