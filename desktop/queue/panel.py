"""The counter's call keys: a strip under the header with the window's current ticket.

下一位 (F10) ends the current ticket and calls the next one — a claim the hall's server
decides (sync.queue_claim, on the I/O lane); 重呼 (Shift+F10) says it again on the
display; 过号 (Ctrl+Shift+F10) after the hall's number of recalls; 办理 (Ctrl+F10) starts
the service and opens the case the
ticket came with (a kiosk registration) or a new one (a walk-in); 转移 hands it to
another zone or window; 暂停 pauses the window with a reason; 等候 N 人 lists who waits
and can call one out of turn; 现场取号 takes a ticket for a walk-in. A scanned slip of
today marks its ticket as served here, even with no server (jobs.serve_slip).
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.messages import error_text
from desktop.queue import jobs
from desktop.queue.dialogs import PauseDialog, TransferDialog, WaitingDialog, WalkInDialog
from desktop.tasks import TaskRunner
from domain import tickets as tk

log = logging.getLogger(__name__)

REFRESH_MS = 3000
STYLE = """
QFrame#queuePanel { background: #ffffff; border-bottom: 1px solid #d0d7de; }
QLabel#queueTitle { font-weight: bold; color: #0f4c81; padding-right: 6px; }
QLabel#queueNumber { font-size: 22px; font-weight: bold; color: #0f4c81; min-width: 86px; }
QLabel#queueState { color: #52606d; }
QLabel#queueState[paused="true"] { color: #b3261e; font-weight: bold; }
QPushButton { padding: 5px 10px; }
QPushButton#queueNext { background: #0f6cbd; color: #ffffff; border-color: #0f6cbd;
  font-weight: bold; }
