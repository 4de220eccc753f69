"""好差评 at the kiosk: a citizen scans the slip (or keys its number) and rates once; a
bad rating opens its follow-up; a second rating of the same service is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from domain import followups, ratings


@pytest.fixture
def issued(replica, clock):
    """Numbers of issued, unrated cases in the kiosk's replica."""
    from sync.demo_data import write_demo_cases

    write_demo_cases(replica, 40, today=clock().date())
    rows = replica.conn.execute("SELECT id, case_number, item_name FROM cases "
                                "WHERE state='issued' AND rating IS NULL").fetchall()
    assert len(rows) >= 2
    return [tuple(r) for r in rows]


def _key_in(page, number: str) -> None:
    for ch in number:
        page.keypad.buttons[ch].click()


def test_a_keyed_slip_is_rated_once_and_a_bad_rating_opens_its_followup(kiosk, issued,
                                                                         replica, qtbot):
    from sync import projection

    w = kiosk.window
    w.rate_button.click()
    page = w.current
    assert page.key == "rating" and not page.next_button.isEnabled()
    case_id, number, item = issued[0]
    _key_in(page, number)
    assert page.display.text() == number
    page.next_button.click()
    assert page.stages.currentIndex() == 1 and item in page.case_text.text()
    page.level_buttons[2].click()
    assert page.stages.currentIndex() == 2 and page.done_text.text() == "感谢您的评价！"
    case = projection.load_stream(replica, case_id)
    assert case.rating["level"] == 2 and case.rating["channel"] == "kiosk"
    f = projection.load_stream(replica, ratings.followup_id(case.rating["event_id"]))
    assert isinstance(f, followups.Followup) and f.state == followups.OPEN
    # after the thanks, back to the start by itself
    page._done_timer.setInterval(10)
    page.show_done(True)
    qtbot.waitUntil(lambda: w.current.key == "start", timeout=3000)
    # the same slip scanned again on the start screen: refused, the first one stands
    qtbot.keyClicks(w, number)
    qtbot.keyClick(w, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.current.key == "rating" and page.stages.currentIndex() == 2,
                    timeout=3000)
    assert "已经评价过" in page.done_hint.text()
    assert projection.load_stream(replica, case_id).rating["level"] == 2


def test_a_mistyped_number_says_so_and_rates_nothing(kiosk, issued, replica):
    w = kiosk.window
    w.rate_button.click()
    page = w.current
    _case_id, number, _item = issued[1]
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    _key_in(page, wrong)
    page.next_button.click()
    assert page.stages.currentIndex() == 0 and "校验" in page.scan_error.text()
    assert replica.conn.execute("SELECT COUNT(*) FROM events WHERE kind='rated' AND "
                                "staff_id='kiosk'").fetchone()[0] == 0
    # home clears the number (the next citizen sees none of it)
    w.sig_home_requested.emit()
    assert w.current.key == "start" and page.number == ""
