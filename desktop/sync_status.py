"""Sync in the status bar: a controller that runs the Qt-free worker, and its widget.

`SyncController` owns a `sync.worker.SyncWorker` (a thread with its own replica
connection, so a sync never blocks the UI) and re-emits each status it reports as
`sig_status_changed` — queued to the GUI thread by Qt because it is emitted from the
worker thread. `SyncStatusWidget` only displays a SyncStatus and asks for "sync now".

Drop-in use in the main window:

    ctl = SyncController(data_dir, parent=self)
    bar = SyncStatusWidget(ctl, parent=self.statusBar())
    self.statusBar().addPermanentWidget(bar)
    ctl.start()            # and ctl.wake() after every local write
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from desktop.feedback import ElidedLabel
from sync.status import SyncStatus
from sync.worker import SyncWorker

log = logging.getLogger(__name__)


class SyncController(QObject):
    """Runs sync rounds in the background for one data folder."""

    sig_status_changed = Signal(object)
    """A new SyncStatus after a round (or while one runs)."""

    def __init__(self, data_dir: pathlib.Path | str, parent: QObject | None = None,
                 *, interval: float = 5.0) -> None:
        super().__init__(parent)
        self._worker = SyncWorker(data_dir, _reporter(self.sig_status_changed.emit),
                                  interval=interval)
        self.last: SyncStatus = SyncStatus()
        self.sig_status_changed.connect(self._remember)
        # a window closed without stop(): its controller goes with it, and so do the
        # rounds (not joined here: the GUI thread never waits for a round in flight)
        self.destroyed.connect(self._worker.halt)

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop()

    @Slot()
    def wake(self) -> None:
        """Sync now (the button, a local write, the network coming back)."""
        self._worker.wake()

    @Slot(object)
    def _remember(self, status: SyncStatus) -> None:
        self.last = status


def _reporter(emit: Callable[[SyncStatus], None]) -> Callable[[SyncStatus], None]:
    """`emit` for the worker thread, quiet once the controller is gone: a round that
    was in flight when its window closed has nobody left to tell, and must not die
    of it."""
    def report(status: SyncStatus) -> None:
        try:
            emit(status)
        except RuntimeError as exc:  # "Signal source has been deleted"
            if "deleted" not in str(exc):
                raise
            log.debug("sync status after its controller was deleted: dropped")

    return report


class SyncStatusWidget(QWidget):
    """Online/offline, what waits to go out (and since when), last success, warnings.

    The one place the counter says what waits to be uploaded. A standalone terminal
    uploads nothing, so it says that and nothing more (its records stay on this PC
    until it is enrolled). Warnings shrink first when the status bar is short of room;
    their whole text is on hover.
    """

    def __init__(self, controller: SyncController | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel(self)
        self.server = QLabel(self)  # which server, whether it reaches the city (issue 11)
        self.pending = QLabel(self)
        self.last = QLabel(self)
        self.warning = ElidedLabel("", self)
        self.warning.setObjectName("syncWarning")
        self.warning.setStyleSheet("color: #b00020;")
        self.button = QPushButton(self.tr("同步"), self)
        self.button.setAccessibleName(self.tr("立即同步"))
        self.button.setToolTip(self.tr("立即同步"))
        self.setAccessibleName(self.tr("同步状态"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.setSpacing(8)
        for w in (self.state, self.server, self.pending, self.last):
            w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            lay.addWidget(w)
        lay.addWidget(self.warning, 1)
        lay.addWidget(self.button)
        self.set_status(SyncStatus())
        if controller is not None:
            controller.sig_status_changed.connect(self.set_status)
            self.button.clicked.connect(controller.wake)

    def _age(self, seconds: float) -> str:
        """How long the oldest record has waited, in the UI language."""
        if seconds < 3600:
            return self.tr("%n分钟", "", int(seconds // 60))
        if seconds < 86400:
            return self.tr("%1小时").replace("%1", f"{seconds / 3600:.1f}")
        return self.tr("%1天").replace("%1", f"{seconds / 86400:.1f}")

    @Slot(object)
    def set_status(self, s: SyncStatus) -> None:
        """Show a status (called on the GUI thread)."""
        self.shown = s
        enrolled = s.mode == "enrolled"
        if not enrolled:
            self.state.setText(self.tr("单机模式"))
            self.state.setToolTip(self.tr("本终端未连接服务器：办件只保存在本机"))
        elif s.bootstrapping:  # a new terminal's first download, page by page
            pct = min(100, 100 * s.bootstrap_done // max(1, s.bootstrap_total))
            self.state.setText(self.tr("正在下载大厅数据 %1%").replace("%1", str(pct)))
        elif s.syncing:
            self.state.setText(self.tr("正在同步…"))
        elif s.online is None:
            self.state.setText(self.tr("尚未连接"))
        else:
            self.state.setText(self.tr("在线") if s.online else self.tr("离线"))
        self._show_server(s)
        if enrolled:
            self.state.setToolTip("")
        waiting = self.tr("待上传 %n 条", "", s.pending) if s.pending else self.tr("已全部上传")
        tip = ""
        if s.pending and s.oldest_pending_age_s:
            # short: the status bar is shared with the terminal, period, clock, lights
            age = self._age(s.oldest_pending_age_s)
            waiting += " · " + age
            tip = self.tr("最早一条已等待 %1").replace("%1", age)
        self.pending.setToolTip(tip)
        self.pending.setText(waiting)
        last = (self.tr("上次同步 %1").replace("%1", _short(s.last_success))
                if s.last_success else "")
        # when the link works the last sync is a moment ago: the time matters offline
        self.last.setText(last)
        self.state.setToolTip(last if enrolled else self.state.toolTip())
        for w in (self.pending, self.button):
            w.setVisible(enrolled)
        self.last.setVisible(enrolled and bool(last) and s.online is False)
        warnings = []
        if s.skew_warning:
            warnings.append(self.tr("本机时钟与服务器相差 %n 分钟，请校准时间", "",
                                    round(abs(s.clock_skew_s or 0) / 60)))
        if s.reenrol_required:
            warnings.append(self.tr("需要重新注册终端"))
        if s.unseen_notices:
            warnings.append(self.tr("%n 条提醒", "", s.unseen_notices))
        self.warning.setText("；".join(warnings))
        self.warning.setVisible(bool(warnings))
        if s.message or s.last_error:
            self.warning.setToolTip("\n".join(t for t in ("；".join(warnings), s.message
                                                          or s.last_error or "") if t))
        self.button.setEnabled(enrolled and not s.syncing)

    def _show_server(self, s: SyncStatus) -> None:
        """大厅节点 10.0.0.5:8470 · 已连市级: the server, and — when it is a hall node we
        reach — whether the node reaches the city (a township's WAN may be down for days
        while the hall works on)."""
        if s.mode != "enrolled" or not s.server:
            self.server.setText("")
            return
        if s.server_role == "node":
            text = self.tr("大厅节点 %1").replace("%1", s.server)
            if s.online is not False and s.reaches_city is not None:
                text += " · " + (self.tr("已连市级") if s.reaches_city else self.tr("与市级断开"))
        elif s.server_role == "city":
            text = self.tr("市级服务器 %1").replace("%1", s.server)
        else:
            text = s.server
        self.server.setText(text)
        tip = [s.server_hall] if s.server_hall else []
        if s.server_role == "node" and s.city_contact:
            tip.append(self.tr("上次连通市级 %1").replace("%1", _short(s.city_contact)))
        if s.server_role == "node" and s.upstream_pending:
            tip.append(self.tr("节点待上传市级 %1 条").replace("%1", str(s.upstream_pending)))
        self.server.setToolTip("\n".join(tip))
        cut = s.server_role == "node" and s.online is not False and s.reaches_city is False
        self.server.setStyleSheet("color: #b00020;" if cut else "")


def _short(iso: str | None) -> str:
    try:
        return dt.datetime.fromisoformat(iso or "").strftime("%m-%d %H:%M")
    except ValueError:
        return iso or ""
