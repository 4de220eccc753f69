"""Opening periods, extended service and duty (domain.opening), on the real 2026 calendar."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from domain.case import fold
from domain.events import CHINA_TZ, Event
from domain.opening import (
    Duty,
    Hours,
    Period,
    day_kind,
    day_plan,
    on_duty,
    served_extended,
    stamp,
)
from domain.workdays import WorkCalendar
from resources import path

HOURS = json.loads((pathlib.Path(__file__).resolve().parents[2] / "docs" / "hours" /
                    "yibin-style.json").read_text("utf-8"))
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.from_dict(json.loads(path("calendar", "cn.json").read_text("utf-8")))


@pytest.fixture(scope="module")
def hours() -> Hours:
    return Hours.from_rows(HOURS["periods"])


def at(day: str, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(D(day), dt.time.fromisoformat(hhmm), CHINA_TZ)


@pytest.mark.parametrize(("day", "kind"), [
    ("2026-11-23", "workday"), ("2026-11-28", "weekend"), ("2026-10-02", "holiday"),
    ("2026-10-10", "workday"),  # a make-up Saturday is a working day
])
def test_day_kind(cal, day, kind):
    assert day_kind(cal, D(day)) == kind


@pytest.mark.parametrize(("when", "period"), [
    (("2026-11-23", "08:59"), None), (("2026-11-23", "09:00"), "am"),
    (("2026-11-23", "12:30"), None), (("2026-11-23", "16:59"), "pm"),
    (("2026-11-23", "17:00"), "eve"), (("2026-11-23", "20:00"), None),
    (("2026-11-28", "10:00"), "duty"), (("2026-11-28", "14:00"), None),
    (("2026-10-02", "11:00"), "duty"),  # National Day: holiday duty
    (("2026-10-10", "18:00"), "eve"),   # the make-up Saturday has the weekday periods
])
def test_current_period(cal, hours, when, period):
    got = hours.current(cal, at(*when))
    assert (got.id if got else None) == period


def test_items_and_windows_per_period(cal, hours):
    eve = at("2026-11-23", "18:00")
    assert hours.is_open(cal, eve, "0101") and not hours.is_open(cal, eve, "0201")
    assert hours.is_open(cal, eve, "0101", "W01") and not hours.is_open(cal, eve, "0101", "W05")
    # the hall may also list an item's periods: offered in the evening only if listed
    assert not hours.is_open(cal, eve, "0101", item_periods=("am", "pm"))
    assert hours.is_open(cal, at("2026-11-23", "10:00"), "0201", item_periods=("am",))


def test_next_opening(cal, hours):
    nxt = hours.next_opening(cal, at("2026-11-23", "18:00"), "0201")
    assert (nxt.day, nxt.period.id) == (D("2026-11-24"), "am")
    nxt = hours.next_opening(cal, at("2026-11-27", "20:30"))  # Friday night → Saturday duty
    assert (nxt.day, nxt.period.id) == (D("2026-11-28"), "duty")
    nxt = hours.next_opening(cal, at("2026-11-27", "20:30"), "0201")  # not on duty → Monday
    assert (nxt.day, nxt.period.id) == (D("2026-11-30"), "am")


def test_no_periods_never_closes(cal):
    assert Hours().is_open(cal, at("2026-11-29", "03:00"), "0201")
    assert stamp(Hours(), cal, at("2026-11-29", "03:00")) == {}


def test_stamp_and_the_case_remembers_extended_service(cal, hours):
    assert stamp(hours, cal, at("2026-11-23", "10:00")) == {"period": "am", "extended": False}
    assert stamp(hours, cal, at("2026-11-28", "10:00")) == {"period": "duty", "extended": True}
    assert stamp(hours, cal, at("2026-11-23", "22:00")) == {"period": "", "extended": True}
    # registered at the kiosk in the evening, accepted the next morning: served normally
    reg = {"period": "eve", "extended": True}
    acc = {"period": "am", "extended": False}
    assert served_extended(reg, acc) is False and served_extended(reg) is True
    events = [
        Event("e1", "c1", "registered", {"instant": False, "promised_days": 3, **reg}, None,
              "t1", 1, "S1", "2026-11-23T19:00:00+08:00"),
        Event("e2", "c1", "accepted", {**acc}, "registered", "t1", 2, "S1",
              "2026-11-24T09:30:00+08:00"),
    ]
    assert fold(events[:1]).extended is True
    case = fold(events)
    assert (case.period, case.extended) == ("am", False)


def test_a_sunday_duty_case_starts_its_clock_on_the_next_working_day(cal):
    """Legal limits count working days only, whatever the opening hours."""
    from domain.deadline import compute

    assert compute(cal, D("2026-11-29"), 1).day == D("2026-11-30")  # Sunday → Monday


def test_duty_roster():
    roster = [Duty.from_dict(d) for d in HOURS["duty"]]
    assert on_duty(roster, D("2026-12-05"), "duty") == ("S001",)
    assert on_duty(roster, D("2026-12-05"), "am") == ()
    assert Duty.from_dict(roster[0].to_dict()) == roster[0]


def test_the_days_plan_says_who_is_on_duty_in_which_period(cal, hours):
    roster = [Duty.from_dict(d) for d in HOURS["duty"]] + [
        Duty(D("2026-12-07"), "am", ("S003", "S004")), Duty(D("2026-12-08"), "duty", ("S005",))]
    saturday = [(p.id, who) for p, who in day_plan(hours, roster, cal, D("2026-12-05"))]
    assert saturday == [("duty", ("S001",))]
    monday = [(p.id, who) for p, who in day_plan(hours, roster, cal, D("2026-12-07"))]
    assert monday == [("am", ("S003", "S004")), ("pm", ()), ("eve", ())]
    # a roster entry for a period that does not run that day is still shown
    assert ("duty", ("S005",)) in [(p.id, w) for p, w in day_plan(hours, roster, cal,
                                                                   D("2026-12-08"))]
    assert day_plan(Hours(), roster, cal, D("2026-12-05")) == []


@pytest.mark.parametrize("bad", [
    {"id": "x", "start": "12:00", "end": "09:00"},
    {"id": "x", "start": "09:00", "end": "12:00", "days": ["sometimes"]},
    {"id": "", "start": "09:00", "end": "12:00"},
])
def test_bad_periods_are_refused(bad):
    with pytest.raises(ValueError):
        Period.from_dict(bad)
