"""What the figures need to know of one stream, in one flat row: the *facts*.

The figures of a month are counted over tens of thousands of cases; folding each case
from its events at report time would take minutes. So every node keeps one row of facts
per stream, written by this one function in the same transaction as the stream's event
(terminal: sync.figure_rows; server: server.figure_rows), and the figures stream those
rows (domain.figures). Same events → same fold → same facts → the same figures on a
supervisor PC and at the city.

Dates are ISO strings (YYYY-MM-DD, Beijing time) so that both SQLite and PostgreSQL
compare them as text and a period is a range on an index. `first_on`..`last_on` spans
every date a row counts on; `last_on` is LIVE while the row may still count on a later
day without a new event (an open case with a running deadline can become overdue; an
open follow-up can turn red), so "rows touching a period" is one index range.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from domain import appeals, consultations, followups, tickets
from domain import events as ev
from domain import lifecycle as lc
from domain.case import Case
from domain.queue_figures import ticket_times
from domain.ratings import rated_party
from domain.workdays import ONE_DAY, WorkCalendar

LIVE = "9999-12-31"
FACT_COLUMNS = (
    "id", "stream", "item_code", "window_id", "staff_id", "instant",
    "registered_on", "accepted_on", "completed_on", "refused_on", "withdrawn_on",
    "deadline", "work_days",
    "rating", "rating_ref", "rating_channel", "rated_on", "rating_staff_id", "rating_window_id",
    "opened_on", "closed_on", "due", "minutes", "outcome", "case_ref",
    # queue tickets (issue 11): the zone it was taken for, its wait and service seconds
    "zone", "wait_s", "service_s",
    # a case accepted (or registered, not yet accepted) in an extended period: evenings,
    # weekend and holiday duty (domain.opening; issue 12: Yibin counts them apart)
    "extended",
    "first_on", "last_on",
)
COL = {name: i for i, name in enumerate(FACT_COLUMNS)}
FIGURE_STREAMS = ("case", "consultation", "followup", "appeal", "ticket")
COMPLETING = frozenset({ev.APPROVED, ev.REJECTED, ev.ISSUED})

Facts = tuple[Any, ...]


def day_of(recorded_at: str) -> str | None:
    """The Beijing date of a timestamp, as the facts store it."""
    return ev.recorded_date(recorded_at).isoformat() if recorded_at else None


def _row(**values: Any) -> Facts:
    return tuple(values.get(c) for c in FACT_COLUMNS)


def _span(dates: list[str | None], live: bool) -> tuple[str | None, str | None]:
    known = [d for d in dates if d]
    if not known:
        return None, None
    return min(known), LIVE if live else max(known)


def clock_days(cal: WorkCalendar, case: Case, start: dt.date, end: dt.date) -> int:
    """Working days the promised clock ran in (start, end]: paused days do not count."""
    n, day = 0, start
    while day < end:
        day += ONE_DAY
        if cal.is_working_day(day) and not any(p.holds(day) for p in case.pauses):
            n += 1
    return n


def case_facts(case: Case, cal: WorkCalendar) -> Facts | None:
    """A case's facts: when it was registered, accepted, completed (decided or issued),
    refused or withdrawn; its deadline; the rating that counts and whom it rates."""
    firsts: dict[str, str] = {}
    window_step = None
    for s in case.history:
        if s.conflict:
            continue
        firsts.setdefault(s.kind, s.recorded_at)
        if window_step is None and s.window_id:
            window_step = s
    completed_at = min((firsts[k] for k in COMPLETING if k in firsts),
                       key=lambda t: ev.recorded_date(t), default="")
    completed_on = day_of(completed_at)
    refused_on, withdrawn_on = day_of(firsts.get(ev.REFUSED, "")), day_of(
        firsts.get(ev.WITHDRAWN, ""))
    accepted_on = case.accepted_on.isoformat() if case.accepted_on else None
    d = case.deadline(cal)
    deadline = d.day.isoformat() if d is not None and d.day is not None else None
    work_days = None
    if completed_on and case.accepted_on is not None:
        work_days = clock_days(cal, case, case.accepted_on, dt.date.fromisoformat(completed_on))
    staff, window = case.staff_id, case.window_id or ""
    if not staff and window_step is not None:
        staff, window = window_step.staff_id, window_step.window_id or ""
    r = case.rating
    rating = dict.fromkeys(("rating", "rating_ref", "rating_channel", "rated_on",
                            "rating_staff_id", "rating_window_id"))
    if r is not None:
        party = rated_party(case, r)
        rating.update(rating=int(r["level"]), rating_ref=r["event_id"],
                      rating_channel=r["channel"], rated_on=day_of(r["recorded_at"]),
                      rating_staff_id=party.staff_id, rating_window_id=party.window_id)
    registered_on = day_of(case.registered_at)
    ended = completed_on or refused_on or withdrawn_on
    live = ended is None and deadline is not None and case.state in lc.OPEN
    first_on, last_on = _span([registered_on, accepted_on, completed_on, refused_on,
                               withdrawn_on, rating["rated_on"], deadline], live)
    if first_on is None:
        return None
    return _row(id=case.id, stream="case", item_code=case.item_code, window_id=window,
                staff_id=staff, instant=int(case.instant), registered_on=registered_on,
                accepted_on=accepted_on, completed_on=completed_on, refused_on=refused_on,
                withdrawn_on=withdrawn_on, deadline=deadline, work_days=work_days,
                extended=int(case.extended), first_on=first_on, last_on=last_on, **rating)


def consultation_facts(c: consultations.Consultation) -> Facts | None:
    on = day_of(c.recorded_at)
    if c.state is None or on is None:
        return None
    return _row(id=c.id, stream="consultation", item_code=c.item_code, window_id=c.window_id,
                staff_id=c.staff_id, opened_on=on, minutes=c.minutes, outcome=c.outcome,
                first_on=on, last_on=on)


def followup_facts(f: followups.Followup) -> Facts | None:
    opened = day_of(f.opened_at)
    if f.state is None or opened is None:
        return None
    closed = day_of(f.closed_at) if f.state == followups.DONE else None
    return _row(id=f.id, stream="followup", item_code=f.item_code,
                window_id=f.rated_window_id, staff_id=f.rated_staff_id, rating=f.level,
                rating_ref=f.rating_event_id, case_ref=f.case_id, opened_on=opened,
                closed_on=closed, due=f.due or None, outcome=f.state, first_on=opened,
                last_on=closed or LIVE)


def appeal_facts(a: appeals.Appeal) -> Facts | None:
    filed = day_of(a.filed_at)
    if a.state is None or filed is None:
        return None
    decided = day_of(a.decided_at) if a.state == appeals.DONE else None
    return _row(id=a.id, stream="appeal", item_code=a.item_code,
                window_id=a.rated_window_id, staff_id=a.rated_staff_id, rating=a.level or None,
                rating_ref=a.rating_event_id, case_ref=a.case_id, opened_on=filed,
                closed_on=decided, outcome=a.decision or None, first_on=filed,
                last_on=decided or LIVE)


def ticket_facts(t: tickets.Ticket) -> Facts | None:
    """A queue ticket's facts: the day it was taken, its zone, the window and member of
    staff that served it last, its wait (first call − arrival) and, once served, its
    service time (domain.queue_figures, the one definition of both)."""
    if t.state is None or not t.day:
        return None
    times = ticket_times(t)
    service = times.service_s if t.state == tickets.DONE else None
    return _row(id=t.id, stream="ticket", window_id=times.window_id or None,
                staff_id=times.staff_id or None, opened_on=t.day, outcome=t.state,
                zone=t.zone or None, wait_s=times.wait_s, service_s=service,
                first_on=t.day, last_on=t.day)


def facts_of(state: Any, cal: WorkCalendar) -> Facts | None:
    """The facts row of any stream the figures count; None for others (notices …)."""
    if isinstance(state, Case):
        return case_facts(state, cal)
    if isinstance(state, consultations.Consultation):
        return consultation_facts(state)
    if isinstance(state, followups.Followup):
        return followup_facts(state)
    if isinstance(state, appeals.Appeal):
        return appeal_facts(state)
    if isinstance(state, tickets.Ticket):
        return ticket_facts(state)
    return None
