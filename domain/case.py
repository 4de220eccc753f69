"""A case is the fold of its events (ARCHITECTURE.md, "Cases are events").

`fold(events)` gives the same state on every node for the same events in the same
order. An event whose step is no longer legal in that order is kept in the history and
marked as a conflict — what happened at a counter happened — but changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from domain import acceptance
from domain import events as ev
from domain import lifecycle as lc
from domain.case_payload import validate_event
from domain.catalog import DEFAULT_EXTENSION_DAYS
from domain.deadline import MAX_DAYS, Deadline, Pause, compute
from domain.errors import IllegalTransition
from domain.streams import InvalidEvent, StreamType, honour_verdict
from domain.workdays import WorkCalendar

RATING_LEVELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
RATING_CHANNELS = ("pad", "screen", "sms", "slip", "kiosk")


@dataclass(frozen=True)
class Step:
    """One line of a case's history: who, at which window, when, and what came of it."""

    event_id: str
    kind: str
    staff_id: str
    terminal_id: str
    window_id: str | None
    recorded_at: str
    state_after: str | None
    conflict: bool = False
    server_seq: int | None = None
    detail: str = ""


@dataclass(frozen=True)
class Conflict:
    """An event that was not legal where it landed in server order."""

    event_id: str
    kind: str
    expected_state: str | None
    actual_state: str | None
    staff_id: str
    terminal_id: str
    # "state", "extension" (another extension landed first), "rating", "role" (the server
    # found the author's role may not take the step: domain.roles)
    why: str = "state"


