"""The provisional calendar against what the libraries know.

tyme4py supplies the lunar festivals and 清明 (sync.festivals); for 2027–2030 they are
checked against the almanac's dates and against tyme4py's own day-by-day lunar
calendar, and the estimate against chinese-calendar for every year that package has the
State Council's schedule of (2020–2026).
"""

from __future__ import annotations

import datetime as dt

import pytest

from domain.deadline import compute
from domain.workdays import WorkCalendar
from sync.festivals import estimate, festivals

D = dt.date.fromisoformat

ALMANAC = {  # 春节, 清明, 端午, 中秋
    2027: ("2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"),
    2028: ("2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03"),
    2029: ("2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22"),
    2030: ("2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12"),
}


@pytest.mark.parametrize("year", sorted(ALMANAC))
def test_festivals_2027_to_2030(year):
    f = festivals(year)
    assert (f.spring_festival, f.qingming, f.dragon_boat, f.mid_autumn) == tuple(
        map(D, ALMANAC[year]))


@pytest.mark.parametrize("year", sorted(ALMANAC))
def test_estimate_matches_the_librarys_lunar_calendar(year):
    """Every lunar holiday in the estimate is the lunar day the law names, per tyme4py's
    own solar→lunar conversion (a different path from the festival table we use)."""
    from tyme4py.solar import SolarDay

    want = {"春节": {(12, 30), (12, 29), (1, 1), (1, 2), (1, 3)}, "端午节": {(5, 5)},
            "中秋节": {(8, 15)}}
    for day, name in estimate(year).items():
        lunar = SolarDay.from_ymd(day.year, day.month, day.day).get_lunar_day()
        if name in want:
            assert (lunar.get_month(), lunar.get_day()) in want[name], (day, name)
        if name == "清明节":
            term = SolarDay.from_ymd(day.year, day.month, day.day).get_term()
            assert term.get_name() == "清明"


@pytest.mark.parametrize("year", range(2020, 2027))
def test_estimate_is_off_in_the_official_schedules(year):
    """Each day the estimate gives off was off in the State Council's schedule — save
    2024's 除夕, which only became a statutory holiday with the 2024 revision of the law."""
    cc = pytest.importorskip("chinese_calendar")
    wrong = [d for d in estimate(year) if not cc.is_holiday(d)]
    assert wrong == ([D("2024-02-09")] if year == 2024 else [])


@pytest.mark.parametrize("year", [2025, 2026])
def test_estimate_takes_as_many_working_days_as_the_schedule(year):
    """Under the current law the estimate takes as many weekdays off as the schedule
    did net of its make-up weekends: a count over a whole year comes out the same."""
    from chinese_calendar.constants import holidays, workdays

    official = sum(1 for d in holidays if d.year == year and d.weekday() < 5) \
        - sum(1 for d in workdays if d.year == year)
    assert sum(1 for d in estimate(year) if d.weekday() < 5) == official == 13


def test_provisional_deadlines_close_to_the_official_ones():
    """What the estimate costs: deadlines of 2026 counted as if 2026 were not loaded."""
    from resources.calendar import shipped

    official = WorkCalendar.from_schedules(shipped())
    provisional = WorkCalendar.from_schedules([s for s in shipped() if s.year != 2026],
                                              estimate)
    weekends_only = WorkCalendar.from_schedules([s for s in shipped() if s.year != 2026])
    exact = exact_weekends = total = 0
    day = D("2026-01-01")
    while day.year == 2026:
        for n in (1, 3, 5, 10, 20):
            want = compute(official, day, n).day
            got = compute(provisional, day, n)
            assert got.provisional
            assert abs((got.day - want).days) <= 7  # inside one long break at worst
            exact += got.day == want
            exact_weekends += compute(weekends_only, day, n).day == want
            total += 1
        day += dt.timedelta(days=1)
    assert exact / total > 0.8
    assert exact > exact_weekends  # the statutory days were worth it


def test_out_of_range_year_estimates_nothing():
    assert estimate(3000) == {}
