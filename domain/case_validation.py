"""Stateless checks of a case event, before any node stores it.

The server refuses an event that fails them (per event), a terminal refuses to record
it: a payload the fold, the deadline or a paper could not take never enters a stream.
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


def _objects(p: Mapping[str, Any], key: str) -> None:
    v = p.get(key)
    if v is not None and not (isinstance(v, list) and all(isinstance(x, Mapping) for x in v)):
        raise InvalidEvent(f"{key} malformed", code="event.payload")


def validate_event(e: ev.Event) -> None:
    """What a case event must satisfy before any node stores it: a payload the fold, the
    deadline or a paper could not take is refused here, once, for every node."""
    p = e.payload
    if e.kind == ev.REGISTERED:
        _int_in(p, "promised_days", 0, MAX_DAYS)
        _int_in(p, "legal_days", 0, MAX_DAYS)
        _int_in(p, "extension_limit", 0, MAX_DAYS)
        for key in ("applicant", "agent"):
            if p.get(key) is not None and not isinstance(p.get(key), Mapping):
                raise InvalidEvent(f"{key} is not an object", code="event.payload")
        mats = p.get("materials")
        if mats is not None and not (isinstance(mats, list) and all(
                isinstance(m, Mapping) and isinstance(m.get("id"), str) for m in mats)):
            raise InvalidEvent("materials malformed", code="event.payload")
        if p.get("department") is not None and not isinstance(p["department"], str):
            raise InvalidEvent("department malformed", code="event.payload")
        _objects(p, "parties")
        _objects(p, "party_roles")
    elif e.kind in (ev.ACCEPTED, ev.SUPPLEMENT_RECEIVED):
        _objects(p, "parties")
        if p.get("promises") is not None:
            try:
                acceptance.validate_promises(p["promises"], e.local_date)
            except (acceptance.AcceptanceRefused, ValueError, OverflowError) as exc:
                raise InvalidEvent(f"promises: {exc}", code="event.payload") from exc
    elif e.kind in (ev.EXTENDED, ev.EXTENSION_REQUESTED):
        _int_in(p, "days", 1, MAX_DAYS)
    elif e.kind == ev.PROMISE_FULFILLED:
        got = p.get("materials")
        if not (isinstance(got, list) and got and all(isinstance(x, str) for x in got)):
            raise InvalidEvent("materials malformed", code="event.payload")
    elif e.kind == ev.RATED:
        _int_in(p, "level", 1, 5)
