"""The kiosk end to end: start screen → printed slip, with the simulated devices."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from desktop.kiosk.widgets import ItemTile
from domain.numbering import case_id_for_slip, parse
from sync import notices

ITEM = "0101"  # 企业设立登记, zone A


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tile(page, item_no: str) -> ItemTile:
    return next(t for t in page.findChildren(ItemTile) if t.item.no == item_no)


def go_to_identify(qtbot, kiosk) -> None:
    w = kiosk.window
    tap(qtbot, w.pages["start"].start_button)
    assert w.current.key == "services"
    tap(qtbot, tile(w.pages["services"], ITEM))
    assert w.current.key == "item"
    tap(qtbot, w.pages["item"].register_button)
    assert w.current.key == "identify"


def test_whole_registration_prints_the_slip(qtbot, kiosk, sims, replica):
    w, flow = kiosk.window, kiosk.flow
    go_to_identify(qtbot, kiosk)
    with qtbot.waitSignal(w.sig_page_changed, timeout=5000):
        sims.reader.present("wangfang")
    assert w.current.key == "phone"
    for digit in "13812345678":
        tap(qtbot, w.pages["phone"].keypad.buttons[digit])
    with qtbot.waitSignal(flow.sig_slip_printed, timeout=10000) as printed:
        tap(qtbot, w.pages["phone"].ok_button)
    reg = printed.args[0]
    assert w.current.key == "result" and w.pages["result"].mode == "done"
    assert w.pages["result"].queue_no.text() == reg.queue_no == "A1001"

    slip = reg.slip_number
    assert parse(slip).item_no == ITEM
    code128 = b"\x1d\x6b\x49" + bytes([12]) + b"{C" + bytes(  # n counts {C too
        int(slip[i:i + 2]) for i in range(0, 20, 2))
    qtbot.waitUntil(lambda: code128 in sims.printer.printed_bytes(), timeout=5000)
    printed_bytes = sims.printer.printed_bytes()
    assert "企业设立登记".encode("gb18030") in printed_bytes
    assert reg.queue_no.encode() in printed_bytes

    row = replica.conn.execute(
        "SELECT unpack_id(case_id) AS case_id, kind, payload, staff_id FROM events").fetchone()
    payload = json.loads(row["payload"])
    assert row["kind"] == "registered"
    assert payload["slip_number"] == slip and payload["queue_no"] == "A1001"
    assert payload["channel"] == "kiosk" and payload["item_no"] == ITEM
    assert payload["applicant"]["phone"] == "13812345678"
    assert payload["case_number"] == ""  # the window that accepts gives the case number
    assert row["case_id"] == case_id_for_slip(slip)
    outbox = replica.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    assert outbox == 2  # the registration and its queue ticket: both will sync
    ticket = replica.conn.execute("SELECT number, zone, case_id, state FROM tickets").fetchone()
    assert tuple(ticket) == ("A1001", "Z1", case_id_for_slip(slip), "waiting")
    assert flow.session.person is None  # personal data gone from the screen's memory


def test_typed_id_number_is_checked(qtbot, kiosk):
    w = kiosk.window
    go_to_identify(qtbot, kiosk)
    page = w.pages["identify"]
    page.show_keypad(True)
    for key in "110105194912310021":  # wrong check character
        tap(qtbot, page.keypad.buttons[key])
    tap(qtbot, page.ok_button)
    assert w.current.key == "identify"
    assert "校验" in page.typed_message.text()
    tap(qtbot, page.keypad.buttons["⌫"])
    assert not page.ok_button.isEnabled()
    tap(qtbot, page.keypad.buttons["X"])
    tap(qtbot, page.ok_button)
    assert w.current.key == "phone"


def test_idle_timeout_discards_what_was_entered(qtbot, kiosk):
    w, flow = kiosk.window, kiosk.flow
    go_to_identify(qtbot, kiosk)
    page = w.pages["identify"]
    page.show_keypad(True)
    for key in "1101051949":
        tap(qtbot, page.keypad.buttons[key])
    assert page.typed == "1101051949"
    flow.idle.set_seconds(0.2)
    flow.idle.arm(True)
    with qtbot.waitSignal(flow.sig_session_reset, timeout=3000):
        pass
    assert w.current.key == "start"
    assert page.typed == "" and flow.session.item is None
    assert page.modes.currentIndex() == 0  # the next citizen starts at "place the card"


def test_leaving_needs_the_pin(qtbot, kiosk):
    w, flow = kiosk.window, kiosk.flow
    assert not w.close()  # locked: Alt+F4 / close do nothing
    assert w.isVisible()
    w.sig_admin_requested.emit()
    admin = w.pages["admin"]
    assert w.current is admin
    admin.enter_pin("1111")
    admin.submit()
    assert "不正确" in admin.message.text()
    assert w.locked and w.current is admin
    assert not w.close()
    admin.enter_pin("2580")
    with qtbot.waitSignal(flow.sig_exit_unlocked, timeout=1000):
        admin.submit()
    assert not w.locked
    assert w.close()


def test_search_by_pinyin_initials(qtbot, kiosk):
    w = kiosk.window
    tap(qtbot, w.pages["start"].start_button)
    w.pages["services"].sig_search_requested.emit()
    search = w.pages["search"]
    assert w.current is search
    for key in "jhdj":
        tap(qtbot, search.keyboard.buttons[key])
    names = [t.item.name for t in search.findChildren(ItemTile)]
    assert names[0] == "结婚登记"
    tap(qtbot, tile(search, "0801"))
    assert w.current.key == "item" and w.pages["item"].item.no == "0801"
    tap(qtbot, search.keyboard.buttons["clear"])
    assert search.query == ""


def test_help_button_raises_one_notice(qtbot, kiosk, replica):
    w = kiosk.window
    tap(qtbot, w.help_button)
    tap(qtbot, w.help_button)
    rows = notices.unseen(replica, notices.KIOSK_HELP)
    assert len(rows) == 1 and "自助登记机1号" in rows[0]["text"]
    assert w.banner.isVisible()


def test_out_of_paper_stops_and_resumes(qtbot, kiosk, sims, replica):
    w, flow = kiosk.window, kiosk.flow
    sims.printer.set_state("paper_out")
    go_to_identify(qtbot, kiosk)
    w.pages["identify"].sig_id_typed.emit("11010519491231002X")
    with qtbot.waitSignal(flow.sig_slip_not_printed, timeout=10000) as failed:
        w.pages["phone"].sig_phone_entered.emit("")
    reg, code = failed.args
    assert code == "printer.paper_out"
    result = w.pages["result"]
    assert result.mode == "not_printed"
    assert result.slip_no.text().replace(" ", "") == reg.slip_number
    assert result.slip_no.isVisible() and "缺纸" in result.problem.text()
    assert sims.printer.printed_bytes() == b""  # nothing printed into the void
    # the registration is the one case event (its queue ticket beside it); the printer
    # fault is a notice that syncs
    kinds = [r[0] for r in replica.conn.execute(
        "SELECT e.kind FROM events e JOIN outbox o ON o.event_id = e.id ORDER BY e.terminal_seq")]
    assert kinds == ["registered", "ticket.taken", "notice.raised"]

    tap(qtbot, result.done_button)
    start = w.pages["start"]
    assert w.current is start and not start.start_button.isEnabled()
    assert w.banner.isVisible() and "缺纸" in w.banner_text.text()
    assert len(notices.unseen(replica, notices.KIOSK_PRINTER)) == 1
    flow.begin_identify(kiosk.flow.catalog.item(ITEM))  # a stale tap is refused too
    assert w.current is start

    with qtbot.waitSignal(flow.sig_blocked_changed, timeout=5000) as resumed:
        sims.printer.set_state("ok")
    assert resumed.args == [""]
    assert start.start_button.isEnabled() and not w.banner.isVisible()
    qtbot.waitUntil(lambda: notices.unseen(replica, notices.KIOSK_PRINTER) == [], timeout=5000)
    assert notices.open_notices(replica) == []  # resolved, and the resolution syncs too


def test_elderly_mode_is_bigger_and_never_crashes_without_a_voice(qtbot, kiosk):
    w, flow = kiosk.window, kiosk.flow
    normal = w.pages["start"].start_button.sizeHint().height()
    tap(qtbot, w.elderly_button)
    assert w.elderly and flow.voice.enabled
    assert w.pages["start"].start_button.sizeHint().height() > normal
    flow.voice.say("测试")  # silent where there is no engine, never an exception
    tap(qtbot, w.pages["start"].start_button)
    flow.reset()  # the next citizen gets the normal screen back
    assert not w.elderly
