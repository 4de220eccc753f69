"""A hall node's order of each stream: the upstream's, with its own pending events on top.

The rebase a terminal does with its server, one level up (docs/hall-node.md): a stream's
events the upstream has confirmed come first, in the upstream's order (`up_seq`), then
those still pending there, in the order this node received them; events the upstream
refused leave the stream. The node keeps its own `server_seq` order equal to that, so
everything reading by `server_seq` — the node's fold of a terminal's push, the pull pages
and snapshots its terminals get — folds the city's way without knowing about upstreams.

When the upstream's answers change a stream's order or verdicts, the tail from the first
difference is *re-emitted*: fresh seqs from the node's one change counter (so every
terminal's cursor still only moves forward and sees it), the first seq kept in
`first_seq`, the new verdict. Writer transaction only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from domain import events as ev
from domain import notices as dn
from domain import streams
from domain.ids import uuid7
from domain.streams import InvalidEvent
from server import db, push, rulings
from server.auth import now_iso

log = logging.getLogger(__name__)

REFUSED = "refused"


@dataclass
class Reordered:
    streams: int = 0  # streams whose rows were rewritten
    reemitted: int = 0  # events that took a new seq


def _arrival(r: Any) -> int:
    return int(r.first_seq if r.first_seq is not None else r.server_seq)


Ruling = Callable[[ev.Event, Any], str | None]


def canonical(rows: Sequence[Any], ruling: Ruling | None = None
              ) -> tuple[list[Any], list[str], list[tuple[Any, Any]]]:
    """A stream's events in canonical order, the verdict each should carry, and the
    conflict notices this node owes.

    Confirmed ones keep the upstream's verdict (and fold as it: a step the upstream ruled
    out for its author's role stays out here); pending ones get this node's fold's, its
    own role check (`ruling`: server.rulings) included (they
    are this node's provisional answer, as a terminal's pending steps are its own). A
    pending event that becomes a conflict here gets its notice from this node (the payload
    its stream's `on_conflict` makes): a node forwards `conflict` only for events whose
    notice it raised, which is what tells the upstream not to raise a second one.
    """
    out = [r for r in rows if r.up_verdict != REFUSED]
    known = sorted((r for r in out if r.up_seq is not None), key=lambda r: int(r.up_seq))
    pending = sorted((r for r in out if r.up_seq is None), key=_arrival)
    refused = sorted((r for r in rows if r.up_verdict == REFUSED), key=_arrival)
    order = known + pending
    verdicts: list[str] = []
    owed: list[tuple[Any, Any]] = []
    state: Any = None
    for r in order:
        confirmed = r.up_seq is not None and r.up_verdict in ("applied", "conflict")
        e = push._event_of(r)
        why = None if confirmed or ruling is None else ruling(e, state)
        e = e.with_verdict(r.up_verdict if confirmed else
                           streams.CONFLICT if why is not None else None)
        legal = True
        try:
            if state is None:
                state = streams.validate(e).empty(r.case_id)
            legal = streams.apply(state, e)
        except InvalidEvent:
            legal = False  # stored long ago by rules this version no longer has
        if confirmed:
            verdicts.append(r.up_verdict)
            continue
        verdicts.append("applied" if legal else "conflict")
        if not legal and r.verdict != "conflict":
            payload = (dn.role_conflict(state, e, why) if why is not None else
                       streams.type_of(e.kind).on_conflict(state, e)) if state is not None \
                else None
            if payload is not None:
                owed.append((r, payload))
    return order + refused, verdicts + [REFUSED] * len(refused), owed


def reorder(conn: sa.Connection, stream_ids: Iterable[str]) -> Reordered:
    """Bring these streams into canonical order, re-emit what changed, rewrite their rows."""
    ids = sorted(set(stream_ids))
    out = Reordered()
    if not ids:
        return out
    by_stream: dict[str, list[Any]] = {}
    e = db.events
    for i in range(0, len(ids), 500):
        for r in conn.execute(sa.select(e).where(e.c.case_id.in_(ids[i:i + 500]))):
            by_stream.setdefault(r.case_id, []).append(r)
    updates, owed = [], []
    books: dict[str, rulings.Rulings] = {}
    for sid in ids:
        rows = by_stream.get(sid, [])
        if not rows:
            continue
        hall = rows[0].hall_code
        if hall not in books:
            books[hall] = rulings.for_rows(conn, hall, [r for s in ids for r in
                                                        by_stream.get(s, ())
                                                        if r.hall_code == hall])
        current = sorted(rows, key=lambda r: int(r.server_seq))
        order, verdicts, notes = canonical(rows, books[hall].refusal)
        owed += notes
        first = next((i for i, r in enumerate(order)
                      if r.id != current[i].id or r.verdict != verdicts[i]), None)
        if first is None:
            continue
        tail = order[first:]
        seq = db.next_seqs(conn, len(tail))
        for k, r in enumerate(tail):
            updates.append({"b_id": r.id, "b_seq": seq + k, "b_first": _arrival(r),
                            "b_verdict": verdicts[first + k]})
        out.reemitted += len(tail)
    if updates:
        conn.execute(e.update().where(e.c.id == sa.bindparam("b_id")).values(
            server_seq=sa.bindparam("b_seq"), first_seq=sa.bindparam("b_first"),
            verdict=sa.bindparam("b_verdict")), updates)
    out.streams = write_rows(conn, ids)
    for r, payload in owed:
        raise_notice(conn, r.hall_code, payload)
    return out


def raise_notice(conn: sa.Connection, hall: str, payload: Mapping[str, Any]) -> None:
    """A `notice.raised` by this server's own pseudo-terminal, stored like any pushed
    event (so it folds, syncs to the hall and, on a node, travels upstream)."""
    tid = push.system_terminal(hall, db.node_code(conn))
    seq = db.next_named(conn, f"srv:{hall}")
    note = ev.Event(id=uuid7(), case_id=uuid7(), kind=dn.RAISED, payload=dict(payload),
                    expected_state=None, terminal_id=tid, terminal_seq=seq, staff_id="system",
                    recorded_at=ev.now_iso(dt.datetime.now(ev.CHINA_TZ)))
    push.store_batch(conn, hall, tid, seq - 1, [note.to_wire()])


def write_rows(conn: sa.Connection, stream_ids: Sequence[str]) -> int:
    """The server's row per stream (`cases`) from its events in `server_seq` order."""
    book = push.StreamBook(conn, stream_ids)
    seq, now = db.current_seq(conn), now_iso()
    by_hall: dict[str, set[str]] = {}
    for sid in stream_ids:
        if sid in book.folded:
            by_hall.setdefault(book.hall[sid], set()).add(sid)
    gone = [sid for sid in stream_ids if sid not in book.folded]
    if gone:  # every event of the stream was refused upstream
        conn.execute(db.cases.delete().where(db.cases.c.id.in_(gone)))
    for hall, sids in by_hall.items():
        push._write_streams(conn, book, sids, hall, seq, now)
    return len(stream_ids)
