"""Storing pushed events: once each, with their effects, in server order.

One call = one writer transaction (server.db): dedupe, per-event checks, the fold that
decides applied or conflict, the case projection, conflict notices and the terminal's
high-water mark all commit together or not at all.

Dedupe is by event id first: an event the server already has is answered with the seq
and verdict it got the first time (a lost answer, a batch sent twice, a re-enrolled
terminal re-sending). A new event whose `terminal_seq` is not above what this terminal
already sent means the terminal runs from a restored backup: refused with `R`, and the
terminal must re-enrol before it pushes again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from domain import events as ev
from domain import notices as dn
from domain import streams
from domain.ids import uuid7
from domain.streams import InvalidEvent
from server import db, rulings, trips
from server.auth import now_iso
from server.event_checks import Refusal, has_nul, read_event, same_event, validate

log = logging.getLogger(__name__)

MAX_PAYLOAD = 64 * 1024


@dataclass
class Outcome:
    """Per-event answers in request order: (server_seq, letter, reason)."""

    results: list[tuple[int | None, str, str | None]] = field(default_factory=list)
    stored: int = 0
    conflicts: int = 0
    reenrol: bool = False


class StreamBook:
    """The streams a batch touches: their stored events, folded once, kept up to date.

    Cases, notices, tickets … alike (domain.streams): each folds with its own type's
    rules, and an event of one type never joins a stream of another.
    """

    def __init__(self, conn: sa.Connection | None, stream_ids: Iterable[str],
                 rows: Iterable[Any] = ()) -> None:
        """The streams' stored events read with `conn`, or given as `rows` (read with
        the batch's other look-up: server.push._look_up)."""
        self.hall: dict[str, str] = {}
        self.events: dict[str, list[ev.Event]] = {}
        self.folded: dict[str, Any] = {}
        ids = sorted(set(stream_ids))
        if conn is not None:
            rows = [r for i in range(0, len(ids), 500)
                    for r in conn.execute(sa.select(db.events).where(_in_streams(ids[i:i + 500]))
                                          .order_by(db.events.c.server_seq))]
        for row in rows:
            self.hall.setdefault(row.case_id, row.hall_code)
            self.events.setdefault(row.case_id, []).append(_event_of(row))
        for sid, evs in self.events.items():
            self.events[sid], self.folded[sid] = fold_tolerant(evs, sid)

    def stream_of(self, stream_id: str) -> str | None:
        evs = self.events.get(stream_id)
        return streams.stream_name(evs[0].kind) if evs else None

    def apply(self, e: ev.Event) -> bool:
        """Fold `e` in; a payload the fold cannot read is refused and changes nothing."""
        kind_stream = streams.stream_name(e.kind)
        if self.stream_of(e.case_id) not in (None, kind_stream):
            raise Refusal("malformed: event of another stream type")
        state = self.folded.get(e.case_id) or streams.get(kind_stream).empty(e.case_id)
        try:
            legal = streams.apply(state, e)
        except Exception as exc:  # InvalidEvent, or a fold bug: this event alone is refused
            old = self.events.get(e.case_id, [])
            if old:
                self.folded[e.case_id] = streams.fold(old, e.case_id)
            else:
                self.folded.pop(e.case_id, None)
            if not isinstance(exc, InvalidEvent):
                log.warning("fold failed on a pushed %s: %s", e.kind, type(exc).__name__)
            raise Refusal(f"malformed: payload ({exc})"[:200]) from exc
        self.folded[e.case_id] = state
        self.events.setdefault(e.case_id, []).append(e)
        return legal


def fold_tolerant(evs: list[ev.Event], sid: str) -> tuple[list[ev.Event], Any]:
    """The stream's state from stored events, leaving out any its type can no longer
    fold (stored before a check existed): one such event never stops a hall's pushes."""
    try:
        return evs, streams.fold(evs, sid)
    except Exception:  # slow path, only for a stream that holds such an event
        good: list[ev.Event] = []
        for e in evs:
            try:
                streams.fold([*good, e], sid)
            except Exception as exc:
                log.warning("stored event %s of stream %s cannot be folded (%s): left out",
                            e.id, sid, type(exc).__name__)
                continue
            good.append(e)
        return good, streams.fold(good, sid) if good else None


def _event_of(row: Any) -> ev.Event:
    return ev.Event(
        id=row.id, case_id=row.case_id, kind=row.kind, payload=json.loads(row.payload),
        expected_state=row.expected_state, terminal_id=row.terminal_id,
        terminal_seq=int(row.terminal_seq), staff_id=row.staff_id,
        recorded_at=row.recorded_at, window_id=row.window_id, server_seq=int(row.server_seq),
        verdict=row.verdict)


def _in_streams(stream_ids: Sequence[str]) -> Any:
    """The stored events of these streams (hall node, issue 11: an event its upstream
    refused has left its stream)."""
    return sa.and_(db.events.c.case_id.in_(stream_ids), db.events.c.verdict != "refused")


