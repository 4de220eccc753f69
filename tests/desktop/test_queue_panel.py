"""The counter's call keys (pytest-qt): F10 calls the next (priority first), Shift+F10
recalls, no-show only after the hall's recalls, 办理 opens the kiosk's case, a slip
scanned offline is served here, and a counter that reaches no server calls nobody."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from domain import numbering
from domain import tickets as tk
from domain.application import Actor
from sync import queue, tickets
from tests.desktop.conftest import NOW

DAY = NOW.date().isoformat()


def take(clerk, n: int = 1, priority: str = "", **kw) -> list[tk.Ticket]:  # type: ignore[no-untyped-def]
    out: list[tk.Ticket] = []

    def write(store):  # type: ignore[no-untyped-def]
        me = store.replica.identity().terminal_id
        for i in range(n):
            out.append(queue.take(store, "Z1", Actor("guide", me), priority=priority,
                                  now=NOW - dt.timedelta(minutes=30 - i), **kw))

    clerk.runner.write(write)
    return out


def press(qtbot, clerk, key: Qt.Key, mod=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(clerk, key, mod)


def row(replica, t: tk.Ticket) -> dict:  # type: ignore[no-untyped-def]
    return tickets.ticket(replica, t.id)


def test_f10_calls_priority_first_and_shift_f10_recalls(qtbot, clerk, replica):
    panel = clerk.queue_panel
    press(qtbot, clerk, Qt.Key.Key_F10)
    assert clerk.message.text() == "没有等候的群众"
    a, b = take(clerk, 2)
    [old] = take(clerk, 1, priority="elderly")
    press(qtbot, clerk, Qt.Key.Key_F10)
    assert panel.number.text() == old.number and panel.status.text() == "呼叫中"
    assert row(replica, old)["window_id"] == "W01" and row(replica, old)["state"] == tk.ON_CALL
    assert not panel.buttons["no_show"].isEnabled()  # the hall wants 2 recalls first
    press(qtbot, clerk, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, clerk, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert row(replica, old)["recalls"] == 2 and "已重呼 2 次" in panel.status.text()
    assert panel.buttons["no_show"].isEnabled()
    press(qtbot, clerk, Qt.Key.Key_F10,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert row(replica, old)["state"] == tk.MISSED
    press(qtbot, clerk, Qt.Key.Key_F10)
    assert panel.number.text() == a.number
    press(qtbot, clerk, Qt.Key.Key_F10)  # "next" ends the one at the window
    assert row(replica, a)["state"] == tk.DONE and panel.number.text() == b.number
    assert panel.buttons["waiting"].text() == "等候 0 人"


def test_start_opens_the_kiosk_case_of_the_ticket(qtbot, clerk, replica):
    slip = numbering.slip_number(NOW.date(), "0007", 3, "0101")
    case_id = numbering.case_id_for_slip(slip)
    [t] = take(clerk, 1, ticket_id=tk.ticket_id_for_slip(slip), slip_number=slip,
               case_id=case_id)
    opened: list[str] = []
    clerk.queue_panel.sig_open_case.connect(opened.append)
    press(qtbot, clerk, Qt.Key.Key_F10)
    press(qtbot, clerk, Qt.Key.Key_F10, Qt.KeyboardModifier.ControlModifier)  # 办理
    assert row(replica, t)["state"] == tk.SERVING and opened == [case_id]


def test_a_slip_scanned_with_no_server_is_served_here(qtbot, clerk, replica):
    slip = numbering.slip_number(NOW.date(), "0007", 9, "0101")
    clerk.scanner.sig_scanned.emit(slip)  # the kiosk's ticket has not synced here
    tid = tk.ticket_id_for_slip(slip)
    got = tickets.ticket(replica, tid)
    assert got["state"] == tk.SERVING and got["window_id"] == "W01"
    assert got["slip_number"] == slip
    old = numbering.slip_number(NOW.date() - dt.timedelta(days=3), "0007", 9, "0101")
    clerk.scanner.sig_scanned.emit(old)  # a slip of another day is not today's queue
    assert tickets.ticket(replica, tk.ticket_id_for_slip(old)) is None


def test_pause_with_a_reason_and_resume(qtbot, clerk, replica):
    panel = clerk.queue_panel

    def accept_dialog() -> None:
        d = QApplication.activeModalWidget()
        assert isinstance(d, QDialog)
        d.reason.setCurrentIndex(d.reason.findData("meal"))
        d.accept()

    QTimer.singleShot(0, accept_dialog)
    panel.trigger("pause")
    assert panel.status.text() == "窗口已暂停" and not panel.buttons["next"].isEnabled()
    st = tickets.window_states(replica, DAY)["W01"]
    assert (st["state"], st["reason"]) == ("paused", "meal")
    panel.trigger("pause")
    assert tickets.window_states(replica, DAY)["W01"]["state"] == "open"


def test_no_server_no_call(qtbot, clerk, replica, tmp_path):
    from tests.support.servers import free_port

    take(clerk, 1)
    r = replica
    r.set_meta("mode", "enrolled")
    r.set_meta("token", "t" * 32)
    r.set_meta("server_url", f"http://127.0.0.1:{free_port()}")  # nobody listens
    press(qtbot, clerk, Qt.Key.Key_F10)
    assert "连不上服务器" in clerk.message.text()
    assert clerk.queue_panel.number.text() == "—"
    assert tickets.waiting(r, DAY)[0]["state"] == tk.WAITING
