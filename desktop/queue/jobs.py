"""The counter's queue work as plain functions (no Qt), run on desktop.tasks lanes.

Reads take the reader's `Replica`, steps the writer's `CaseStore` — the same split as
desktop.counter.jobs — so the panel never blocks on SQLite and tests run them inline.
Calling the next ticket is not here: it needs the server's verdict and runs on the I/O
lane (sync.queue_claim.call_next).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from domain import numbering, queue_order
from domain import tickets as tk
from domain import window_state as ws
from domain.application import Actor
from domain.errors import DomainError, IllegalTransition
from domain.queue_rules import QueueRules
from sync import queue, reference, tickets
from sync.replica import Replica
from sync.store import CaseStore

Row = dict[str, Any]


@dataclass(frozen=True)
class PanelState:
    """What the queue panel shows for one window."""

    window_id: str
    zones: tuple[str, ...]
    current: Row | None  # the ticket on call or being served here
    waiting: list[Row] = field(default_factory=list)  # who waits for this window, next first
    paused: bool = False
    pause_reason: str = ""
    rules: QueueRules = field(default_factory=QueueRules)

    @property
    def can_mark_no_show(self) -> bool:
        return self.current is not None and queue.no_show_allowed(self.current, self.rules)


def panel_state(replica: Replica, window_id: str, now: dt.datetime) -> PanelState:
    """The window's current ticket and its queue, best first (domain.queue_order)."""
    catalog = reference.load_catalog(replica)
    rules = tickets.load_rules(replica)
    window = catalog.window(window_id)
    if window is None:
        return PanelState(window_id, (), None, rules=rules)
    day = now.date().isoformat()
    zones = rules.zones_of(window)
    rows = {r["id"]: r for r in tickets.waiting(replica, day, zones)}
    order = queue_order.candidates([tickets.as_waiting(r) for r in rows.values()], window_id,
                                   zones, rules, now, day)
    st = tickets.window_states(replica, day).get(window_id) or {}
    return PanelState(window_id, zones, tickets.at_window(replica, day, window_id),
                      [rows[w.id] for w in order], st.get("state") == ws.PAUSE,
                      st.get("reason") or "", rules)


def _current(store: CaseStore, window_id: str) -> Row:
    row = tickets.at_window(store.replica, store.clock().date().isoformat(), window_id)
    if row is None:
        raise IllegalTransition("本窗口当前没有呼叫中的号", code="queue.no_current")
    return row


def step_current(store: CaseStore, window_id: str, kind: str, actor: Actor,
                 extra: Mapping[str, Any] | None = None) -> tk.Ticket:
    """Recall, no-show, start, end or transfer the window's current ticket."""
    row = _current(store, window_id)
    if kind == tk.NO_SHOW and not queue.no_show_allowed(row, tickets.load_rules(store.replica)):
        need = tickets.load_rules(store.replica).no_show_after
        raise IllegalTransition(f"重呼{need}次后才能标记过号", code="queue.no_show_early")
    if kind == tk.STARTED and row["state"] == tk.SERVING:
        return _fold(store, row["id"])  # already being served here: nothing to record
    return queue.step(store, row["id"], kind, window_id, actor, extra)


def _fold(store: CaseStore, ticket_id: str) -> tk.Ticket:
    from sync.projection import load_stream

    t = load_stream(store.replica, ticket_id)
    assert t is not None
    return t


def set_paused(store: CaseStore, window_id: str, actor: Actor, reason: str | None,
               note: str = "") -> ws.WindowDay:
    """Pause the window with a reason (None: resume)."""
    r = store.replica
    day = store.clock().date().isoformat()
    sid = ws.window_stream_id(r.identity().hall_code, window_id, day)
    if reason is None:
        _, w = store.record(sid, ws.RESUMED, {"window": window_id}, actor)
    else:
        _, w = store.record(sid, ws.PAUSED, {"window": window_id, "reason": reason,
                                             "note": note}, actor)
    return w


def take_walk_in(store: CaseStore, zone_id: str, actor: Actor, *, priority: str = "",
                 serve_here: bool = False) -> tk.Ticket:
    """A ticket for a citizen who came to the window without one; served at once if asked."""
    with store.replica.transaction():
        t = queue.take(store, zone_id, actor, priority=priority, channel="counter")
        if serve_here and actor.window_id:
            t = queue.step(store, t.id, tk.STARTED, actor.window_id, actor)
    return t


def serve_slip(store: CaseStore, text: str, window_id: str, actor: Actor) -> tk.Ticket | None:
    """A slip of today scanned at the window: its ticket is being served here.

    Works with no server at all (the ticket id comes from the slip): the kiosk's ticket
    joins this step when sync catches up. Anything else — not a slip, another day's,
    already served here or finished — is left alone (None).
    """
    t = text.strip()
    if not numbering.looks_like_number(t):
        return None
    try:
        parsed = numbering.parse(t)
    except DomainError:
        return None
    if parsed.kind != "slip" or parsed.day != store.clock().date():
        return None
    tid = tk.ticket_id_for_slip(parsed.number)
    row = tickets.ticket(store.replica, tid)
    if row is not None and (row["state"] not in (tk.WAITING, tk.ON_CALL, tk.MISSED)):
        return None
    payload: dict[str, Any] = {"slip_number": parsed.number,
                               "case_id": numbering.case_id_for_slip(parsed.number)}
    try:
        return queue.step(store, tid, tk.STARTED, window_id, actor, payload)
    except DomainError:
        return None
