"""The reviewer's window (后台审批): login, the department's queue, one case, its steps.

For reviewers in the department office, often not in the hall: on a terminal replica
(offline too) or against the server over the city network (`ServerBackend`); both write
through the same change log. After a decision that the law wants told in writing (不予
许可, 延期, 特别程序) its paper is offered in the print preview, kept with the case.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.session import CounterState, Session
from desktop.messages import error_text, kind_text
from desktop.review import actions
from desktop.review.backend import LocalBackend, LoggedIn, Ready, ServerBackend
from desktop.review.case_panel import CasePanel
from desktop.review.login import ReviewLoginPage
from desktop.review.queue_view import QueueView
from desktop.screen_fit import show_maximised
from domain import events as ev
from domain import roles
from domain.case import Case
from domain.catalog import Staff
from domain.errors import UnknownItem

log = logging.getLogger(__name__)

DECISION_PAPERS = ("decision-refusal", "extension-notice", "pause-notice", "acceptance-notice",
                   "materials-receipt", "tolerance-promise")


class ReviewShell(QMainWindow):
    """One window; the login page and the workspace share it."""

    def __init__(self, data_dir: pathlib.Path, backend: LocalBackend | ServerBackend, *,
                 clock: Callable[[], dt.datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.backend = backend
        self.runner = backend.runner
        self.clock = clock or (lambda: dt.datetime.now(ev.CHINA_TZ))
        self.ready: Ready | None = None
        self.state: CounterState | None = None
        self.queue: QueueView | None = None
        self.panel: CasePanel | None = None
        self.flow: Any = None
        self.setWindowTitle(self.tr("一窗 · 后台审批"))
        self.setMinimumSize(1366, 720)
        self.stack = QStackedWidget()
        self.login = ReviewLoginPage()
        self.login.sig_submitted.connect(self._submit)
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self.message = QLabel("")
        self.mode_label = QLabel("")
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.mode_label)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.reload)
        self.runner.sig_task_failed.connect(lambda exc: self.show_message(error_text(exc)))
        backend.start(self._started, lambda exc: self.login.set_ready(False, error_text(exc)))

    # --- start and login ----------------------------------------------------------
    def _started(self, ready: Ready) -> None:
        self.ready = ready
        if isinstance(self.backend, ServerBackend):
            mode = self.tr("审批服务器：{url}（大厅 {hall}）").format(url=self.backend.url,
                                                               hall=ready.identity.hall_code)
            self.login.set_place("", mode)
        else:
            if ready.catalog is None or not ready.catalog.staff:
                self.login.set_ready(False, self.tr("本机还没有人员名单：请先完成终端注册或同步"))
                return
            mode = self.tr("本机数据（终端 {code}，断网也可审批，恢复后自动上传）").format(
                code=ready.identity.terminal_code)
            self.login.set_place(ready.catalog.hall.name, mode)
        self.mode_label.setText(mode)
        self.login.set_ready(True)

    def _submit(self, no: str, password: str) -> None:
        self.backend.login(no, password, self._logged_in,
                           lambda exc: self.login.failed(error_text(exc)))

    def _logged_in(self, got: LoggedIn) -> None:
        assert self.ready is not None
        session = Session(got.staff, None, self.ready.identity, self.clock())
        self.state = CounterState(got.catalog, got.calendar, self.ready.identity, self.clock,
                                  session=session)
        self._build_workspace()
        self.stack.setCurrentWidget(self.workspace)
        dep = got.catalog.department(got.staff.department or "")
        self.who.setText(f"{got.staff.name}（{got.staff.no}）　{dep.name if dep else ''}　"
                         f"{self._role_text(got.staff.role)}")
        self.show_message(self.tr("{name}，您好").format(name=got.staff.name))
        self.reload()

    def _build_workspace(self) -> None:
        """Built at each login: nothing of the previous reviewer's stays."""
        assert self.state is not None
        from desktop.printing.flow import PrintFlow

        old = getattr(self, "workspace", None)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.workspace = QWidget()
        lay = QVBoxLayout(self.workspace)
        lay.setContentsMargins(0, 0, 0, 0)
        header = QFrame(objectName="header")
        hl = QHBoxLayout(header)
        hl.addWidget(QLabel(self.tr("一窗 · 后台审批"), objectName="brand"))
        hl.addStretch(1)
        self.who = QLabel("", objectName="who")
        hl.addWidget(self.who)
        logout = QPushButton(self.tr("退出"))
        logout.clicked.connect(self.logout)
        hl.addWidget(logout)
        lay.addWidget(header)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.queue = QueueView(self.state)
        self.panel = CasePanel(self.state)
        split.addWidget(self.queue)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 5)
        split.setSizes([640, 700])
        body = QWidget()
        QVBoxLayout(body).addWidget(split)
        lay.addWidget(body, 1)
        self.stack.addWidget(self.workspace)
        self.queue.sig_open_case.connect(self.open_case)
        self.queue.sig_reload.connect(lambda _scope: self.reload())
        self.panel.sig_step.connect(self.ask_step)
        self.panel.sig_papers.connect(self.show_papers)
        self.flow = PrintFlow(self.runner, self.data_dir, self.state, parent=self)
        self.flow.sig_message.connect(lambda text, _level: self.show_message(text))

    def _role_text(self, role: str) -> str:
        names = {"reviewer": self.tr("审批人员"), "head": self.tr("部门负责人")}
        return names.get(role, roles.label(role))

    @property
    def staff(self) -> Staff | None:
        """The logged-in reviewer or head."""
        return self.state.session.staff if self.state and self.state.session else None

    def logout(self) -> None:
        self.backend.logout()
        if self.queue is not None:
            self.queue.clear()
            self.panel.show_case(None, None, None)
        self.state = None
        self.login.reset()
        self.stack.setCurrentWidget(self.login)

    # --- the queue and a case -----------------------------------------------------
    def reload(self) -> None:
        if self.staff is None or self.queue is None:
            return
        self.backend.cases(self.staff, self.queue.current, self.queue.set_rows, self._failed)

    def open_case(self, case_id: str) -> None:
        self.backend.load(case_id, self._show, self._failed)

    def department_of(self, case: Case) -> str | None:
        if case.department:
            return case.department
        try:
            return self.state.catalog.item(case.item_no).department if self.state else None
        except UnknownItem:
            return None

    def _show(self, case: Case | None) -> None:
        if case is not None and self.panel is not None:
            self.panel.show_case(case, self.staff, self.department_of(case))

    # --- steps --------------------------------------------------------------------
    def ask_step(self, kind: str) -> None:
        """The step's dialog, then the step (the domain checks it again)."""
        case = self.panel.case if self.panel else None
        if case is None or self.staff is None:
            return
        payload = actions.ask(kind, case, self.staff, self)
        if payload is not None:
            self.do_step(kind, payload)

    def do_step(self, kind: str, payload: dict[str, Any]) -> None:
        case = self.panel.case if self.panel else None
        if case is None or self.state is None or self.state.session is None:
            return
        actor = self.state.session.actor
        self.backend.record(case.id, actor, kind, payload,
                            lambda c: self._stepped(c, kind), self._failed)

    def _stepped(self, case: Case, kind: str) -> None:
        self._show(case)
        self.show_message(self.tr("{no}：{what}，已保存").format(no=case.case_number,
                                                            what=kind_text(kind)))
        self.reload()
        from desktop.printing.papers import papers_after

        docs = papers_after(kind, case)
        if docs and self.flow is not None:
            from desktop.printing.preview import PreviewDialog

            PreviewDialog(self.flow, case, docs, self).show()

    def show_papers(self) -> None:
        """Every paper of the case that fits it now, in the preview (print, 补打)."""
        case = self.panel.case if self.panel else None
        if case is None or self.flow is None:
            return
        from desktop.printing.papers import applicable
        from desktop.printing.preview import PreviewDialog

        docs = applicable(case, DECISION_PAPERS)
        if docs:
            PreviewDialog(self.flow, case, docs, self).show()
        else:
            self.show_message(self.tr("此办件暂无可打印的文书"))

    # --- status -------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self.show_message(error_text(exc))
        if getattr(exc, "code", "") == "bo.session":  # the token expired: log in again
            self.logout()
            self.login.failed(error_text(exc))

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def show_for_screen(self) -> None:
        show_maximised(self)

    def shutdown(self) -> None:
        self.runner.shutdown()
