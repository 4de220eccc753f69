"""The counter and the rule table and the hall's hours (issues 10 and 12): only roles that
may open the counter log in; registering outside every opening period is warned about,
never blocked; the period's tooltip says who is on duty today."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from domain.catalog_file import hours_rows
from domain.events import CHINA_TZ
from sync import reference
from sync.replica import Replica
from sync.store import load_case
from tests.desktop.test_counter_cases import start

HOURS = json.loads((pathlib.Path(__file__).resolve().parents[2] / "docs" / "hours" /
                    "yibin-style.json").read_text("utf-8"))
MONDAY = dt.date(2026, 11, 23)


@pytest.fixture
def now():
    """The counter's clock, settable: [datetime]."""
    return [dt.datetime.combine(MONDAY, dt.time(10, 0), CHINA_TZ)]


@pytest.fixture
def clock(now):
    return lambda: now[0]


def _hours(data_dir, duty=()) -> None:
    with Replica.in_dir(data_dir) as r:
        reference.store_rows(r, hours_rows({**HOURS, "duty": list(duty)}))


@pytest.mark.parametrize(("no", "who"), [("1050", "审批人员"), ("1070", "部门负责人"),
                                         ("1090", "系统管理员")])
def test_only_roles_that_may_open_the_counter_log_in(counter, login, no, who):
    login(counter, no, "1234")
    assert not counter.working and counter.stack.currentWidget() is counter.login
    assert f"{who}不能进行「打开窗口受理」" in counter.login.message.text()


def test_a_supervisor_may_open_the_counter(counter, login):
    login(counter, "1068", "1234")
    assert counter.working


def test_registering_outside_every_period_is_warned_not_blocked(clerk, data_dir, now):
    _hours(data_dir)
    clerk.reference_watch.check()
    rec = start(clerk, "0105")
    assert rec.hours_note.isHidden()  # Monday 10:00: the morning period offers it
    rec.clear()
    now[0] = dt.datetime.combine(MONDAY, dt.time(12, 20), CHINA_TZ)  # the lunch gap
    rec = start(clerk, "0105")
    assert rec.hours_note.isVisibleTo(clerk)
    assert "现在不在此事项的办理时段内" in rec.hours_note.text()
    assert "今天 13:00（下午）" in rec.hours_note.text()
    rec.materials.tick_all_required()
    rec.accept_case()  # warned, not blocked: extended hours exist
    case = clerk.workspace.case_view.case
    assert case is not None and case.state == "accepted"
    with Replica.in_dir(data_dir) as r:
        assert load_case(r, case.id).extended  # counted as served outside the periods
    # in the evening the extended period offers some items only (0301, not 0105)
    now[0] = dt.datetime.combine(MONDAY, dt.time(18, 0), CHINA_TZ)
    rec = start(clerk, "0301")
    assert rec.hours_note.isHidden()
    rec = start(clerk, "0105")
    assert rec.hours_note.isVisibleTo(clerk) and "明天 09:00（上午）" in rec.hours_note.text()
    rec.clear()
    assert rec.hours_note.isHidden()


def test_the_periods_tooltip_says_who_is_on_duty_today(clerk, data_dir):
    assert clerk.period_label.toolTip() == ""  # no periods: nothing to say
    _hours(data_dir, duty=[{"date": MONDAY.isoformat(), "period": "am",
                            "staff": ["S001", "S002"]},
                           {"date": MONDAY.isoformat(), "period": "eve", "staff": ["S003"]},
                           {"date": "2026-11-24", "period": "am", "staff": ["S004"]}])
    clerk.reference_watch.check()
    tip = clerk.period_label.toolTip().splitlines()
    assert tip == ["今日值班：", "上午 09:00-12:00：王丽（1001）、张伟（1002）",
                   "下午 13:00-17:00：未排班", "晚间延时服务 17:00-20:00：刘洋（1003）"]
