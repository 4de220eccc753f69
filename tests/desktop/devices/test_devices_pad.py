"""Ratings after a service: the screen pad, the serial pad, one rating per service."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from desktop.devices.ratings import SKIPPED_ALREADY_RATED, SKIPPED_TIMEOUT
from desktop.devices.state import DeviceState
from domain.application import Person, registration_payload
from sync.store import load_case


@pytest.fixture
def case(counter, instant_item):
    payload = registration_payload(instant_item, Person("王芳", "64010419850615002X"))
    actor = counter.state.session.actor
    found = []
    counter.runner.write(lambda store: store.open_case(payload, actor)[1], found.append)
    return found[0]


@pytest.fixture
def ratings(counter):
    return counter.devices.ratings


def _ratings_of(counter, case_id):
    return load_case(counter.runner._replica, case_id).ratings


def _ask(qtbot, ratings, view, case_id):
    ratings.ask_for_rating(case_id, "1001", "王丽")
    qtbot.waitUntil(lambda: view.page == "rate", timeout=3000)


def test_pressing_satisfied_records_a_screen_rating(qtbot, counter, ratings, hub, case):
    view = hub.pad.screen_pad.view
    _ask(qtbot, ratings, view, case.id)
    assert "王丽" in view.staff_label.text() and "1001" in view.staff_label.text()
    with qtbot.waitSignal(ratings.sig_rating_recorded, timeout=3000) as rec:
        qtbot.mouseClick(view.level_buttons[4], Qt.MouseButton.LeftButton)
    assert rec.args == [case.id, 4, True]
    [rating] = _ratings_of(counter, case.id)
    assert rating["level"] == 4 and rating["channel"] == "screen" and rating["counted"]
    qtbot.waitUntil(lambda: view.page == "thanks", timeout=3000)


def test_a_low_level_asks_for_a_reason(qtbot, counter, ratings, hub, case):
    view = hub.pad.screen_pad.view
    _ask(qtbot, ratings, view, case.id)
    qtbot.mouseClick(view.level_buttons[2], Qt.MouseButton.LeftButton)
    assert view.page == "reason"
    with qtbot.waitSignal(ratings.sig_rating_recorded, timeout=3000):
        qtbot.mouseClick(view.reason_buttons["slow"], Qt.MouseButton.LeftButton)
    [rating] = _ratings_of(counter, case.id)
    assert (rating["level"], rating["reason"]) == (2, "时间太长")


def test_a_second_rating_is_not_counted(qtbot, counter, ratings, hub, case):
    view = hub.pad.screen_pad.view
    _ask(qtbot, ratings, view, case.id)
    with qtbot.waitSignal(ratings.sig_rating_recorded, timeout=3000):
        qtbot.mouseClick(view.level_buttons[5], Qt.MouseButton.LeftButton)
    # asking again: the pad says "already rated" and asks nothing
    with qtbot.waitSignal(ratings.sig_rating_skipped, timeout=3000) as skipped:
        ratings.ask_for_rating(case.id, "1001", "王丽")
    assert skipped.args == [case.id, SKIPPED_ALREADY_RATED]
    assert view.page == "thanks" and "已评价" in view.thanks_title.text()
    # a late rating that still arrives (another channel) is recorded, not counted
    from desktop.devices.pad import PadAnswer
    from devices.pad.interface import Rating

    with qtbot.waitSignal(ratings.sig_rating_recorded, timeout=3000) as rec:
        ratings._on_answer(case.id, PadAnswer(Rating(1), "pad"))
    assert rec.args == [case.id, 1, False]
    first, second = _ratings_of(counter, case.id)
    assert first["counted"] and not second["counted"]
    assert load_case(counter.runner._replica, case.id).rating["level"] == 5


def test_pad_timeout_records_nothing(qtbot, counter, ratings, hub, case):
    hub.pad.configure(dataclasses.replace(hub.settings, pad_timeout_s=1))
    view = hub.pad.screen_pad.view
    with qtbot.waitSignal(ratings.sig_rating_skipped, timeout=5000) as skipped:
        ratings.ask_for_rating(case.id, "1001", "王丽")
    assert skipped.args == [case.id, SKIPPED_TIMEOUT]
    assert _ratings_of(counter, case.id) == []
    assert view.page == "welcome"


def test_issuing_asks_for_a_rating(qtbot, counter, hub, instant_item):
    reception = counter.workspace.reception
    counter.workspace.start_reception(instant_item)
    reception.form.applicant.set_values({"name": "王芳", "id_number": "64010419850615002X"})
    reception.materials.tick_all_required()
    reception.accept_case()  # an instant item is issued on the spot
    qtbot.waitUntil(lambda: hub.pad.screen_pad.view.page == "rate", timeout=3000)
    hub.pad.cancel()


def test_serial_pad_rating_has_channel_pad(qtbot, counter, ratings, hub, case, pad_sim):
    hub.apply(hub.settings.replace(pad_backend="yc-pad", pad_url=pad_sim.port))
    pad_sim.set_auto(3, delay=0.1)
    with qtbot.waitSignal(ratings.sig_rating_recorded, timeout=5000) as rec:
        ratings.ask_for_rating(case.id, "1001", "王丽")
    assert rec.args == [case.id, 3, True]
    assert _ratings_of(counter, case.id)[0]["channel"] == "pad"
    assert pad_sim.display["screen"] == "thanks"


def test_a_dead_serial_pad_falls_back_to_the_screen(qtbot, counter, ratings, hub, case, pad_sim):
    hub.apply(hub.settings.replace(pad_backend="yc-pad", pad_url=pad_sim.port))
    pad_sim.unplug()
    light = counter.devices.lights.lights["pad"]
    view = hub.pad.screen_pad.view
    _ask(qtbot, ratings, view, case.id)
    assert light.state == DeviceState.FAULT and "屏幕评价" in light.toolTip()
    with qtbot.waitSignal(ratings.sig_rating_recorded, timeout=3000):
        qtbot.mouseClick(view.level_buttons[5], Qt.MouseButton.LeftButton)
    assert _ratings_of(counter, case.id)[0]["channel"] == "screen"
