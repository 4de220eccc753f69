"""Per-event checks of a pushed event, before it meets the database or a fold.

`read_event` says whether the fields have the right types and sizes (and no NUL, which
PostgreSQL cannot store); `validate` adds the stream's own checks (domain.streams) and a
timestamp the deadline arithmetic can use. A failure is a `Refusal` of that event alone.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from domain import events as ev
from domain import streams
from domain.streams import InvalidEvent

_FIELD_MAX = 64


class Refusal(Exception):
    """One event refused: the reason, and the verdict letter (`r`, or `R`: re-enrol)."""

    def __init__(self, reason: str, letter: str = "r") -> None:
        super().__init__(reason)
        self.reason, self.letter = reason, letter


_EARLIEST, _LATEST = dt.date(2000, 1, 1), dt.date(2999, 12, 31)


def has_nul(v: Any, depth: int = 0) -> bool:
    """A NUL character anywhere (PostgreSQL cannot store one in text), or nesting so
    deep that nobody wrote it by hand."""
    if depth > 40:
        return True
    if isinstance(v, str):
        return "\x00" in v
    if isinstance(v, dict):
        return any(has_nul(k, depth + 1) or has_nul(x, depth + 1) for k, x in v.items())
    if isinstance(v, list):
        return any(has_nul(x, depth + 1) for x in v)
    return False


def read_event(raw: Any) -> ev.Event:
    """An Event from a wire dict with fields of the right types and sizes, or
    Refusal("malformed: …"). Says nothing yet about whether its stream can take it."""
    if not isinstance(raw, dict):
        raise Refusal("malformed: not an object")
    try:
        e = ev.Event.from_wire(raw)
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise Refusal(f"malformed: {type(exc).__name__}") from exc
    for name in ("id", "case_id", "terminal_id", "staff_id"):
        v = getattr(e, name)
        if not isinstance(v, str) or not v or len(v) > _FIELD_MAX:
            raise Refusal(f"malformed: {name}")
    if e.window_id is not None and (not isinstance(e.window_id, str) or len(e.window_id) > 64):
        raise Refusal("malformed: window_id")
    if not isinstance(e.kind, str) or len(e.kind) > 40:
        raise Refusal("malformed: kind")
    if e.expected_state is not None and (not isinstance(e.expected_state, str)
                                         or len(e.expected_state) > 40):
        raise Refusal("malformed: expected_state")
    if not isinstance(e.payload, dict):
        raise Refusal("malformed: payload")
    if not 0 < e.terminal_seq < 2**62:
        raise Refusal("malformed: terminal_seq")
    if not isinstance(e.recorded_at, str) or len(e.recorded_at) > 40:
        raise Refusal("malformed: recorded_at")
    if any(has_nul(getattr(e, f)) for f in ("id", "case_id", "kind", "expected_state",
                                             "terminal_id", "staff_id", "window_id",
                                             "recorded_at", "payload")):
        raise Refusal("malformed: NUL character or nesting too deep")
    return e


def validate(raw: Any) -> ev.Event:
    """An Event every node can store and fold, or Refusal("malformed: …").

    The same checks every terminal's fold, deadline and papers rely on (domain.streams),
    plus a timestamp the deadline arithmetic can use: a date from 2000 to 2999.
    """
    e = read_event(raw)
    try:
        streams.validate(e)  # the same checks every terminal's fold relies on
    except InvalidEvent as exc:
        raise Refusal(f"malformed: {exc}") from exc
    try:
        day = e.local_date
    except (ValueError, TypeError, OverflowError) as exc:
        raise Refusal("malformed: recorded_at") from exc
    if not _EARLIEST <= day <= _LATEST:
        raise Refusal("malformed: recorded_at out of range")
    return e


def same_event(stored: Any, e: ev.Event, same_terminal: bool) -> bool:
    """Whether a replay says what the stored event says (a re-enrolled terminal's
    restamped copy differs only in its terminal id and seq)."""
    try:
        payload = json.loads(stored.payload)
    except ValueError:
        return False
    same = (stored.case_id == e.case_id and stored.kind == e.kind and payload == e.payload
            and stored.expected_state == e.expected_state and stored.staff_id == e.staff_id
            and stored.window_id == e.window_id and stored.recorded_at == e.recorded_at)
    if same_terminal:
        same = same and int(stored.terminal_seq) == e.terminal_seq
    return same
