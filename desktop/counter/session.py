"""Who is at the counter, and the idle watch that locks the screen.

A counter PC stands in a public hall: when the clerk walks away, personal data on the
screen must disappear (the lock screen covers everything) and nobody else may act in
the clerk's name. Another member of staff may log in instead (shift change).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from domain.application import Actor
from domain.catalog import Catalog, Staff, Window
from domain.opening import Hours
from domain.workdays import WorkCalendar
from sync.replica import Identity

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


@dataclasses.dataclass(frozen=True)
class Session:
    """A logged-in member of staff at a window of this terminal."""

    staff: Staff
    window: Window | None
    identity: Identity
    started: dt.datetime

    @property
    def actor(self) -> Actor:
        """The clerk's role travels with each step: domain.roles checks it."""
        return Actor.of(self.staff, self.identity.terminal_id,
                        self.window.id if self.window else None)

    @property
    def is_reviewer(self) -> bool:
        return self.staff.role in ("reviewer", "supervisor", "admin")


@dataclasses.dataclass
class CounterState:
    """What every counter widget reads: set once at start-up, then per login."""

    catalog: Catalog
    calendar: WorkCalendar
    identity: Identity
    clock: Callable[[], dt.datetime]
    warn_days: int = 1
    session: Session | None = None
    hours: Hours = dataclasses.field(default_factory=Hours)
    item_usage: dict[str, int] = dataclasses.field(default_factory=dict)
    """Recent cases per item number here: equal matches in the item picker rank by it."""

    def today(self) -> dt.date:
        return self.clock().date()

    def staff_label(self, staff_id: str | None) -> str:
        """王丽（1001）: who took a step, as the history shows it."""
        if not staff_id:
            return ""
        s = self.catalog.staff_member(staff_id)
        return f"{s.name}（{s.no}）" if s else staff_id

    def window_label(self, window_id: str | None) -> str:
        w = self.catalog.window(window_id)
        return w.name if w else (window_id or "")


class IdleWatcher(QObject):
    """Emits sig_idle after `minutes` without a key, click or mouse move in the app."""

    sig_idle = Signal()
    """No user input for the configured time."""

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sig_idle)
        self.set_timeout_ms(minutes * 60_000)
        self.active = False

    def set_timeout_ms(self, ms: int) -> None:
        """0 = never lock (a setting some single-clerk village halls choose)."""
        self._ms = ms
        self._timer.setInterval(max(ms, 1))

    def start(self) -> None:
        self.active = self._ms > 0
        if self.active:
            self._timer.start()

    def stop(self) -> None:
        self.active = False
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.active and event.type() in _ACTIVITY:
            self._timer.start()
        return False
