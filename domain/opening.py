"""Opening periods (时段), extended hours (全天候) and the duty roster.

Yibin's and Bao'an's halls open evenings, weekends and holidays in shifts: working days
9–12, 13–17 and 17–20, weekends and holidays 9–12 (DOMAIN.md). A hall declares its
periods; each says on which kind of day it runs (a working day per the calendar, a
weekend day, a public holiday), its hours, whether it is extended service, and — if not
every item or window — which items and windows it offers. A hall that declares no
periods is never closed by this module (the first build's behaviour).

Legal time limits still count working days only (domain.deadline): a case accepted in a
Sunday duty period starts its clock on the next working day. The figures count cases
served in extended periods separately (Yibin counts them): the registration and the
acceptance carry `stamp()` in their payload, and `served_extended()` reads it back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from domain.workdays import WorkCalendar

WORKDAY, WEEKEND, HOLIDAY = "workday", "weekend", "holiday"
DAY_KINDS = (WORKDAY, WEEKEND, HOLIDAY)
LOOKAHEAD_DAYS = 14


def day_kind(cal: WorkCalendar, day: dt.date) -> str:
    """A working day (调休 Saturdays included), a public holiday, or a plain weekend day."""
    if cal.is_working_day(day):
        return WORKDAY
    return HOLIDAY if cal.day_name(day) else WEEKEND


@dataclass(frozen=True)
class Period:
    """One opening period of a hall."""

    id: str
    name: str
    days: tuple[str, ...]  # DAY_KINDS it runs on
    start: dt.time
    end: dt.time
    extended: bool = False
    items: tuple[str, ...] = ()  # item short numbers; () = every item
    windows: tuple[str, ...] = ()  # window ids; () = every window

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Period:
        days = tuple(str(x) for x in d.get("days", (WORKDAY,)))
        bad = [x for x in days if x not in DAY_KINDS]
        start, end = dt.time.fromisoformat(str(d["start"])), dt.time.fromisoformat(str(d["end"]))
        if bad or not days or start >= end or not str(d.get("id", "")).strip():
            raise ValueError(f"时段定义有误: {dict(d)!r}")
        return cls(id=str(d["id"]), name=str(d.get("name", d["id"])), days=days, start=start,
                   end=end, extended=bool(d.get("extended", False)),
                   items=tuple(str(x) for x in d.get("items", ())),
                   windows=tuple(str(x) for x in d.get("windows", ())))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "days": list(self.days),
                "start": self.start.isoformat("minutes"), "end": self.end.isoformat("minutes"),
                "extended": self.extended, "items": list(self.items),
                "windows": list(self.windows)}

    def hours_text(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def runs_on(self, cal: WorkCalendar, day: dt.date) -> bool:
        return day_kind(cal, day) in self.days

    def holds(self, cal: WorkCalendar, now: dt.datetime) -> bool:
        """Open at `now` (start inclusive, end exclusive)."""
        return self.runs_on(cal, now.date()) and self.start <= now.time() < self.end

    def offers(self, item_no: str | None = None, window_id: str | None = None,
               item_periods: Sequence[str] = ()) -> bool:
        """Whether this period offers the item (and window). The period may list its
        items, and the hall may list an item's periods (`hall enable --periods`)."""
        return ((item_no is None or not self.items or item_no in self.items)
                and (not item_periods or self.id in item_periods)
                and (window_id is None or not self.windows or window_id in self.windows))


@dataclass(frozen=True)
class Opening:
    """A period on a day: when something opens next."""

    day: dt.date
    period: Period

    @property
    def at(self) -> dt.datetime:
        return dt.datetime.combine(self.day, self.period.start)


@dataclass(frozen=True)
class Hours:
    """A hall's periods; empty = no restriction."""

    periods: tuple[Period, ...] = ()

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> Hours:
        return cls(tuple(sorted((Period.from_dict(r) for r in rows),
                                key=lambda p: (p.start, p.id))))

    @property
    def restricted(self) -> bool:
        return bool(self.periods)

    def current(self, cal: WorkCalendar, now: dt.datetime) -> Period | None:
        """The period open at `now` (the first, if periods overlap)."""
        return next((p for p in self.periods if p.holds(cal, now)), None)

    def is_open(self, cal: WorkCalendar, now: dt.datetime, item_no: str | None = None,
                window_id: str | None = None, item_periods: Sequence[str] = ()) -> bool:
        """Whether the item (window) can be served now; always, without periods."""
        if not self.periods:
            return True
        return any(p.holds(cal, now) and p.offers(item_no, window_id, item_periods)
                   for p in self.periods)

    def next_opening(self, cal: WorkCalendar, now: dt.datetime, item_no: str | None = None,
                     item_periods: Sequence[str] = ()) -> Opening | None:
        """The next period, after `now`, that offers the item (None if none in 14 days)."""
        for n in range(LOOKAHEAD_DAYS + 1):
            day = now.date() + dt.timedelta(days=n)
            for p in self.periods:
                if p.runs_on(cal, day) and p.offers(item_no, None, item_periods) and \
                        (n > 0 or p.start > now.time()):
                    return Opening(day, p)
        return None

    def on_day(self, cal: WorkCalendar, day: dt.date) -> list[Period]:
        """The periods that run on `day`, in order (what a closed kiosk shows)."""
        return [p for p in self.periods if p.runs_on(cal, day)]


def stamp(hours: Hours, cal: WorkCalendar, now: dt.datetime) -> dict[str, Any]:
    """What a registration or acceptance records about when it happened: the period and
    whether it is extended service. {} when the hall declares no periods."""
    if not hours.restricted:
        return {}
    p = hours.current(cal, now)
    if p is None:
        return {"period": "", "extended": True}  # served outside every period
    return {"period": p.id, "extended": p.extended}


def served_extended(registration: Mapping[str, Any],
                    acceptance: Mapping[str, Any] | None = None) -> bool:
    """Whether a case counts as served in extended hours: the acceptance's stamp decides,
    else the registration's (a case registered at the kiosk at 19:00 and accepted the
    next morning was served in the morning). domain.case keeps the answer on the Case."""
    for p in (acceptance, registration):
        if p is not None and "extended" in p:
            return bool(p["extended"])
    return False


@dataclass(frozen=True)
class Duty:
    """Who is on duty in one period of one day (值班表)."""

    day: dt.date
    period: str
    staff: tuple[str, ...]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Duty:
        return cls(dt.date.fromisoformat(str(d["date"])), str(d["period"]),
                   tuple(str(s) for s in d.get("staff", ())))

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "period": self.period, "staff": list(self.staff)}


def on_duty(roster: Iterable[Duty], day: dt.date, period_id: str) -> tuple[str, ...]:
    """The staff on duty in a period of a day (empty when nobody is rostered)."""
    return tuple(s for d in roster if d.day == day and d.period == period_id for s in d.staff)


def day_plan(hours: Hours, roster: Iterable[Duty], cal: WorkCalendar,
             day: dt.date) -> list[tuple[Period, tuple[str, ...]]]:
    """The day's periods in order, each with the staff rostered for it (值班: who, when):
    every period that runs on `day`, and any other the roster names for it."""
    roster = [d for d in roster if d.day == day]
    named = {d.period for d in roster}
    return [(p, on_duty(roster, day, p.id)) for p in hours.periods
            if p.runs_on(cal, day) or p.id in named]
