"""Notices: what a hall's people must hear of — a kiosk's help call, a printer fault, a
clash that sync found — as a stream of events, so every counter and the supervisor see the
same notice and who dealt with it, on every terminal and on the server.

raised → seen → resolved. Seeing is idempotent (the first reader is kept); a second
resolution of the same notice is a conflict like any other, kept and shown. The text
never names a citizen: a notice travels to every terminal of the hall.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from domain import events as ev
from domain.errors import IllegalTransition, MissingReason
from domain.streams import InvalidEvent, StreamType

RAISED = "notice.raised"
SEEN = "notice.seen"
RESOLVED = "notice.resolved"
KINDS = frozenset({RAISED, SEEN, RESOLVED})

OPEN, READ, DONE = "open", "seen", "resolved"
STATES = (OPEN, READ, DONE)

# topics (what the notice is about); screens translate them
KIOSK_HELP = "kiosk_help"
KIOSK_PRINTER = "kiosk_printer"
CONFLICT = "conflict"
QUARANTINE = "quarantine"
SERVER_RESTORED = "server_restored"
TOPICS = (KIOSK_HELP, KIOSK_PRINTER, CONFLICT, "rating_late", QUARANTINE, SERVER_RESTORED,
          "device", "other")

_FROM = {RAISED: frozenset({None}), SEEN: frozenset({OPEN, READ}),
         RESOLVED: frozenset({OPEN, READ})}
_TEXT_MAX = 2000


@dataclass
class Notice:
    """A notice as its events make it."""

    id: str
    state: str | None = None
    topic: str = ""
    text: str = ""
    case_id: str | None = None
    event_id: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    raised_at: str = ""
    raised_by: str = ""  # terminal id
    seen_by: str = ""  # staff id
    seen_at: str = ""
    resolved_by: str = ""
    resolved_at: str = ""
    note: str = ""
    conflicts: list[str] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.state in (OPEN, READ)


def validate(e: ev.Event) -> None:
    """Stateless shape checks of a received notice event."""
    p = e.payload
    if e.kind == RAISED:
        if p.get("topic") not in TOPICS:
            raise InvalidEvent("notice topic unknown", code="event.payload")
        if not isinstance(p.get("text"), str) or len(p["text"]) > _TEXT_MAX:
            raise InvalidEvent("notice text malformed", code="event.payload")
        if p.get("detail") is not None and not isinstance(p.get("detail"), Mapping):
            raise InvalidEvent("notice detail malformed", code="event.payload")
        for key in ("case_id", "event_id"):
            if p.get(key) is not None and not isinstance(p.get(key), str):
                raise InvalidEvent(f"notice {key} malformed", code="event.payload")
    if not isinstance(p.get("note", ""), str) or len(p.get("note", "")) > _TEXT_MAX:
        raise InvalidEvent("notice note malformed", code="event.payload")


def check(notice: Notice | None, kind: str, payload: Mapping[str, Any]) -> None:
    """Before a step is recorded: the errors a screen shows."""
    state = notice.state if notice is not None else None
    if kind not in KINDS or state not in _FROM[kind]:
        raise IllegalTransition("此提醒已处理，或不能进行此操作", code="notice.illegal")
    if kind == RAISED and not str(payload.get("text", "")).strip():
        raise MissingReason("提醒须有内容", code="notice.text_required")


def apply(notice: Notice, e: ev.Event) -> bool:
    """Fold one event; False (kept as a conflict) when it was not legal here."""
    if e.kind not in KINDS:
        raise InvalidEvent(f"not a notice event: {e.kind}", code="event.unknown_kind")
    if notice.state not in _FROM[e.kind]:
        notice.conflicts.append(e.id)
        return False
    p = e.payload
    if e.kind == RAISED:
        notice.topic = str(p.get("topic", "other"))
        notice.text = str(p.get("text", ""))
        notice.case_id = p.get("case_id")
        notice.event_id = p.get("event_id")
        notice.detail = dict(p.get("detail") or {})
        notice.raised_at, notice.raised_by = e.recorded_at, e.terminal_id
        notice.state = OPEN
    elif e.kind == SEEN:
        if notice.state == OPEN:
            notice.seen_by, notice.seen_at = e.staff_id, e.recorded_at
        notice.state = READ
    else:
        if not notice.seen_by:
            notice.seen_by, notice.seen_at = e.staff_id, e.recorded_at
        notice.resolved_by, notice.resolved_at = e.staff_id, e.recorded_at
        notice.note = str(p.get("note", ""))
        notice.state = DONE
    return True


def case_conflict(case: Any, e: ev.Event) -> dict[str, Any]:
    """The notice the supervisor reads when a counter's step clashed with the server's
    order: what each side did and the state the case ended in. No personal data."""
    from domain import lifecycle as lc

    number = getattr(case, "case_number", "") or e.case_id[:8]
    why = next((c.why for c in getattr(case, "conflicts", ()) if c.event_id == e.id), "state")
    who = f"{e.staff_id}在终端{e.terminal_id[:8]}的「{lc.kind_label(e.kind)}」"
    if why == "extension":
        text = (f"办件{number}：延期冲突，{who}与另一次延期同时发生（各自未看到对方），"
                "后到的延期未生效，请核实应延期的天数")
    elif why == "rating":
        text = f"办件{number}：评价冲突，{who}是此次服务的第二次评价，未计入，请核实"
    elif why == "role":
        text = f"办件{number}：{who}未生效：该人员的角色无权进行此操作，请核实"
    else:
        text = (f"{f'办件{number}：'}{who}（期望{lc.state_label(e.expected_state)}）"
                f"与服务器上的状态「{lc.state_label(case.state)}」冲突，未生效，请核实处理")
    return {"topic": CONFLICT, "text": text, "case_id": e.case_id, "event_id": e.id,
            "detail": {"kind": e.kind, "expected": e.expected_state, "actual": case.state,
                       "why": why,
                       "staff_id": e.staff_id, "terminal_id": e.terminal_id,
                       "case_number": getattr(case, "case_number", "")}}


def role_conflict(state: Any, e: ev.Event, reason: str) -> dict[str, Any]:
    """The notice of a step the server ruled out because its author's role may not take
    it (server.rulings): who, what, on which case or stream, and the rule's own words."""
    from domain import roles, streams

    number = getattr(state, "case_number", "") or ""
    rule = roles.rule(e.kind)
    what = rule.label if rule is not None else e.kind
    where = f"办件{number}：" if number else ""
    text = (f"{where}{e.staff_id}在终端{e.terminal_id[:8]}的「{what}」未生效：{reason}。"
            "此操作已在离线时进行，请核实，并由有权限的人员重新办理")
    payload: dict[str, Any] = {
        "topic": CONFLICT, "text": text, "event_id": e.id,
        "detail": {"kind": e.kind, "expected": e.expected_state,
                   "actual": getattr(state, "state", None), "why": "role", "reason": reason,
                   "staff_id": e.staff_id, "terminal_id": e.terminal_id,
                   "case_number": number, "stream_id": e.case_id}}
    if streams.stream_name(e.kind) == streams.CASE:
        payload["case_id"] = e.case_id
    return payload


STREAM = StreamType(
    name="notice", kinds=KINDS, empty=lambda sid: Notice(id=sid), apply=apply, check=check,
    state_of=lambda n: n.state, validate=validate, open_states=frozenset({OPEN, READ}),
)
