"""The supervisor's window (大厅管理员 / 监察): login, then overview, figures, notices,
follow-ups and appeals, the slip box and the monthly review, each a tab.

Only a supervisor (or admin) may open it: the login page checks the staff record's role
against the rule table (domain.roles, step `supervisor.open`), and every step taken here
is checked against the same table as it is recorded.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
)

from desktop.counter import jobs as counter_jobs
from desktop.counter.login import LoginPage
from desktop.messages import error_text
from desktop.screen_fit import show_maximised
from desktop.supervisor import jobs
from desktop.supervisor.figures_page import CasesDialog, FiguresPage
from desktop.supervisor.monthly_page import MonthlyPage, archive_dir
from desktop.supervisor.notices_page import NoticesPage
from desktop.supervisor.overview import OverviewPage
from desktop.supervisor.ratings_page import FollowupsPage, SlipBox
from desktop.tasks import TaskRunner
from domain import events as ev
from domain import figures as fg
from domain import roles
from domain.application import Actor
from domain.catalog import Staff

log = logging.getLogger(__name__)
REFRESH_MS = 60_000


class SupervisorWindow(QMainWindow):
    """One window: the login page, then the tabs."""

    def __init__(self, data_dir: pathlib.Path, *, runner: TaskRunner | None = None,
                 clock: Callable[[], dt.datetime] | None = None, parent=None) -> None:
        super().__init__(parent)
        from sync.replica import DB_NAME

        self.data_dir = data_dir
        self.clock = clock or (lambda: dt.datetime.now(ev.CHINA_TZ))
        self.runner = runner or TaskRunner(data_dir / DB_NAME, clock=self.clock, parent=self)
        self.runner.sig_task_failed.connect(lambda e: self.message(error_text(e), "error"))
        self.setWindowTitle(self.tr("一窗 · 大厅监察"))
        self.setMinimumSize(1280, 720)
        self.staff: Staff | None = None
        self.info: Any = None
        self.stack = QStackedWidget()
        self.login = LoginPage(self.runner, step="supervisor.open")
        self.login.title.setText(self.tr("一窗 · 大厅监察"))
        self.login.window_box.hide()
        self.login.window_label.hide()
        self.login.sig_logged_in.connect(self._logged_in)
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self.status = QLabel("")
        self.statusBar().addWidget(self.status, 1)
        self.tabs: QTabWidget | None = None
        self._start_sync()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self.runner.write(lambda store: counter_jobs.startup(store, self.clock().date()),
                          self._started, lambda e: self.login.set_ready(False, error_text(e)))

    def _start_sync(self) -> None:
        """Sync in the background like every terminal (desktop.sync_status): kiosk help
        calls, printer faults and conflicts reach this face within a round, and what is
        done here goes out at once."""
        from desktop import sync_status

        self.sync_controller = sync_status.SyncController(self.data_dir, parent=self)
        self.statusBar().addPermanentWidget(
            sync_status.SyncStatusWidget(self.sync_controller, parent=self))
        self.runner.sig_written.connect(lambda _v: self.sync_controller.wake())
        self._cursor: int | None = None
        self.sync_controller.sig_status_changed.connect(self._synced)
        QTimer.singleShot(0, self.sync_controller.start)

    def _synced(self, status: Any) -> None:
        """A round brought something new (the cursor moved): the notices again."""
        if self.tabs is None or status.syncing or status.cursor == self._cursor:
            return
        self._cursor = status.cursor
        self._notices(self.notices.all.isChecked())

    def show_for_screen(self) -> None:
        show_maximised(self)

    def message(self, text: str, level: str = "info") -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if level == "error" else "")

    # --- start and login ------------------------------------------------------------
    def _started(self, info: Any) -> None:
        self.info = info
        if not info.catalog.staff:
            self.login.set_ready(False, self.tr("本终端还没有人员名单，请先完成终端注册或同步"))
            return
        self.login.set_catalog(info.catalog, "", "")

    def _logged_in(self, staff: Staff, _window: str) -> None:
        self.staff = staff
        if self.tabs is None:
            self._build_tabs()
        self.stack.setCurrentWidget(self.tabs)
        self.message(self.tr("{name}，您好").format(name=staff.name))
        self.refresh()
        self._timer.start(REFRESH_MS)

    @property
    def actor(self) -> Actor:
        assert self.staff is not None
        return Actor.of(self.staff, self.info.identity.terminal_id, None)

    def staff_label(self, sid: str) -> str:
        s = self.info.catalog.staff_member(sid) if sid else None
        return f"{s.name}（{s.no}）" if s else (sid or "")

    def _build_tabs(self) -> None:
        today = self.clock().date()
        cat = self.info.catalog
        self.tabs = QTabWidget()
        self.overview = OverviewPage()
        self.figures = FiguresPage(today)
        self.notices = NoticesPage(self.staff_label)
        self.followups = FollowupsPage(cat, today)
        self.slip_box = SlipBox()
        self.monthly = MonthlyPage(self.data_dir, today)
        for page, title in ((self.overview, self.tr("概览")), (self.figures, self.tr("统计")),
                            (self.notices, self.tr("提醒")),
                            (self.followups, self.tr("回访整改与申诉")),
                            (self.slip_box, self.tr("评议箱")),
                            (self.monthly, self.tr("月度考核"))):
            self.tabs.addTab(page, title)
        self.stack.addWidget(self.tabs)
        self.overview.sig_open_case.connect(self.open_case)
        self.figures.sig_reload.connect(self._figures)
        self.figures.sig_drill.connect(self._drill)
        self.figures.sig_message.connect(self.message)
        self.notices.sig_reload.connect(self._notices)
        self.notices.sig_mark.connect(self._mark_notice)
        self.followups.sig_reload.connect(self._followups)
        self.followups.sig_step.connect(self._step)
        self.slip_box.sig_rate.connect(self._slip)
        self.monthly.sig_build.connect(self._monthly)
        self.monthly.sig_print.connect(self._print_monthly)

    # --- reads ----------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.clock()
        self.runner.read(lambda r: jobs.overview(r, now),
                         lambda ov: self.overview.show_overview(ov, self.info.catalog))
        self.figures.reload()
        self._notices(self.notices.all.isChecked())
        self._followups(self.followups.all.isChecked())

    def _figures(self, period: tuple[dt.date, dt.date], by: str) -> None:
        try:
            p = fg.Period.of(period[0], period[1], self.clock().date())
        except fg.FigureError as exc:
            self.message(error_text(exc), "error")
            return

        def work(r):  # type: ignore[no-untyped-def]
            return jobs.figures_page(r, p, by)

        self.runner.read(work, lambda res: self.figures.show_rows(*res))

    def _drill(self, by: str, group: str) -> None:
        s, e = self.figures.period()
        p = fg.Period.of(s, e, self.clock().date())
        self.runner.read(lambda r: jobs.drill(r, p, by, group),
                         lambda rows: self._show_cases(group, rows))

    def _show_cases(self, group: str, rows: list[dict]) -> None:
        d = CasesDialog(self.tr("{group} 的办件").format(group=group or "—"), rows, self)
        d.sig_open_case.connect(self.open_case)
        d.show()

    def open_case(self, case_id: str) -> None:
        self.runner.read(lambda r: jobs.load(r, case_id), self._show_history)

    def _show_history(self, case: Any) -> None:
        from desktop.counter.history import HistoryTable
        from desktop.counter.session import CounterState

        if case is None:
            return
        state = CounterState(self.info.catalog, self.info.calendar, self.info.identity,
                             self.clock)
        d = QDialog(self)
        d.setWindowTitle(self.tr("办件 {n} · {item}").format(n=case.case_number,
                                                           item=case.item_name))
        d.resize(900, 480)
        lay = QVBoxLayout(d)
        table = HistoryTable(state)
        table.show_case(case)
        lay.addWidget(table)
        d.show()

    def _notices(self, include_resolved: bool) -> None:
        self.runner.read(lambda r: jobs.notices(r, include_resolved), self._show_notices)

    def _show_notices(self, rows: list[dict]) -> None:
        self.notices.show_notices(rows)
        if self.tabs is not None:  # the tab says how many wait for someone
            n = sum(1 for r in rows if r.get("state") == "open")
            self.tabs.setTabText(self.tabs.indexOf(self.notices),
                                 self.tr("提醒 {n}").format(n=n) if n else self.tr("提醒"))

    def _followups(self, include_closed: bool) -> None:
        def work(r):  # type: ignore[no-untyped-def]
            return (jobs.followups(r, not include_closed), jobs.appeals(r, not include_closed))

        def done(res) -> None:  # type: ignore[no-untyped-def]
            self.followups.show_followups(res[0])
            self.followups.show_appeals(res[1])

        self.runner.read(work, done)

    # --- writes ---------------------------------------------------------------------
    def _mark_notice(self, notice_id: str, kind: str, note: str) -> None:
        actor = self.actor
        self.runner.write(lambda s: jobs.mark_notice(s, notice_id, kind, actor, note),
                          lambda _n: self._notices(self.notices.all.isChecked()))

    def _step(self, stream_id: str, kind: str, payload: dict) -> None:
        from sync import ratings as sr

        staff, actor = self.staff, self.actor

        def work(store):  # type: ignore[no-untyped-def]
            if kind.startswith("appeal."):
                return sr.decide_appeal(store, staff, stream_id, payload["decision"],
                                        payload.get("finding", ""), payload["reason"], actor)
            return sr.step_followup(store, staff, stream_id, kind, payload, actor)

        self.runner.write(work, lambda _s: (self.message(self.tr("已记录")),
                                            self._followups(self.followups.all.isChecked())),
                          lambda e: self.message(error_text(e), "error"))

    def _slip(self, number: str, level: int) -> None:
        from sync import ratings as sr

        staff, actor = self.staff, self.actor

        def work(store):  # type: ignore[no-untyped-def]
            roles.require(staff, "rated")  # the box's slips are keyed by a supervisor
            return sr.rate_by_slip(store, number, level, "slip", actor)

        def done(res) -> None:  # type: ignore[no-untyped-def]
            case, fid = res
            text = self.tr("已录入：{n} {item}").format(n=case.case_number or number,
                                                   item=case.item_name)
            if fid:
                text += self.tr("（差评，已生成回访整改）")
            self.slip_box.show_result(True, text)

        self.runner.write(work, done, lambda e: self.slip_box.show_result(False, error_text(e)))

    def _monthly(self, month: str) -> None:
        from desktop.printing.pages import render_pages

        self.monthly.busy()
        today, folder = self.clock().date(), archive_dir(self.data_dir)

        def work(r):  # type: ignore[no-untyped-def]
            pdf = jobs.review_pdf(r, month, today, folder)
            return pdf, [p.image for p in render_pages(pdf, 80)]

        self.runner.read(work, lambda res: self.monthly.show_pages(res[0], res[1], month),
                         lambda e: self.monthly.failed(error_text(e)))

    def _print_monthly(self) -> None:
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        for i, img in enumerate(self.monthly.images):
            if i:
                printer.newPage()
            size = img.size().scaled(painter.viewport().size(),
                                     Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(0, 0, img.scaled(size))
        painter.end()

    def shutdown(self) -> None:
        self._timer.stop()
        self.sync_controller.stop()
        self.runner.shutdown()

