"""A window's day as a stream: paused with a reason (暂停服务), resumed.

The hall display shows a paused window as such and the queue stops counting it when it
estimates waits; the supervisor sees why and since when. One stream per window per day
(`window_stream_id`), so every day starts with every window open and nothing needs
resetting at night. Like tickets, a clash needs nobody's attention.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from domain import events as ev
from domain.errors import IllegalTransition, MissingReason
from domain.streams import InvalidEvent, StreamType

PAUSED = "window.paused"
RESUMED = "window.resumed"
KINDS = frozenset({PAUSED, RESUMED})

OPEN, PAUSE = "open", "paused"
REASONS = ("break", "meal", "meeting", "training", "system", "other")

_NAMESPACE = uuid.UUID("0b6f7c1d-2e3a-5b4c-8d9e-aa11bb22cc33")


def window_stream_id(hall_code: str, window_id: str, day: str) -> str:
    """The stream of one window of one hall on one day (window ids repeat across halls)."""
    return str(uuid.uuid5(_NAMESPACE, f"{hall_code}:{window_id}:{day}"))


@dataclass
class WindowDay:
    """A window's state on one day as its events make it."""

    id: str
    state: str | None = None
    window_id: str = ""
    day: str = ""
    reason: str = ""
    note: str = ""
    staff_id: str = ""
    since: str = ""
    paused_seconds: int = 0
    conflicts: list[str] = field(default_factory=list)


def validate(e: ev.Event) -> None:
    p = e.payload
    w = p.get("window")
    if not isinstance(w, str) or not w or len(w) > 64:
        raise InvalidEvent("window step without window", code="event.payload")
    if e.kind == PAUSED and p.get("reason") not in REASONS:
        raise InvalidEvent("pause reason unknown", code="event.payload")
    note = p.get("note", "")
    if not isinstance(note, str) or len(note) > 200:
        raise InvalidEvent("pause note malformed", code="event.payload")


def check(w: WindowDay | None, kind: str, payload: Mapping[str, Any]) -> None:
    state = w.state if w is not None else None
    if kind == RESUMED and state != PAUSE:
        raise IllegalTransition("窗口未暂停", code="window.not_paused")
    if kind == PAUSED and payload.get("reason") not in REASONS:
        raise MissingReason("请选择暂停原因", code="window.reason_required")


def apply(w: WindowDay, e: ev.Event) -> bool:
    if e.kind not in KINDS:
        raise InvalidEvent(f"not a window event: {e.kind}", code="event.unknown_kind")
    if e.kind == RESUMED and w.state != PAUSE:
        w.conflicts.append(e.id)
        return False
    w.window_id = str(e.payload["window"])
    w.day = w.day or e.local_date.isoformat()
    if e.kind == PAUSED:
        if w.state != PAUSE:
            w.since = e.recorded_at
        w.state, w.reason = PAUSE, str(e.payload["reason"])
        w.note = str(e.payload.get("note", ""))
    else:
        w.paused_seconds += _seconds(w.since, e.recorded_at)
        w.state, w.reason, w.note, w.since = OPEN, "", "", e.recorded_at
    w.staff_id = e.staff_id
    return True


def _seconds(start: str, end: str) -> int:
    import datetime as dt

    try:
        return max(0, int((dt.datetime.fromisoformat(end)
                           - dt.datetime.fromisoformat(start)).total_seconds()))
    except (TypeError, ValueError):
        return 0


STREAM = StreamType(
    name="window", kinds=KINDS, empty=lambda sid: WindowDay(id=sid), apply=apply, check=check,
    # one stream per day: like tickets, never "live" beyond the snapshot's recent window
    state_of=lambda w: w.state, validate=validate, open_states=frozenset(),
    on_conflict=lambda w, e: None,
)
