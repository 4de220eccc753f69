"""What a case event's payload must be before any node stores it (domain.streams'
`validate` for cases): numbers in range, text where a screen or a paper shows text,
people and materials of the right shape. Stateless; the server runs it on every pushed
event and a terminal before it records one, so a payload the fold, the deadline, a
projection or a paper could not take is refused once, for every node.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain import acceptance
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


def _objects(p: Mapping[str, Any], key: str) -> None:
    v = p.get(key)
    if v is not None and not (isinstance(v, list) and all(isinstance(x, Mapping) for x in v)):
        raise InvalidEvent(f"{key} malformed", code="event.payload")


def validate_event(e: ev.Event) -> None:
    """What a case event must satisfy before any node stores it: a payload the fold, the
    deadline, a projection or a paper could not take is refused here, once, for every
    node (the server runs it on every pushed event; a terminal before it records one)."""
    p = e.payload
    for key in _TEXT_FIELDS:
        _text(p.get(key), key)
    if e.kind != ev.PROMISE_FULFILLED:  # there `materials` names the promised ones (ids)
        _materials(p.get("materials"))
    if p.get("missing") is not None and not (isinstance(p["missing"], list) and all(
            isinstance(x, str) and len(x) <= 500 for x in p["missing"])):
        raise InvalidEvent("missing malformed", code="event.payload")
    if e.kind == ev.REGISTERED:
        _int_in(p, "promised_days", 0, MAX_DAYS)
        _int_in(p, "legal_days", 0, MAX_DAYS)
        _int_in(p, "extension_limit", 0, MAX_DAYS)
        _person(p.get("applicant"), "applicant")
        _person(p.get("agent"), "agent")
        _text(p.get("department"), "department")
        _objects(p, "parties")
        _objects(p, "party_roles")
    elif e.kind in (ev.ACCEPTED, ev.SUPPLEMENT_RECEIVED):
        _objects(p, "parties")
        if p.get("promises") is not None:
            try:
                acceptance.validate_promises(p["promises"], e.local_date)
            except (acceptance.AcceptanceRefused, ValueError, OverflowError) as exc:
                raise InvalidEvent(f"promises: {exc}", code="event.payload") from exc
    elif e.kind == ev.EXTENDED:
        _int_in(p, "days", 1, MAX_DAYS)
        _int_in(p, "previous_days", 0, MAX_DAYS)
    elif e.kind == ev.EXTENSION_REQUESTED:
        _int_in(p, "days", 1, MAX_DAYS)
    elif e.kind == ev.PROMISE_FULFILLED:
        got = p.get("materials")
        if not (isinstance(got, list) and got and all(isinstance(x, str) for x in got)):
            raise InvalidEvent("materials malformed", code="event.payload")
    elif e.kind == ev.RATED:
        _int_in(p, "level", 1, 5)
