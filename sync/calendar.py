"""The terminal's working-day calendar: shipped years, pulled years, the provisional rest.

Reference rows of kind `calendar` hold one year's notice each (id = the year). A
terminal counts on, in order of precedence: the years it pulled, the years its program
shipped (so an upgrade brings a newly published year even before the first pull), and
for any other year the statutory holidays (sync.festivals), flagged provisional. Rows of
the first build (one row `cn` holding every year) are still read, below the per-year
rows.

When pulled data changes a year, every stored deadline that depends on it is
recomputed in the same transaction (`reproject_changed`): the `cases` projection never
shows a deadline counted on a calendar the terminal no longer has.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable

from domain.calendar_file import YearSchedule, split_by_year
from domain.workdays import WorkCalendar
from sync import festivals
from sync.replica import Replica

log = logging.getLogger(__name__)

KIND = "calendar"
LEGACY_ID = "cn"


def schedules_from_rows(rows: Iterable[tuple[str, str]]) -> list[YearSchedule]:
    """Per-year schedules from (id, data) rows: shipped, then legacy, then per-year wins."""
    from resources.calendar import shipped

    by_year = {s.year: s for s in shipped()}
    legacy, years = [], []
    for rid, data in rows:
        rec = json.loads(data)
        if rid == LEGACY_ID:
            cal = WorkCalendar.from_dict(rec)
            legacy = split_by_year(cal.holidays, cal.workdays, cal.years, "legacy")
        else:
            years.append(YearSchedule.from_dict(rec))
    for s in (*legacy, *years):
        by_year[s.year] = s
    return list(by_year.values())


def load(replica: Replica) -> WorkCalendar:
    """The calendar this terminal counts deadlines on."""
    rows = replica.conn.execute("SELECT id, data FROM reference WHERE kind=?", (KIND,))
    return WorkCalendar.from_schedules(schedules_from_rows(rows), festivals.estimate)


def default() -> WorkCalendar:
    """The shipped calendar with the provisional estimate (no replica at hand)."""
    return WorkCalendar.from_schedules(schedules_from_rows(()), festivals.estimate)


def changed_span(before: WorkCalendar, after: WorkCalendar) -> tuple[dt.date, dt.date] | None:
    """The first and last day whose working status differs, or None if none does."""
    years = {d.year for d in (*before.holidays, *before.workdays, *after.holidays,
                              *after.workdays)} | set(before.years ^ after.years)
    changed = [d for y in sorted(years) for d in _days(y)
               if before.is_working_day(d) != after.is_working_day(d)]
    # a year that became covered (or uncovered) changes the provisional flag even where
    # no day moved
    newly = sorted(after.years ^ before.years)
    firsts = [dt.date(y, 1, 1) for y in newly] + changed[:1]
    lasts = [dt.date(y, 12, 31) for y in newly] + changed[-1:]
    if not firsts:
        return None
    return min(firsts), max(lasts)


def _days(year: int) -> Iterable[dt.date]:
    day = dt.date(year, 1, 1)
    while day.year == year:
        yield day
        day += dt.timedelta(days=1)


def affected_cases(replica: Replica, span: tuple[dt.date, dt.date]) -> list[str]:
    """Cases whose stored deadline was counted across `span`.

    A deadline counted from acceptance day A to deadline D looked at every day in
    (A, D]; a paused case (no D) may look at any later day.
    """
    lo, hi = span
    hi += dt.timedelta(days=1)  # accepted_at is the terminal's local time: a day of slack
    return [r[0] for r in replica.conn.execute(
        "SELECT id FROM cases WHERE accepted_at IS NOT NULL AND instant = 0 "
        "AND substr(accepted_at, 1, 10) <= ? AND (deadline IS NULL OR deadline >= ?)",
        (hi.isoformat(), lo.isoformat()))]


def reproject_changed(replica: Replica, before: WorkCalendar) -> int:
    """After calendar rows changed (inside the caller's transaction): recompute deadlines.

    Returns how many cases were re-projected.
    """
    from sync.store import project

    after = load(replica)
    span = changed_span(before, after)
    if span is None:
        return 0
    ids = affected_cases(replica, span)
    if ids:
        project(replica, ids, after)
    log.info("calendar changed %s..%s: %d deadlines recomputed", span[0], span[1], len(ids))
    return len(ids)
