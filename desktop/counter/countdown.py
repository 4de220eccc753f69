"""How a deadline reads and looks: the same words and colours in every list and view.

Yellow within N working days (setting, default 1), red once passed, grey while the
clock is paused; a deadline that counted days of a year without calendar data is
"provisional" and says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from domain.deadline import Countdown as DayCount
from domain.deadline import Deadline, countdown
from domain.lifecycle import FINAL
from domain.workdays import WorkCalendar

COLOURS = {
    "ok": QColor("#dff3e4"),
    "warning": QColor("#ffe9a8"),
    "overdue": QColor("#f6c1c1"),
    "paused": QColor("#dcdcdc"),
    "none": QColor(0, 0, 0, 0),
}
TEXT_COLOURS = {"ok": "#1d6b34", "warning": "#7a5600", "overdue": "#a11919", "paused": "#555555",
                "none": "#333333"}


@dataclass(frozen=True)
class Shown:
    """A countdown ready to display."""

    level: str
    text: str
    deadline_text: str


class Countdown(QObject):
    """The countdown's words. A QObject for its `tr`: plurals ("1 working day left")
    need `tr(text, "", n)`, which pyside6-lupdate reads from `self.tr` calls only."""

    def provisional(self) -> str:
        return self.tr("（临时）")

    def paused(self) -> str:
        return self.tr("暂停计时")

    def overdue(self, days: int) -> str:
        return self.tr("已超期%n个工作日", "", days) if days else self.tr("已超期")

    def due_today(self) -> str:
        return self.tr("今日到期")

    def days_left(self, days: int) -> str:
        return self.tr("剩%n个工作日", "", days)

    def awaiting_supplement(self, promised_days: int | None = None) -> str:
        """补正 before acceptance: no clock yet, but the citizen's limit is known."""
        if promised_days:
            return self.tr("待补正：补齐受理后计时，承诺%n个工作日", "", promised_days)
        return self.tr("待补正：补齐受理后计时")


_words: Countdown | None = None


def words() -> Countdown:
    global _words
    if _words is None:
        _words = Countdown()
    return _words


def describe(cal: WorkCalendar, deadline: Deadline | None, today: dt.date,
             warn_days: int) -> Shown:
    """The level, "剩3个工作日" and "2026-11-30（临时）" for one deadline."""
    c: DayCount = countdown(cal, deadline, today, warn_days)
    if deadline is None:
        return Shown("none", "", "")
    say = words()
    day_text = deadline.day.isoformat() if deadline.day else ""
    if deadline.provisional and day_text:
        day_text += say.provisional()
    left = c.working_days_left
    if c.level == "paused":
        text = say.paused()
    elif c.level == "overdue":
        text = say.overdue(abs(left or 0))
    elif left == 0:
        text = say.due_today()
    else:
        text = say.days_left(left or 0)
    return Shown(c.level, text, day_text)


def awaiting_supplement(promised_days: int | None = None) -> Shown:
    """What a case waiting for materials it was never accepted without shows (grey)."""
    return Shown("paused", words().awaiting_supplement(promised_days), "")


def from_row(row: dict) -> Deadline | None:
    """The projection row's deadline columns as a Deadline (no day while paused)."""
    if row.get("instant") or not row.get("accepted_at") or row.get("state") in FINAL:
        return None
    if row.get("paused"):
        return Deadline(None, bool(row.get("deadline_provisional")), True, 0, 0)
    if not row.get("deadline"):
        return None
    return Deadline(dt.date.fromisoformat(row["deadline"]), bool(row.get("deadline_provisional")),
                    False, 0, 0)
