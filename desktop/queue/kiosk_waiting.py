"""The kiosk's waiting counts: how many wait in each zone and about how long.

A small card on the kiosk's start screen, so a citizen sees the queue before taking a
ticket. The numbers are the kiosk's own replica (sync.queue.zone_queues): the hall's
tickets and calls arrive through sync, which `attach_kiosk_queue` starts for an
enrolled kiosk (its registrations, tickets and help calls must reach the counters too).
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from desktop.kiosk.widgets import label
from desktop.tasks import TaskRunner
from domain.events import CHINA_TZ

log = logging.getLogger(__name__)

REFRESH_MS = 10_000


def read_zones(replica: Any, day: str) -> list[Any]:
    from sync import queue, reference, tickets

    return queue.zone_queues(replica, reference.load_catalog(replica),
                             tickets.load_rules(replica), day)


class KioskWaiting(QWidget):
    """当前等候: zone, people waiting, about how many minutes."""

    def __init__(self, runner: TaskRunner, clock: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.clock = clock or (lambda: dt.datetime.now(CHINA_TZ))
        self.setObjectName("kioskWaiting")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("QWidget#kioskWaiting { background: white; border-radius: 12px; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(24, 10, 24, 10)
        lay.setSpacing(28)
        lay.addWidget(label(self.tr("当前等候"), "subtitle"), 0, Qt.AlignmentFlag.AlignTop)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(36)
        self.grid.setVerticalSpacing(2)
        lay.addLayout(self.grid, 1)
        self.columns, self.rows = 1, 6
        self.zones: list[Any] = []
        self._cells: list[QLabel] = []
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        top = self.window()
        landscape = top.width() > top.height()
        # landscape: two rows of two zones (one row on a short screen); portrait: one
        # zone a line
        shape = (2, 1 if top.height() < 900 else 2) if landscape else (1, 6)
        if shape != (self.columns, self.rows):
            self.columns, self.rows = shape
            self._show(self.zones)

    def refresh(self) -> None:
        day = self.clock().date().isoformat()
        self.runner.read(lambda r: read_zones(r, day), self._show,
                         lambda exc: log.warning("waiting counts unreadable: %r", exc))

    def _show(self, zones: list[Any]) -> None:
        """Only zones where people wait (the busiest first, at most two rows): a quiet
        hall is one line, so the start screen keeps its room whatever the panel."""
        self.zones = zones
        for cell in self._cells:
            cell.deleteLater()
        self._cells = []
        busy = sorted((z for z in zones if z.waiting), key=lambda z: -z.waiting)
        shown = busy[:self.rows * self.columns]
        for i, z in enumerate(shown):
            name = z.name.removesuffix("服务区")
            cell = label(self.tr("{prefix} {name}  %n 人 · 约 {m} 分钟", "", z.waiting).format(
                prefix=z.prefix, name=name, m=z.estimated_wait_min), "hint")
            self.grid.addWidget(cell, i // self.columns, i % self.columns)
            self._cells.append(cell)
        if not shown:
            cell = label(self.tr("各服务区目前无需等候"), "hint")
            self.grid.addWidget(cell, 0, 0)
            self._cells.append(cell)
        self.setVisible(bool(zones))


class KioskQueueLink:
    """The waiting card and, on an enrolled kiosk, its background sync (started by
    `start`, once the kiosk's window shows: the sync code and its HTTP client are not
    imported before, and whether the kiosk is enrolled is read on the reader pool)."""

    def __init__(self, widget: KioskWaiting, runner: TaskRunner, window: Any,
                 data_dir: pathlib.Path | str) -> None:
        self.widget, self.runner, self.window = widget, runner, window
        self.data_dir = data_dir
        self.controller: Any = None
        self._stopped = False

    def start(self) -> None:
        from sync.replica import ENROLLED

        if self.controller is None:
            self.runner.read(lambda r: r.get_meta("mode") == ENROLLED, self._enrolled,
                             lambda _exc: None)

    def _enrolled(self, enrolled: bool) -> None:
        """Not enrolled (a standalone kiosk): nothing to sync."""
        if not enrolled or self.controller is not None or self._stopped:
            return
        from desktop.sync_status import SyncController

        controller = self.controller = SyncController(self.data_dir, parent=self.window)
        self.runner.sig_written.connect(lambda _v: controller.wake())
        controller.sig_status_changed.connect(lambda _s: self.widget.refresh())
        controller.start()

    def stop(self) -> None:
        self._stopped = True
        if self.controller is not None:
            self.controller.stop()


def attach_kiosk_queue(window: Any, runner: TaskRunner,
                       data_dir: pathlib.Path | str) -> KioskQueueLink:
    """Put the card on the start page; an enrolled kiosk syncs once `start`ed."""
    widget = KioskWaiting(runner)
    start = window.pages["start"]
    lay = start.layout()
    lay.insertWidget(max(0, lay.count() - 1), widget)  # above the closing stretch
    window.sig_page_changed.connect(lambda page: page is start and widget.refresh())
    return KioskQueueLink(widget, runner, window, data_dir)
