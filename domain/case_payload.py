"""What a case event's payload must be before any node stores it (domain.streams'
`validate` for cases): numbers in range, text where a screen or a paper shows text,
people and materials of the right shape. Stateless; the server runs it on every pushed
event and a terminal before it records one, so a payload the fold, the deadline, a
projection or a paper could not take is refused once, for every node.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain import events as ev
from domain.deadline import MAX_DAYS
from domain.streams import InvalidEvent


def _int_in(p: Mapping[str, Any], key: str, low: int, high: int) -> None:
    v = p.get(key, 0)
    if v is None:
        return
    if isinstance(v, bool) or not isinstance(v, int | str):
        raise InvalidEvent(f"{key} is not a number", code="event.payload")
    try:
        n = int(v)
    except ValueError as exc:
        raise InvalidEvent(f"{key} is not a number", code="event.payload") from exc
    if not low <= n <= high:
        raise InvalidEvent(f"{key} out of range: {n}", code="event.payload")


_TEXT_FIELDS = ("case_number", "slip_number", "queue_no", "item_no", "item_code", "item_name",
                "reason", "pause_reason", "approved_by", "method", "address", "tracking_no",
                "recipient", "channel")
_TEXT_MAX = 2000


def _text(v: object, what: str) -> None:
    """A value shown on a screen or a paper: text (or a number), of a sane length."""
    if v is None or isinstance(v, bool):
        return
    if isinstance(v, int | float):
        if isinstance(v, float) and v != v:  # NaN
            raise InvalidEvent(f"{what} is not a number", code="event.payload")
        return
    if not isinstance(v, str) or len(v) > _TEXT_MAX:
        raise InvalidEvent(f"{what} malformed", code="event.payload")


def _person(v: object, what: str) -> None:
    if v is None:
        return
    if not isinstance(v, Mapping):
        raise InvalidEvent(f"{what} is not an object", code="event.payload")
    for k, x in v.items():
        if (x is not None and not isinstance(x, str)) or (isinstance(x, str) and len(x) > 500):
            raise InvalidEvent(f"{what}.{str(k)[:20]} is not text", code="event.payload")


def _materials(v: object) -> None:
    if v is None:
        return
    if not isinstance(v, list) or not all(
            isinstance(m, Mapping) and isinstance(m.get("id"), str) for m in v):
        raise InvalidEvent("materials malformed", code="event.payload")
    for m in v:
        for k in ("name", "condition"):
            _text(m.get(k), f"materials.{k}")
        for k in ("originals", "copies"):
            _int_in(m, k, 0, 1000)


def validate_event(e: ev.Event) -> None:
    """What a case event must satisfy before any node stores it: a payload the fold, the
    deadline, a projection or a paper could not take is refused here, once, for every
    node (the server runs it on every pushed event; a terminal before it records one)."""
    p = e.payload
    for key in _TEXT_FIELDS:
        _text(p.get(key), key)
    _materials(p.get("materials"))
    if p.get("missing") is not None and not (isinstance(p["missing"], list) and all(
            isinstance(x, str) and len(x) <= 500 for x in p["missing"])):
        raise InvalidEvent("missing malformed", code="event.payload")
    if e.kind == ev.REGISTERED:
        _int_in(p, "promised_days", 0, MAX_DAYS)
        _int_in(p, "legal_days", 0, MAX_DAYS)
        _person(p.get("applicant"), "applicant")
        _person(p.get("agent"), "agent")
    elif e.kind == ev.EXTENDED:
        _int_in(p, "days", 1, MAX_DAYS)
        _int_in(p, "previous_days", 0, MAX_DAYS)
    elif e.kind == ev.RATED:
        _int_in(p, "level", 1, 5)