def _look_up(conn: sa.Connection, ids: Sequence[str], stream_ids: Sequence[str]
             ) -> tuple[dict[str, Any], StreamBook]:
    """The batch's events the server already has, and its streams' stored events: one
    read for a batch of ordinary size (a push does this under the writer lock)."""
    ids = [i for i in ids if not has_nul(i)]
    streams_ = sorted(set(stream_ids))
    if len(ids) > 500 or len(streams_) > 500:
        return _known(conn, ids), StreamBook(conn, streams_)
    e = db.events
    rows = list(conn.execute(sa.select(e).where(sa.or_(e.c.id.in_(ids),
                                                       _in_streams(streams_)))
                             .order_by(e.c.server_seq)))
    wanted, in_stream = set(ids), set(streams_)
    known = {r.id: r for r in rows if r.id in wanted}
    # (as the SQL says it: a NULL verdict is not "not refused")
    mine = [r for r in rows if r.case_id in in_stream and r.verdict is not None
            and r.verdict != "refused"]
    return known, StreamBook(None, streams_, mine)


def _known(conn: sa.Connection, ids: Sequence[str]) -> dict[str, Any]:
    """The stored rows of the events among `ids` the server already has."""
    out = {}
    ids = [i for i in ids if not has_nul(i)]
    for i in range(0, len(ids), 500):
        q = sa.select(db.events).where(db.events.c.id.in_(ids[i:i + 500]))
        out.update({r.id: r for r in conn.execute(q)})
    return out


def store_batch(conn: sa.Connection, hall_code: str, pusher_id: str, max_seq: int,
                rows: Sequence[Any], lineage: Sequence[str] = (), relay: Any = None
                ) -> Outcome:
    """Store a batch for a terminal of `hall_code` (writer transaction held by the caller).

    Per event, in this order: its fields (malformed?), whose it is (the pusher's own, of
    the pusher's hall), then dedupe by id — an event the server already has is answered
    with its first seq only if it is the pusher's (or a terminal it re-enrolled in place
    of, `lineage`) and says the same; anything else with a known id is refused exactly as
    an altered replay, so no id of another terminal or hall can be probed. Then the
    stream's checks and the fold.

    `relay` (server.relay.Relay): the batch comes from a hall node on behalf of its
    terminals; the node's identity rules replace the one-terminal ones.
    """
    out = Outcome()
    ids = [r.get("id") for r in rows if isinstance(r, dict) and isinstance(r.get("id"), str)]
    mine = {pusher_id, *lineage}
    known, book = _look_up(conn, ids, [
        r["case_id"] for r in rows if isinstance(r, dict)
        and isinstance(r.get("case_id"), str) and not has_nul(r["case_id"])])
    seq = db.current_seq(conn)
    now = now_iso()
    new_events, touched = [], set()
    roles_of = rulings.for_rows(conn, hall_code, rows)
    for raw in rows:
        try:
            e = read_event(raw)
            if relay is not None:  # hall node (issue 11): its terminals' original identity
                relay.check(e)
                owners = {e.terminal_id}
            elif e.terminal_id != pusher_id:
                raise Refusal("wrong_terminal: event of another terminal")
            else:
                owners = mine
            stored = known.get(e.id)
            if stored is not None:
                if (stored.hall_code != hall_code or stored.terminal_id not in owners
                        or not same_event(stored, e, stored.terminal_id == e.terminal_id)):
                    raise Refusal("id_conflict: 事件编号已被使用，内容不同")
                out.results.append((int(stored.server_seq),
                                    "c" if stored.verdict == "conflict" else "a", None))
                # a re-enrolled terminal's restamped copy: its new seq is used up too
                max_seq = max(max_seq, e.terminal_seq)
                continue
            e = validate(raw)
            if relay is None and e.terminal_seq <= max_seq:
                raise Refusal("terminal_seq_backwards: 此终端的数据来自旧备份，请重新注册终端", "R")
            if len(json.dumps(e.payload, ensure_ascii=False)) > MAX_PAYLOAD:
                raise Refusal("malformed: payload too large")
            if book.hall.setdefault(e.case_id, hall_code) != hall_code:
                raise Refusal("foreign_case: 办件属于其他大厅")
            # the author's role, from the hall's staff records: a step taken offline that
            # they may not take is kept as a conflict (server.rulings)
            ruled = roles_of.refusal(e, book.folded.get(e.case_id))
            legal = book.apply(e if ruled is None else e.with_verdict(streams.CONFLICT))
        except Refusal as r:
            out.results.append((None, r.letter, r.reason))
            out.reenrol = out.reenrol or r.letter == "R"
            continue
        seq += 1
        verdict = "applied" if legal else "conflict"
        max_seq = max(max_seq, e.terminal_seq)
        known[e.id] = _Stored(e, seq, verdict, hall_code)
        touched.add(e.case_id)
        new_events.append(_event_row(e, seq, verdict, hall_code, pusher_id, now))
        out.results.append((seq, "a" if legal else "c", None))
        out.stored += 1
        if not legal:
            out.conflicts += 1
            # hall node (issue 11): a node that already called it a conflict raised the notice
            note = None if relay is not None and relay.node_raised(e) else \
                _conflict_notice(conn, book, e, hall_code, ruled)
            if note is not None:
                seq += 1
                touched.add(note.case_id)
                new_events.append(_event_row(note, seq, "applied", hall_code,
                                             note.terminal_id, now))
    from server import figure_rows, lookup

    key: str | None = None
    cal: Any = None
    if touched:  # the writes go together (server.trips): what they read, read before
        key, cal = lookup.key_of(conn), figure_rows.calendar(conn)
    with trips.together(conn):
        if new_events:
            conn.execute(db.events.insert(), new_events)
        _write_streams(conn, book, touched, hall_code, seq, now, key)
        figure_rows.write(conn, book.folded, touched, hall_code, cal)
        db.set_seq(conn, seq)
        if relay is None:
            conn.execute(db.terminals.update().where(db.terminals.c.id == pusher_id)
                         .where(db.terminals.c.max_seq < max_seq).values(max_seq=max_seq))
    return out


