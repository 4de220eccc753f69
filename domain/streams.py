"""Streams: everything a hall does is an event on a stream, and a stream's type folds it.

A case is one kind of stream; a queue ticket, a notice (a kiosk's help call, a printer
fault, a sync conflict), a bad rating's follow-up are others. They all travel the same
way — one events table, one outbox, one push, one pull, one server order — and differ
only in how their events fold into a state and which steps are legal. This module is the
one place that says which type a kind belongs to, so the terminal that records a step,
the server that stores it and every terminal that pulls it fold it with the same code.

Kinds: a case's kinds are bare words (`accepted`); every other stream's kinds are
`<stream>.<step>` (`ticket.called`, `notice.resolved`). An event's `case_id` field is
its stream id (the wire name predates other streams).

Each stream type's module defines `STREAM = StreamType(...)` and is listed in
`STREAM_MODULES`; they are imported on first use, so importing this module stays cheap.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from domain.errors import DomainError
from domain.events import Event

CASE = "case"
CONFLICT = "conflict"  # the server's verdict on an event that had no effect

# stream name → module defining STREAM. Add a line here for a new stream type.
STREAM_MODULES: Mapping[str, str] = {
    CASE: "domain.case",
    "notice": "domain.notices",
    "followup": "domain.followups",
    "appeal": "domain.appeals",
    "consultation": "domain.consultations",
    "ticket": "domain.tickets",
    "window": "domain.window_state",
}


class InvalidEvent(DomainError):
    """An event whose payload its stream cannot fold: refused alone, never stored."""

    code = "event.invalid"


@dataclass(frozen=True)
class StreamType:
    """How one kind of stream folds, and what may be done to it.

    - `empty(stream_id)`: the state before any event.
    - `apply(state, event) -> bool`: fold one event in place; False when the step was
      not legal where it landed in server order (kept, marked as a conflict, no effect).
      It must raise InvalidEvent (never anything else) for a payload it cannot take;
      the state is then undefined and the caller folds again without that event.
    - `check(state_or_None, kind, payload)`: before a step is recorded on a terminal or
      the server; raises the DomainError a screen shows.
    - `state_of(state)`: the label stored as the event's `expected_state`.
    - `validate(event)`: shape checks of a received event that need no state (sizes,
      ranges); raises InvalidEvent.
    - `open_states`: the states in which a stream is still live (a new terminal's
      snapshot carries live streams in full).
    - `on_conflict(state, event)`: the payload of the `notice.raised` the server adds
      when `event` landed as a conflict, or None when a clash needs nobody's attention
      (two counters calling the same ticket: the loser simply calls the next).
    - `stamp(state_or_None, kind, payload)`: the payload as recorded, with what the
      step saw that its fold needs to tell a clash (a case's extension records the
      extension days it saw, so two made offline do not silently add up).
    - `overrule(state, event, why)`: keep an event the server ruled a conflict that the
      fold would have applied (a role that may not take the step: domain.roles) — in
      the history, without effect. By default its id joins the state's `conflicts`.
    """

    name: str
    kinds: frozenset[str]
    empty: Callable[[str], Any]
    apply: Callable[[Any, Event], bool]
    check: Callable[[Any, str, Mapping[str, Any]], None]
    state_of: Callable[[Any], str | None]
    validate: Callable[[Event], None] = lambda e: None
    open_states: frozenset[str | None] = frozenset()
    on_conflict: Callable[[Any, Event], Mapping[str, Any] | None] = lambda s, e: None
    stamp: Callable[[Any, str, Mapping[str, Any]], Mapping[str, Any]] = lambda s, k, p: p
    overrule: Callable[[Any, Event, str], None] = lambda s, e, why: s.conflicts.append(e.id)


_loaded: dict[str, StreamType] = {}


def stream_name(kind: str) -> str:
    """The stream type a kind belongs to: the part before the dot, or `case`."""
    return kind.split(".", 1)[0] if "." in kind else CASE


def get(name: str) -> StreamType:
    """The stream type called `name`; KeyError for a name nobody registered."""
    st = _loaded.get(name)
    if st is None:
        module = STREAM_MODULES[name]  # KeyError: unknown stream
        st = importlib.import_module(module).STREAM
        if st.name != name:
            raise RuntimeError(f"{module}.STREAM is named {st.name!r}, listed as {name!r}")
        _loaded[name] = st
    return st


def type_of(kind: str) -> StreamType | None:
    """The stream type of a kind, or None if no stream type has this kind."""
    try:
        st = get(stream_name(kind))
    except KeyError:
        return None
    return st if kind in st.kinds else None


def all_kinds() -> frozenset[str]:
    """Every kind of every registered stream type."""
    return frozenset().union(*(get(n).kinds for n in STREAM_MODULES))


def validate(e: Event) -> StreamType:
    """The event's stream type after its stateless checks; InvalidEvent otherwise."""
    st = type_of(e.kind)
    if st is None:
        raise InvalidEvent(f"unknown kind: {e.kind[:40]}", code="event.unknown_kind")
    if not isinstance(e.payload, Mapping):
        raise InvalidEvent("payload is not an object", code="event.payload")
    st.validate(e)
    return st


def apply(state: Any, e: Event) -> bool:
    """Fold `e` into `state` with its stream's rules (see StreamType.apply).

    An event the server judged a conflict (`e.verdict`) stays one on every node: if the
    stream's own rules find it illegal here, they record why; if they would apply it,
    the server ruled it out for a reason the fold cannot see (the author's role, looked
    up in the hall's staff records: server.rulings) and it is kept as a `role` conflict.
    """
    st = type_of(e.kind)
    if st is None:
        raise InvalidEvent(f"unknown kind: {e.kind[:40]}", code="event.unknown_kind")
    return honour_verdict(st.apply, st.overrule, state, e)


def honour_verdict(apply_one: Callable[[Any, Event], bool],
                   overrule: Callable[[Any, Event, str], None], state: Any, e: Event) -> bool:
    """`apply_one(state, e)`, unless the server judged `e` a conflict that the rules alone
    would have applied: then `overrule` keeps it as a `role` conflict (see `apply`).
    A stream type's own fold that bypasses `apply` (domain.case.fold) calls this too."""
    if e.verdict != CONFLICT:
        return apply_one(state, e)
    if not apply_one(copy.deepcopy(state), e):  # rare: only events the server refused
        return apply_one(state, e)
    overrule(state, e, "role")
    return False


def fold(events: Iterable[Event], stream_id: str) -> Any:
    """The state the events make, in the order given; the type is the first event's."""
    state: Any = None
    for e in events:
        if state is None:
            state = validate(e).empty(stream_id)
        apply(state, e)
    if state is None:
        raise ValueError("fold() of no events: the stream type is unknown")
    return state


def same_stream(first_kind: str, kind: str) -> bool:
    """Whether an event of `kind` may join a stream that began with `first_kind`."""
    return stream_name(first_kind) == stream_name(kind)


def stamp(state: Any, kind: str, payload: Mapping[str, Any]) -> Mapping[str, Any]:
    """The payload a step records (StreamType.stamp); unknown kinds are left as they are."""
    st = type_of(kind)
    return payload if st is None else st.stamp(state, kind, payload)


def check(state: Any, kind: str, payload: Mapping[str, Any]) -> str | None:
    """Check a step before it is recorded; returns the state it expects."""
    st = type_of(kind)
    if st is None:
        raise InvalidEvent(f"未知的操作: {kind}", code="event.unknown_kind")
    st.check(state, kind, payload)
    return st.state_of(state) if state is not None else None
