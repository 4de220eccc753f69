"""差评回访整改: every 不满意 / 非常不满意 gets a named person, a revisit, a recorded
rectification and a supervisor's close, within a deadline in working days.

    opened → contacted (回访, again as often as needed) → rectified → closed
    assigned: at any time before closing (the person changes, the state does not)

The stream id comes from the rating (domain.ratings.followup_id), so two terminals that
both open the follow-up of one rating open one stream; the second opening lands as a
conflict that needs nobody (on_conflict returns None). A follow-up is closed by a
supervisor only after both the revisit and the rectification are on record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from domain import events as ev
from domain.errors import IllegalTransition, MissingReason
from domain.ratings import ABOUT_KEYS, AboutRating, check_about, check_texts
from domain.streams import InvalidEvent, StreamType

OPENED = "followup.opened"
ASSIGNED = "followup.assigned"
CONTACTED = "followup.contacted"
RECTIFIED = "followup.rectified"
CLOSED = "followup.closed"
KINDS = frozenset({OPENED, ASSIGNED, CONTACTED, RECTIFIED, CLOSED})

OPEN, REVISITED, FIXED, DONE = "open", "contacted", "rectified", "closed"
LIVE = frozenset({OPEN, REVISITED, FIXED})
CONTACT_WAYS = ("phone", "sms", "visit", "other")

_FROM: Mapping[str, frozenset[str | None]] = {
    OPENED: frozenset({None}), ASSIGNED: LIVE, CONTACTED: LIVE,
    RECTIFIED: frozenset({REVISITED, FIXED}), CLOSED: frozenset({FIXED}),
}


@dataclass
class Followup(AboutRating):
    """A follow-up as its events make it."""

    item_name: str = ""
    due: str = ""  # YYYY-MM-DD: the end of the last working day allowed
    assignee: str = ""
    opened_at: str = ""
    contacts: list[dict[str, Any]] = field(default_factory=list)
    rectification: str = ""
    rectified_by: str = ""
    closed_by: str = ""
    closed_at: str = ""
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.state in LIVE

    def overdue(self, today: dt.date) -> bool:
        """Red: still open after its due day."""
        return self.is_open and bool(self.due) and self.due < today.isoformat()


def open_payload(case: Any, rating: Mapping[str, Any], due: dt.date, *, staff_id: str,
                 window_id: str, assignee: str = "") -> dict[str, Any]:
    """The `followup.opened` payload for a bad rating of `case` (no personal data)."""
    return {"case_id": case.id, "rating_event_id": rating["event_id"],
            "level": int(rating["level"]), "case_number": case.case_number,
            "item_code": case.item_code, "item_name": case.item_name,
            "rated_staff_id": staff_id, "rated_window_id": window_id,
            "due": due.isoformat(), "assignee": assignee,
            "reason": str(rating.get("reason", ""))[:200]}


def validate(e: ev.Event) -> None:
    """Stateless shape checks of a received follow-up event."""
    p = e.payload
    check_texts("followup", p, (*ABOUT_KEYS, "assignee", "answer", "text", "note",
                                "item_name", "reason"))
    if e.kind == OPENED:
        check_about("followup", p)
        if p.get("level") not in (1, 2):
            raise InvalidEvent("followup level must be 1 or 2", code="event.payload")
        try:
            dt.date.fromisoformat(str(p.get("due")))
        except ValueError as exc:
            raise InvalidEvent("followup due date malformed", code="event.payload") from exc
    if e.kind == CONTACTED and p.get("how") not in CONTACT_WAYS:
        raise InvalidEvent("followup contact way unknown", code="event.payload")


def check(f: Followup | None, kind: str, payload: Mapping[str, Any]) -> None:
    """Before a step is recorded: the errors a screen shows."""
    state = f.state if f is not None else None
    if kind not in KINDS or state not in _FROM[kind]:
        if kind == CLOSED and state in (OPEN, REVISITED):
            raise IllegalTransition("须先记录回访和整改情况，才能办结",
                                    code="followup.not_ready")
        if kind == RECTIFIED and state == OPEN:
            raise IllegalTransition("须先记录回访情况", code="followup.not_contacted")
        raise IllegalTransition("此回访整改已办结，或不能进行此操作", code="followup.illegal")
    if kind == ASSIGNED and not str(payload.get("assignee", "")).strip():
        raise MissingReason("请指定责任人", code="followup.assignee_required")
    if kind == CONTACTED and not str(payload.get("answer", "")).strip():
        raise MissingReason("请记录群众的答复", code="followup.answer_required")
    if kind == RECTIFIED and not str(payload.get("text", "")).strip():
        raise MissingReason("请填写整改情况", code="followup.text_required")


def apply(f: Followup, e: ev.Event) -> bool:
    """Fold one event; False (kept as a conflict) when it was not legal here."""
    if e.kind not in KINDS:
        raise InvalidEvent(f"not a followup event: {e.kind}", code="event.unknown_kind")
    if f.state not in _FROM[e.kind]:
        f.conflicts.append(e.id)
        return False
    p = e.payload
    if e.kind == OPENED:
        f.take_rating(p, "item_name", "due", "assignee")
        f.opened_at = e.recorded_at
        f.state = OPEN
    elif e.kind == ASSIGNED:
        f.assignee = str(p.get("assignee", ""))
    elif e.kind == CONTACTED:
        f.contacts.append({"how": p.get("how"), "answer": str(p.get("answer", "")),
                           "satisfied": p.get("satisfied"), "staff_id": e.staff_id,
                           "at": e.recorded_at})
        if f.state == OPEN:
            f.state = REVISITED
    elif e.kind == RECTIFIED:
        f.rectification = str(p.get("text", ""))
        f.rectified_by = e.staff_id
        f.state = FIXED
    else:
        f.closed_by, f.closed_at = e.staff_id, e.recorded_at
        f.note = str(p.get("note", ""))
        f.state = DONE
    return True


STREAM = StreamType(
    name="followup", kinds=KINDS, empty=lambda sid: Followup(id=sid), apply=apply,
    check=check, state_of=lambda f: f.state, validate=validate, open_states=LIVE,
)
