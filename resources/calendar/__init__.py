"""The shipped working-day calendar (cn.json), cut into one schedule per year.

The server merges these years in at every start and a terminal counts on them until it
has pulled its own, so an upgrade that ships a newly published year brings it to both.
"""

from __future__ import annotations

import json
from functools import lru_cache

from domain.calendar_file import YearSchedule, split_by_year
from domain.workdays import WorkCalendar
from resources import path

SOURCE = "shipped"


@lru_cache(maxsize=1)
def shipped() -> tuple[YearSchedule, ...]:
    """The years cn.json holds, oldest first."""
    cal = WorkCalendar.from_dict(json.loads(path("calendar", "cn.json").read_text("utf-8")))
    return tuple(split_by_year(cal.holidays, cal.workdays, cal.years, SOURCE))
