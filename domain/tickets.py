"""Queue tickets (排队叫号) as streams of events: taken, called, served, ended.

A ticket is one visit of one citizen: taken at the kiosk (with the registration) or at
a counter for a walk-in, called by a window, recalled (重呼), marked no-show (过号),
transferred to another zone or window (it keeps its place), started and ended. Its
events travel like every other stream (domain.streams), so every counter, the kiosk and
the hall display fold the same ticket the same way.

A call is a claim the hall's server decides in its order: of two counters calling the
same waiting ticket, the first call in server order applies and the second lands as a
conflict that nobody needs to hear of (`on_conflict` → None) — that counter simply
calls the next ticket (sync.queue_claim).

A ticket of a kiosk registration has the id `ticket_id_for_slip(slip)`, so a counter
that cannot reach any server can still record that it serves the citizen in front of
it by scanning the slip: `ticket.started` may come first, and the kiosk's
`ticket.taken` joins it later (like a case's `registered`).

The fold never reads a clock or the hall's rules: the same events give the same ticket
on every node. What the rules decide (who is next, when a no-show may be marked) is
in domain.queue_order.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from domain import events as ev
from domain.errors import IllegalTransition, MissingReason
from domain.streams import InvalidEvent, StreamType

TAKEN = "ticket.taken"
CALLED = "ticket.called"
RECALLED = "ticket.recalled"
RELEASED = "ticket.released"  # a call withdrawn: no server decided it in time
NO_SHOW = "ticket.no_show"
TRANSFERRED = "ticket.transferred"
STARTED = "ticket.started"
ENDED = "ticket.ended"
REQUEUED = "ticket.requeued"  # a no-show citizen came back: to the end of the queue
CANCELLED = "ticket.cancelled"
KINDS = frozenset({TAKEN, CALLED, RECALLED, RELEASED, NO_SHOW, TRANSFERRED, STARTED, ENDED,
                   REQUEUED, CANCELLED})

# states
WAITING, ON_CALL, SERVING, DONE, MISSED, VOID = (
    "waiting", "called", "serving", "done", "no_show", "cancelled")
OPEN_STATES = frozenset({WAITING, ON_CALL, SERVING})

PRIORITIES = ("elderly", "disabled", "pregnant", "military", "other")
CHANNELS = ("kiosk", "counter", "guide", "script")

# the states a step may start from; "same window" steps also need the calling window
_FROM: dict[str, frozenset[str | None]] = {
    TAKEN: frozenset({None}),
    CALLED: frozenset({WAITING}),
    RECALLED: frozenset({ON_CALL}),
    RELEASED: frozenset({ON_CALL}),
    NO_SHOW: frozenset({ON_CALL}),
    TRANSFERRED: frozenset({WAITING, ON_CALL, SERVING}),
    STARTED: frozenset({None, WAITING, ON_CALL, MISSED}),
    ENDED: frozenset({ON_CALL, SERVING}),
    REQUEUED: frozenset({MISSED}),
    CANCELLED: frozenset({WAITING, ON_CALL, MISSED}),
}
_SAME_WINDOW = frozenset({RECALLED, RELEASED, NO_SHOW, ENDED})
_WINDOW_REQUIRED = frozenset({CALLED, RECALLED, RELEASED, NO_SHOW, STARTED, ENDED})
_SHORT = 64
_TEXT = 200

TICKET_NAMESPACE = uuid.UUID("6f1c2a4e-8d3b-5a7c-9e0f-1b2c3d4e5f60")


def ticket_id_for_slip(slip_number: str) -> str:
    """The ticket id of a kiosk registration, the same on every terminal."""
    return str(uuid.uuid5(TICKET_NAMESPACE, f"slip:{slip_number}"))


@dataclass
class Visit:
    """One call of the ticket at one window, and what came of it."""

    window_id: str
    staff_id: str
    called_at: str
    started_at: str = ""
    ended_at: str = ""
    outcome: str = ""  # ended | transferred | no_show | released | cancelled


@dataclass
class Ticket:
    """A ticket as its events make it. Built only by `apply`."""

    id: str
    state: str | None = None
    number: str = ""
    zone: str = ""
    priority: str = ""
    appointment_at: str = ""
    case_id: str = ""
    slip_number: str = ""
    item_no: str = ""
    channel: str = ""
    taken_at: str = ""  # arrival (the issuing terminal's clock)
    order_at: str = ""  # its place in the queue; a transfer keeps it, a requeue renews it
    terminal_id: str = ""
    window_id: str = ""  # the window that has it now (called or serving)
    staff_id: str = ""
    target_window: str = ""  # transferred to one window in particular
    calls: int = 0  # announcements: calls and recalls, for the display
    recalls: int = 0  # recalls of the current call
    last_call_at: str = ""
    visits: list[Visit] = field(default_factory=list)
    note: str = ""
    conflicts: list[str] = field(default_factory=list)
    updated_at: str = ""

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def day(self) -> str:
        """The China-time date the ticket belongs to (of its arrival)."""
        when = self.taken_at or (self.visits[0].called_at if self.visits else "")
        return ev.recorded_date(when).isoformat() if when else ""

    @property
    def visit(self) -> Visit | None:
        """The current (last) visit."""
        return self.visits[-1] if self.visits else None

    @property
    def called_at(self) -> str:
        return self.visits[0].called_at if self.visits else ""

    @property
    def started_at(self) -> str:
        return next((v.started_at for v in self.visits if v.started_at), "")

    @property
    def ended_at(self) -> str:
        return self.visits[-1].ended_at if self.visits and self.state == DONE else ""


def _str(p: Mapping[str, Any], key: str, limit: int = _SHORT) -> str:
    v = p.get(key)
    if v is None:
        return ""
    if not isinstance(v, str) or len(v) > limit:
        raise InvalidEvent(f"ticket {key} malformed", code="event.payload")
    return v


def validate(e: ev.Event) -> None:
    """Stateless shape checks of a received ticket event."""
    p = e.payload
    for key in ("number", "zone", "window", "to_zone", "to_window", "case_id", "slip_number",
                "item_no", "priority", "channel"):
        _str(p, key)
    for key in ("reason", "note"):
        _str(p, key, _TEXT)
    if e.kind == TAKEN:
        if not _str(p, "number") or not _str(p, "zone"):
            raise InvalidEvent("ticket taken without number or zone", code="event.payload")
        if p.get("priority") and p["priority"] not in PRIORITIES:
            raise InvalidEvent("ticket priority unknown", code="event.payload")
        if p.get("appointment_at"):
            _time(p, "appointment_at")
    if e.kind in _WINDOW_REQUIRED and not _str(p, "window"):
        raise InvalidEvent("ticket step without window", code="event.payload")
    if e.kind == TRANSFERRED and not (_str(p, "to_zone") or _str(p, "to_window")):
        raise InvalidEvent("transfer without a zone or window", code="event.payload")


def _time(p: Mapping[str, Any], key: str) -> str:
    import datetime as dt

    v = _str(p, key, 40)
    try:
        dt.datetime.fromisoformat(v)
    except ValueError:
        raise InvalidEvent(f"ticket {key} is not a time", code="event.payload") from None
    return v


def _legal(t: Ticket, kind: str, p: Mapping[str, Any]) -> bool:
    if kind == TAKEN and t.state is not None:
        return not t.number  # a slip's ticket started before its taken arrived: joins
    if t.state not in _FROM[kind]:
        return False
    if kind in _SAME_WINDOW and p.get("window") != t.window_id:
        return False
    return not (kind == TRANSFERRED and t.state in (ON_CALL, SERVING)
                and p.get("window") and p.get("window") != t.window_id)


def check(t: Ticket | None, kind: str, payload: Mapping[str, Any]) -> None:
    """Before a step is recorded: the errors a screen shows."""
    if kind not in KINDS:
        raise IllegalTransition(f"未知的叫号操作: {kind}", code="ticket.illegal")
    state = t if t is not None else Ticket(id="")
    if not _legal(state, kind, payload):
        raise IllegalTransition(_ILLEGAL_TEXT.get(kind, "此号已处理，不能进行此操作"),
                                code="ticket.illegal")
    if kind == TAKEN and not (payload.get("number") and payload.get("zone")):
        raise MissingReason("排队号须有号码和服务区", code="ticket.number_required")
    if kind == TRANSFERRED and not (payload.get("to_zone") or payload.get("to_window")):
        raise MissingReason("请选择转往的服务区或窗口", code="ticket.transfer_target")


_ILLEGAL_TEXT = {
    CALLED: "此号已被呼叫或已办理",
    RECALLED: "只能重呼本窗口正在呼叫的号",
    NO_SHOW: "只能对本窗口正在呼叫的号标记过号",
    ENDED: "只能结束本窗口正在办理的号",
    REQUEUED: "只有过号的号可以重新排队",
}


def apply(t: Ticket, e: ev.Event) -> bool:
    """Fold one event; False (kept as a conflict, no effect) when it was not legal here."""
    if e.kind not in KINDS:
        raise InvalidEvent(f"not a ticket event: {e.kind}", code="event.unknown_kind")
    p = e.payload
    if not _legal(t, e.kind, p):
        t.conflicts.append(e.id)
        return False
    _STEPS[e.kind](t, e, p)
    t.updated_at = e.recorded_at
    return True


def _taken(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    t.number, t.zone = str(p["number"]), str(p["zone"])
    t.priority = str(p.get("priority") or "")
    t.appointment_at = str(p.get("appointment_at") or "")
    t.case_id = t.case_id or str(p.get("case_id") or "")
    t.slip_number = t.slip_number or str(p.get("slip_number") or "")
    t.item_no = str(p.get("item_no") or "")
    t.channel = str(p.get("channel") or "")
    t.taken_at = t.order_at = e.recorded_at
    t.terminal_id = e.terminal_id
    if t.state is None:
        t.state = WAITING


def _called(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    t.state, t.window_id, t.staff_id = ON_CALL, str(p["window"]), e.staff_id
    t.visits.append(Visit(t.window_id, e.staff_id, e.recorded_at))
    t.calls += 1
    t.recalls = 0
    t.last_call_at = e.recorded_at


def _recalled(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    t.calls += 1
    t.recalls += 1
    t.last_call_at = e.recorded_at


def _close_visit(t: Ticket, e: ev.Event, outcome: str) -> None:
    if t.visits and not t.visits[-1].outcome:
        t.visits[-1].ended_at = e.recorded_at
        t.visits[-1].outcome = outcome


def _released(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    t.visits.pop()  # a call nobody decided never happened for the figures
    t.state, t.window_id, t.staff_id = WAITING, "", ""


def _no_show(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    _close_visit(t, e, "no_show")
    t.state = MISSED


def _transferred(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    _close_visit(t, e, "transferred")
    t.zone = str(p.get("to_zone") or t.zone)
    t.target_window = str(p.get("to_window") or "")
    t.note = str(p.get("reason") or "")
    t.state, t.window_id = WAITING, ""


def _started(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    window = str(p["window"])
    v = t.visit
    if t.state != ON_CALL or v is None or v.window_id != window:
        _close_visit(t, e, "transferred")  # served elsewhere by slip
        t.visits.append(Visit(window, e.staff_id, e.recorded_at))
    t.visits[-1].started_at = e.recorded_at
    if t.state is None:  # by slip, before the kiosk's ticket arrived
        t.number = str(p.get("number") or "")
        t.zone = str(p.get("zone") or "")
        t.slip_number = str(p.get("slip_number") or "")
        t.case_id = str(p.get("case_id") or "")
    t.state, t.window_id, t.staff_id = SERVING, window, e.staff_id
    t.target_window = ""


def _ended(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    _close_visit(t, e, "ended")
    t.state = DONE
    if p.get("case_id"):
        t.case_id = str(p["case_id"])


def _requeued(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    t.state, t.window_id, t.order_at = WAITING, "", e.recorded_at


def _cancelled(t: Ticket, e: ev.Event, p: Mapping[str, Any]) -> None:
    _close_visit(t, e, "cancelled")
    t.state, t.note = VOID, str(p.get("reason") or "")


_STEPS = {TAKEN: _taken, CALLED: _called, RECALLED: _recalled, RELEASED: _released,
          NO_SHOW: _no_show, TRANSFERRED: _transferred, STARTED: _started, ENDED: _ended,
          REQUEUED: _requeued, CANCELLED: _cancelled}


# open_states is empty on purpose: a queue lives for one day, and a new terminal's
# snapshot already carries the streams changed in the last weeks (today's tickets among
# them); a ticket abandoned while waiting must not ride along in every snapshot forever.
STREAM = StreamType(
    name="ticket", kinds=KINDS, empty=lambda sid: Ticket(id=sid), apply=apply, check=check,
    state_of=lambda t: t.state, validate=validate, open_states=frozenset(),
    on_conflict=lambda t, e: None,
)
