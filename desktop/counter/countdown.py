"""How a deadline reads and looks: the same words and colours in every list and view.

Yellow within N working days (setting, default 1), red once passed, grey while the
clock is paused; a deadline that counted days of a year without calendar data is
"provisional" and says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from domain.deadline import Countdown, Deadline, countdown
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


def describe(cal: WorkCalendar, deadline: Deadline | None, today: dt.date,
             warn_days: int) -> Shown:
    """The level, "剩3个工作日" and "2026-11-30（临时）" for one deadline."""
    c: Countdown = countdown(cal, deadline, today, warn_days)
    if deadline is None:
        return Shown("none", "", "")
    day_text = deadline.day.isoformat() if deadline.day else ""
    if deadline.provisional and day_text:
        day_text += QCoreApplication.translate("countdown", "（临时）")
    left = c.working_days_left
    if c.level == "paused":
        text = QCoreApplication.translate("countdown", "暂停计时")
    elif c.level == "overdue":
        text = QCoreApplication.translate("countdown", "已超期{n}个工作日").format(n=abs(left or 0))
        if not left:
            text = QCoreApplication.translate("countdown", "已超期")
    elif left == 0:
        text = QCoreApplication.translate("countdown", "今日到期")
    else:
        text = QCoreApplication.translate("countdown", "剩{n}个工作日").format(n=left)
    return Shown(c.level, text, day_text)


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
