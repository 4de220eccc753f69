"""The counter's main window: start-up, login, lock, status bar, keys and scans.

The shell owns what spans the whole window and delegates the rest: `LoginPage` (also
the lock screen), `Workspace` (search, reception, case, my cases). Slots for other
teams: the status bar takes `desktop.sync_status.SyncStatusWidget` when that module
exists; `fill_from_card(card)` hands an ID-card read to the form on screen;
`sig_scanned` of the scan filter is public for device widgets that want scans too.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.counter import jobs
from desktop.counter.login import LoginPage
from desktop.feedback import StatusMessage

if TYPE_CHECKING:
    from desktop.counter.workspace import Workspace
from desktop.counter.session import CounterState, IdleWatcher, Session
from desktop.messages import calendar_warning_text, error_text
from desktop.scan_filter import BLOCKED, ScanFilter, deliver_to_focus
from desktop.screen_fit import show_maximised
from desktop.settings import SettingsStore
from desktop.tasks import TaskRunner
from domain import events as ev
from domain.catalog import Catalog, Staff
from domain.opening import Hours
from domain.workdays import WorkCalendar, coverage_warning

log = logging.getLogger(__name__)


class CounterShell(QMainWindow):
    """One window per counter PC; the login page and the workspace share it."""

    def __init__(self, data_dir: pathlib.Path, settings_store: SettingsStore, *,
                 demo: bool = False, runner: TaskRunner | None = None,
                 clock: Callable[[], dt.datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sync.replica import DB_NAME

        self.data_dir = data_dir
        self.demo = demo
        self.settings_store = settings_store
        self.settings = settings_store.snapshot()
        self.clock = clock or (lambda: dt.datetime.now(ev.CHINA_TZ))
        self.runner = runner or TaskRunner(data_dir / DB_NAME, clock=self.clock, parent=self)
        self.runner.sig_task_failed.connect(lambda exc: self.show_message(error_text(exc), "error"))
        self.state: CounterState | None = None
        self.workspace: Workspace | None = None
        self.calendar_warning: str | None = None
        self.locked = False
        self.setWindowTitle(self.tr("窗口受理"))
        self.setMinimumSize(1280, 720)
        self.stack = QStackedWidget()
        self.login = LoginPage(self.runner)
        self.login.sig_logged_in.connect(self._on_logged_in)
        self.stack.addWidget(self.login)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.stack, 1)
        # the citizen's strip (a rating on a one-monitor counter): empty until asked
        self.citizen_slot = QVBoxLayout()
        column.addLayout(self.citizen_slot)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_menu()
        self.idle = IdleWatcher(self.settings.idle_lock_minutes, self)
        self.idle.sig_idle.connect(self.lock)
        from desktop.devices import settings as device_settings

        wedge = device_settings.load(data_dir)  # the scanner's timing and prefix live there
        self.scanner = ScanFilter(max_gap_ms=wedge.wedge_gap_ms,
                                  min_length=self.settings.scanner_min_length,
                                  prefix=wedge.scanner_prefix, parent=self)
        self.scanner.sig_scanned.connect(self.on_scanned)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.idle)
        app.installEventFilter(self.scanner)
        self._install_shortcuts()
        from desktop.counter.consultation import attach

        attach(self)  # F11 consultation; the notices link in the status bar
        from desktop.about import install_about

        self.about_action = install_about(self, "counter", data_dir=data_dir, details=lambda: {
            "terminal": self.state.identity.terminal_code,
            "hall": self.state.identity.hall_code} if self.state else {})
        self.runner.write(lambda store: jobs.startup(store, self.clock().date()),
                          self._started, self._start_failed)

    # --- start-up -----------------------------------------------------------------
    def _build_status_bar(self) -> None:
        """Passing news on the left (elided: it never pushes what is right of it);
        sync state, terminal and clock fixed on the right, then the device lights."""
        bar = self.statusBar()
        self.message = StatusMessage()
        bar.addWidget(self.message, 1)
        self.sync_slot: QWidget | None = None  # after the login shows (_attach_sync)
        self.terminal_label = QLabel("")
        self.period_label = QLabel("", objectName="periodLabel")
        self.clock_label = QLabel("")
        for w in (self.terminal_label, self.period_label, self.clock_label):
            w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            bar.addPermanentWidget(w)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start(30_000)

    def _build_menu(self) -> None:
        """设置: the UI language and the text size (desktop.face_menu, the same in every
        face). Other menus join the bar here (an About box, the device settings)."""
        from desktop.face_menu import add_settings_menu

        self.settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        add_settings_menu(self.settings_menu, self.settings_store, window=self,
                          unsaved=self._has_unsaved_input)

    def _has_unsaved_input(self) -> bool:
        """A reception with an item chosen: rebuilding the window would lose it."""
        ws = self.workspace
        return ws is not None and ws.reception.item is not None

    def _attach_sync(self) -> None:
        """The sync status in the status bar, fed by a controller syncing in the background.

        Attached once the login window is usable (or at the first login, whichever comes
        first): the HTTP client and the sync code are not imported before the window
        shows. It is woken after every local write so a case goes out as soon as it is
        stored, and a round that pulled reference data has it reloaded.
        """
        if self.sync_slot is not None:
            return
        try:
            from desktop import sync_status
        except ImportError:
            return
        self.sync_controller = sync_status.SyncController(self.data_dir, parent=self)
        self.sync_slot = sync_status.SyncStatusWidget(self.sync_controller, parent=self)
        self.statusBar().insertPermanentWidget(1, self.sync_slot)  # left of the terminal
        self.runner.sig_written.connect(lambda _value: self.sync_controller.wake())
        watch = getattr(self, "reference_watch", None)
        if watch is not None:
            self.sync_controller.sig_status_changed.connect(lambda _s: watch.check())
        QTimer.singleShot(0, self.sync_controller.start)

    def _started(self, info: jobs.Startup) -> None:
        self.state = CounterState(info.catalog, info.calendar, info.identity, self.clock,
                                  warn_days=self.settings.warn_working_days, hours=info.hours)
        self.calendar_warning = self._calendar_text(info.calendar)
        self.terminal_label.setText(self.tr("终端 {code}").format(
            code=info.identity.terminal_code))
        if not info.catalog.staff:
            self.login.set_ready(False, self.tr("本终端还没有事项目录和人员名单，请先完成终端注册或同步"))
            return
        self.login.set_catalog(info.catalog, self.settings.window_id, self.settings.last_staff_no)
        self._watch_reference(info.reference_version)
        self._on_tick()
        QTimer.singleShot(0, self._attach_sync)  # the login is usable: sync may load now

    def _calendar_text(self, cal: WorkCalendar) -> str | None:
        return calendar_warning_text(coverage_warning(cal, self.clock().date()))

    def _watch_reference(self, version: int) -> None:
        """A new catalog or calendar, pulled by whoever syncs, applies without a restart."""
        from desktop.reference_watch import ReferenceWatch

        self.reference_watch = ReferenceWatch(self.runner, parent=self)
        self.reference_watch.sig_reference_changed.connect(
            lambda _v: self.runner.read(jobs.reload_reference, self._reference_reloaded,
                                        lambda _e: None))
        controller = getattr(self, "sync_controller", None)
        if controller is not None:
            controller.sig_status_changed.connect(lambda _s: self.reference_watch.check())
        self.reference_watch.start(version)

    def _reference_reloaded(self, loaded: tuple[Catalog, WorkCalendar, Hours]) -> None:
        if self.state is None:
            return
        self.state.catalog, self.state.calendar, self.state.hours = loaded
        self._on_tick()
        self.calendar_warning = self._calendar_text(self.state.calendar)
        if self.workspace is not None:
            self.workspace.set_banner(self.calendar_warning)
            self.workspace.reference_changed()
        log.info("reference data reloaded: %d items", len(self.state.catalog.items))

    def _build_workspace(self) -> None:
        """Built at the first login, so the login window is usable sooner."""
        from desktop.counter.workspace import Workspace

        assert self.state is not None
        self.workspace = Workspace(self.state, self.runner,
                                   self.settings.countdown_refresh_seconds)
        self.workspace.sig_message.connect(self.show_message)
        self.workspace.sig_lock_requested.connect(self.lock)
        self.workspace.set_banner(self.calendar_warning)
        self.stack.addWidget(self.workspace)
        from desktop.printing.counter_hooks import connect_printing
        from desktop.queue.counter_hooks import attach_queue

        self.printing = connect_printing(self)
        self.queue_panel = attach_queue(self)
        from desktop.counter.appeal import connect_appeals

        connect_appeals(self)  # 申诉复核 on a bad rating of the clerk on screen

    def _start_failed(self, exc: BaseException) -> None:
        log.error("start-up failed: %s", exc)
        self.login.set_ready(False, error_text(exc))

    def show_for_screen(self) -> None:
        show_maximised(self)

    # --- login / lock -------------------------------------------------------------
    def _on_logged_in(self, staff: Staff, window_id: str) -> None:
        assert self.state is not None
        self._attach_sync()  # the workspace's queue panel follows the sync rounds
        if self.workspace is None:
            self._build_workspace()
        assert self.workspace is not None
        same = self.locked and self.state.session is not None and \
            self.state.session.staff.id == staff.id
        if not same:
            catalog = self.state.catalog
            window = catalog.window(window_id) or catalog.window(staff.window)
            self.state.session = Session(staff, window, self.state.identity, self.clock())
            self.settings_store.update(last_staff_no=staff.no,
                                       window_id=window.id if window else "")
            self.workspace.start_session()
        self.locked = False
        self.stack.setCurrentWidget(self.workspace)
        self.idle.start()
        self.show_message(self.tr("{name}，您好").format(name=staff.name) if not same
                          else self.tr("已解锁"), "info")
        if same:
            self.workspace.search_bar.focus()

    def lock(self) -> None:
        """Cover everything; only the same clerk's password (or another login) opens it."""
        if self.state is None or self.state.session is None or self.locked:
            return
        self.locked = True
        self.idle.stop()
        self.scanner.reset()
        self.login.show_lock(self.state.session.staff)
        self.stack.setCurrentWidget(self.login)
        self.message.clear()
        log.info("screen locked")

    @property
    def working(self) -> bool:
        return self.state is not None and self.state.session is not None and not self.locked

    # --- keys, scans, devices -----------------------------------------------------
    def _install_shortcuts(self) -> None:
        def add(key: str, fn: Callable[[], None]) -> None:
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(lambda: self.working and fn())

        add("F2", lambda: self.workspace and self.workspace.search_bar.focus())
        add("F3", lambda: self.workspace and self.workspace.new_case())
        add("F4", lambda: self.workspace and self.workspace.show_my_cases())
        for key in ("F5", "F6", "F7", "F8", "F9"):
            add(key, lambda k=key: self.workspace and self.workspace.trigger(k))
        add("F12", self.lock)
        from desktop.queue.keys import QUEUE_KEYS

        for key, action in QUEUE_KEYS:  # the queue panel's call keys (desktop.queue)
            add(key, lambda a=action: getattr(self, "queue_panel", None)
                and self.queue_panel.trigger(a))

    def on_scanned(self, code: str) -> None:
        """A scan, wherever the focus was: into a code field, else look it up.

        Ignored while locked; see `desktop.scan_filter.deliver_to_focus` for where a
        scan goes when a dialog is open.
        """
        if not self.working or self.workspace is None:
            return
        where = deliver_to_focus(code, self)
        if where == BLOCKED:
            self.show_message(self.tr("请先完成或关闭当前对话框，再扫描"), "error")
        if where:
            return
        self.workspace.search_bar.field.setText(code)
        self.workspace.search(code)

    def fill_from_card(self, card: dict) -> None:
        """The ID-card reader's seam: fill the form on screen, or search by the number."""
        if not self.working or self.workspace is None:
            return
        ws = self.workspace
        if ws.stack.currentWidget() is ws.reception and ws.reception.item is not None:
            ws.reception.fill_from_card(card)
        elif card.get("id_number"):
            ws.search(str(card["id_number"]))

    # --- status -------------------------------------------------------------------
    def show_message(self, text: str, level: str = "info") -> None:
        """Passing news for the status line (a sentence about a field goes beside it)."""
        self.message.show_text(text, level)
        if level == "error":
            QApplication.beep()

    def _on_tick(self) -> None:
        self.clock_label.setText(self.clock().strftime("%Y-%m-%d %H:%M"))
        if self.state is not None:
            self.period_label.setText(self._period_text())
            if self.state.hours.restricted:  # today's duty roster, in the period's tooltip
                from domain.opening import day_plan
                from sync import reference

                hours, cal, day = self.state.hours, self.state.calendar, self.clock().date()
                self.runner.read(lambda r: day_plan(hours, reference.load_duty(r, day), cal, day),
                                 self._show_duty, lambda _e: None)

    def _show_duty(self, plan: list) -> None:
        from desktop.duty import duty_text

        if self.state is not None:
            self.period_label.setToolTip(duty_text(plan, True, self.state.catalog))

    def _period_text(self) -> str:
        """The opening period now: 上午 09:00-12:00, 延时服务, or outside all of them."""
        assert self.state is not None
        hours = self.state.hours
        if not hours.restricted:
            return ""
        p = hours.current(self.state.calendar, self.clock())
        if p is None:
            return self.tr("非办理时段")
        if p.extended:
            return self.tr("延时服务：{name} {hours}").format(name=p.name, hours=p.hours_text())
        return self.tr("时段：{name} {hours}").format(name=p.name, hours=p.hours_text())

    def shutdown(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
            app.removeEventFilter(self.scanner)
        self._tick.stop()
        watch = getattr(self, "reference_watch", None)
        if watch is not None:
            watch.stop()
        devices = getattr(self, "devices", None)
        if devices is not None:
            devices.hub.shutdown()
        controller = getattr(self, "sync_controller", None)
        if controller is not None:
            controller.stop()
        self.runner.shutdown()

    def closeEvent(self, event) -> None:
        self.settings_store.save()
        super().closeEvent(event)
