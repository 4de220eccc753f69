"""The working-day calendar with the State Council's real 2025 and 2026 arrangements.

Expected days below are worked out by hand from the official notices
(国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026), not copied from output.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from domain.calendar_file import YearSchedule
from domain.workdays import (
    WorkCalendar,
    add_working_days,
    coverage_warning,
    working_days_between,
    working_days_in,
)
from resources import path

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.from_dict(json.loads(path("calendar", "cn.json").read_text("utf-8")))


@pytest.mark.parametrize(("day", "working"), [
    # 2025 Spring Festival: 28 Jan – 4 Feb off; Sun 26 Jan and Sat 8 Feb worked
    ("2025-01-26", True), ("2025-01-27", True), ("2025-01-28", False), ("2025-02-04", False),
    ("2025-02-05", True), ("2025-02-08", True), ("2025-02-09", False),
    # 2025 Labour Day 1–5 May, Sun 27 Apr worked
    ("2025-04-27", True), ("2025-05-05", False), ("2025-05-06", True),
    # 2025 National Day + Mid-autumn 1–8 Oct, Sun 28 Sep and Sat 11 Oct worked
    ("2025-09-28", True), ("2025-10-08", False), ("2025-10-09", True), ("2025-10-11", True),
    # 2026 New Year 1–3 Jan, Sun 4 Jan worked
    ("2026-01-02", False), ("2026-01-04", True),
    # 2026 Spring Festival 15–23 Feb; Sat 14 Feb and Sat 28 Feb worked
    ("2026-02-14", True), ("2026-02-16", False), ("2026-02-23", False), ("2026-02-24", True),
    ("2026-02-28", True),
    # 2026 Mid-autumn Fri 25 – Sun 27 Sep; National Day 1–7 Oct; Sun 20 Sep, Sat 10 Oct worked
    ("2026-09-20", True), ("2026-09-25", False), ("2026-10-01", False), ("2026-10-07", False),
    ("2026-10-08", True), ("2026-10-10", True), ("2026-10-11", False),
    # ordinary weekends and weekdays
    ("2025-03-08", False), ("2025-03-09", False), ("2025-03-10", True),
])
def test_official_arrangements(cal, day, working):
    assert cal.is_working_day(D(day)) is working


def test_shipped_calendar_agrees_with_chinese_calendar(cal):
    cc = pytest.importorskip("chinese_calendar")
    day = D("2025-01-01")
    while day <= D("2026-12-31"):
        assert cal.is_working_day(day) == cc.is_workday(day), day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(("start", "n", "expected"), [
    ("2026-09-30", 3, "2026-10-10"),  # Oct 1–7 off; Oct 8, 9, Sat 10 (make-up)
    ("2026-09-18", 1, "2026-09-20"),  # Fri → Sat 19 off → Sun 20 is a make-up day
    ("2026-09-24", 2, "2026-09-29"),  # Fri 25 – Sun 27 Mid-autumn; Mon 28, Tue 29
    ("2025-01-24", 3, "2025-02-05"),  # Fri; Sun 26 (make-up), Mon 27, then 28 Jan–4 Feb off
    ("2025-03-07", 1, "2025-03-10"),  # a Friday: the weekend is skipped
    ("2025-03-07", 5, "2025-03-14"),
    ("2025-02-07", 1, "2025-02-08"),  # the make-up Saturday counts
    ("2025-03-03", 0, "2025-03-03"),  # nothing to count
    ("2025-03-03", 1, "2025-03-04"),  # the day of acceptance itself is not counted
    ("2025-03-08", 1, "2025-03-10"),  # accepted on a Saturday (extended hours)
    ("2025-09-30", 1, "2025-10-09"),  # Oct 1–8 off
    ("2025-09-30", 2, "2025-10-10"),
    ("2025-09-30", 3, "2025-10-11"),  # Sat 11 Oct is worked
])
def test_add_working_days(cal, start, n, expected):
    got = add_working_days(cal, D(start), n)
    assert got.day == D(expected)
    assert got.provisional is False


def test_year_not_covered_without_an_estimate_counts_weekends_only(cal):
    assert 2027 not in cal.years
    # Thu 31 Dec 2026 + 3: Fri 1 Jan 2027 counts (its holiday is not known yet),
    # Sat/Sun off, Mon 4, Tue 5
    got = add_working_days(cal, D("2026-12-31"), 3)
    assert got == type(got)(D("2027-01-05"), True)
    got = add_working_days(cal, D("2027-03-05"), 1)  # Fri → Mon
    assert (got.day, got.provisional) == (D("2027-03-08"), True)
    assert cal.is_working_day(D("2027-01-01"))
    assert not cal.is_working_day(D("2027-01-02"))
    # a count that stays inside covered years is certain
    assert add_working_days(cal, D("2026-12-28"), 3).provisional is False


def test_working_days_between(cal):
    assert working_days_between(cal, D("2026-09-30"), D("2026-10-10")) == 3
    assert working_days_between(cal, D("2026-10-10"), D("2026-09-30")) == -3
    assert working_days_between(cal, D("2025-03-03"), D("2025-03-03")) == 0
    assert working_days_between(cal, D("2025-03-07"), D("2025-03-09")) == 0
    days = [D("2026-10-0" + str(i)) for i in range(1, 10)]
    assert working_days_in(cal, days) == 2  # 8th and 9th


def test_merged_newer_wins_for_the_years_it_covers():
    old = WorkCalendar(
        years=frozenset({2025, 2026}),
        holidays={D("2025-10-01"): "old", D("2026-10-01"): "old", D("2026-10-09"): "old"},
        workdays={D("2026-10-10"): "old"},
    )
    new = WorkCalendar(years=frozenset({2026, 2027}),
                       holidays={D("2026-10-02"): "new", D("2027-01-01"): "new"},
                       workdays={D("2026-09-20"): "new"})
    m = old.merged(new)
    assert m.years == {2025, 2026, 2027}
    assert m.holidays == {D("2025-10-01"): "old", D("2026-10-02"): "new",
                          D("2027-01-01"): "new"}
    assert m.workdays == {D("2026-09-20"): "new"}
    assert m.is_working_day(D("2026-10-09"))  # old 2026 data dropped entirely
    assert not m.is_working_day(D("2026-10-10"))  # a plain Saturday again


def test_dict_round_trip(cal):
    again = WorkCalendar.from_dict(cal.to_dict())
    assert again == cal
    assert list(cal.to_dict()["holidays"]) == sorted(cal.to_dict()["holidays"])


def test_year_not_covered_counts_the_estimated_holidays_and_is_provisional(cal):
    """The first build counted 元旦 2027 as a working day: every deadline a day early."""
    est = {D("2027-01-01"): "元旦"}
    with_estimate = WorkCalendar(cal.years, cal.holidays, cal.workdays, lambda y: est
                                 if y == 2027 else {})
    got = add_working_days(with_estimate, D("2026-12-31"), 3)
    assert (got.day, got.provisional) == (D("2027-01-06"), True)
    assert not with_estimate.is_working_day(D("2027-01-01"))
    assert with_estimate.day_name(D("2027-01-01")) == "元旦"
    # loaded data always wins over the estimate
    loaded = WorkCalendar.from_schedules([YearSchedule(2027, {}, {})], lambda y: est)
    assert loaded.is_working_day(D("2027-01-01"))
    assert add_working_days(loaded, D("2026-12-31"), 1).day == D("2027-01-01")


def test_from_schedules_a_later_notice_wins_on_a_shared_day():
    y2018 = YearSchedule(2018, {D("2018-12-31"): "old"}, {D("2018-12-29"): "old"})
    y2019 = YearSchedule(2019, {D("2018-12-29"): "元旦"}, {})
    cal = WorkCalendar.from_schedules([y2019, y2018])
    assert cal.years == {2018, 2019}
    assert not cal.is_working_day(D("2018-12-29")) and not cal.is_working_day(D("2018-12-31"))


@pytest.mark.parametrize(("years", "today", "warning"), [
    ({2025, 2026}, "2026-10-31", None),                                 # 61 days left
    ({2025, 2026}, "2026-11-01", (2027, "2026-12-31", 60)),
    ({2025, 2026}, "2026-12-31", (2027, "2026-12-31", 0)),
    ({2025, 2026, 2027}, "2026-11-30", None),
    ({2026, 2028}, "2026-11-30", (2027, "2026-12-31", 31)),             # a gap counts
    ({2025}, "2026-03-01", (2026, None, 0)),                            # this year missing
])
def test_coverage_warning_60_days_before_the_last_loaded_day(years, today, warning):
    w = coverage_warning(WorkCalendar(years=frozenset(years)), D(today))
    if warning is None:
        assert w is None
    else:
        assert (w.missing_year, w.last_day and w.last_day.isoformat(), w.days_left) == warning


@pytest.mark.parametrize(("years", "today", "missing"), [
    ({2025, 2026}, "2026-11-20", 2027),
    ({2025, 2026, 2027}, "2026-11-20", None),
    ({2026, 2027}, "2025-06-01", 2025),   # this year's data missing is worse
    ({2027}, "2026-06-01", 2026),
])
def test_missing_next_year(years, today, missing):
    assert WorkCalendar(years=frozenset(years)).missing_next_year(D(today)) == missing
