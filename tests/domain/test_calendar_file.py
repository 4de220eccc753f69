"""Loading a year's schedule from the CSV an administrator types (domain.calendar_file)."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from domain.calendar_file import CalendarFileError, YearSchedule, decode, parse_schedule
from domain.workdays import WorkCalendar

D = dt.date.fromisoformat
SAMPLE = pathlib.Path(__file__).resolve().parents[2] / "docs" / "calendar" / "sample-2027.csv"

GOOD = """date,kind,name
2027-01-01,holiday,元旦
2027-02-20,workday,春节
"""


def problems(text: str) -> list[str]:
    with pytest.raises(CalendarFileError) as err:
        parse_schedule(text)
    return err.value.problems


def test_a_plain_file_is_one_year():
    s = parse_schedule(GOOD, source="x.csv")
    assert s == YearSchedule(2027, {D("2027-01-01"): "元旦"}, {D("2027-02-20"): "春节"}, "x.csv")


def test_the_sample_loads_and_round_trips():
    s = parse_schedule(decode(SAMPLE.read_bytes()))
    assert s.year == 2027 and len(s.holidays) == 29 and len(s.workdays) == 4
    assert parse_schedule(s.to_csv()) == s
    assert parse_schedule(s.to_csv(declare=True)) == s
    assert YearSchedule.from_dict(s.to_dict()) == s


def test_bom_and_gb18030_are_read():
    assert parse_schedule(decode("\ufeff".encode() + GOOD.encode())).year == 2027
    assert parse_schedule(decode(GOOD.encode("gb18030"))).holidays[D("2027-01-01")] == "元旦"


def test_two_years_undeclared_are_refused():
    text = GOOD + "2026-12-31,holiday,元旦\n"
    (msg,) = problems(text)
    assert "2026、2027" in msg and "# year:" in msg


def test_a_declared_notice_may_move_days_at_the_end_of_the_year_before():
    # the 2019 notice: Sat 29 Dec 2018 worked, 30 Dec – 1 Jan off
    text = ("# year: 2019\ndate,kind,name\n2018-12-29,workday,元旦\n2018-12-30,holiday,元旦\n"
            "2018-12-31,holiday,元旦\n2019-01-01,holiday,元旦\n")
    s = parse_schedule(text)
    assert s.year == 2019 and D("2018-12-29") in s.workdays
    cal = WorkCalendar.from_schedules([YearSchedule(2018, {}, {}), s])
    assert cal.is_working_day(D("2018-12-29")) and not cal.is_working_day(D("2018-12-31"))
    assert "# year: 2019" in s.to_csv()  # the file it writes declares it again


def test_a_declared_year_refuses_rows_of_other_years():
    text = "# year: 2027\ndate,kind,name\n2027-01-01,holiday,元旦\n2025-10-01,holiday,国庆\n"
    (msg,) = problems(text)
    assert msg.startswith("第4行") and "2027" in msg


def test_declared_year_without_its_own_days():
    (msg,) = problems("# year: 2028\ndate,kind,name\n2027-12-31,holiday,元旦\n")
    assert "没有2028年的日期" in msg


@pytest.mark.parametrize(("row", "words"), [
    ("2027-01-01,holiday,元旦", "与第2行重复"),          # overlaps itself
    ("2027-01-01,workday,元旦", "与第2行重复"),
    ("2027-01-04,workday,元旦", "星期一"),               # a weekday named a workday
    ("2027-02-30,holiday,春节", "YYYY-MM-DD"),
    ("2027-02-03,vacation,春节", "holiday或workday"),
    ("2027-02-03,holiday,", "名称"),
    ("2027-02-03,holiday", "3列"),
])
def test_bad_rows_are_refused_with_their_line(row, words):
    (msg,) = problems(f"date,kind,name\n2027-01-01,holiday,元旦\n{row}\n")
    assert msg.startswith("第3行") and words in msg


def test_every_problem_is_listed_at_once():
    text = "date,kind,name\n2027-01-04,workday,x\nnope,holiday,y\n2027-01-01,day,z\n"
    assert [p[:3] for p in problems(text)] == ["第2行", "第3行", "第4行"]


@pytest.mark.parametrize(("text", "words"), [
    ("", "空"), ("# only a comment\n", "空"),
    ("day,kind,name\n2027-01-01,holiday,元旦\n", "表头"),
    ("date,kind,name\n", "没有任何日期"),
])
def test_bad_files(text, words):
    assert words in problems(text)[0]


def test_undecodable_bytes():
    with pytest.raises(CalendarFileError):
        decode(b"\xff\xfe\xfa\x00\x81")
