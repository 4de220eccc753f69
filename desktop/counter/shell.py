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
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from desktop.counter import jobs
from desktop.counter.login import LoginPage

if TYPE_CHECKING:
    from desktop.counter.workspace import Workspace
from desktop.counter.session import CounterState, IdleWatcher, Session
from desktop.messages import error_text
from desktop.scan_filter import ScanFilter
from desktop.settings import SettingsStore
from desktop.tasks import TaskRunner
from domain import events as ev
from domain.catalog import Staff

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
        self.settings_store = settings_store
        self.settings = settings_store.snapshot()
        self.clock = clock or (lambda: dt.datetime.now(ev.CHINA_TZ))
        self.runner = runner or TaskRunner(data_dir / DB_NAME, clock=self.clock, parent=self)
        self.runner.sig_task_failed.connect(lambda exc: self.show_message(error_text(exc), "error"))
        self.state: CounterState | None = None
        self.workspace: Workspace | None = None
        self.calendar_warning: str | None = None
        self.locked = False
        self.setWindowTitle(self.tr("一窗 · 窗口受理"))
        self.setMinimumSize(1280, 720)
        self.stack = QStackedWidget()
        self.login = LoginPage(self.runner)
        self.login.sig_logged_in.connect(self._on_logged_in)
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self._build_status_bar()
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
        from desktop.about import install_about

        self.about_action = install_about(self, "counter", data_dir=data_dir, details=lambda: {
            "terminal": self.state.identity.terminal_code,
            "hall": self.state.identity.hall_code} if self.state else {})
        self.runner.write(lambda store: jobs.startup(store, self.clock().date()),
                          self._started, self._start_failed)

    # --- start-up -----------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.message = QLabel("")
        bar.addWidget(self.message, 1)
        self.sync_slot = self._sync_widget()
        if self.sync_slot is not None:
            bar.addPermanentWidget(self.sync_slot)
        self.pending_label = QLabel("")
        self.terminal_label = QLabel("")
        self.clock_label = QLabel("")
        for w in (self.pending_label, self.terminal_label, self.clock_label):
            bar.addPermanentWidget(w)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start(30_000)

    def _sync_widget(self) -> QWidget | None:
        """The sync status in the status bar, fed by a controller syncing in the background.

        The controller starts once the login window is up (not in the start-up path) and
        is woken after every local write so a case goes out as soon as it is stored.
        """
        try:
            from desktop import sync_status
        except ImportError:
            return None
        self.sync_controller = sync_status.SyncController(self.data_dir, parent=self)
        widget = sync_status.SyncStatusWidget(self.sync_controller, parent=self)
        self.runner.sig_written.connect(lambda _value: self.sync_controller.wake())
        QTimer.singleShot(0, self.sync_controller.start)
        return widget

    def _started(self, info: jobs.Startup) -> None:
        self.state = CounterState(info.catalog, info.calendar, info.identity, self.clock,
                                  warn_days=self.settings.warn_working_days)
        self.calendar_warning = self._calendar_text(info) if info.calendar_warning else None
        self.terminal_label.setText(self.tr("终端 {code}").format(
            code=info.identity.terminal_code))
        if not info.catalog.staff:
            self.login.set_ready(False, self.tr("本终端还没有事项目录和人员名单，请先完成终端注册或同步"))
            return
        self.login.set_catalog(info.catalog, self.settings.window_id, self.settings.last_staff_no)
        self._on_tick()

    def _calendar_text(self, info: jobs.Startup) -> str:
        """sync.reference words it in Chinese for logs; the screen speaks the UI language."""
        year = info.calendar.missing_next_year(self.clock().date())
        return self.tr("缺少{year}年的节假日安排数据，{year}年的办理期限暂按周末计算（临时），"
                       "请联系管理员更新日历").format(year=year)

    def _build_workspace(self) -> None:
        """Built at the first login, so the login window is usable sooner."""
        from desktop.counter.workspace import Workspace

        assert self.state is not None
        self.workspace = Workspace(self.state, self.runner,
                                   self.settings.countdown_refresh_seconds)
        self.workspace.sig_message.connect(self.show_message)
        self.workspace.sig_lock_requested.connect(self.lock)
        self.workspace.sig_case_written.connect(lambda _c: self._on_tick())
        self.workspace.set_banner(self.calendar_warning)
        self.stack.addWidget(self.workspace)
        from desktop.printing.counter_hooks import connect_printing

        self.printing = connect_printing(self)

    def _start_failed(self, exc: BaseException) -> None:
        log.error("start-up failed: %s", exc)
        self.login.set_ready(False, error_text(exc))

    def show_for_screen(self) -> None:
        """Maximised on a real counter; a fixed 1366×768 offscreen (screenshots, tests)."""
        if QApplication.platformName() == "offscreen":
            self.resize(1366, 768)
            self.show()
        else:
            self.showMaximized()

    # --- login / lock -------------------------------------------------------------
    def _on_logged_in(self, staff: Staff, window_id: str) -> None:
        assert self.state is not None
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

    def on_scanned(self, code: str) -> None:
        """A wedge scan, wherever the focus was: look it up (ignored while locked)."""
        if not self.working or self.workspace is None:
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
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        if level == "error":
            QApplication.beep()

    def _on_tick(self) -> None:
        self.clock_label.setText(self.clock().strftime("%Y-%m-%d %H:%M"))
        if self.state is not None:
            self.runner.read(jobs.pending_count, self._show_pending, lambda _e: None)

    def _show_pending(self, n: int) -> None:
        self.pending_label.setText(self.tr("待上传 {n} 条").format(n=n) if n
                                   else self.tr("已全部上传"))

    def shutdown(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
            app.removeEventFilter(self.scanner)
        self._tick.stop()
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
