"""Queue steps on a terminal: take a ticket, step it along, read the hall's queue.

Everything here writes through `sync.store.CaseStore.record` (event + outbox + row in
one transaction) and reads the `tickets` projection (sync.tickets); the one step that
needs the server's word — calling the next ticket — is sync.queue_claim.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain import announce, idnumber, queue_order, queue_rules
from domain import tickets as tk
from domain.application import Actor
from domain.catalog import Catalog, ServiceItem, Window
from domain.errors import DomainError
from domain.queue_rules import QueueRules
from sync import reference, tickets
from sync.replica import Replica
from sync.store import CaseStore


class UnknownZone(DomainError):
    code = "queue.unknown_zone"


class UnknownWindow(DomainError):
    code = "queue.unknown_window"


def find_zone(catalog: Catalog, text: str):  # type: ignore[no-untyped-def]
    """A zone by its id (Z1) or its ticket letter (A), as staff type it."""
    t = text.strip()
    zone = catalog.zone(t) or next((z for z in catalog.zones if z.prefix == t.upper()), None)
    if zone is None:
        raise UnknownZone(f"没有这个服务区: {text}")
    return zone


def find_window(catalog: Catalog, text: str) -> Window:
    """A window by its id (W03) or its number (03, 3)."""
    t = text.strip()
    w = catalog.window(t) or next((w for w in catalog.windows
                                   if w.no == t or w.no.lstrip("0") == t.lstrip("0")), None)
    if w is None:
        raise UnknownWindow(f"没有这个窗口: {text}")
    return w


def take(store: CaseStore, zone_id: str, actor: Actor, *, priority: str = "",
         appointment_at: str = "", channel: str = "counter", number: str = "",
         ticket_id: str | None = None, case_id: str = "", slip_number: str = "",
         item_no: str = "", now: dt.datetime | None = None) -> tk.Ticket:
    """Record a new ticket; staff tickets are numbered here (domain.queue_order).

    A kiosk passes the number it printed and the slip's ticket id
    (`tickets.ticket_id_for_slip`); numbering and the event share one transaction.
    """
    now = now or store.clock()
    r = store.replica
    catalog = reference.load_catalog(r)
    zone = catalog.zone(zone_id)
    if zone is None:
        raise UnknownZone(f"没有这个服务区: {zone_id}")
    day = now.date().isoformat()
    with r.transaction():
        if not number:
            local = r.next_counter(f"ticket:{day}:{zone.id}")
            number, serial = queue_order.staff_number(
                zone.prefix, tickets.numbers_taken(r, day, zone.id), local)
            if serial > local:  # another terminal's numbers were ahead: catch up
                r.conn.execute("UPDATE counters SET value=? WHERE name=?",
                               (serial, f"ticket:{day}:{zone.id}"))
        payload: dict[str, Any] = {"number": number, "zone": zone.id, "channel": channel}
        for key, value in (("priority", priority), ("appointment_at", appointment_at),
                           ("case_id", case_id), ("slip_number", slip_number),
                           ("item_no", item_no)):
            if value:
                payload[key] = value
        _, t = store.record(ticket_id or store.new_id(), tk.TAKEN, payload, actor, now=now)
    return t


def take_for_registration(store: CaseStore, item: ServiceItem, id_number: str, number: str,
                          slip_number: str, case_id: str, *, now: dt.datetime) -> tk.Ticket:
    """The kiosk's ticket for a registration, in the registration's transaction.

    Its id comes from the slip (a window that scans the slip offline names the same
    ticket); 70 and over by the ID card's birth date go first where the hall's rules say.
    """
    rules = tickets.load_rules(store.replica)
    try:
        birth = idnumber.parse(id_number).birth_date
    except DomainError:  # a passport or other document: no birth date to read
        birth = None
    me = store.replica.identity().terminal_id
    return take(store, item.zone, Actor("kiosk", me), number=number, channel="kiosk",
                ticket_id=tk.ticket_id_for_slip(slip_number), case_id=case_id,
                slip_number=slip_number, item_no=item.no, now=now,
                priority=queue_rules.priority_for_birth(birth, now.date(), rules))


def step(store: CaseStore, ticket_id: str, kind: str, window_id: str, actor: Actor,
         extra: Mapping[str, Any] | None = None, now: dt.datetime | None = None) -> tk.Ticket:
    """Any step of a window on a ticket (recall, no-show, start, end, transfer …)."""
    _, t = store.record(ticket_id, kind, {"window": window_id, **(extra or {})}, actor, now=now)
    return t


def no_show_allowed(row: Mapping[str, Any], rules: QueueRules) -> bool:
    """过号 only after the hall's number of recalls (重呼)."""
    return row.get("state") == tk.ON_CALL and int(row.get("recalls") or 0) >= rules.no_show_after


