"""Scans from anywhere, typing that is not a scan, numbers with a wrong check digit, slips."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from domain import idnumber, numbering
from sync import queries


def accepted_case(clerk):
    ws = clerk.workspace
    ws.start_reception(clerk.state.catalog.item("0105"))
    body = "37110219680305201"
    ws.reception.form.applicant.set_values({"name": "李建国",
                                            "id_number": body + idnumber.check_char(body)})
    ws.reception.materials.tick_all_required()
    ws.reception.accept_case()
    close_preview(clerk)
    return ws.case_view.case


def close_preview(clerk) -> None:
    """The clerk prints or closes the acceptance notice's preview before the next scan
    (a scan while it is open is refused: see test_counter_scan_fields)."""
    from desktop.scan_filter import blocking_dialog

    dialog = blocking_dialog(clerk)
    if dialog is not None:
        dialog.close()


def test_wedge_scan_while_focus_is_in_another_field_opens_the_case(qtbot, clerk):
    case = accepted_case(clerk)
    ws = clerk.workspace
    ws.start_reception(clerk.state.catalog.item("0101"))  # clerk busy with another form
    name = ws.reception.form.applicant.name
    name.setFocus()
    with qtbot.waitSignal(clerk.scanner.sig_scanned, timeout=1000) as blocker:
        QTest.keyClicks(name, case.case_number)  # no delay: scanner speed
        QTest.keyClick(name, Qt.Key.Key_Return)
    assert blocker.args == [case.case_number]
    assert name.text() == ""  # the scan did not leak into the field
    assert ws.stack.currentWidget() is ws.case_view
    assert ws.case_view.case.id == case.id


def test_typing_slowly_is_not_a_scan(qtbot, clerk):
    field = clerk.workspace.reception.form.applicant.phone
    clerk.workspace.start_reception(clerk.state.catalog.item("0101"))
    field.setFocus()
    scans = []
    clerk.scanner.sig_scanned.connect(scans.append)
    QTest.keyClicks(field, "1380633", delay=80)  # a person: 80 ms between keys
    QTest.keyClick(field, Qt.Key.Key_Return, delay=80)
    qtbot.waitUntil(lambda: field.text() == "1380633", timeout=1000)
    assert scans == []


def test_short_fast_burst_is_handed_back_as_typing(qtbot, clerk):
    field = clerk.workspace.search_bar.field
    field.setFocus()
    scans = []
    clerk.scanner.sig_scanned.connect(scans.append)
    QTest.keyClicks(field, "abc")  # fast, but too short for a code
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "abc"
    assert scans == []
    # Enter reached the field: it searched
    assert "没有找到" in clerk.workspace.search_bar.feedback.text()


def test_wrong_check_digit_shows_a_message_and_stores_nothing(clerk):
    before = queries.counts(clerk.runner._replica)
    slip = numbering.slip_number(dt.date(2026, 11, 23), "8001", 12, "0101")
    wrong = slip[:-1] + str((int(slip[-1]) + 1) % 10)
    clerk.on_scanned(wrong)
    assert "校验位" in clerk.workspace.search_bar.feedback.text()
    assert clerk.workspace.stack.currentWidget() is clerk.workspace.results
    assert queries.counts(clerk.runner._replica) == before


def test_kiosk_slip_not_synced_opens_a_case_under_the_slip_id(clerk):
    slip = numbering.slip_number(dt.date(2026, 11, 23), "8001", 12, "0101")
    clerk.on_scanned(slip)
    rec = clerk.workspace.reception
    assert clerk.workspace.stack.currentWidget() is rec
    assert rec.item.no == "0101" and rec.slip == slip
    assert queries.counts(clerk.runner._replica)["cases"] == 0  # nothing stored yet
    body = "37110219680305201"
    rec.form.applicant.set_values({"name": "李建国", "id_number": body + idnumber.check_char(body)})
    rec.materials.tick_all_required()
    rec.accept_case()
    case = clerk.workspace.case_view.case
    assert case.id == numbering.case_id_for_slip(slip)
    assert case.slip_number == slip and case.state == "accepted"
    clerk.on_scanned(slip)  # the same slip again now finds the case
    assert clerk.workspace.case_view.case.id == case.id


def test_search_by_id_number_lists_the_citizens_cases(clerk):
    first = accepted_case(clerk)
    accepted_case(clerk)
    number = "37110219680305201" + idnumber.check_char("37110219680305201")
    clerk.workspace.search(number)
    results = clerk.workspace.results
    assert results.model.rowCount() == 2
    assert number not in (clerk.message.text() + results.title.text()
                          + clerk.workspace.search_bar.feedback.text())
    assert results.model.data(results.model.index(0, 3)) == idnumber.mask(number)
    assert first.id in results.model.ids


def test_unknown_case_number_says_not_found(clerk):
    number = numbering.case_number(dt.date(2026, 11, 23), "8001", 5)
    clerk.workspace.search(number)
    assert "没有找到" in clerk.workspace.search_bar.feedback.text()
