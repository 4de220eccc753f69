"""The one rule behind every touch keypad of the kiosk (desktop.kiosk.widgets.after_key)."""

from desktop.kiosk.widgets import BACKSPACE, CLEAR, after_key


def test_backspace_clear_and_room():
    assert after_key("123", BACKSPACE, 8) == "12"
    assert after_key("", BACKSPACE, 8) == ""
    assert after_key("123", CLEAR, 8) == ""
    assert after_key("1234567", "8", 8) == "12345678"
    assert after_key("12345678", "9", 8) == "12345678"  # no room: the key is ignored


def test_a_page_may_refuse_a_key():
    body = "11010519491231002"
    assert after_key(body[:5], "X", 18, allowed=False) == body[:5]
    assert after_key(body, "X", 18, allowed=True) == body + "X"


def test_identity_page_takes_x_only_as_the_check_character(qtbot):
    from desktop.kiosk.identify_pages import IdentifyPage

    page = IdentifyPage()
    qtbot.addWidget(page)
    for key in "1101X":
        page.press(key)
    assert page.typed == "1101"
    for key in "0519491231002X":
        page.press(key)
    assert page.typed == "11010519491231002X"
    page.press("5")
    assert page.typed == "11010519491231002X"
