"""The statutory holidays for a year whose schedule is not loaded (domain.holidays).

Festival dates are given by hand here (the almanac's), so the law's rules are tested
on their own; tests/sync/test_festivals.py checks the library that supplies them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from domain.holidays import Festivals, provisional_days_off, statutory_days

D = dt.date.fromisoformat

# 春节, 清明, 端午, 中秋 as printed in the almanac
F2027 = Festivals(2027, D("2027-02-06"), D("2027-04-05"), D("2027-06-09"), D("2027-09-15"))
F2028 = Festivals(2028, D("2028-01-26"), D("2028-04-04"), D("2028-05-28"), D("2028-10-03"))


def test_thirteen_statutory_days_by_the_2025_law():
    days = statutory_days(F2027)
    assert len(days) == 13
    assert [d for d, n in days.items() if n == "春节"] == [
        D("2027-02-05"), D("2027-02-06"), D("2027-02-07"), D("2027-02-08")]  # 除夕 + 初一..初三
    assert days[D("2027-01-01")] == "元旦"
    assert days[D("2027-05-02")] == "劳动节"
    assert days[D("2027-10-03")] == "国庆节"
    assert days[D("2027-09-15")] == "中秋节"


def test_mid_autumn_on_national_day_gives_no_extra_day():
    days = statutory_days(F2028)  # 中秋 2028 is 3 Oct
    assert len(days) == 12
    assert days[D("2028-10-03")] == "国庆节"


def test_weekend_holidays_are_made_up_on_the_next_free_weekday():
    off = provisional_days_off(F2027)
    # 春节: Sat 6 and Sun 7 Feb → Tue 9 and Wed 10 (Mon 8 is 初三 itself)
    assert off[D("2027-02-09")] == off[D("2027-02-10")] == "春节补假"
    # 劳动节 Sat 1 / Sun 2 May → Mon 3, Tue 4; 国庆 Sat 2 / Sun 3 Oct → Mon 4, Tue 5
    assert {d for d, n in off.items() if n.endswith("补假")} == {
        D("2027-02-09"), D("2027-02-10"), D("2027-05-03"), D("2027-05-04"),
        D("2027-10-04"), D("2027-10-05")}
    # every statutory day is off, and nothing else but the make-up days
    assert set(statutory_days(F2027)) <= set(off)
    assert len(off) == 13 + 6


def test_no_make_up_day_lands_on_a_weekend():
    off = provisional_days_off(F2028)
    for day, name in off.items():
        if name.endswith("补假"):
            assert day.weekday() < 5, day


def test_festivals_must_fall_in_their_year():
    with pytest.raises(ValueError):
        Festivals(2027, D("2026-02-17"), D("2027-04-05"), D("2027-06-09"), D("2027-09-15"))
