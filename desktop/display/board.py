"""What the hall display shows, read from the replica in one go (no Qt).

The display is a terminal of the hall like any other: its replica holds the hall's
tickets (sync.tickets), and a board is today's picture of them — the calls now showing
(each window's current ticket), the last calls, the waiting per zone, paused windows.
Read on a reader thread; the window only paints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from domain import announce
from domain import tickets as tk
from sync import queue, reference, tickets
from sync.replica import Replica


@dataclass(frozen=True)
class Call:
    """One call as the display shows it."""

    ticket_id: str
    number: str
    window_id: str
    window_label: str  # "3" (a number) or a window's name
    window_name: str
    called_at: str
    calls: int  # 1 for a call, +1 for each recall: a new value means "say it again"
    state: str
    spoken: str  # what the voice says (digits one by one)

    @property
    def key(self) -> tuple[str, int]:
        return (self.ticket_id, self.calls)


@dataclass(frozen=True)
class ZoneLine:
    code: str
    name: str
    prefix: str
    waiting: int
    estimated_wait_min: int


@dataclass(frozen=True)
class Board:
    """Today's picture of the hall's queue."""

    hall_name: str = ""
    day: str = ""
    showing: list[Call] = field(default_factory=list)  # windows calling or serving now
    recent: list[Call] = field(default_factory=list)  # newest first
    zones: list[ZoneLine] = field(default_factory=list)
    paused: list[tuple[str, str]] = field(default_factory=list)  # (window name, reason key)
    call_repeats: int = 2


def read_board(replica: Replica, day: str) -> Board:
    """The board of `day` (China date, ISO) from the replica."""
    catalog = reference.load_catalog(replica)
    rules = tickets.load_rules(replica)

    def call_of(row: tickets.Row) -> Call:
        w = catalog.window(row["window_id"])
        fallback = row["window_id"] or ""
        return Call(ticket_id=row["id"], number=row["number"] or "",
                    window_id=row["window_id"] or "",
                    window_label=announce.window_label(w, fallback),
                    window_name=w.name if w else fallback, called_at=row["last_call_at"] or "",
                    calls=int(row["calls"] or 0), state=row["state"] or "",
                    spoken=announce.spoken_call(row["number"] or "", w, fallback))

    recent = [call_of(r) for r in tickets.recent_calls(replica, day, max(rules.recent_calls, 12))]
    showing: list[Call] = []
    seen_windows: set[str] = set()
    for c in recent:  # newest first: each window's latest call, while it is still live
        if c.window_id in seen_windows:
            continue
        seen_windows.add(c.window_id)
        if c.state in (tk.ON_CALL, tk.SERVING):
            showing.append(c)
    zones = [ZoneLine(z.code, z.name, z.prefix, z.waiting, z.estimated_wait_min)
             for z in queue.zone_queues(replica, catalog, rules, day)]
    paused = []
    for wid, st in sorted(tickets.window_states(replica, day).items()):
        if st["state"] == "paused":
            w = catalog.window(wid)
            paused.append((w.name if w else wid, st["reason"] or "other"))
    return Board(hall_name=catalog.hall.name, day=day, showing=showing,
                 recent=recent[:rules.recent_calls], zones=zones, paused=paused,
                 call_repeats=rules.call_repeats)
