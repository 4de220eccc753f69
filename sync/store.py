"""Writing steps: event + projection + outbox row in one transaction.

Cases are the main stream, but a notice or a queue ticket is written the same way. The
projection (the rows screens read) is rebuilt by folding the stream's events in canonical
order — confirmed ones in server order, this terminal's pending ones on top — so a local
write and a server answer go through the same code (sync.projection).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from domain import events as ev
from domain import numbering, opening, streams
from domain.application import Actor, new_event
from domain.case import Case, fold
from domain.ids import node_of, uuid7_counted
from domain.workdays import WorkCalendar
from sync import case_rows, projection, reference
from sync.replica import Replica


def event_from_row(row: Mapping[str, Any]) -> ev.Event:
    return projection.event_from_row(row)


def case_events(replica: Replica, case_id: str) -> list[ev.Event]:
    """The case's events in canonical order (the rebase)."""
    return projection.stream_events(replica, case_id)


def load_case(replica: Replica, case_id: str) -> Case | None:
    """The case as this terminal knows it, or None if it has no events here."""
    events = case_events(replica, case_id)
    return fold(events, case_id) if events else None


def calendar_of(replica: Replica) -> WorkCalendar:
    """The replica's calendar: pulled years over shipped ones, the rest provisional."""
    from sync import calendar

    return calendar.load(replica)


def write_projection(replica: Replica, case: Case, cal: WorkCalendar) -> None:
    """Replace the case's row in `cases` from its fold."""
    case_rows.write(replica, case, cal)


def project(replica: Replica, stream_ids: Iterable[str], cal: WorkCalendar | None = None) -> None:
    """Rebuild the rows of these streams (after a pull or a server verdict)."""
    projection.project(replica, stream_ids, cal or calendar_of(replica))


insert_event = projection.insert_event


class CaseStore:
    """The one way cases are written on a terminal (counter, kiosk, demo data)."""

    def __init__(self, replica: Replica, *, clock=None) -> None:
        self.replica = replica
        self.clock = clock or (lambda: dt.datetime.now(ev.CHINA_TZ))
        self._cal: tuple[int, WorkCalendar] | None = None
        self._hours: tuple[int, opening.Hours] | None = None

    @property
    def calendar(self) -> WorkCalendar:
        """Reloaded whenever reference data changed (a pull by another connection too)."""
        version = reference.data_version(self.replica)
        if self._cal is None or self._cal[0] != version:
            self._cal = (version, calendar_of(self.replica))
        return self._cal[1]

    def reload_calendar(self) -> None:
        self._cal = None

    @property
    def hours(self) -> opening.Hours:
        """The hall's opening periods, reloaded like the calendar."""
        version = reference.data_version(self.replica)
        if self._hours is None or self._hours[0] != version:
            self._hours = (version, reference.load_hours(self.replica))
        return self._hours[1]

    def record(self, stream_id: str, kind: str, payload: Mapping[str, Any], actor: Actor,
               *, now: dt.datetime | None = None) -> tuple[ev.Event, Any]:
        """Check the step, then append event + outbox row and update the projection.

        Any stream: a case step returns the Case, a notice step the Notice. All or
        nothing: a killed process leaves either the whole step or none of it. Raises the
        domain's typed errors before anything is written. A case registered at a kiosk
        gets its case number here, at its first step at a window, whatever that step is.
        """
        now = now or self.clock()
        r = self.replica
        if kind in (ev.REGISTERED, ev.ACCEPTED) or (kind == ev.SUPPLEMENT_RECEIVED
                                                    and payload.get("accept")):
            payload = {**opening.stamp(self.hours, self.calendar, now), **payload}
        with r.transaction():
            events = projection.stream_events(r, stream_id)
            if events and not streams.same_stream(events[0].kind, kind):
                raise streams.InvalidEvent(f"{kind} does not belong to this stream",
                                           code="event.wrong_stream")
            state = streams.fold(events, stream_id) if events else None
            department = None
            if isinstance(state, Case):
                if state.needs_number(kind) and not payload.get("case_number"):
                    payload = {**payload, "case_number": self.next_case_number(now.date())}
                if actor.role is not None and not state.department:
                    department = self._department_of(state)
            seq = r.next_counter(f"seq:{actor.terminal_id}")
            e = new_event(state, stream_id, kind, payload, actor, event_id=self.new_id(),
                          terminal_seq=seq, recorded_at=ev.now_iso(now),
                          item_department=department)
            streams.validate(e)  # what the server and every other terminal will check
            insert_event(r, e, outbox=True)
            new_state = streams.fold([*events, e], stream_id)
            projection.write(r, new_state, kind, self.calendar)
        return e, new_state

    def new_id(self) -> str:
        """An id for a new event or stream: this terminal's node and the replica's id
        counter, short on the wire (domain.ids.uuid7_counted)."""
        r = self.replica
        return uuid7_counted(node_of(r.identity().terminal_id), r.next_counter("id"))

    def _department_of(self, case: Case) -> str | None:
        """The department of a case registered before registrations carried it."""
        return case_rows.item_department(self.replica, case.item_no)

    def next_case_number(self, day: dt.date) -> str:
        ident = self.replica.identity()
        serial = self.replica.next_counter(f"case:{day.isoformat()}")
        return numbering.case_number(day, ident.terminal_code, serial)

    def next_slip_number(self, day: dt.date, item_no: str) -> str:
        ident = self.replica.identity()
        serial = self.replica.next_counter(f"slip:{day.isoformat()}")
        return numbering.slip_number(day, ident.terminal_code, serial, item_no)

    def open_case(self, payload: dict[str, Any], actor: Actor, *, case_id: str | None = None,
                  now: dt.datetime | None = None,
                  assign_case_number: bool = True) -> tuple[ev.Event, Case]:
        """Register a new case at this terminal, numbering it in the same transaction.

        A kiosk registration has a slip number but no case number yet
        (`assign_case_number=False`); the window that accepts it gives one.
        """
        now = now or self.clock()
        with self.replica.transaction():
            if assign_case_number and not payload.get("case_number"):
                payload = {**payload, "case_number": self.next_case_number(now.date())}
            return self.record(case_id or self.new_id(), ev.REGISTERED, payload, actor,
                               now=now)
