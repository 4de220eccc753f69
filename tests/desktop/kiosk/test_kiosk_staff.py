"""The kiosk as staff and citizens live with it (issue 15): keys, touch, time, progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_ctrl_shift_q_opens_the_pin_page(qtbot, kiosk):
    w = kiosk.window
    assert w.current.key == "start"
    QTest.keyClick(w, Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.current.key == "admin"


# --- issue 15.11: touch, time, confirmation, progress -------------------------------

import datetime as dt  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from domain import events as ev  # noqa: E402
from domain.events import CHINA_TZ  # noqa: E402
from tests.desktop.kiosk.test_kiosk_flow import go_to_identify, tap  # noqa: E402


def positions(window, keypad) -> dict[str, QPoint]:
    return {k: b.mapTo(window, QPoint(0, 0)) for k, b in keypad.buttons.items()}


@pytest.mark.parametrize("panel", [(1080, 1920), (1920, 1080)])
def test_the_id_keypad_stays_under_the_finger(qtbot, kiosk, panel):
    w = kiosk.window
    w.resize(*panel)
    go_to_identify(qtbot, kiosk)
    page = w.pages["identify"]
    page.show_keypad(True)
    qtbot.wait(30)
    before = positions(w, page.keypad)
    for digit in "11010519491231002":
        tap(qtbot, page.keypad.buttons[digit])
        qtbot.wait(5)
        assert positions(w, page.keypad) == before, f"moved after {page.typed}"


def test_the_phone_keypad_stays_under_the_finger(qtbot, kiosk, sims):
    w = kiosk.window
    go_to_identify(qtbot, kiosk)
    with qtbot.waitSignal(w.sig_page_changed, timeout=5000):
        sims.reader.present("wangfang")
    page = w.pages["phone"]
    qtbot.wait(30)
    before = positions(w, page.keypad)
    for digit in "13812345678":
        tap(qtbot, page.keypad.buttons[digit])
        qtbot.wait(5)
    assert positions(w, page.keypad) == before


@pytest.mark.parametrize("panel", [(1080, 1920), (1920, 1080)])
def test_large_text_never_cuts_a_zone_name(qtbot, kiosk, panel):
    w, flow = kiosk.window, kiosk.flow
    w.resize(*panel)
    flow.set_elderly(True)
    flow.go("services")
    qtbot.wait(30)
    page = w.pages["services"]
    buttons = page._buttons.buttons()
    assert any("房产交易" in b.text() for b in buttons)
    for b in buttons:
        assert b.width() >= b.sizeHint().width(), b.text()  # the whole name, padding too


def test_the_header_clock_is_beijing_time(qtbot, kiosk):
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"  # a PC set to another zone
    time.tzset()
    try:
        kiosk.window._tick_clock()
        beijing = dt.datetime.now(CHINA_TZ)
        shown = kiosk.window.clock.text()  # a portrait header shows the time only
        assert any(shown.endswith(f"{t:%H:%M}")
                   for t in (beijing, beijing + dt.timedelta(minutes=1))), shown
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


def test_a_card_read_is_confirmed_masked(qtbot, kiosk, sims):
    w = kiosk.window
    go_to_identify(qtbot, kiosk)
    with qtbot.waitSignal(w.sig_page_changed, timeout=5000):
        sims.reader.present("wangfang")
    page = w.pages["phone"]
    shown = " ".join(lb.text() for lb in page.findChildren(QLabel) if lb.isVisibleTo(w))
    assert "已读取：王*" in shown
    assert "王芳" not in shown and "64010419850615002X" not in shown


def visible_text(widget) -> str:
    return "\n".join(lb.text() for lb in widget.findChildren(QLabel)
                     if lb.isVisibleTo(widget.window()) and lb.text())


def register_at_kiosk(qtbot, kiosk, sims):
    w, flow = kiosk.window, kiosk.flow
    go_to_identify(qtbot, kiosk)
    with qtbot.waitSignal(w.sig_page_changed, timeout=5000):
        sims.reader.present("wangfang")
    with qtbot.waitSignal(flow.sig_slip_printed, timeout=10000) as printed:
        w.pages["phone"].sig_phone_entered.emit("")
    sims.reader.remove()
    flow.busy = False
    flow.reset()
    return printed.args[0]


def query(qtbot, kiosk, number: str):
    w = kiosk.window
    tap(qtbot, w.pages["start"].progress_button)
    assert w.current.key == "progress"
    page = w.pages["progress"]
    for digit in number:
        tap(qtbot, page.keypad.buttons[digit])
    tap(qtbot, page.ok_button)
    return page


def test_progress_by_the_slip_number(qtbot, kiosk, sims):
    reg = register_at_kiosk(qtbot, kiosk, sims)
    page = query(qtbot, kiosk, reg.slip_number)
    text = visible_text(page)
    assert "企业设立登记" in text and "已登记" in text
    assert "王*" in text and "王芳" not in text
    assert "64010419850615002X" not in text and "6401**********002X" in text


def test_progress_of_an_accepted_case_shows_its_deadline(qtbot, kiosk):
    from desktop.counter import jobs
    from domain.application import Actor, Person, registration_payload

    catalog = kiosk.flow.catalog
    item = catalog.item("0105")  # promised: 10 working days
    payload = registration_payload(item, Person("李建国", "64010419850615002X"),
                                   provided={m.id: True for m in item.materials})
    done = []
    kiosk.runner.write(lambda store: jobs.open_case(store, payload, Actor("S001", "t", "W01"),
                                                    [(ev.ACCEPTED, {})]), done.append)
    case = done[0]
    page = query(qtbot, kiosk, case.case_number)
    text = visible_text(page)
    assert "已受理" in text and "个工作日" in text
    assert case.deadline(kiosk.flow.calendar).day.isoformat() in text
    assert "李*" in text and "李建国" not in text


def test_a_wrong_number_is_said_and_nothing_shown(qtbot, kiosk):
    page = query(qtbot, kiosk, "1261123900100019")  # wrong check digit
    assert "校验" in page.message.text()
    assert not page.result.isVisible()


def test_scanning_a_slip_at_the_start_screen_shows_its_progress(qtbot, kiosk, sims):
    reg = register_at_kiosk(qtbot, kiosk, sims)
    w = kiosk.window
    assert w.current.key == "start"
    QTest.keyClicks(w, reg.slip_number)  # a keyboard-wedge scanner's speed
    QTest.keyClick(w, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.current.key == "progress"
                    and w.pages["progress"].result.isVisible(), timeout=3000)
    assert "企业设立登记" in visible_text(w.pages["progress"])


# --- issue 15.12: the kiosk's language button -----------------------------------------
# (the flow asks for the rebuild; desktop.kiosk.launch.run turns that into exit(RESTART)
# and builds the kiosk again: QApplication.exit itself must not run in a test process,
# every later event loop would return at once)


def test_the_kiosk_language_button_rebuilds_it_in_english_for_one_citizen(qtbot, kiosk):
    w, flow = kiosk.window, kiosk.flow
    assert w.language_button.text() == "English"
    with qtbot.waitSignal(flow.sig_rebuild_requested, timeout=1000) as asked:
        tap(qtbot, w.language_button)
    assert asked.args == ["en"] and flow.next_language == "en"
    # rebuilt in English, the next citizen gets the hall's language back
    flow.language, flow.next_language = "en", ""
    with qtbot.waitSignal(flow.sig_rebuild_requested, timeout=1000) as asked:
        flow.reset()
    assert asked.args == ["zh_CN"]


# --- the kiosk as a rating channel (the reusable rating view, issue 15.2) -------------

def test_a_finished_case_can_be_rated_at_the_kiosk(qtbot, kiosk, replica):
    from desktop.counter import jobs
    from domain.application import Actor, Person, registration_payload
    from sync.store import load_case

    item = kiosk.flow.catalog.item("0103")  # instant: issued on the spot
    payload = registration_payload(item, Person("李建国", "64010419850615002X"),
                                   provided={m.id: True for m in item.materials})
    done = []
    kiosk.runner.write(lambda store: jobs.open_case(
        store, payload, Actor("S001", "t", "W01"),
        [(ev.ACCEPTED, {}), (ev.ISSUED, {"method": "collected", "on_the_spot": True})]),
        done.append)
    case = done[0]
    page = query(qtbot, kiosk, case.case_number)
    assert page.rate_button.isVisible()
    tap(qtbot, page.rate_button)
    view = kiosk.flow.rating.view
    assert view.window() is kiosk.window and view.isVisible() and view.page == "rate"
    with qtbot.waitSignal(kiosk.flow.rating.sig_rated, timeout=3000) as rated:
        tap(qtbot, view.level_buttons[5])
    assert rated.args == [case.id, 5, True]
    [rating] = load_case(replica, case.id).ratings
    assert rating["channel"] == "kiosk" and rating["level"] == 5 and rating["counted"]
    assert not page.rate_button.isVisible()  # one rating per service
    view.show_welcome("")  # what the view's own timer does after the thanks
    assert not view.isVisible()


def test_a_bad_kiosk_rating_opens_its_followup_and_counts_once(qtbot, kiosk, replica):
    """好差评 at the kiosk (issue 9): the slip's case rated 不满意 opens its 回访整改 in the
    same transaction; the same slip scanned again offers no second rating."""
    from desktop.counter import jobs
    from domain import followups, ratings
    from domain.application import Actor, Person, registration_payload
    from sync import projection

    item = kiosk.flow.catalog.item("0103")
    payload = registration_payload(item, Person("李建国", "64010419850615002X"),
                                   provided={m.id: True for m in item.materials})
    done = []
    kiosk.runner.write(lambda store: jobs.open_case(
        store, payload, Actor("S001", "t", "W01"),
        [(ev.ACCEPTED, {}), (ev.ISSUED, {"method": "collected", "on_the_spot": True})]),
        done.append)
    case = done[0]
    page = query(qtbot, kiosk, case.case_number)
    tap(qtbot, page.rate_button)
    view = kiosk.flow.rating.view
    tap(qtbot, view.level_buttons[2])
    assert view.page == "reason"  # a low level asks why, as on the pad
    view.reason_buttons["slow"].click()
    qtbot.waitUntil(lambda: projection.load_stream(replica, case.id).rating is not None,
                    timeout=3000)
    rated = projection.load_stream(replica, case.id).rating
    assert (rated["level"], rated["channel"]) == (2, "kiosk")
    follow = projection.load_stream(replica, ratings.followup_id(rated["event_id"]))
    assert isinstance(follow, followups.Followup) and follow.state == followups.OPEN
    view.show_welcome("")
    again = query(qtbot, kiosk, case.case_number)
    assert not again.rate_button.isVisible()
