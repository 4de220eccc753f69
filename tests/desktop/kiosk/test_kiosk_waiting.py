"""The kiosk takes a queue ticket with every registration (70 and over go first by the
card's birth date) and shows how many wait in each zone and about how long."""

from __future__ import annotations

from desktop.kiosk.registration import person_from_typed, register
from domain import tickets as tk
from domain.idnumber import check_char
from sync import reference, tickets
from sync.replica import Replica
from sync.store import CaseStore
from tests.desktop.conftest import NOW


def typed(birth: str) -> object:
    body = f"371102{birth}123"
    return person_from_typed(body + check_char(body))


def test_each_registration_takes_its_ticket_and_age_decides_priority(data_dir, clock):
    with Replica.in_dir(data_dir) as r:
        store = CaseStore(r, clock=clock)
        catalog = reference.load_catalog(r)
        item = catalog.item("0101")
        young = register(store, catalog, item, typed("19900101"), kiosk_no=2)
        old = register(store, catalog, item, typed("19560101"), kiosk_no=2)  # 70 on NOW
        rows = {x["number"]: x for x in tickets.waiting(r, NOW.date().isoformat())}
    assert set(rows) == {young.queue_no, old.queue_no}
    assert rows[old.queue_no]["priority"] == "elderly" and rows[young.queue_no]["priority"] is None
    t = rows[young.queue_no]
    assert t["id"] == tk.ticket_id_for_slip(young.slip_number)  # a window can scan it
    assert (t["case_id"], t["zone"], t["channel"]) == (young.case_id, item.zone, "kiosk")


def test_the_start_screen_shows_waiting_per_zone(qtbot, kiosk, data_dir, clock):
    widget = kiosk.window.queue_link.widget
    widget.clock = clock
    widget.refresh()
    assert [c.text() for c in widget._cells] == ["各服务区目前无需等候"]
    with Replica.in_dir(data_dir) as r:
        store = CaseStore(r, clock=clock)
        catalog = reference.load_catalog(r)
        for _ in range(3):
            register(store, catalog, catalog.item("0101"), typed("19900101"), kiosk_no=1)
    widget.refresh()
    texts = [c.text() for c in widget._cells]
    assert texts == ["A 企业开办  3 人 · 约 8 分钟"], texts
    assert widget.isVisible()
