"""A small builder of event histories for the case tests (not a test module)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from domain import events as ev
from domain.application import Actor, new_event
from domain.case import Case, fold

CHINA = ev.CHINA_TZ

# A payload that passes lifecycle.check for every kind.
GOOD_PAYLOADS: dict[str, dict[str, Any]] = {
    ev.REGISTERED: {"item_no": "0101", "item_name": "企业设立登记", "promised_days": 5,
                    "instant": False, "applicant": {"name": "张三",
                                                    "id_number": "11010519491231002X"}},
    ev.ACCEPTED: {},
    ev.SUPPLEMENT_REQUESTED: {"missing": ["公司章程"]},
    ev.SUPPLEMENT_RECEIVED: {},
    ev.REFUSED: {"reason": "不属于本机关职权范围"},
    ev.WITHDRAWN: {"reason": "申请人主动撤回"},
    ev.SUBMITTED_FOR_REVIEW: {},
    ev.APPROVED: {},
    ev.REJECTED: {"reason": "不符合法定条件"},
    ev.RESULT_READY: {},
    ev.ISSUED: {"method": "collected"},
    ev.CLOCK_PAUSED: {"reason": "组织听证", "pause_reason": "hearing"},
    ev.CLOCK_RESUMED: {},
    ev.EXTENDED: {"reason": "情况复杂", "days": 5, "approved_by": "S090"},
    ev.RATED: {"level": 5, "channel": "pad"},
    ev.EXTENSION_REQUESTED: {"reason": "需组织专家论证", "days": 5},
    ev.EXTENSION_DECLINED: {"reason": "理由不充分"},
    ev.PROMISE_FULFILLED: {"materials": ["M6"]},
}


class Timeline:
    """Events of one case, made through application.new_event (so each step is checked)."""

    def __init__(self, case_id: str = "case-1", *, instant: bool = False,
                 promised_days: int = 5, start: dt.date = dt.date(2025, 3, 3),
                 terminal_id: str = "T1", staff_id: str = "S001") -> None:
        self.case_id = case_id
        self.instant = instant
        self.promised_days = promised_days
        self.day = start
        self.actor = Actor(staff_id, terminal_id, "W01")
        self.events: list[ev.Event] = []
        self.case: Case | None = None

    def step(self, kind: str, payload: Mapping[str, Any] | None = None, *,
             day: dt.date | None = None, actor: Actor | None = None) -> ev.Event:
        """Check and append one step; raises the domain error if it is not legal."""
        if payload is None:
            payload = dict(GOOD_PAYLOADS[kind])
            if kind == ev.REGISTERED:
                payload.update(instant=self.instant, promised_days=self.promised_days)
        if day is not None:
            self.day = day
        at = dt.datetime.combine(self.day, dt.time(9, 0), CHINA) + dt.timedelta(
            minutes=len(self.events))
        e = new_event(self.case, self.case_id, kind, payload, actor or self.actor,
                      event_id=f"{self.case_id}-e{len(self.events) + 1:03d}",
                      terminal_seq=len(self.events) + 1, recorded_at=ev.now_iso(at))
        self.events.append(e)
        self.case = fold(self.events, self.case_id)
        return e

    def steps(self, *kinds: str) -> Timeline:
        for k in kinds:
            self.step(k)
        return self


# How to reach each state of the life cycle from nothing (promised item).
PATHS: dict[str | None, tuple[str, ...]] = {
    None: (),
    "registered": (ev.REGISTERED,),
    "accepted": (ev.REGISTERED, ev.ACCEPTED),
    "supplement_requested": (ev.REGISTERED, ev.ACCEPTED, ev.SUPPLEMENT_REQUESTED),
    "in_review": (ev.REGISTERED, ev.ACCEPTED, ev.SUBMITTED_FOR_REVIEW),
    "approved": (ev.REGISTERED, ev.ACCEPTED, ev.SUBMITTED_FOR_REVIEW, ev.APPROVED),
    "rejected": (ev.REGISTERED, ev.ACCEPTED, ev.SUBMITTED_FOR_REVIEW, ev.REJECTED),
    "result_ready": (ev.REGISTERED, ev.ACCEPTED, ev.SUBMITTED_FOR_REVIEW, ev.APPROVED,
                     ev.RESULT_READY),
    "issued": (ev.REGISTERED, ev.ACCEPTED, ev.SUBMITTED_FOR_REVIEW, ev.APPROVED,
               ev.RESULT_READY, ev.ISSUED),
    "refused": (ev.REGISTERED, ev.REFUSED),
    "withdrawn": (ev.REGISTERED, ev.WITHDRAWN),
}


def at_state(state: str | None, **kw: Any) -> Timeline:
    """A timeline whose case is in `state`."""
    t = Timeline(**kw).steps(*PATHS[state])
    assert (t.case.state if t.case else None) == state
    return t


def raw_event(case_id: str, n: int, kind: str, payload: Mapping[str, Any] | None = None, *,
              expected: str | None = None, terminal_id: str = "T1", day: int = 3,
              server_seq: int | None = None, staff_id: str = "S001") -> ev.Event:
    """An event made directly, as it arrives from the server (no local check)."""
    return ev.Event(
        id=f"{case_id}-{terminal_id}-{n}", case_id=case_id, kind=kind,
        payload=dict(GOOD_PAYLOADS[kind] if payload is None else payload),
        expected_state=expected, terminal_id=terminal_id, terminal_seq=n, staff_id=staff_id,
        recorded_at=f"2025-03-{day:02d}T10:{n % 60:02d}:00+08:00", server_seq=server_seq,
    )
