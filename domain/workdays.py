"""The working-day calendar: weekends, public holidays and 调休 make-up days.

The State Council moves days every year, so the calendar is data (pushed from the
server, one row per year's notice; a default ships in resources/calendar/). A year the
data does not cover is counted on weekends and, when an `estimate` is given, on the
statutory holidays the law fixes (domain.holidays); every answer that touched such a
year is flagged provisional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from domain.calendar_file import YearSchedule

ONE_DAY = dt.timedelta(days=1)
# warn this many days before the last day of the loaded calendar (the supervisor, the
# server and the counter's banner all use it)
WARN_DAYS = 60

Estimate = Callable[[int], Mapping[dt.date, str]]


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days.

    `holidays` are days off that would otherwise be working days; `workdays` are
    weekend days that are working days (调休). `years` are the years the data covers.
    `estimate(year)` gives the days off the law fixes for a year not covered.
    """

    years: frozenset[int]
    holidays: Mapping[dt.date, str] = field(default_factory=dict)
    workdays: Mapping[dt.date, str] = field(default_factory=dict)
    estimate: Estimate | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_schedules(cls, schedules: Iterable[YearSchedule],
                       estimate: Estimate | None = None) -> WorkCalendar:
        """One calendar from per-year notices; a later year's notice wins on a shared day."""
        holidays: dict[dt.date, str] = {}
        workdays: dict[dt.date, str] = {}
        years = set()
        for s in sorted(schedules, key=lambda s: s.year):
            years.add(s.year)
            for d in (*s.holidays, *s.workdays):
                holidays.pop(d, None)
                workdays.pop(d, None)
            holidays.update(s.holidays)
            workdays.update(s.workdays)
        return cls(frozenset(years), holidays, workdays, estimate)

    @classmethod
    def from_dict(cls, data: Mapping) -> WorkCalendar:
        """Build from the JSON shape in resources/calendar/ and the server's pull."""
        return cls(
            years=frozenset(int(y) for y in data["years"]),
            holidays={dt.date.fromisoformat(d): n for d, n in data.get("holidays", {}).items()},
            workdays={dt.date.fromisoformat(d): n for d, n in data.get("workdays", {}).items()},
        )

    def to_dict(self) -> dict:
        """The JSON shape, sorted so the file diffs well."""
        return {
            "years": sorted(self.years),
            "holidays": {d.isoformat(): n for d, n in sorted(self.holidays.items())},
            "workdays": {d.isoformat(): n for d, n in sorted(self.workdays.items())},
        }

    def covers(self, day: dt.date) -> bool:
        """True when the data for the day's year is known."""
        return day.year in self.years

    def is_working_day(self, day: dt.date) -> bool:
        """Working day per the data; for an uncovered year, per weekends and the estimate."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        if self.estimate is not None and day.year not in self.years \
                and day in self.estimate(day.year):
            return False
        return day.weekday() < 5

    def day_name(self, day: dt.date) -> str:
        """The holiday or make-up day's name ("" for an ordinary day)."""
        if day in self.holidays or day in self.workdays:
            return self.holidays.get(day) or self.workdays.get(day, "")
        if self.estimate is not None and day.year not in self.years:
            return self.estimate(day.year).get(day, "")
        return ""

    def merged(self, other: WorkCalendar) -> WorkCalendar:
        """Newer data (other) wins for the years it covers."""
        keep_h = {d: n for d, n in self.holidays.items() if d.year not in other.years}
        keep_w = {d: n for d, n in self.workdays.items() if d.year not in other.years}
        return WorkCalendar(
            years=self.years | other.years,
            holidays={**keep_h, **other.holidays},
            workdays={**keep_w, **other.workdays},
            estimate=other.estimate or self.estimate,
        )

    def missing_next_year(self, today: dt.date) -> int | None:
        """The year to warn about: next year's data is missing (or this year's)."""
        for year in (today.year, today.year + 1):
            if year not in self.years:
                return year
        return None

    def last_loaded_day(self, today: dt.date) -> dt.date | None:
        """31 Dec of the last year loaded without a gap from today's; None if today's is not."""
        if today.year not in self.years:
            return None
        year = today.year
        while year + 1 in self.years:
            year += 1
        return dt.date(year, 12, 31)


@dataclass(frozen=True)
class CoverageWarning:
    """The loaded calendar ends soon (or has ended): load the next year's schedule."""

    missing_year: int
    last_day: dt.date | None  # None: even today's year is not loaded
    days_left: int  # days from today to last_day; negative or 0 once it has passed


def coverage_warning(cal: WorkCalendar, today: dt.date,
                     warn_days: int = WARN_DAYS) -> CoverageWarning | None:
    """A warning from `warn_days` days before the last loaded day, else None."""
    last = cal.last_loaded_day(today)
    if last is None:
        return CoverageWarning(today.year, None, 0)
    left = (last - today).days
    if left > warn_days:
        return None
    return CoverageWarning(last.year + 1, last, left)


@dataclass(frozen=True)
class DayCount:
    """A date found by counting working days, and whether the count is certain."""

    day: dt.date
    provisional: bool


def add_working_days(cal: WorkCalendar, start: dt.date, n: int) -> DayCount:
    """The n-th working day after `start` (start itself is not counted).

    n = 0 returns start. Provisional when any day counted lies in an uncovered year.
    """
    day = start
    provisional = not cal.covers(start) and n > 0
    left = n
    while left > 0:
        day += ONE_DAY
        if not cal.covers(day):
            provisional = True
        if cal.is_working_day(day):
            left -= 1
    return DayCount(day, provisional)


def working_days_between(cal: WorkCalendar, start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end == start:
        return 0
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    count = 0
    day = start
    while day < end:
        day += ONE_DAY
        if cal.is_working_day(day):
            count += 1
    return sign * count


def working_days_in(cal: WorkCalendar, days: Iterable[dt.date]) -> int:
    """How many of the given days are working days."""
    return sum(1 for d in days if cal.is_working_day(d))
