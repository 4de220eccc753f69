"""The kiosk offers only what the current opening period offers (Yibin-style hours)."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from desktop.kiosk.widgets import ItemTile
from domain.catalog_file import hours_rows
from domain.events import CHINA_TZ
from sync import reference
from sync.replica import DB_NAME, Replica
from sync.store import load_case

HOURS = pathlib.Path(__file__).resolve().parents[3] / "docs" / "hours" / "yibin-style.json"
MON = dt.date(2026, 11, 23)


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm), CHINA_TZ)


@pytest.fixture
def hours_kiosk(qtbot, data_dir, sims, kiosk_settings):
    from desktop.kiosk.launch import build
    from desktop.tasks import InlineTaskRunner

    with Replica.in_dir(data_dir) as r:
        reference.store_rows(r, hours_rows(json.loads(HOURS.read_text("utf-8"))))
    clock = Clock(at(MON, 18, 30))
    k = build(data_dir, runner=InlineTaskRunner(data_dir / DB_NAME, clock=clock), sims=sims,
              settings=kiosk_settings)
    qtbot.addWidget(k.window)
    k.window.resize(1080, 1920)
    k.window.show()
    k.clock = clock
    yield k
    k.window.unlock()
    k.shutdown()


def _names(page, qtbot) -> set[str]:
    qtbot.wait(50)
    return {t.item.no for t in page.findChildren(ItemTile) if t.isVisibleTo(page)}


def test_evening_offers_only_the_evening_items(hours_kiosk, qtbot):
    flow = hours_kiosk.flow
    assert {i.no for i in flow.catalog.items} == {"0101", "0102", "0106", "0301", "0302",
                                                  "0401", "0402"}
    start = hours_kiosk.window.pages["start"]
    assert start.start_button.isEnabled()
    assert "晚间延时服务 17:00-20:00" in start.note_label.text()
    assert "明天 09:00起办理" in start.note_label.text()
    flow.go("services")
    services = hours_kiosk.window.pages["services"]
    services.show_groups("zone", "Z1")
    assert _names(services, qtbot) == {"0101", "0102", "0106"}


def test_outside_every_period_the_kiosk_shows_the_hours_and_does_not_register(
        hours_kiosk, qtbot):
    flow = hours_kiosk.flow
    hours_kiosk.clock.at = at(MON, 20, 5)
    flow.apply_hours()
    start = hours_kiosk.window.pages["start"]
    assert not start.start_button.isEnabled()
    text = start.blocked_label.text()
    assert "现在不在办理时间" in text and "明天 09:00" in text and "晚间延时服务 17:00-20:00" in text
    item = hours_kiosk.flow.all_items.item("0101")
    flow.begin_identify(item)
    assert hours_kiosk.window.current.key != "identify"
    # back the next morning: everything again
    hours_kiosk.clock.at = at(MON + dt.timedelta(days=1), 9, 0)
    flow.apply_hours()
    assert start.start_button.isEnabled() and not start.blocked_label.isVisible()
    assert len(flow.catalog.items) == len(flow.all_items.items)


def test_weekend_duty_and_the_extended_stamp(hours_kiosk, data_dir, qtbot):
    """Sat 28 Nov 10:00, the duty period: a registration is stamped extended."""
    flow = hours_kiosk.flow
    hours_kiosk.clock.at = at(dt.date(2026, 11, 28), 10, 0)
    flow.apply_hours()
    assert {i.no for i in flow.catalog.items} == {"0101", "0102", "0106", "0401", "0402"}
    flow.choose(flow.catalog.item("0401"), "services")
    flow.begin_identify(flow.session.item)
    flow.on_id_typed("11010519491231002X")
    with qtbot.waitSignal(flow.sig_registered, timeout=5000) as got:
        hours_kiosk.window.pages["phone"].sig_phone_entered.emit("")
    reg = got.args[0]
    with Replica.in_dir(data_dir) as r:
        case = load_case(r, reg.case_id)
    assert (case.period, case.extended) == ("duty", True)
