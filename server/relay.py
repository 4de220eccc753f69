"""The upstream's side of a hall node: its pushes on behalf of its terminals, its pulls.

A node's token is a terminal row with role `node`. Its pushes carry the hall of the
batch; every event keeps its original terminal id and sequence, so the upstream cannot
use the one-terminal rules (the event's terminal is the pusher; its seq only goes up).
Instead (docs/hall-node.md, "Forwarding exactly once"):

- the hall must be in the node's scope (its hall and those below it);
- an event of this server's own pseudo-terminals, of a terminal enrolled here, or of a
  terminal whose events another pusher has already brought, is refused;
- a (terminal_id, terminal_seq) already stored under another event id is refused alone.

Dedupe by id still comes first (server.push): a node that lost an answer pushes again
and hears what it was told the first time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from server import backoffice, db, halls, push
from server.auth import Terminal
from server.pull import _EVENT_COLS, DEFAULT_LIMIT, MAX_LIMIT, wire_event
from sync import wire


class OutOfScope(PermissionError):
    """A node pushed for a hall outside its scope (HTTP 403)."""


class Relay:
    """One forwarded batch: whose events may be in it, and what the node decided."""

    def __init__(self, conn: sa.Connection, node: Terminal, hall: str,
                 rows: Sequence[Any]) -> None:
        self.node = node
        dicts = [r for r in rows if isinstance(r, dict)]
        self.node_verdicts = {r.get("id"): r.get("verdict") for r in dicts}
        tids = sorted({r["terminal_id"] for r in dicts if isinstance(r.get("terminal_id"), str)})
        e, t = db.events, db.terminals
        self.owner: dict[str, str] = {}  # terminal → who brought its events; others win
        self.taken: dict[tuple[str, int], str] = {}
        for i in range(0, len(tids), 200):
            for r in conn.execute(sa.select(e.c.terminal_id, e.c.pushed_by).where(
                    e.c.terminal_id.in_(tids[i:i + 200])).group_by(e.c.terminal_id,
                                                                   e.c.pushed_by)):
                if r.pushed_by != node.id:
                    self.owner[r.terminal_id] = r.pushed_by
                else:
                    self.owner.setdefault(r.terminal_id, node.id)
        self.local = {r[0] for r in conn.execute(sa.select(t.c.id).where(t.c.id.in_(tids)))}
        self.reserved = {push.system_terminal(hall, db.node_code(conn)),
                         push.system_terminal(hall), backoffice.backoffice_terminal(hall)}
        seqs: dict[str, list[int]] = {}
        for r in dicts:
            if isinstance(r.get("terminal_seq"), int) and r.get("terminal_id") in self.owner:
                seqs.setdefault(r["terminal_id"], []).append(r["terminal_seq"])
        for tid, ss in seqs.items():
            for i in range(0, len(ss), 500):
                for r in conn.execute(sa.select(e.c.id, e.c.terminal_seq).where(
                        e.c.terminal_id == tid, e.c.terminal_seq.in_(ss[i:i + 500]))):
                    self.taken[(tid, int(r.terminal_seq))] = r.id

    def check(self, e: Any) -> None:
        """Refuse an event this node may not bring (push.Refusal); note the rest."""
        tid = e.terminal_id
        if tid in self.reserved or tid in self.local:
            raise push.Refusal("wrong_terminal: 此终端不经由本节点上传")
        owner = self.owner.setdefault(tid, self.node.id)
        if owner != self.node.id:
            raise push.Refusal("wrong_terminal: 此终端的数据已由其他服务器上传")
        other = self.taken.setdefault((tid, e.terminal_seq), e.id)
        if other != e.id:
            raise push.Refusal("terminal_seq_taken: 终端序号已被另一事件使用（终端可能由旧备份恢复）")

    def node_raised(self, e: Any) -> bool:
        """The node called this event a conflict already, and raised the notice itself."""
        return self.node_verdicts.get(e.id) == "conflict"


def store(conn: sa.Connection, node: Terminal, hall: Any, rows: Sequence[Any]) -> push.Outcome:
    """Store a node's batch for `hall` (writer transaction); OutOfScope if it may not."""
    if not isinstance(hall, str) or hall not in halls.scope(conn, node.hall_code):
        raise OutOfScope(f"大厅 {str(hall)[:32]} 不在本节点的范围内")
    return push.store_batch(conn, hall, node.id, 0, rows, relay=Relay(conn, node, hall, rows))


# --- a node's pull ------------------------------------------------------------------------

def pull_page(conn: sa.Connection, node: Terminal, cursor: int,
              limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """The changes after `cursor` in the node's scope, at most `limit` rows.

    The same paging as a terminal's (server.pull): rows up to the change counter read
    first, a list that overflowed cuts the page at its limit-th seq. Unlike a terminal's:
    events of every hall in scope with their hall (`eh`), reference rows with their hall,
    and of the node's own forwarded events only those re-emitted here since (`own`, by id),
    because a node learns seqs and verdicts from its push answers.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    top = db.current_seq(conn)
    scope = halls.scope(conn, node.hall_code)
    e, r = db.events, db.reference
    evs = list(conn.execute(sa.select(
        *(e.c[c] for c in _EVENT_COLS), e.c.pushed_by, e.c.hall_code).where(
        e.c.hall_code.in_(scope), e.c.server_seq > cursor, e.c.server_seq <= top,
        sa.or_(e.c.pushed_by != node.id, e.c.first_seq.is_not(None)))
        .order_by(e.c.server_seq).limit(limit + 1)))
    refs = list(conn.execute(sa.select(r).where(
        r.c.hall_code.in_([*scope, db.ALL_HALLS]), r.c.change_seq > cursor,
        r.c.change_seq <= top).order_by(r.c.change_seq).limit(limit + 1)))
    full = [int(x[limit - 1].server_seq if x is evs else x[limit - 1].change_seq)
            for x in (evs, refs) if len(x) > limit]
    nxt = min(full) if full else top
    evs = [x for x in evs if x.server_seq <= nxt]
    refs = [x for x in refs if x.change_seq <= nxt]
    foreign = [x for x in evs if x.pushed_by != node.id]
    own = [x for x in evs if x.pushed_by == node.id]
    page: dict[str, Any] = {"cursor": max(nxt, cursor), "more": bool(full),
                            "events": None, "own": None, "ref": [], "notices": []}
    if foreign:
        page["events"] = wire.pack_events([wire_event(x) for x in foreign])
        page["eh"] = wire.pack_values([x.hall_code for x in foreign])
    if own:
        page["own"] = {"ids": wire.pack_ids([x.id for x in own]),
                       "s": wire.pack_seqs([int(x.server_seq) for x in own]),
                       "v": "".join(wire.VERDICT_LETTER.get(x.verdict, "a") for x in own)}
    page["ref"] = [[x.hall_code, x.kind, x.id, json.loads(x.data) if x.data is not None
                    else None] for x in refs]
    return page