QPushButton#queueNext:disabled { background: #9aa5b1; border-color: #9aa5b1; }
"""


class QueuePanel(QFrame):
    """The window's queue keys; reads the counter's state (session, catalog, clock)."""

    sig_message = Signal(str, str)
    """(text, level) for the counter's status line."""
    sig_open_case = Signal(str)
    """Open this case (the ticket's kiosk registration)."""
    sig_new_case = Signal()
    """The citizen being served has no case yet: start one."""

    def __init__(self, state: Any, runner: TaskRunner, data_dir: pathlib.Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="queuePanel")
        self.state, self.runner, self.data_dir = state, runner, pathlib.Path(data_dir)
        self.view: jobs.PanelState | None = None
        self.calling = False
        self.setStyleSheet(STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("叫号"), objectName="queueTitle"))
        self.number = QLabel("—", objectName="queueNumber")
        self.status = QLabel("", objectName="queueState")
        row.addWidget(self.number)
        row.addWidget(self.status, 1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, tip in (
            ("next", self.tr("下一位 F10"), self.tr("结束当前号并呼叫下一位")),
            ("recall", self.tr("重呼"), self.tr("在显示屏上再呼叫一次（Shift+F10）")),
            ("no_show", self.tr("过号"), self.tr("重呼后仍未到，标记过号（Ctrl+Shift+F10）")),
            ("start", self.tr("办理"), self.tr("开始办理并打开办件（Ctrl+F10）")),
            ("transfer", self.tr("转移"), self.tr("转到其他服务区或窗口，保留顺序")),
            ("pause", self.tr("暂停"), self.tr("暂停本窗口叫号")),
            ("waiting", self.tr("等候 0 人"), self.tr("查看等候的群众")),
            ("walk_in", self.tr("现场取号"), self.tr("为没有排队号的群众取号")),
        ):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(lambda _=False, n=name: self.trigger(n))
            self.buttons[name] = b
            row.addWidget(b)
        self.buttons["next"].setObjectName("queueNext")
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.runner.sig_written.connect(lambda _v: self.refresh())
        self._show(None)

    # --- who and where ---------------------------------------------------------------
    @property
    def window_id(self) -> str | None:
        s = self.state.session
        return s.window.id if s is not None and s.window is not None else None

    def _actor(self):  # type: ignore[no-untyped-def]
        return self.state.session.actor

    def now(self) -> dt.datetime:
        return self.state.clock()

    # --- reading ------------------------------------------------------------------
    def refresh(self) -> None:
        window = self.window_id
        if window is None:
            self._show(None)
            return
        now = self.now()
        self.runner.read(lambda r: jobs.panel_state(r, window, now), self._show,
                         lambda exc: log.warning("queue panel read failed: %r", exc))

    def _show(self, view: jobs.PanelState | None) -> None:
        self.view = view
        cur = view.current if view else None
        self.number.setText(cur["number"] if cur else "—")
        self.status.setProperty("paused", bool(view and view.paused))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        if view is None:
            self.status.setText(self.tr("登录并选择窗口后可叫号"))
        elif view.paused:
            self.status.setText(self.tr("窗口已暂停"))
        elif cur is None:
            self.status.setText(self.tr("按 F10 呼叫下一位"))
        elif cur["state"] == tk.SERVING:
            self.status.setText(self.tr("办理中"))
        elif cur["recalls"]:
            self.status.setText(self.tr("呼叫中（已重呼 %n 次）", "", int(cur["recalls"])))
        else:
            self.status.setText(self.tr("呼叫中"))
        n = len(view.waiting) if view else 0
        self.buttons["waiting"].setText(self.tr("等候 %n 人", "", n))
        on_call = bool(cur) and cur["state"] == tk.ON_CALL
        live = view is not None and not view.paused
        self.buttons["next"].setEnabled(live and not self.calling)
        self.buttons["recall"].setEnabled(live and on_call)
        self.buttons["no_show"].setEnabled(live and bool(view and view.can_mark_no_show))
        self.buttons["start"].setEnabled(bool(cur))
        self.buttons["transfer"].setEnabled(bool(cur))
        self.buttons["waiting"].setEnabled(view is not None)
        self.buttons["walk_in"].setEnabled(view is not None)
        self.buttons["pause"].setEnabled(view is not None)
        self.buttons["pause"].setText(self.tr("恢复叫号") if view and view.paused
                                      else self.tr("暂停"))

    # --- keys ---------------------------------------------------------------------
    def trigger(self, name: str) -> None:
        """A key or a button: next, recall, no_show, start, transfer, pause, waiting,
        walk_in. Ignored while it makes no sense (the button is disabled then)."""
        if self.window_id is None:
            return
        if name == "next":  # needs no view: the claim reads the queue itself
            if self.calling or (self.view is not None and self.view.paused):
                return
        elif not self.buttons[name].isEnabled():
            return
        getattr(self, f"_do_{name}")()

    def call(self, ticket_id: str | None = None) -> None:
        """Claim the next ticket (or this one) on the I/O lane; the server decides."""
        from sync import queue_claim

        window, staff = self.window_id, self.state.session.staff.id
        assert window is not None
        self.calling = True
        self.buttons["next"].setEnabled(False)
        clock = self.state.clock
        self.runner.io(lambda: queue_claim.call_next(self.data_dir, window, staff,
                                                     ticket_id=ticket_id, clock=clock),
                       self._called, self._call_failed)

    def _called(self, got: Any) -> None:
        self.calling = False
        self.sig_message.emit(self.tr("已呼叫 {n}").format(n=got.number), "info")
        self.refresh()

    def _call_failed(self, exc: BaseException) -> None:
        self.calling = False
        code = getattr(exc, "code", "")
        if code == "queue.nobody_waiting":
            self.sig_message.emit(self.tr("没有等候的群众"), "info")
        elif code == "queue.no_server":
            self.sig_message.emit(self.tr("连不上服务器，不能叫号；请扫描群众的告知单办理"),
                                  "error")
        else:
            self.sig_message.emit(error_text(exc), "error")
        self.refresh()

    def _write(self, fn: Callable[[Any], Any], done: Callable[[Any], None] | None = None
               ) -> None:
        self.runner.write(fn, done, lambda exc: self.sig_message.emit(error_text(exc), "error"))

    def _do_next(self) -> None:
        self.call()

    def _do_recall(self) -> None:
        window, actor = self.window_id, self._actor()
        self._write(lambda s: jobs.step_current(s, window, tk.RECALLED, actor))

    def _do_no_show(self) -> None:
        window, actor = self.window_id, self._actor()
        self._write(lambda s: jobs.step_current(s, window, tk.NO_SHOW, actor))

    def _do_start(self) -> None:
        window, actor = self.window_id, self._actor()
        self._write(lambda s: jobs.step_current(s, window, tk.STARTED, actor), self._started)

    def _started(self, t: tk.Ticket) -> None:
        if t.case_id:
            self.sig_open_case.emit(t.case_id)
        else:
            self.sig_new_case.emit()

    def _do_transfer(self) -> None:
        d = TransferDialog(self.state.catalog, self.window_id or "", self)
        if d.exec() != QDialog.DialogCode.Accepted:
            return
        window, actor, extra = self.window_id, self._actor(), d.extra()
        self._write(lambda s: jobs.step_current(s, window, tk.TRANSFERRED, actor, extra))

    def _do_pause(self) -> None:
        window, actor = self.window_id, self._actor()
        if self.view is not None and self.view.paused:
            self._write(lambda s: jobs.set_paused(s, window, actor, None))
            return
        d = PauseDialog(self)
        if d.exec() == QDialog.DialogCode.Accepted:
            reason, note = d.chosen()
            self._write(lambda s: jobs.set_paused(s, window, actor, reason, note))

    def _do_waiting(self) -> None:
        rows = self.view.waiting if self.view else []
        d = WaitingDialog(rows, self.state.catalog, self.now(), self)
        if d.exec() == QDialog.DialogCode.Accepted and d.chosen():
            self.call(d.chosen())

    def _do_walk_in(self) -> None:
        s = self.state.session
        d = WalkInDialog(self.state.catalog, s.window.zone if s.window else "", self)
        if d.exec() != QDialog.DialogCode.Accepted:
            return
        zone, priority, here = d.chosen()
        actor = self._actor()
        self._write(lambda st: jobs.take_walk_in(st, zone, actor, priority=priority,
                                                 serve_here=here), self._walked_in)

    def _walked_in(self, t: tk.Ticket) -> None:
        self.sig_message.emit(self.tr("已取号 {n}").format(n=t.number), "info")
        if t.state == tk.SERVING:
            self.sig_new_case.emit()

    # --- scans --------------------------------------------------------------------
    def on_scanned(self, code: str) -> None:
        """A slip of today scanned here: its ticket is served at this window."""
        window = self.window_id
        if window is None:
            return
        actor = self._actor()
        self.runner.write(lambda s: jobs.serve_slip(s, code, window, actor),
                          lambda t: t is not None and self.refresh(),
                          lambda exc: log.info("slip not marked as served: %r", exc))
