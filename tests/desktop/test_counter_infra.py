"""Countdown colours, translation, settings, log masking, the threaded task runner."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.counter.countdown import describe
from desktop.counter.my_cases import CaseTableModel
from desktop.counter.session import CounterState
from desktop.logging_setup import MaskingFilter, mask_text
from desktop.settings import CounterSettings, SettingsStore
from domain.deadline import Deadline
from sync.store import calendar_of


@pytest.fixture
def state(clerk):
    return clerk.state


def row(cid: str, **kw) -> dict:
    base = {"id": cid, "case_number": "1", "item_name": "x", "state": "accepted",
            "accepted_at": "2026-11-10T09:00:00+08:00", "instant": 0, "paused": 0,
            "deadline_provisional": 0, "deadline": None}
    return {**base, **kw}


def test_countdown_colours(state: CounterState):
    # today is Monday 2026-11-23 (conftest NOW)
    model = CaseTableModel(state)
    model.set_rows([
        row("ok", deadline="2026-12-04"),
        row("warn", deadline="2026-11-24"),
        row("today", deadline="2026-11-23"),
        row("late", deadline="2026-11-20"),
        row("paused", paused=1),
        row("prov", deadline="2027-01-14", deadline_provisional=1),
        row("done", state="issued", deadline="2026-11-20"),
    ])
    levels = [model.level_of(i) for i in range(model.rowCount())]
    assert levels == ["ok", "warning", "warning", "overdue", "paused", "ok", "none"]
    assert model.data(model.index(3, 7)) == "已超期1个工作日"
    assert model.data(model.index(2, 7)) == "今日到期"
    assert model.data(model.index(5, 6)) == "2027-01-14（临时）"


def test_warning_days_is_a_setting(state: CounterState):
    cal = state.calendar
    d = Deadline(dt.date(2026, 11, 26), False, False, 0, 0)
    assert describe(cal, d, dt.date(2026, 11, 23), 1).level == "ok"
    assert describe(cal, d, dt.date(2026, 11, 23), 3).level == "warning"


def test_countdown_refresh_follows_the_clock(clerk):
    model = CaseTableModel(clerk.state)
    model.set_rows([row("a", deadline="2026-11-24")])
    assert model.level_of(0) == "warning"
    clerk.state.clock = lambda: dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC)
    model.refresh_countdowns()
    assert model.level_of(0) == "overdue"


def test_my_cases_lists_the_clerks_open_cases(clerk):
    ws = clerk.workspace
    ws.start_reception(clerk.state.catalog.item("0105"))
    ws.reception.form.applicant.set_values({"name": "李四", "id_number": "11010519491231002X"})
    ws.reception.materials.tick_all_required()
    ws.reception.accept_case()
    ws.show_my_cases()
    ws.my_cases.reload()
    assert ws.my_cases.model.rowCount() == 1
    assert ws.my_cases.model.data(ws.my_cases.model.index(0, 3)) == "1101**********002X"


def test_calendar_banner_shows_when_next_year_is_missing(clerk):
    assert clerk.workspace.banner.isVisibleTo(clerk.workspace)
    assert "2027" in clerk.workspace.banner.text()


def test_english_translation_loads(qapp, tmp_path):
    from desktop import i18n, i18n_build

    ts = i18n_build.TRANSLATIONS / "yichuang_en.ts"
    qm = i18n_build.release(ts, tmp_path / "yichuang_en.qm")
    original = i18n.qm_path
    i18n.qm_path = lambda lang: str(qm)
    try:
        assert i18n.install(qapp, "en")
        assert QCoreApplication.translate("messages", "已受理") == "Accepted"
        assert QCoreApplication.translate("Countdown", "剩%n个工作日", "", 4) == \
            "4 working days left"  # all of English, plurals included: tests/test_translations
    finally:
        i18n.qm_path = original
        i18n.install(qapp, "zh_CN")
    assert QCoreApplication.translate("messages", "已受理") == "已受理"


def test_settings_are_typed_and_versioned(tmp_path):
    (tmp_path / "settings.json").write_text(
        '{"version": 1, "idle_lock_seconds": 600, "warn_working_days": "x", "bogus": 1}')
    store = SettingsStore(tmp_path)
    snap = store.snapshot()
    assert isinstance(snap, CounterSettings)
    assert snap.idle_lock_minutes == 10
    assert snap.warn_working_days == 1
    store.set("window_id", "W03")
    assert SettingsStore(tmp_path).snapshot().window_id == "W03"


def test_log_masks_id_numbers_and_phones_but_not_case_numbers():
    text = mask_text("id 11010519491231002X phone 13806331234 case 1261123800100016")
    assert "11010519491231002X" not in text and "1101**********002X" in text
    assert "138****1234" in text
    assert "1261123800100016" in text
    record = logging.LogRecord("x", logging.INFO, "f", 1, "who %s", ("13806331234",), None)
    MaskingFilter().filter(record)
    assert record.getMessage() == "who 138****1234"


def test_threaded_runner_writes_and_reads_off_the_gui_thread(qtbot, data_dir):
    import threading

    from desktop.tasks import TaskRunner
    from sync.replica import DB_NAME

    runner = TaskRunner(data_dir / DB_NAME)
    gui = threading.get_ident()
    seen = {}

    def write(store):
        seen["writer"] = threading.get_ident()
        return store.replica.identity().terminal_code

    def read(replica):
        seen["reader"] = threading.get_ident()
        return calendar_of(replica).years

    results = []
    runner.write(write, lambda v: results.append(("w", v, threading.get_ident())))
    runner.read(read, lambda v: results.append(("r", v, threading.get_ident())))
    failures = []
    runner.read(lambda r: 1 / 0, None, failures.append)
    qtbot.waitUntil(runner.idle, timeout=5000)
    runner.shutdown()
    assert {k for k, _, _ in results} == {"w", "r"}
    assert all(t == gui for _, _, t in results)  # callbacks on the GUI thread
    assert seen["writer"] != gui and seen["reader"] != gui
    assert isinstance(failures[0], ZeroDivisionError)