@dataclass(frozen=True)
class ZoneQueue:
    code: str
    name: str
    prefix: str
    waiting: int
    estimated_wait_min: int


def zone_queues(replica: Replica, catalog: Catalog, rules: QueueRules, day: str
                ) -> list[ZoneQueue]:
    """Waiting counts and an estimated wait per zone (the kiosk, the display, status).

    The estimate divides the queue among the zone's windows not paused, at the day's
    average service time so far (the rules' default before anyone was served).
    """
    rows = tickets.waiting(replica, day)
    states = tickets.window_states(replica, day)
    served = tickets.served_today(replica, day)
    out = []
    for zone in catalog.zones:
        n = sum(1 for r in rows if r["zone"] == zone.id and not r["target_window"])
        windows = [w for w in catalog.windows if zone.id in rules.zones_of(w)
                   and states.get(w.id, {}).get("state") != "paused"]
        minutes = _average_service_minutes([r for r in served if r["zone"] == zone.id],
                                           rules.service_minutes)
        out.append(ZoneQueue(zone.id, zone.name, zone.prefix, n,
                             queue_order.estimated_wait_minutes(n, len(windows), minutes)))
    return out


def _average_service_minutes(rows: list[Mapping[str, Any]], default: float) -> float:
    secs = []
    for r in rows:
        start, end = r.get("started_at") or r.get("called_at"), r.get("ended_at")
        try:
            secs.append((dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start))
                        .total_seconds())
        except (TypeError, ValueError):
            continue
    # a few quick tickets early in the day must not promise a crowd a 1-minute wait
    if len(secs) < 3:
        return default
    return max(1.0, sum(secs) / len(secs) / 60)


def status(replica: Replica, day: str) -> dict[str, Any]:
    """What `yichuang queue status` prints: zones, windows, recent calls."""
    catalog = reference.load_catalog(replica)
    rules = tickets.load_rules(replica)
    zones = [{"code": z.code, "name": z.name, "prefix": z.prefix, "waiting": z.waiting,
              "estimated_wait_min": z.estimated_wait_min}
             for z in zone_queues(replica, catalog, rules, day)]
    states = tickets.window_states(replica, day)
    windows = []
    for w in catalog.windows:
        now_at = tickets.at_window(replica, day, w.id)
        st = states.get(w.id, {})
        windows.append({"code": w.id, "name": w.name, "zones": list(rules.zones_of(w)),
                        "serving": now_at["number"] if now_at else None,
                        "state": "paused" if st.get("state") == "paused" else "open",
                        "pause_reason": st.get("reason") if st.get("state") == "paused"
                        else None})
    calls = []
    for r in tickets.recent_calls(replica, day, rules.recent_calls):
        w = catalog.window(r["window_id"])
        calls.append({"ticket": r["number"], "window": r["window_id"],
                      "window_name": w.name if w else r["window_id"],
                      "called_at": r["last_call_at"], "calls": r["calls"],
                      "state": r["state"],
                      "text": announce.call_text(r["number"], w, r["window_id"] or "")})
    return {"day": day, "zones": zones, "windows": windows, "recent_calls": calls}
