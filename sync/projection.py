"""Projections: the rows screens read, rebuilt from a stream's events.

Every stream type has one projector here: the `cases` table for cases, `notices` for
notices, and whatever a later stream type needs. A local write, a server's answer and a
pulled page all end in `project()`, so a row is always the fold of its stream's events in
canonical order — confirmed ones in server order, this terminal's pending ones on top.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from domain import events as ev
from domain import streams
from domain.case import canonical_order
from domain.workdays import WorkCalendar
from sync import payloads
from sync.replica import Replica
from sync.stored_ids import NOTE_TERMINAL, TERMINAL_NO, terminal_id_of

EVENT_COLS = ("id", "case_id", "kind", "payload", "expected_state", "terminal_id",
              "terminal_seq", "staff_id", "window_id", "recorded_at", "server_seq")
# EVENT_COLS read from `events e`, ids as the event carries them (sync.stored_ids)
EVENT_SELECT = ("unpack_id(e.id) AS id, unpack_id(e.case_id) AS case_id, e.kind, e.payload, "
                f"e.expected_state, {terminal_id_of('e.terminal')} AS terminal_id, "
                "e.terminal_seq, e.staff_id, e.window_id, e.recorded_at, e.server_seq")


@dataclass(frozen=True)
class Projector:
    """How one stream type's state becomes rows: `write` replaces them, `delete` drops
    the rows of a stream that has no events left here (all refused)."""

    write: Callable[[Replica, Any, WorkCalendar], None]
    delete: Callable[[Replica, str], None]


_PROJECTORS: dict[str, list[Projector]] = {}
_LOADED: list[bool] = []


def register(stream: str, projector: Projector) -> None:
    """Called by a module that owns a table of a stream's rows, at import. A stream may
    have several (a case: its `cases` row and its `figure_facts` row)."""
    _PROJECTORS.setdefault(stream, []).append(projector)


def projectors(stream: str) -> list[Projector]:
    if not _LOADED:
        _load()
    return _PROJECTORS.get(stream, [])


def all_projectors() -> list[Projector]:
    """Every projector of every stream (each table that holds a stream's rows)."""
    if not _LOADED:
        _load()
    return [p for ps in _PROJECTORS.values() for p in ps]


def _load() -> None:
    # the modules that own projection tables register themselves when imported; all of
    # them, always — not only "when none has registered yet": a process that imported
    # one (case_rows, through the store) would otherwise skip the others' rows
    from sync import case_rows, figure_rows, notices, tickets  # noqa: F401

    _LOADED.append(True)


def event_from_row(row: Mapping[str, Any]) -> ev.Event:
    d = dict(row)
    if not isinstance(d.get("payload"), str):  # kept compressed (sync.payloads)
        d["payload"] = payloads.decode(d["payload"])
    return ev.Event.from_wire(d)


def stream_events(replica: Replica, stream_id: str) -> list[ev.Event]:
    """The stream's events in canonical order (the rebase)."""
    rows = replica.conn.execute(
        # an event the server refused for good (malformed, another hall's stream) never
        # became part of the stream anywhere, so it must not be part of it here either;
        # one this terminal could not apply is kept aside (sync.quarantine), and so is
        # one the server wrote, then lost in a restore (sync.epoch)
        f"SELECT {EVENT_SELECT}, e.verdict FROM events e WHERE e.case_id = pack_id(?) AND "
        "(e.verdict IS NULL OR e.verdict NOT IN ('refused', 'quarantined', 'lost_on_server'))",
        (stream_id,)
    ).fetchall()
    # a confirmed event carries the server's verdict: one it ruled a conflict (a role
    # that may not take the step) folds as that conflict here too (domain.streams.apply)
    events = [event_from_row(r).with_verdict(r["verdict"] if r["server_seq"] is not None
                                             else None) for r in rows]
    confirmed = [e for e in events if e.server_seq is not None]
    pending = [e for e in events if e.server_seq is None]
    return canonical_order(confirmed, pending)


def load_stream(replica: Replica, stream_id: str) -> Any | None:
    """The stream as this terminal knows it (a Case, a Notice …), or None."""
    events = stream_events(replica, stream_id)
    return streams.fold(events, stream_id) if events else None


def write(replica: Replica, state: Any, kind: str, cal: WorkCalendar) -> None:
    """Write the rows of a stream whose events include `kind`."""
    for p in projectors(streams.stream_name(kind)):
        p.write(replica, state, cal)


def project(replica: Replica, stream_ids: Iterable[str], cal: WorkCalendar) -> None:
    """Rebuild the rows of these streams (after a pull or a server verdict). A stream
    kept as its row only is not rebuilt from part of its history (sync.compaction)."""
    _load()
    from sync import compaction

    with replica.transaction():
        ids = set(stream_ids)
        for sid in ids - compaction.stale(replica, ids):
            events = stream_events(replica, sid)
            if not events:
                for ps in _PROJECTORS.values():
                    for p in ps:
                        p.delete(replica, sid)
                continue
            state = streams.fold(events, sid)
            for p in projectors(streams.stream_name(events[0].kind)):
                p.write(replica, state, cal)


def event_row(e: ev.Event) -> tuple[Any, ...]:
    """An event as the values of EVENT_COLS (INSERT_EVENT's parameters)."""
    return (e.id, e.case_id, e.kind, json.dumps(dict(e.payload), ensure_ascii=False),
            e.expected_state, e.terminal_id, e.terminal_seq, e.staff_id, e.window_id,
            e.recorded_at, e.server_seq)


# its terminal must be noted first (insert_events): an unknown one fails NOT NULL
INSERT_EVENT = ("INSERT INTO events (id, case_id, kind, payload, expected_state, terminal, "
                "terminal_seq, staff_id, window_id, recorded_at, server_seq) VALUES "
                f"(pack_id(?), pack_id(?), ?, ?, ?, {TERMINAL_NO}, ?, ?, ?, ?, ?)")
INSERT_OUTBOX = ("INSERT INTO outbox (event_id, terminal_seq, queued_at) "
                 "VALUES (pack_id(?), ?, ?)")


def insert_events(conn: Any, events: Iterable[ev.Event]) -> None:
    """Append events (their terminals noted first). Caller holds the transaction."""
    events = list(events)
    conn.executemany(NOTE_TERMINAL, [(t,) for t in dict.fromkeys(e.terminal_id
                                                                 for e in events)])
    conn.executemany(INSERT_EVENT, [event_row(e) for e in events])


def insert_event(replica: Replica, e: ev.Event, *, outbox: bool) -> None:
    """Append an event (and, for our own, its outbox row). Caller holds the transaction."""
    insert_events(replica.conn, [e])
    if outbox:
        replica.conn.execute(INSERT_OUTBOX, (e.id, e.terminal_seq, e.recorded_at))
