"""The lunar festivals and 清明 of any year, from tyme4py, for the provisional calendar.

tyme4py (MIT, pure Python, maintained by 6tail, successor of lunar-python) computes the
lunar calendar by the national standard GB/T 33661-2017 《农历的编算和颁行》 and the
solar terms astronomically, so a year nobody has loaded yet still gets its 春节, 端午
and 中秋 on the right day, and 清明 on the day of the term. The law that turns these into
days off is domain.holidays; this module only asks the library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

from domain.holidays import Festivals, provisional_days_off

# tyme4py's LunarFestival indexes (春节, 清明节, 端午节, 中秋节)
_SPRING, _QINGMING, _DRAGON_BOAT, _MID_AUTUMN = 0, 4, 5, 8
# the library's range is wider; beyond this a deadline is a data error anyway
FIRST_YEAR, LAST_YEAR = 1950, 2150


def _solar(festival) -> dt.date:  # type: ignore[no-untyped-def]
    s = festival.get_day().get_solar_day()
    return dt.date(s.get_year(), s.get_month(), s.get_day())


@lru_cache(maxsize=64)
def festivals(year: int) -> Festivals:
    """The movable feasts of the Gregorian `year`."""
    from tyme4py.festival import LunarFestival

    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year out of range: {year}")
    # 春节, 端午 and 中秋 of lunar year Y all fall in Gregorian year Y
    return Festivals(
        year=year,
        spring_festival=_solar(LunarFestival.from_index(year, _SPRING)),
        qingming=_solar(LunarFestival.from_index(year, _QINGMING)),
        dragon_boat=_solar(LunarFestival.from_index(year, _DRAGON_BOAT)),
        mid_autumn=_solar(LunarFestival.from_index(year, _MID_AUTUMN)),
    )


@lru_cache(maxsize=64)
def estimate(year: int) -> Mapping[dt.date, str]:
    """The days off the law fixes for `year` (WorkCalendar.estimate); {} out of range."""
    try:
        return provisional_days_off(festivals(year))
    except ValueError:
        return {}
