"""A morning's queue for the demo and the screenshots, and a driver that keeps calling.

`seed_queue` writes, through the same queue code a hall runs (sync.queue), tickets
taken over the last hour, some served and ended, some on call now, a window paused.
`DemoCalls` then takes and calls a ticket every few seconds on the standalone replica,
so `yichuang demo --face display` shows and says calls without any server.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
import random
from typing import Any

from PySide6.QtCore import QObject, QTimer

from domain import tickets as tk
from domain import window_state as ws
from domain.application import Actor
from domain.events import CHINA_TZ
from sync import queue, reference, tickets

log = logging.getLogger(__name__)

ZONES = ("Z1", "Z1", "Z1", "Z3", "Z3", "Z4", "Z5", "Z7", "Z8")
CALLING = (("W01", "Z1"), ("W02", "Z1"), ("W08", "Z3"), ("W12", "Z4"), ("W16", "Z5"),
           ("W23", "Z7"))


def seed_queue(store: Any, now: dt.datetime | None = None, rng: random.Random | None = None
               ) -> int:
    """Tickets of the last hour on an empty queue; returns how many (0: already seeded)."""
    r = store.replica
    now = now or dt.datetime.now(CHINA_TZ)
    day = now.date().isoformat()
    if tickets.waiting(r, day) or tickets.recent_calls(r, day, 1):
        return 0
    rng = rng or random.Random(11)
    me = r.identity().terminal_id
    guide = Actor("guide", me)
    start = now - dt.timedelta(minutes=70)
    made: list[tk.Ticket] = []
    with r.transaction():
        for i in range(34):
            at = start + dt.timedelta(minutes=2 * i)
            prio = "elderly" if i % 9 == 4 else ""
            made.append(queue.take(store, ZONES[i % len(ZONES)], guide, now=at,
                                   priority=prio, channel="kiosk" if i % 3 else "guide"))
        used: set[str] = set()
        for k, (window, zone) in enumerate(CALLING):  # each served two; one on call now
            actor = Actor(f"S{window[1:]}", me, window)
            mine = [t for t in made if t.zone == zone and t.id not in used][:3]
            used.update(t.id for t in mine)
            for j, t in enumerate(mine):
                if j == 2:
                    calls_at = now - dt.timedelta(seconds=50 * (len(CALLING) - k))
                    t = queue.step(store, t.id, tk.CALLED, window, actor, now=calls_at)
                    break
                at = start + dt.timedelta(minutes=20 + 14 * j + k)
                queue.step(store, t.id, tk.CALLED, window, actor, now=at)
                queue.step(store, t.id, tk.STARTED, window, actor,
                           now=at + dt.timedelta(minutes=1))
                queue.step(store, t.id, tk.ENDED, window, actor,
                           now=at + dt.timedelta(minutes=rng.randint(5, 11)))
        hall = r.identity().hall_code
        store.record(ws.window_stream_id(hall, "W05", day), ws.PAUSED,
                     {"window": "W05", "reason": "meeting"}, Actor("S005", me, "W05"),
                     now=now - dt.timedelta(minutes=8))
    return len(made)


class DemoCalls(QObject):
    """Every few seconds: a citizen takes a ticket, and a window calls the next one."""

    def __init__(self, data_dir: pathlib.Path, display: Any, interval_ms: int = 7000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.display = display
        self.rng = random.Random()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._tick)
        self.display.runner.write(lambda store: seed_queue(store), lambda _n: display.refresh())

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        window, zone = self.rng.choice(CALLING)

        def step(store: Any) -> None:
            r = store.replica
            me = r.identity().terminal_id
            queue.take(store, self.rng.choice(ZONES), Actor("guide", me))
            catalog = reference.load_catalog(r)
            day = store.clock().date().isoformat()
            current = tickets.at_window(r, day, window)
            actor = Actor(f"S{window[1:]}", me, window)
            if current is not None:
                queue.step(store, current["id"], tk.ENDED, window, actor)
            rules = tickets.load_rules(r)
            w = catalog.window(window)
            zones = rules.zones_of(w) if w else (zone,)
            from domain import queue_order

            best = queue_order.candidates(
                [tickets.as_waiting(x) for x in tickets.waiting(r, day, zones)], window,
                zones, rules, store.clock(), day)
            if best:
                queue.step(store, best[0].id, tk.CALLED, window, actor)

        self.display.runner.write(step, lambda _x: self.display.refresh())
