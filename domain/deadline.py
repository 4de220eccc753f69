"""Deadlines of promised items: working days, paused clocks, extensions.

The day of acceptance is not counted; the deadline is the end of the N-th working day
after it. While the clock is paused (supplement awaited, hearing, inspection, expert
review — 行政许可法 art. 45) no day counts. A pause from day P to day R: P still
counts (the clock ran that day), the days after P up to and including R do not (R is
treated like a new day of acceptance). Extensions add working days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from domain.workdays import ONE_DAY, WorkCalendar, working_days_between

# A promised limit longer than this is a data error; it also bounds the loops.
MAX_DAYS = 3650


@dataclass(frozen=True)
class Pause:
    """One stretch during which the clock does not run; `end` None while it lasts."""

    start: dt.date
    end: dt.date | None
    reason: str = "supplement"

    def holds(self, day: dt.date) -> bool:
        """True when `day` does not count because of this pause."""
        return day > self.start and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Deadline:
    """When a case is due. `day` is None while the clock is paused."""

    day: dt.date | None
    provisional: bool
    paused: bool
    days_used: int
    days_allowed: int

    @property
    def days_left_when_paused(self) -> int:
        """What the clerk is told while a supplement is awaited."""
        return self.days_allowed - self.days_used


def compute(
    cal: WorkCalendar,
    accepted_on: dt.date,
    days: int,
    pauses: Sequence[Pause] = (),
    extension_days: int = 0,
) -> Deadline:
    """The deadline of a case accepted on `accepted_on` with a limit of `days`."""
    allowed = days + extension_days
    if allowed < 0 or allowed > MAX_DAYS:
        raise ValueError(f"time limit out of range: {allowed}")
    open_pause = next((p for p in pauses if p.end is None), None)
    day = accepted_on
    used = 0
    provisional = False
    while used < allowed:
        day += ONE_DAY
        if open_pause is not None and day > open_pause.start:
            return Deadline(None, provisional, True, used, allowed)
        if any(p.holds(day) for p in pauses):
            continue
        if not cal.covers(day):
            provisional = True
        if cal.is_working_day(day):
            used += 1
    paused = open_pause is not None and open_pause.start <= day
    return Deadline(None if paused else day, provisional, paused, used, allowed)


@dataclass(frozen=True)
class Countdown:
    """What a list of cases shows: a level for the colour and the days left."""

    level: str  # "ok", "warning", "overdue", "paused", "none"
    working_days_left: int | None


def countdown(cal: WorkCalendar, deadline: Deadline | None, today: dt.date, warn_days: int = 1) -> Countdown:
    """Yellow within `warn_days` working days of the deadline, red once it has passed."""
    if deadline is None:
        return Countdown("none", None)
    if deadline.paused or deadline.day is None:
        return Countdown("paused", deadline.days_left_when_paused)
    left = working_days_between(cal, today, deadline.day)
    if today > deadline.day:
        return Countdown("overdue", left)
    if left <= warn_days:
        return Countdown("warning", left)
    return Countdown("ok", left)
