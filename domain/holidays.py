"""The statutory public holidays, for a year whose official schedule is not loaded yet.

Every November the State Council publishes next year's schedule (放假安排), with its
调休 make-up working days. Until an administrator loads it, deadlines that run into that
year are counted on what the law itself fixes — 《全国年节及纪念日放假办法》 as revised
in 2024 (in force from 2025), 13 days off for everyone:

    元旦 1 day (1 Jan)            春节 4 days (除夕 and 初一 to 初三, lunar)
    清明节 1 day (the solar term)  劳动节 2 days (1–2 May)
    端午节 1 day (5/5 lunar)       中秋节 1 day (8/15 lunar)
    国庆节 3 days (1–3 Oct)

and art. 6: a holiday that falls on a Saturday or Sunday is made up on a working day
(补假) — here the next weekday that is not itself a holiday, as the schedules do. What
no rule can predict is which weekends become working days (调休): those stay out, so a
provisional deadline can be a day off inside a long break, and it stays flagged
provisional until the year is loaded.

The lunar dates and the solar term come from a calendar library outside the domain
(sync.festivals); this module only applies the law to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)
MAKE_UP = "补假"


@dataclass(frozen=True)
class Festivals:
    """The movable feasts of one Gregorian year, as a lunar calendar computes them."""

    year: int
    spring_festival: dt.date  # 正月初一
    qingming: dt.date  # the day of the solar term 清明
    dragon_boat: dt.date  # 五月初五
    mid_autumn: dt.date  # 八月十五

    def __post_init__(self) -> None:
        for name in ("spring_festival", "qingming", "dragon_boat", "mid_autumn"):
            if getattr(self, name).year != self.year:
                raise ValueError(f"{name} {getattr(self, name)} is not in {self.year}")


def statutory_days(f: Festivals) -> dict[dt.date, str]:
    """The 13 days the law gives off in the year, by name (before any make-up)."""
    y = f.year
    days: dict[dt.date, str] = {dt.date(y, 1, 1): "元旦"}
    eve = f.spring_festival - ONE_DAY  # 除夕: the last day of the lunar year
    for i in range(4):
        days[eve + i * ONE_DAY] = "春节"
    days[f.qingming] = "清明节"
    days[dt.date(y, 5, 1)] = days[dt.date(y, 5, 2)] = "劳动节"
    days[f.dragon_boat] = "端午节"
    for d in (1, 2, 3):
        days[dt.date(y, 10, d)] = "国庆节"
    # 中秋 may fall on a National Day day (2028): then it gives no day of its own
    days.setdefault(f.mid_autumn, "中秋节")
    return days


def provisional_days_off(f: Festivals) -> dict[dt.date, str]:
    """The statutory days plus the working day each weekend one is made up on.

    A make-up day is the first Monday–Friday after the holiday that is not off already,
    taken in date order so two weekend holidays never share one make-up day.
    """
    days = statutory_days(f)
    off = dict(days)
    for day in sorted(days):
        if day.weekday() < 5:
            continue
        cand = day + ONE_DAY
        while cand.weekday() >= 5 or cand in off:
            cand += ONE_DAY
        off[cand] = f"{days[day]}{MAKE_UP}"
    return off
