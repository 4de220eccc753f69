"""Issue 15.1: a scan belongs to the focused field when that field takes codes.

The EMS waybill scanned into 出件's "EMS单号" (a modal dialog over the counter) used to
land in the case search behind the dialog; so did "abc123" typed at 40 ms a key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from domain import events as ev
from domain.application import Actor
from tests.desktop.test_counter_cases import start


def ready_for_issue(clerk):
    rec = start(clerk, "0105")
    rec.materials.tick_all_required()
    rec.accept_case()
    view = clerk.workspace.case_view
    view.do(ev.SUBMITTED_FOR_REVIEW, {})
    view.do(ev.APPROVED, {"opinion": "同意"}, Actor("S050", clerk.state.identity.terminal_id, None))
    view.do(ev.RESULT_READY, {})
    assert view.case.state == "result_ready"
    return view


def in_issue_dialog(qtbot, clerk, act):
    """Open 出件 with F8 as the clerk does (a modal exec()), run `act(dialog)`, cancel."""
    seen = {}

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        try:
            seen["result"] = act(dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, run)
    clerk.workspace.trigger("F8")
    return seen.get("result")


def test_waybill_scanned_into_the_ems_field_stays_there(qtbot, clerk):
    view = ready_for_issue(clerk)
    scans = []
    clerk.scanner.sig_scanned.connect(scans.append)
    before = clerk.message.text()

    def act(dialog):
        dialog.mail.setChecked(True)
        dialog.tracking.setFocus()
        QTest.keyClicks(dialog.tracking, "1234567890123")  # a 13-digit waybill, scanner speed
        QTest.keyClick(dialog.tracking, Qt.Key.Key_Return)
        qtbot.wait(100)
        return dialog.tracking.text(), dialog.isVisible()

    text, still_open = in_issue_dialog(qtbot, clerk, act)
    assert text == "1234567890123"
    assert still_open  # the scanner's Enter did not issue the result behind the clerk's back
    assert clerk.workspace.search_bar.field.text() == ""
    assert clerk.workspace.stack.currentWidget() is view
    assert "办件编号" not in clerk.message.text() or clerk.message.text() == before


def test_typing_at_forty_ms_in_the_dialog_is_not_a_search(qtbot, clerk):
    view = ready_for_issue(clerk)

    def act(dialog):
        dialog.mail.setChecked(True)
        dialog.tracking.setFocus()
        # QTest waits `delay` before the press and again before the release: ~36 ms a key
        QTest.keyClicks(dialog.tracking, "abc123", delay=18)
        QTest.keyClick(dialog.tracking, Qt.Key.Key_Return)
        qtbot.wait(100)
        return dialog.tracking.text()

    assert in_issue_dialog(qtbot, clerk, act) == "abc123"
    assert "请输入完整的办件编号" not in clerk.message.text()
    assert clerk.workspace.stack.currentWidget() is view


def test_serial_scan_while_a_dialog_is_open_goes_to_its_field(qtbot, clerk):
    view = ready_for_issue(clerk)

    def act(dialog):
        dialog.mail.setChecked(True)
        dialog.tracking.setFocus()
        clerk.on_scanned("EA204519385CN")  # the serial scanner's path
        return dialog.tracking.text()

    assert in_issue_dialog(qtbot, clerk, act) == "EA204519385CN"
    assert clerk.workspace.stack.currentWidget() is view


def test_scan_with_a_dialog_open_never_searches_behind_it(qtbot, clerk):
    other = ready_for_issue(clerk).case
    view = ready_for_issue(clerk)
    shown = view.case.id

    def act(dialog):
        dialog.collected.setFocus()  # a radio button: takes no codes
        clerk.on_scanned(other.case_number)

    in_issue_dialog(qtbot, clerk, act)
    assert view.case.id == shown  # the other case was not opened behind the dialog
    assert clerk.workspace.stack.currentWidget() is view
