"""Writing cases: event + projection + outbox row in one transaction.

The projection (the `cases` row screens read) is rebuilt by folding the case's events
in canonical order — confirmed ones in server order, this terminal's pending ones on
top — so a local write and a server answer go through the same code.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from domain import events as ev
from domain import numbering, opening
from domain.application import Actor, new_event
from domain.case import Case, canonical_order, fold
from domain.ids import uuid7
from domain.workdays import WorkCalendar
from sync import reference
from sync.replica import Replica

_EVENT_COLS = ("id", "case_id", "kind", "payload", "expected_state", "terminal_id",
               "terminal_seq", "staff_id", "window_id", "recorded_at", "server_seq")


def event_from_row(row: Mapping[str, Any]) -> ev.Event:
    return ev.Event.from_wire(dict(row))


def case_events(replica: Replica, case_id: str) -> list[ev.Event]:
    """The case's events in canonical order (the rebase)."""
    rows = replica.conn.execute(
        # an event the server refused for good (malformed, another hall's case) never
        # became part of the case anywhere, so it must not be part of it here either
        f"SELECT {', '.join(_EVENT_COLS)} FROM events WHERE case_id=? "
        "AND (verdict IS NULL OR verdict != 'refused')", (case_id,)
    ).fetchall()
    events = [event_from_row(r) for r in rows]
    confirmed = [e for e in events if e.server_seq is not None]
    pending = [e for e in events if e.server_seq is None]
    return canonical_order(confirmed, pending)


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
    d = case.deadline(cal)
    app = case.applicant
    replica.conn.execute(
        "INSERT OR REPLACE INTO cases (id, case_number, slip_number, queue_no, item_no, "
        "item_code, item_name, state, applicant_name, applicant_id_number, applicant_phone, "
        "staff_id, window_id, terminal_id, registered_at, accepted_at, deadline, "
        "deadline_provisional, paused, instant, conflicts, rating, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            case.id, case.case_number or None, case.slip_number or None, case.queue_no,
            case.item_no, case.item_code, case.item_name, case.state, app.get("name"),
            app.get("id_number"), app.get("phone"), case.staff_id or None, case.window_id,
            case.terminal_id, case.registered_at, case.accepted_at,
            d.day.isoformat() if d and d.day else None, int(bool(d and d.provisional)),
            int(bool(d and d.paused)), int(case.instant), len(case.conflicts),
            case.rating["level"] if case.rating else None, case.updated_at,
        ),
    )


def project(replica: Replica, case_ids: Iterable[str], cal: WorkCalendar | None = None) -> None:
    """Rebuild the projection of these cases (after a pull or a server verdict)."""
    cal = cal or calendar_of(replica)
    with replica.transaction():
        for cid in set(case_ids):
            case = load_case(replica, cid)
            if case is None:
                replica.conn.execute("DELETE FROM cases WHERE id=?", (cid,))
            else:
                write_projection(replica, case, cal)


def insert_event(replica: Replica, e: ev.Event, *, outbox: bool) -> None:
    """Append an event (and, for our own, its outbox row). Caller holds the transaction."""
    replica.conn.execute(
        f"INSERT INTO events ({', '.join(_EVENT_COLS)}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (e.id, e.case_id, e.kind, json.dumps(dict(e.payload), ensure_ascii=False),
         e.expected_state, e.terminal_id, e.terminal_seq, e.staff_id, e.window_id,
         e.recorded_at, e.server_seq),
    )
    if outbox:
        replica.conn.execute(
            "INSERT INTO outbox (event_id, terminal_seq, queued_at) VALUES (?,?,?)",
            (e.id, e.terminal_seq, e.recorded_at),
        )


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

    def record(self, case_id: str, kind: str, payload: Mapping[str, Any], actor: Actor,
               *, now: dt.datetime | None = None) -> tuple[ev.Event, Case]:
        """Check the step, then append event + outbox row and update the projection.

        All or nothing: a killed process leaves either the whole step or none of it.
        Raises the domain's typed errors before anything is written.
        """
        now = now or self.clock()
        r = self.replica
        if kind in (ev.REGISTERED, ev.ACCEPTED) or (kind == ev.SUPPLEMENT_RECEIVED
                                                    and payload.get("accept")):
            payload = {**opening.stamp(self.hours, self.calendar, now), **payload}
        with r.transaction():
            events = case_events(r, case_id)
            case = fold(events, case_id) if events else None
            seq = r.next_counter(f"seq:{actor.terminal_id}")
            e = new_event(case, case_id, kind, payload, actor, event_id=uuid7(),
                          terminal_seq=seq, recorded_at=ev.now_iso(now))
            insert_event(r, e, outbox=True)
            new_case = fold([*events, e], case_id)
            write_projection(r, new_case, self.calendar)
        return e, new_case

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
            return self.record(case_id or uuid7(), ev.REGISTERED, payload, actor, now=now)