@dataclass
class Case:
    """The projection screens read. Built only by `fold`."""

    id: str
    state: str | None = None
    case_number: str = ""
    slip_number: str = ""
    queue_no: str = ""
    item_no: str = ""
    item_code: str = ""
    item_name: str = ""
    instant: bool = False
    promised_days: int = 0
    legal_days: int = 0
    catalog_version: str = ""  # the standard catalog version it was registered under
    period: str = ""  # the opening period it was served in (domain.opening.stamp)
    extended: bool = False  # served in extended hours (evening, weekend, holiday duty)
    department: str = ""  # the item's department: whose reviewers decide the case
    applicant: dict[str, Any] = field(default_factory=dict)
    agent: dict[str, Any] | None = None
    # every party where the item needs several (买方 and 卖方 …), applicant first
    parties: list[dict[str, Any]] = field(default_factory=list)
    party_roles: list[dict[str, Any]] = field(default_factory=list)
    materials: dict[str, dict[str, Any]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    resume_state: str | None = None
    registered_at: str = ""
    accepted_at: str = ""
    accepted_on: dt.date | None = None
    pauses: list[Pause] = field(default_factory=list)
    # art. 45 procedures (hearing, inspection, expert review): kind, reason, start, end
    procedures: list[dict[str, Any]] = field(default_factory=list)
    extension_days: int = 0
    extension_limit: int = DEFAULT_EXTENSION_DAYS
    extension: dict[str, Any] | None = None  # the one granted (art. 42): days, by whom, why
    extension_request: dict[str, Any] | None = None  # asked of the head, not decided yet
    # 容缺受理: materials accepted on the applicant's written promise, and when they came
    promises: list[dict[str, Any]] = field(default_factory=list)
    reason: str = ""
    delivery: dict[str, Any] = field(default_factory=dict)
    issued_at: str = ""
    ratings: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    history: list[Step] = field(default_factory=list)
    staff_id: str = ""
    window_id: str | None = None
    terminal_id: str = ""
    updated_at: str = ""

    @property
    def clock_paused(self) -> bool:
        return any(p.end is None for p in self.pauses)

    @property
    def rating(self) -> dict[str, Any] | None:
        """The one rating that counts for this service: the first."""
        return next((r for r in self.ratings if r["counted"]), None)

    @property
    def is_open(self) -> bool:
        return self.state in lc.OPEN

    @property
    def open_promises(self) -> list[dict[str, Any]]:
        """容缺 materials promised and not yet brought: the result may not be issued."""
        return [p for p in self.promises if not p.get("fulfilled_at")]

    def needs_number(self, kind: str) -> bool:
        """A case registered at the kiosk has no case number: its first step at a window
        gives it one, whatever that step is (a rating is not a step at a window)."""
        return not self.case_number and kind not in (ev.REGISTERED, ev.RATED)

    def allows(self, kind: str, payload: Mapping[str, Any] | None = None) -> bool:
        """Whether `kind` is legal on this case now: the life cycle's table plus the
        rules that depend on what happened before (one extension, promises kept)."""
        return _refusal(self, kind, payload or {}) is None

    def deadline(self, cal: WorkCalendar) -> Deadline | None:
        """None until the clock has started, and for instant items."""
        if self.accepted_on is None or self.instant:
            return None
        return compute(cal, self.accepted_on, self.promised_days, self.pauses,
                       self.extension_days)


def _str(p: Mapping[str, Any], key: str) -> str:
    v = p.get(key)
    return "" if v is None else str(v)


def _register(case: Case, e: ev.Event) -> None:
    p = e.payload
    joined = case.state is not None
    for attr in ("case_number", "slip_number", "queue_no", "item_no", "item_code", "item_name"):
        if not getattr(case, attr) and p.get(attr):
            setattr(case, attr, str(p[attr]))
    if not joined:
        case.instant = bool(p.get("instant", False))
        case.promised_days = int(p.get("promised_days", 0))
        case.legal_days = int(p.get("legal_days", 0))
        case.catalog_version = _str(p, "catalog_version")
        _served(case, p)
        case.registered_at = e.recorded_at
        case.terminal_id = e.terminal_id
        if p.get("extension_limit") is not None:
            case.extension_limit = int(p["extension_limit"])
    if not case.department and p.get("department"):
        case.department = str(p["department"])
    for k, v in (p.get("applicant") or {}).items():
        if v and not case.applicant.get(k):
            case.applicant[k] = v
    if p.get("agent") and case.agent is None:
        case.agent = dict(p["agent"])
    if not case.party_roles and p.get("party_roles"):
        case.party_roles = [dict(r) for r in p["party_roles"]]
    _set_parties(case, p)
    for m in p.get("materials") or ():
        case.materials.setdefault(m["id"], dict(m))


def _served(case: Case, p: Mapping[str, Any]) -> None:
    """The period stamp of the step that served the citizen (the latest one wins)."""
    if "extended" in p:
        case.period, case.extended = _str(p, "period"), bool(p["extended"])


def _set_parties(case: Case, p: Mapping[str, Any]) -> None:
    """The window completes the parties of a case (a kiosk registers one person)."""
    parties = p.get("parties")
    if parties:
        case.parties = [dict(x) for x in parties]
        if not case.applicant.get("id_number"):
            case.applicant = {k: v for k, v in case.parties[0].items() if k != "role"}


def _promise(case: Case, e: ev.Event) -> None:
    for x in e.payload.get("promises") or ():
        mid = str(x["material"])
        case.promises.append({"material": mid, "name": case.materials.get(mid, {}).get("name", mid),
                              "due": str(x["due"]), "promised_at": e.recorded_at,
                              "fulfilled_at": ""})


def _accept(case: Case, e: ev.Event) -> None:
    case.accepted_at = e.recorded_at
    case.accepted_on = e.local_date
    case.staff_id = e.staff_id
    case.window_id = e.window_id
    _set_parties(case, e.payload)
    _promise(case, e)


def _set_materials(case: Case, p: Mapping[str, Any]) -> None:
    for m in p.get("materials") or ():
        case.materials[m["id"]] = {**case.materials.get(m["id"], {}), **m}


def _apply(case: Case, e: ev.Event) -> str:
    """Apply a legal step; returns a short detail for the history line."""
    p = e.payload
    before = case.state
    after = lc.next_state(e.kind, before, case.resume_state)
    detail = ""
    if p.get("case_number") and not case.case_number:
        case.case_number = str(p["case_number"])
    if e.kind == ev.REGISTERED:
        _register(case, e)
    elif e.kind == ev.ACCEPTED:
        _set_materials(case, p)
        _accept(case, e)
        _served(case, p)
    elif e.kind == ev.SUPPLEMENT_REQUESTED:
        case.resume_state = before
        case.missing = [str(x) for x in p.get("missing", ())]
        _set_materials(case, p)
        if case.accepted_on is not None:
            case.pauses.append(Pause(e.local_date, None, "supplement"))
        detail = "、".join(case.missing)
    elif e.kind == ev.SUPPLEMENT_RECEIVED:
        _set_materials(case, p)
        case.missing = []
        # only the supplement's own pause: a hearing or inspection still under way
        # keeps the clock stopped until its clock_resumed
        _close_pause(case, e.local_date, reason="supplement")
        if case.resume_state == lc.REGISTERED and p.get("accept"):
            _served(case, p)
            after = lc.ACCEPTED
            _accept(case, e)
        case.resume_state = None
    elif e.kind in (ev.REFUSED, ev.REJECTED, ev.WITHDRAWN):
        case.reason = _str(p, "reason")
        detail = case.reason
        _close_pause(case, e.local_date, at=e.recorded_at)
    elif e.kind == ev.APPROVED:
        # the decision ends any review pause, as a rejection does; an open pause
        # would leave the deadline paused for good (clock_resumed is not legal now)
        _close_pause(case, e.local_date, at=e.recorded_at)
    elif e.kind == ev.CLOCK_PAUSED:
        kind = _str(p, "pause_reason") or "other"
        case.pauses.append(Pause(e.local_date, None, kind))
        case.procedures.append({"kind": kind, "reason": _str(p, "reason"),
                                "start": e.local_date.isoformat(), "end": "",
                                "paused_at": e.recorded_at, "resumed_at": "",
                                "staff_id": e.staff_id})
        detail = _str(p, "reason")
    elif e.kind == ev.CLOCK_RESUMED:
        _close_pause(case, e.local_date, at=e.recorded_at)
    elif e.kind == ev.EXTENSION_REQUESTED:
        case.extension_request = {"days": int(p.get("days", 0)), "reason": _str(p, "reason"),
                                  "by": e.staff_id, "at": e.recorded_at}
        detail = f"+{int(p.get('days', 0))} {_str(p, 'reason')}".strip()
    elif e.kind == ev.EXTENSION_DECLINED:
        case.extension_request = None
        detail = _str(p, "reason")
    elif e.kind == ev.EXTENDED:
        days = int(p.get("days", 0))
        case.extension_days += days
        case.extension = {"days": days, "reason": _str(p, "reason"),
                          "approved_by": _str(p, "approved_by") or e.staff_id,
                          "at": e.recorded_at,
                          "requested_by": (case.extension_request or {}).get("by", "")}
        case.extension_request = None
        detail = f"+{days} {_str(p, 'approved_by')} {_str(p, 'reason')}".strip()
    elif e.kind == ev.PROMISE_FULFILLED:
        got = {str(x) for x in p.get("materials") or ()}
        for promise in case.promises:
            if promise["material"] in got and not promise["fulfilled_at"]:
                promise["fulfilled_at"] = e.recorded_at
                case.materials.setdefault(promise["material"], {"id": promise["material"],
                                                                "name": promise["name"]})
                case.materials[promise["material"]]["provided"] = True
        detail = "、".join(x["name"] for x in case.promises if x["material"] in got)
    elif e.kind == ev.ISSUED:
        case.issued_at = e.recorded_at
        case.delivery = {k: p[k] for k in ("method", "address", "tracking_no", "recipient") if k in p}
        if before == lc.ACCEPTED and case.accepted_on is None:
            case.accepted_on = e.local_date
        detail = _str(p, "method")
    elif e.kind == ev.RATED:  # the first counts; a second is a conflict (see clash)
        case.ratings.append(_rating(e, counted=True))
        detail = RATING_LEVELS.get(int(p.get("level", 0)), "")
    case.state = after
    return detail


def _rating(e: ev.Event, counted: bool) -> dict[str, Any]:
    p = e.payload
    return {"level": int(p.get("level", 0)), "reason": _str(p, "reason"),
            "channel": _str(p, "channel") or "pad", "counted": counted,
            "event_id": e.id, "recorded_at": e.recorded_at}


def _close_pause(case: Case, day: dt.date, reason: str | None = None, at: str = "") -> None:
    case.pauses = [Pause(p.start, day, p.reason)
                   if p.end is None and (reason is None or p.reason == reason) else p
                   for p in case.pauses]
    if reason is None:
        for proc in case.procedures:
            if not proc["end"]:
                proc["end"], proc["resumed_at"] = day.isoformat(), at


def _refusal(case: Case, kind: str, payload: Mapping[str, Any]) -> IllegalTransition | None:
    """Why `kind` may not follow on `case` now, or None: the life cycle's table, then the
    rules that remember what came before. The fold and the check share it, so a step two
    offline terminals both took (two extensions) lands as a conflict, not a sum."""
    if not lc.allowed_from(kind, case.state, instant=case.instant,
                           clock_paused=case.clock_paused):
        return IllegalTransition(
            f"办件当前状态（{lc.state_label(case.state)}）不能进行此操作（{lc.kind_label(kind)}）")
    if kind in (ev.EXTENDED, ev.EXTENSION_REQUESTED):
        if case.extension is not None:
            return IllegalTransition("本件已延期一次，依法不能再次延期（行政许可法第四十二条）",
                                     code="case.extension_once")
        try:
            days = int(payload.get("days", 0))
        except (TypeError, ValueError):
            days = 0
        if days > case.extension_limit:
            return IllegalTransition(f"延期最多{case.extension_limit}个工作日",
                                     code="case.extension_limit")
        if kind == ev.EXTENSION_REQUESTED and case.extension_request is not None:
            return IllegalTransition("已有待负责人批准的延期申请", code="case.extension_pending")
    if kind == ev.EXTENSION_DECLINED and case.extension_request is None:
        return IllegalTransition("没有待批准的延期申请", code="case.extension_none")
    if kind == ev.ISSUED and case.open_promises:
        names = "、".join(p["name"] for p in case.open_promises)
        return IllegalTransition(f"容缺受理的材料尚未补齐（{names}），不能出件",
                                 code="case.promise_open")
    if kind == ev.PROMISE_FULFILLED and not case.open_promises:
        return IllegalTransition("没有待补齐的容缺材料", code="case.promise_none")
    return None


def clash(case: Case, e: ev.Event) -> str | None:
    """Why a step that the life cycle allows still clashes with what landed before it:
    an extension made without seeing another (two counters offline would otherwise add
    up silently), a second rating of one service, a limit past what a deadline can be."""
    p = e.payload
    if e.kind == ev.EXTENDED:
        seen = p.get("previous_days")
        if seen is not None and int(seen) != case.extension_days:
            return "extension"
        if case.promised_days + case.extension_days + int(p.get("days", 0)) > MAX_DAYS:
            return "extension"
    if e.kind == ev.RATED and case.rating is not None:
        return "rating"
    return None


def apply(case: Case, e: ev.Event) -> bool:
    """Fold one event into the case; False (and a conflict recorded) if it was illegal."""
    before = case.state
    problem = _refusal(case, e.kind, e.payload)
    if problem is not None:  # an extension past the one the law allows is an extension clash
        why: str | None = "extension" if problem.code.startswith("case.extension") else "state"
    else:
        why = clash(case, e)
    legal = why is None
    if legal:
        detail = _apply(case, e)
    else:
        legal = False
        detail = {"extension": "冲突：另一延期已先生效", "rating": "冲突：此次服务已评价"}.get(
            why, f"冲突：期望「{lc.state_label(e.expected_state)}」，实际「{lc.state_label(before)}」")
        case.conflicts.append(Conflict(e.id, e.kind, e.expected_state, before, e.staff_id,
                                       e.terminal_id, why))
        if why == "rating":  # kept with the service's ratings, never counted
            case.ratings.append(_rating(e, counted=False))
    case.history.append(Step(
        event_id=e.id, kind=e.kind, staff_id=e.staff_id, terminal_id=e.terminal_id,
        window_id=e.window_id, recorded_at=e.recorded_at, state_after=case.state,
        conflict=not legal, server_seq=e.server_seq, detail=detail,
    ))
    case.updated_at = max(case.updated_at, e.recorded_at)
    return legal


def overrule(case: Case, e: ev.Event, why: str) -> None:
    """Keep a step the server ruled out (streams.apply): in the history, without effect."""
    case.conflicts.append(Conflict(e.id, e.kind, e.expected_state, case.state, e.staff_id,
                                   e.terminal_id, why))
    case.history.append(Step(
        event_id=e.id, kind=e.kind, staff_id=e.staff_id, terminal_id=e.terminal_id,
        window_id=e.window_id, recorded_at=e.recorded_at, state_after=case.state,
        conflict=True, server_seq=e.server_seq, detail="冲突：无权进行此操作，未生效"))
    case.updated_at = max(case.updated_at, e.recorded_at)


def fold(events: Iterable[ev.Event], case_id: str | None = None) -> Case:
    """The case as its events, in the given order, make it."""
    case: Case | None = None
    for e in events:
        if case is None:
            case = Case(id=case_id or e.case_id)
        honour_verdict(apply, overrule, case, e)
    if case is None:
        if case_id is None:
            raise ValueError("fold() of no events needs a case_id")
        case = Case(id=case_id)
    return case


def canonical_order(confirmed: Iterable[ev.Event], pending: Iterable[ev.Event]) -> list[ev.Event]:
    """Confirmed events in server order, then this terminal's pending ones in its order.

    This is the rebase: what the server has decided first, our own unconfirmed steps
    replayed on top.
    """
    conf = sorted(confirmed, key=lambda e: e.server_seq or 0)
    seen = {e.id for e in conf}
    pend = sorted((e for e in pending if e.id not in seen),
                  key=lambda e: (e.terminal_id, e.terminal_seq))
    return conf + pend


def _apply_checked(case: Case, e: ev.Event) -> bool:
    """`apply`, with a payload it cannot read turned into InvalidEvent.

    The case may be half changed then: the caller folds again without the event.
    """
    try:
        return apply(case, e)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise InvalidEvent(f"case payload unreadable ({type(exc).__name__})",
                           code="event.payload") from exc


def _check(case: Case | None, kind: str, payload: Mapping[str, Any]) -> None:
    lc.check(kind, case.state if case is not None else None, payload,
             instant=bool(case.instant if case is not None else payload.get("instant")),
             clock_paused=bool(case is not None and case.clock_paused))
    if case is None:
        return
    problem = _refusal(case, kind, payload)
    if problem is not None:
        raise problem
    accepts = kind == ev.ACCEPTED or (kind == ev.SUPPLEMENT_RECEIVED and payload.get("accept"))
    if accepts:
        # parties are checked once the case names them (a face that knows the item's
        # roles registered it, or the window added them): a registration that never
        # spoke of parties (an older terminal, a script) is not refused for it
        parties = payload.get("parties") or case.parties
        acceptance.check(
            acceptance.merged_materials(case.materials, payload.get("materials")),
            has_agent=bool(case.agent), promises=payload.get("promises") or (),
            parties=parties, party_roles=case.party_roles if parties else ())
    if kind == ev.PROMISE_FULFILLED:
        open_ids = {p["material"] for p in case.open_promises}
        if not set(payload.get("materials") or ()) <= open_ids:
            raise IllegalTransition("只能补齐容缺受理时承诺的材料", code="case.promise_unknown")
    if kind == ev.EXTENDED and (
            case.promised_days + case.extension_days + int(payload.get("days", 0)) > MAX_DAYS):
        raise IllegalTransition("延期后的办理时限过长", code="case.extension_days")
    seen = payload.get("previous_days")
    if kind == ev.EXTENDED and seen is not None \
            and int(seen) != case.extension_days:
        raise IllegalTransition("办件的延期已变化，请刷新后重试", code="case.extension_changed")


def _stamp(case: Case | None, kind: str, payload: Mapping[str, Any]) -> Mapping[str, Any]:
    if kind == ev.EXTENDED and case is not None and "previous_days" not in payload:
        return {**payload, "previous_days": case.extension_days}
    return payload


def _conflict_notice(case: Case, e: ev.Event) -> dict[str, Any]:
    from domain.notices import case_conflict

    return case_conflict(case, e)


STREAM = StreamType(
    name="case", kinds=frozenset(ev.ALL_KINDS), empty=lambda sid: Case(id=sid),
    apply=_apply_checked, check=_check, state_of=lambda c: c.state, validate=validate_event,
    open_states=frozenset({None, *lc.OPEN}), on_conflict=_conflict_notice, stamp=_stamp,
    overrule=overrule,
)
