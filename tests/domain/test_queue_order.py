"""Who is next: transfers to this window, appointments due, priority, then arrival —
by the hall's rules, the same on every counter."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import announce, queue_order, queue_rules
from domain import tickets as tk
from domain.catalog import Window
from domain.events import CHINA_TZ
from domain.queue_figures import summarize, ticket_times
from domain.queue_order import Waiting
from domain.queue_rules import InvalidQueueRules, QueueRules, rules_from_dict

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=CHINA_TZ)
DAY = "2026-03-02"


def w(i: str, minute: int, **kw) -> Waiting:
    return Waiting(id=i, number=f"A1{int(minute):03d}", zone=kw.pop("zone", "Z1"),
                   order_at=f"2026-03-02T09:{minute:02d}:00+08:00", day=DAY, **kw)


DEFAULT = QueueRules()


def order(tickets, window="W01", zones=("Z1",), rules=DEFAULT, now=NOW):
    return [x.id for x in queue_order.candidates(tickets, window, zones, rules, now)]


def test_arrival_order_then_priority_then_appointments_then_transfers_to_this_window():
    plain = [w("a", 1), w("b", 2), w("c", 3)]
    assert order(plain) == ["a", "b", "c"]
    assert order([*plain, w("old", 9, priority="elderly")]) == ["old", "a", "b", "c"]
    due = w("appt", 30, appointment_at="2026-03-02T10:05:00+08:00")
    assert order([*plain, w("old", 9, priority="elderly"), due])[:2] == ["appt", "old"]
    later = w("later", 31, appointment_at="2026-03-02T11:00:00+08:00")  # not yet: in line
    assert order([*plain, later]) == ["a", "b", "c", "later"]
    moved = w("moved", 50, target_window="W01", zone="Z2")
    assert order([*plain, due, moved])[0] == "moved"
    assert "moved" not in order([*plain, moved], window="W02")


def test_only_todays_waiting_tickets_of_the_windows_zones():
    yesterday = Waiting(id="y", number="A1001", zone="Z1",
                        order_at="2026-03-01T09:00:00+08:00", day="2026-03-01")
    other_zone = w("z2", 1, zone="Z2")
    called = w("c", 2, state=tk.ON_CALL)
    assert order([yesterday, other_zone, called, w("ok", 5)]) == ["ok"]
    assert order([other_zone, w("ok", 5)], zones=("Z1", "Z2")) == ["z2", "ok"]


def test_the_rules_are_data_and_bad_data_is_refused_with_a_reason():
    rules = rules_from_dict({"priority_kinds": ["disabled"], "no_show_after": 3,
                             "window_zones": {"W04": ["Z2"]}})
    assert order([w("a", 1), w("old", 9, priority="elderly")], rules=rules) == ["a", "old"]
    assert rules.zones_of(Window("W04", "04", "4号", "Z1")) == ("Z1", "Z2")
    assert rules_from_dict(None) == QueueRules()
    for bad in ({"no_show_after": -1}, {"priority_kinds": ["vip"]}, {"elderly_age": "70"},
                {"window_zones": {"W01": "Z2"}}, {"service_minutes": 0}):
        with pytest.raises(InvalidQueueRules):
            rules_from_dict(bad)


@pytest.mark.parametrize("birth, today, expected", [
    (dt.date(1956, 3, 2), dt.date(2026, 3, 2), "elderly"),  # 70 today
    (dt.date(1956, 3, 3), dt.date(2026, 3, 2), ""),  # 70 tomorrow
    (dt.date(1956, 2, 29), dt.date(2026, 2, 28), ""),
    (dt.date(1956, 2, 29), dt.date(2026, 3, 1), "elderly"),
    (None, dt.date(2026, 3, 2), ""),
])
def test_seventy_and_over_by_the_id_cards_birth_date(birth, today, expected):
    assert queue_rules.priority_for_birth(birth, today, QueueRules()) == expected


def test_estimated_wait_and_staff_numbers():
    assert queue_order.estimated_wait_minutes(0, 3, 8) == 0
    assert queue_order.estimated_wait_minutes(7, 3, 8) == 24
    assert queue_order.estimated_wait_minutes(2, 0, 5) == 10
    number, serial = queue_order.staff_number("A", ["A1001", "A0007", "B0009", "junk"], 3)
    assert (number, serial) == ("A0008", 8)
    assert queue_order.staff_number("b", [], 1) == ("B0001", 1)


def test_call_text_reads_the_number_digit_by_digit():
    win = Window("W03", "03", "3号综合受理窗口", "Z1")
    assert announce.call_text("A1012", win) == "请 A1012 号到 3 号窗口办理"
    assert announce.spoken_call("A1012", win) == "请 A 1 0 1 2 号，到 3 号窗口办理"
    assert announce.call_text("A1012", Window("WX", "X", "出件窗口", "Z1")) == \
        "请 A1012 号到出件窗口办理"


def test_wait_and_service_times_of_tickets():
    from domain import events as ev
    from domain import streams

    def e(kind, payload, i, minute):
        return ev.Event(id=f"e{i}", case_id="t", kind=kind, payload=payload,
                        expected_state=None, terminal_id="k", terminal_seq=i, staff_id="S1",
                        recorded_at=f"2026-03-02T09:{minute:02d}:00+08:00")

    served = streams.fold([e(tk.TAKEN, {"number": "A1001", "zone": "Z1"}, 1, 0),
                           e(tk.CALLED, {"window": "W01"}, 2, 10),
                           e(tk.STARTED, {"window": "W01"}, 3, 12),
                           e(tk.ENDED, {"window": "W01"}, 4, 20)], "t")
    missed = streams.fold([e(tk.TAKEN, {"number": "A1002", "zone": "Z1"}, 1, 0),
                           e(tk.CALLED, {"window": "W01"}, 2, 4),
                           e(tk.NO_SHOW, {"window": "W01"}, 3, 6)], "t")
    a, b = ticket_times(served), ticket_times(missed)
    assert (a.wait_s, a.service_s, a.window_id) == (600, 480, "W01")
    assert (b.wait_s, b.service_s) == (240, None)
    s = summarize([a, b])
    assert s == {"tickets": 2, "served": 1, "no_show": 1, "cancelled": 0, "avg_wait_s": 420.0,
                 "median_wait_s": 420.0, "max_wait_s": 600, "avg_service_s": 480.0}