class _Stored:
    """An event stored earlier in this batch, shaped like its row (for a repeat in the
    same batch)."""

    def __init__(self, e: ev.Event, seq: int, verdict: str, hall: str) -> None:
        self.server_seq, self.verdict, self.hall_code = seq, verdict, hall
        self.terminal_id, self.terminal_seq = e.terminal_id, e.terminal_seq
        self.case_id, self.kind, self.expected_state = e.case_id, e.kind, e.expected_state
        self.payload = json.dumps(dict(e.payload), ensure_ascii=False)
        self.staff_id, self.window_id, self.recorded_at = e.staff_id, e.window_id, e.recorded_at


def _event_row(e: ev.Event, seq: int, verdict: str, hall: str, pusher: str,
               now: str) -> dict[str, Any]:
    return {"server_seq": seq, "id": e.id, "hall_code": hall, "case_id": e.case_id,
            "kind": e.kind, "payload": json.dumps(dict(e.payload), ensure_ascii=False),
            "expected_state": e.expected_state, "terminal_id": e.terminal_id,
            "terminal_seq": e.terminal_seq, "staff_id": e.staff_id, "window_id": e.window_id,
            "recorded_at": e.recorded_at, "verdict": verdict, "pushed_by": pusher,
            "received_at": now}


def system_terminal(hall: str, node_code: str | None = None) -> str:
    """The pseudo-terminal the server writes its own events as, per hall (notices).

    On a hall node it carries the node's code: the node's notices travel upstream, where
    they must never share terminal seqs with the upstream's own `srv-<hall>`.
    """
    return f"srv-{hall}" + (f"-n{node_code}" if node_code else "")


def _conflict_notice(conn: sa.Connection, book: StreamBook, e: ev.Event, hall: str,
                     ruled: str | None = None) -> ev.Event | None:
    """The `notice.raised` event for a step that landed as a conflict, folded into the
    book like any event, so it syncs to the hall and its resolution syncs back. `ruled`:
    why the author's role may not take the step (always worth a notice)."""
    state = book.folded[e.case_id]
    payload = dn.role_conflict(state, e, ruled) if ruled is not None else \
        streams.type_of(e.kind).on_conflict(state, e)
    if payload is None:
        return None
    tid = system_terminal(hall, db.node_code(conn))
    note = ev.Event(id=uuid7(), case_id=uuid7(), kind=dn.RAISED, payload=dict(payload),
                    expected_state=None, terminal_id=tid,
                    terminal_seq=db.next_named(conn, f"srv:{hall}"), staff_id="system",
                    recorded_at=ev.now_iso(dt.datetime.now(ev.CHINA_TZ)))
    book.apply(note)
    book.hall[note.case_id] = hall
    return note


def _write_streams(conn: sa.Connection, book: StreamBook, touched: set[str], hall: str,
                   seq: int, now: str, key: str | None = None) -> None:
    """The server's row per stream (`cases`): hall, type, state — what the back office
    lists and what a new terminal's snapshot calls live. `key`: the lookup key
    (server.lookup), given by a caller whose writes go together (server.trips)."""
    if not touched:
        return
    ids = sorted(touched)
    from server import lookup

    key = lookup.key_of(conn) if key is None else key
    rows = []
    for sid in ids:
        st = book.folded[sid]
        rows.append({"id": sid, "hall_code": hall, "stream": book.stream_of(sid),
                     "state": streams.get(book.stream_of(sid)).state_of(st),
                     "case_number": getattr(st, "case_number", None) or None,
                     "item_name": getattr(st, "item_name", None) or None,
                     "conflicts": len(getattr(st, "conflicts", ())), "last_seq": seq,
                     "updated_at": now,
                     "department": getattr(st, "department", None) or None,
                     "slip_number": getattr(st, "slip_number", None) or None,
                     "applicant_key": lookup.applicant_key(
                         key, (getattr(st, "applicant", None) or {}).get("id_number"))})
    # a stream's hall and type never change: a row that exists gets the rest
    db.upsert(conn, db.cases, rows, "id", ("state", "conflicts", "last_seq", "updated_at",
                                           "case_number", "item_name", "department",
                                           "slip_number", "applicant_key"))
