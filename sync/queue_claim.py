"""Calling the next ticket: a claim the hall's server decides, retried at once on a clash.

    pull (a fresh view) → record `ticket.called` for the best candidate → push →
    applied: it is ours.  conflict: another window called it first in the server's
    order — try the next candidate straight away, without waiting for a pull.

Two counters pressing "next" together both claim the same first candidate; the
server's single writer orders the two pushes, the first applies, the second comes back
a conflict within the same round trip and its counter claims the following ticket —
one more LAN round trip, no notice, no person involved.

No server, no call: an enrolled counter that reaches neither its node nor the city
cannot know whether another window called the ticket, so it calls nobody (`NoServer`);
the clerk serves the citizen in front of the window by scanning the slip. If the link
drops between recording a claim and hearing the verdict, the claim is withdrawn in the
same breath (`ticket.released` queued behind it): whichever way the server decided,
the ticket ends up waiting again. A standalone terminal (a one-PC village station) is
its own hall and decides locally.

One thread, own replica connection (like sync.client): the CLI runs it directly, the
counter on its I/O lane.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from collections.abc import Callable
from dataclasses import dataclass, field

from domain import events as ev
from domain import queue_order
from domain import tickets as tk
from domain.application import Actor
from domain.errors import DomainError
from sync import reference, tickets
from sync.client import Offline, SyncClient, SyncRefused
from sync.lock import LockBusy, sync_lock
from sync.replica import ENROLLED
from sync.store import CaseStore

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


class NobodyWaiting(DomainError):
    code = "queue.nobody_waiting"


class NoServer(DomainError):
    """No server decided the call: nobody was called."""

    code = "queue.no_server"


@dataclass
class CallResult:
    ticket_id: str
    number: str
    window_id: str
    zone: str
    decided_by: str  # "server" | "local"
    attempts: int
    lost_to_others: list[str] = field(default_factory=list)
    case_id: str = ""


def _pick(client: SyncClient, window_id: str, now: dt.datetime, skip: set[str],
          only: str | None) -> tickets.Row:
    r = client.replica
    catalog = reference.load_catalog(r)
    window = catalog.window(window_id)
    if window is None:
        raise DomainError(f"没有这个窗口: {window_id}", code="queue.unknown_window")
    rules = tickets.load_rules(r)
    day = now.date().isoformat()
    if only is not None:
        row = tickets.ticket(r, only)
        if row is None or row["state"] != tk.WAITING or only in skip:
            raise NobodyWaiting("此号已被呼叫或不在等候中", code="queue.not_waiting")
        return row
    zones = rules.zones_of(window)
    rows = {x["id"]: x for x in tickets.waiting(r, day, zones) if x["id"] not in skip}
    best = queue_order.candidates((tickets.as_waiting(x) for x in rows.values()), window_id,
                                  zones, rules, now, day)
    if not best:
        raise NobodyWaiting("没有等候的群众", code="queue.nobody_waiting")
    return rows[best[0].id]


def _verdict(client: SyncClient, event_id: str) -> str | None:
    row = client.replica.conn.execute("SELECT verdict FROM events WHERE id = pack_id(?)",
                                      (event_id,)).fetchone()
    return row[0] if row else None


def call_next(data_dir: pathlib.Path | str, window_id: str, staff_id: str, *,
              ticket_id: str | None = None, clock: Callable[[], dt.datetime] | None = None,
              finish_current: bool = True, fresh: bool = True, lock_timeout: float = 5.0,
              max_attempts: int = MAX_ATTEMPTS) -> CallResult:
    """Call the best waiting ticket for `window_id` (or `ticket_id` in particular).

    With `finish_current`, the window's current ticket (called or being served) ends
    first: "next" means the citizen at the window is done, whatever the server says.
    `fresh=False` skips the pull before the first claim (one round trip less when the
    replica was pulled a moment ago; a stale view only costs a retry).
    Raises NobodyWaiting, NoServer, or a DomainError (unknown window).
    """
    clock = clock or (lambda: dt.datetime.now(ev.CHINA_TZ))
    client = SyncClient(data_dir)
    try:
        me = client.replica.identity()
        actor = Actor(staff_id, me.terminal_id, window_id)
        store = CaseStore(client.replica, clock=clock)
        if finish_current:
            finish(store, window_id, actor)
        if me.mode != ENROLLED:
            row = _pick(client, window_id, clock(), set(), ticket_id)
            store.record(row["id"], tk.CALLED, {"window": window_id}, actor)
            return CallResult(row["id"], row["number"], window_id, row["zone"], "local", 1,
                              case_id=row["case_id"] or "")
        try:
            with sync_lock(data_dir).acquire(timeout=lock_timeout):
                return _claim(client, store, actor, window_id, clock, ticket_id, max_attempts,
                              fresh)
        except LockBusy as exc:
            raise NoServer("同步正忙，请稍后再叫号") from exc
    finally:
        client.close()


def _claim(client: SyncClient, store: CaseStore, actor: Actor, window_id: str,
           clock: Callable[[], dt.datetime], only: str | None, max_attempts: int,
           fresh: bool) -> CallResult:
    if fresh:
        try:
            client.pull()
        except (Offline, SyncRefused) as exc:
            raise NoServer(f"无法连接服务器，不能叫号（可扫描告知单办理）: {exc}") from exc
    lost: list[str] = []
    for attempt in range(1, max_attempts + 1):
        row = _pick(client, window_id, clock(), set(lost), only)
        e, _ = store.record(row["id"], tk.CALLED, {"window": window_id}, actor)
        try:
            client.push()
        except (Offline, SyncRefused) as exc:
            _withdraw(store, row["id"], window_id, actor)
            raise NoServer(f"服务器未确认叫号，已撤回: {exc}") from exc
        verdict = _verdict(client, e.id)
        if verdict == "applied":
            _pull_quietly(client)
            return CallResult(row["id"], row["number"], window_id, row["zone"], "server",
                              attempt, lost, case_id=row["case_id"] or "")
        if verdict != "conflict":  # refused, or no answer for it: nobody was called
            _withdraw(store, row["id"], window_id, actor)
            raise NoServer(f"服务器未接受叫号（{verdict or '无应答'}）")
        log.info("ticket %s went to another window first; calling the next", row["number"])
        lost.append(row["id"])
        if only is not None:
            raise NobodyWaiting("此号已被其他窗口呼叫", code="queue.not_waiting")
    _pull_quietly(client)
    raise NobodyWaiting("其他窗口同时叫号，请再按一次", code="queue.busy")


def finish(store: CaseStore, window_id: str, actor: Actor) -> tk.Ticket | None:
    """End the ticket the window has now, if any (called or being served)."""
    day = store.clock().date().isoformat()
    row = tickets.at_window(store.replica, day, window_id)
    if row is None:
        return None
    _, t = store.record(row["id"], tk.ENDED, {"window": window_id}, actor)
    return t


def _withdraw(store: CaseStore, ticket_id: str, window_id: str, actor: Actor) -> None:
    """Queue a release behind a claim nobody confirmed (see the module docstring)."""
    try:
        store.record(ticket_id, tk.RELEASED, {"window": window_id}, actor)
    except DomainError:  # the local fold no longer has it on call here: nothing to undo
        log.info("claim on %s needs no release", ticket_id)


def _pull_quietly(client: SyncClient) -> None:
    try:
        client.pull()
    except (Offline, SyncRefused) as exc:  # the call stands; the next round catches up
        log.info("pull after a call failed: %s", exc)
