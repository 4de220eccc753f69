"""Deadlines of promised items: pauses, extensions, uncovered years, countdown levels.

Week of 3 March 2025 (no holidays): Mon 3, Tue 4, Wed 5, Thu 6, Fri 7, Mon 10 … Fri 14.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from domain.deadline import Deadline, Pause, compute, countdown
from domain.workdays import WorkCalendar
from resources import path

D = dt.date.fromisoformat
MON = D("2025-03-03")


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.from_dict(json.loads(path("calendar", "cn.json").read_text("utf-8")))


def test_plain_deadline_does_not_count_the_day_of_acceptance(cal):
    d = compute(cal, MON, 5)
    assert d == Deadline(D("2025-03-10"), False, False, 5, 5)


def test_national_day_2026(cal):
    assert compute(cal, D("2026-09-30"), 3).day == D("2026-10-10")
    assert compute(cal, D("2026-09-30"), 4).day == D("2026-10-12")


def test_spring_festival_2025(cal):
    # Fri 24 Jan + 5: Sun 26 (make-up), Mon 27, [28 Jan–4 Feb off], Wed 5, Thu 6, Fri 7
    assert compute(cal, D("2025-01-24"), 5).day == D("2025-02-07")
    # + 6: Sat 8 Feb is a make-up working day
    assert compute(cal, D("2025-01-24"), 6).day == D("2025-02-08")


def test_closed_pause_p_counts_days_after_p_up_to_r_do_not(cal):
    # pause Tue 4 → Thu 6: Tue 4 counts (1); Wed 5, Thu 6 do not; Fri 7 (2), Mon 10 (3),
    # Tue 11 (4), Wed 12 (5)
    d = compute(cal, MON, 5, [Pause(D("2025-03-04"), D("2025-03-06"))])
    assert (d.day, d.paused, d.days_used) == (D("2025-03-12"), False, 5)


def test_pause_from_the_day_of_acceptance(cal):
    # supplement asked the day it was accepted and received on Wed 5: Thu 6 is day 1
    d = compute(cal, MON, 5, [Pause(MON, D("2025-03-05"))])
    assert d.day == D("2025-03-12")


def test_pause_over_a_weekend_costs_only_its_working_days(cal):
    # pause Fri 7 → Mon 10: Fri 7 counts, Sat/Sun are off anyway, Mon 10 does not
    d = compute(cal, MON, 5, [Pause(D("2025-03-07"), D("2025-03-10"))])
    assert d.day == D("2025-03-11")


def test_two_pauses_add_up(cal):
    pauses = [Pause(D("2025-03-04"), D("2025-03-05")), Pause(D("2025-03-06"), D("2025-03-07"))]
    # Tue 4 (1), Wed 5 paused, Thu 6 (2), Fri 7 paused, Mon 10 (3), Tue 11 (4), Wed 12 (5)
    assert compute(cal, MON, 5, pauses).day == D("2025-03-12")


def test_open_pause_gives_a_paused_deadline(cal):
    d = compute(cal, MON, 5, [Pause(D("2025-03-05"), None)])
    # Tue 4 (1) and Wed 5 (2, the day of the pause still counts) are used
    assert d.day is None and d.paused
    assert (d.days_used, d.days_allowed, d.days_left_when_paused) == (2, 5, 3)


def test_open_pause_on_the_day_of_acceptance(cal):
    d = compute(cal, MON, 5, [Pause(MON, None)])
    assert d.day is None and d.paused and d.days_left_when_paused == 5


def test_pause_opened_after_the_deadline_leaves_it_overdue(cal):
    d = compute(cal, MON, 2, [Pause(D("2025-03-10"), None)])
    assert (d.day, d.paused) == (D("2025-03-05"), False)


def test_extension_adds_working_days(cal):
    d = compute(cal, MON, 5, extension_days=3)
    assert (d.day, d.days_allowed) == (D("2025-03-13"), 8)
    d = compute(cal, MON, 5, [Pause(D("2025-03-04"), D("2025-03-06"))], extension_days=1)
    assert d.day == D("2025-03-13")


def test_limit_out_of_range(cal):
    with pytest.raises(ValueError):
        compute(cal, MON, -1)
    with pytest.raises(ValueError):
        compute(cal, MON, 3650, extension_days=1)


def test_uncovered_year_is_provisional(cal):
    d = compute(cal, D("2026-12-30"), 5)
    # Thu 31 (1); 2027: Fri 1 Jan (2, holiday unknown), Mon 4 (3), Tue 5 (4), Wed 6 (5)
    assert (d.day, d.provisional) == (D("2027-01-06"), True)
    assert compute(cal, D("2026-12-21"), 5).provisional is False


@pytest.mark.parametrize(("today", "warn", "level", "left"), [
    ("2025-03-05", 1, "ok", 5),        # deadline Wed 12: Thu 6 … Wed 12 = 5 left
    ("2025-03-10", 1, "ok", 2),
    ("2025-03-10", 2, "warning", 2),
    ("2025-03-11", 1, "warning", 1),
    ("2025-03-12", 1, "warning", 0),   # the last day
    ("2025-03-13", 1, "overdue", -1),
    ("2025-03-17", 1, "overdue", -3),  # Thu 13, Fri 14, Mon 17
])
def test_countdown_levels(cal, today, warn, level, left):
    d = compute(cal, MON, 5, [Pause(D("2025-03-04"), D("2025-03-06"))])
    c = countdown(cal, d, D(today), warn_days=warn)
    assert (c.level, c.working_days_left) == (level, left)


def test_countdown_paused_and_none(cal):
    d = compute(cal, MON, 5, [Pause(D("2025-03-05"), None)])
    c = countdown(cal, d, D("2025-04-30"))
    assert (c.level, c.working_days_left) == ("paused", 3)
    c = countdown(cal, None, MON)
    assert (c.level, c.working_days_left) == ("none", None)
