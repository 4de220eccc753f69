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

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from domain import case as dcase
from domain import events as ev
from domain import lifecycle as lc
from domain.ids import uuid7
from server import db
from server.auth import now_iso

log = logging.getLogger(__name__)

MAX_PAYLOAD = 64 * 1024
_FIELD_MAX = 64


class Refusal(Exception):
    def __init__(self, reason: str, letter: str = "r") -> None:
        super().__init__(reason)
        self.reason, self.letter = reason, letter


@dataclass
class Outcome:
    """Per-event answers in request order: (server_seq, letter, reason)."""

    results: list[tuple[int | None, str, str | None]] = field(default_factory=list)
    stored: int = 0
    conflicts: int = 0
    reenrol: bool = False


def validate(raw: dict[str, Any]) -> ev.Event:
    """An Event from a wire dict, or Refusal("malformed: …")."""
    try:
        e = ev.Event.from_wire(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise Refusal(f"malformed: {type(exc).__name__}") from exc
    for name in ("id", "case_id", "terminal_id", "staff_id"):
        v = getattr(e, name)
        if not isinstance(v, str) or not v or len(v) > _FIELD_MAX:
            raise Refusal(f"malformed: {name}")
    if e.window_id is not None and (not isinstance(e.window_id, str) or len(e.window_id) > 64):
        raise Refusal("malformed: window_id")
    if e.kind not in ev.ALL_KINDS:
        raise Refusal("malformed: unknown kind")
    if e.expected_state is not None and e.expected_state not in lc.STATES:
        raise Refusal("malformed: expected_state")
    if not isinstance(e.payload, dict):
        raise Refusal("malformed: payload")
    if not 0 < e.terminal_seq < 2**62:
        raise Refusal("malformed: terminal_seq")
    try:
        if not isinstance(e.recorded_at, str) or len(e.recorded_at) > 40:
            raise ValueError
        e.local_date  # noqa: B018 - parses the timestamp the fold will need
    except (ValueError, TypeError) as exc:
        raise Refusal("malformed: recorded_at") from exc
    return e


class CaseBook:
    """The cases a batch touches: their stored events, folded once, kept up to date."""

    def __init__(self, conn: sa.Connection, case_ids: Iterable[str]) -> None:
        self.hall: dict[str, str] = {}
        self.events: dict[str, list[ev.Event]] = {}
        self.folded: dict[str, dcase.Case] = {}
        ids = sorted(set(case_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for row in conn.execute(sa.select(db.events).where(db.events.c.case_id.in_(chunk))
                                    .order_by(db.events.c.server_seq)):
                self.hall.setdefault(row.case_id, row.hall_code)
                self.events.setdefault(row.case_id, []).append(_event_of(row))
        for cid, evs in self.events.items():
            self.folded[cid] = dcase.fold(evs, cid)

    def apply(self, e: ev.Event) -> bool:
        """Fold `e` in; a payload the fold cannot read is refused and changes nothing."""
        case = self.folded.get(e.case_id) or dcase.Case(id=e.case_id)
        try:
            legal = dcase.apply(case, e)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            self.folded[e.case_id] = dcase.fold(self.events.get(e.case_id, []), e.case_id)
            raise Refusal(f"malformed: payload ({type(exc).__name__})") from exc
        self.folded[e.case_id] = case
        self.events.setdefault(e.case_id, []).append(e)
        return legal


def _event_of(row: Any) -> ev.Event:
    return ev.Event(
        id=row.id, case_id=row.case_id, kind=row.kind, payload=json.loads(row.payload),
        expected_state=row.expected_state, terminal_id=row.terminal_id,
        terminal_seq=int(row.terminal_seq), staff_id=row.staff_id,
        recorded_at=row.recorded_at, window_id=row.window_id, server_seq=int(row.server_seq))


def _known(conn: sa.Connection, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
    out = {}
    for i in range(0, len(ids), 500):
        q = sa.select(db.events.c.id, db.events.c.server_seq, db.events.c.verdict).where(
            db.events.c.id.in_(ids[i:i + 500]))
        out.update({r.id: (int(r.server_seq), r.verdict) for r in conn.execute(q)})
    return out


def store_batch(conn: sa.Connection, hall_code: str, pusher_id: str, max_seq: int,
                rows: Sequence[Any]) -> Outcome:
    """Store a batch for a terminal of `hall_code` (writer transaction held by the caller)."""
    out = Outcome()
    ids = [r.get("id") for r in rows if isinstance(r, dict) and isinstance(r.get("id"), str)]
    known = _known(conn, ids)
    book = CaseBook(conn, [r["case_id"] for r in rows
                           if isinstance(r, dict) and isinstance(r.get("case_id"), str)])
    seq = db.current_seq(conn)
    now = now_iso()
    new_events, new_notices, touched = [], [], set()
    for raw in rows:
        try:
            rid = raw.get("id") if isinstance(raw, dict) else None
            if rid in known:
                s, verdict = known[rid]
                out.results.append((s, "c" if verdict == "conflict" else "a", None))
                continue
            e = validate(raw)
            if e.terminal_id != pusher_id:
                raise Refusal("wrong_terminal: event of another terminal")
            if e.terminal_seq <= max_seq:
                raise Refusal("terminal_seq_backwards: 此终端的数据来自旧备份，请重新注册终端", "R")
            if len(json.dumps(e.payload, ensure_ascii=False)) > MAX_PAYLOAD:
                raise Refusal("malformed: payload too large")
            if book.hall.setdefault(e.case_id, hall_code) != hall_code:
                raise Refusal("foreign_case: 办件属于其他大厅")
            legal = book.apply(e)
        except Refusal as r:
            out.results.append((None, r.letter, r.reason))
            out.reenrol = out.reenrol or r.letter == "R"
            continue
        seq += 1
        verdict = "applied" if legal else "conflict"
        max_seq = max(max_seq, e.terminal_seq)
        known[e.id] = (seq, verdict)
        touched.add(e.case_id)
        new_events.append(_event_row(e, seq, verdict, hall_code, pusher_id, now))
        out.results.append((seq, "a" if legal else "c", None))
        out.stored += 1
        if not legal:
            out.conflicts += 1
            seq += 1
            new_notices.append(_notice_row(book.folded[e.case_id], e, seq, hall_code, now))
    if new_events:
        conn.execute(db.events.insert(), new_events)
    if new_notices:
        conn.execute(db.notices.insert(), new_notices)
    _write_cases(conn, book, touched, hall_code, seq, now)
    conn.execute(db.counters.update().where(db.counters.c.name == "change_seq")
                 .values(value=seq))
    conn.execute(db.terminals.update().where(db.terminals.c.id == pusher_id)
                 .where(db.terminals.c.max_seq < max_seq).values(max_seq=max_seq))
    return out


def _event_row(e: ev.Event, seq: int, verdict: str, hall: str, pusher: str,
               now: str) -> dict[str, Any]:
    return {"server_seq": seq, "id": e.id, "hall_code": hall, "case_id": e.case_id,
            "kind": e.kind, "payload": json.dumps(dict(e.payload), ensure_ascii=False),
            "expected_state": e.expected_state, "terminal_id": e.terminal_id,
            "terminal_seq": e.terminal_seq, "staff_id": e.staff_id, "window_id": e.window_id,
            "recorded_at": e.recorded_at, "verdict": verdict, "pushed_by": pusher,
            "received_at": now}


def _notice_row(case: dcase.Case, e: ev.Event, seq: int, hall: str, now: str) -> dict[str, Any]:
    """A notice for the hall's supervisor: which case, who, what clashed (no personal data)."""
    text = (f"办件{case.case_number or e.case_id[:8]}：{e.staff_id}在终端{e.terminal_id[:8]}的"
            f"「{lc.kind_label(e.kind)}」（期望{lc.state_label(e.expected_state)}）"
            f"与服务器上的状态「{lc.state_label(case.state)}」冲突，未生效，请核实处理")
    return {"id": uuid7(), "hall_code": hall, "kind": "conflict", "case_id": e.case_id,
            "event_id": e.id, "text": text, "created_at": now, "change_seq": seq}


def _write_cases(conn: sa.Connection, book: CaseBook, touched: set[str], hall: str,
                 seq: int, now: str) -> None:
    if not touched:
        return
    existing = set()
    ids = sorted(touched)
    for i in range(0, len(ids), 500):
        existing.update(r[0] for r in conn.execute(
            sa.select(db.cases.c.id).where(db.cases.c.id.in_(ids[i:i + 500]))))
    inserts, updates = [], []
    for cid in ids:
        c = book.folded[cid]
        row = {"id": cid, "hall_code": hall, "state": c.state, "case_number": c.case_number,
               "item_name": c.item_name, "conflicts": len(c.conflicts), "last_seq": seq,
               "updated_at": now}
        (updates if cid in existing else inserts).append(row)
    if inserts:
        conn.execute(db.cases.insert(), inserts)
    if updates:
        t = db.cases
        cols = ("state", "conflicts", "last_seq", "updated_at", "case_number", "item_name")
        conn.execute(t.update().where(t.c.id == sa.bindparam("b_id")).values(
            {c: sa.bindparam(f"b_{c}") for c in cols}),
            [{f"b_{k}": v for k, v in u.items() if k != "hall_code"} for u in updates])
