"""The hall display's window: the big call, the windows calling now, the last calls, the
waiting per zone, a notice line and the clock (Beijing time).

The window paints boards (desktop.display.board) and decides which calls are new: a
call is new when its (ticket, calls) pair was not on the previous board — a recall
raises `calls`, so it is announced again. The first board after start-up announces
nothing (the hall heard those calls already). New calls go to the announcer oldest
first and the big banner flashes for a few seconds.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from desktop.display import style
from desktop.display.board import Board, Call
from desktop.display.widgets import (
    CallBanner,
    NoticeLine,
    RecentCalls,
    TileGrid,
    ZoneWaiting,
    label,
)
from domain.events import CHINA_TZ

log = logging.getLogger(__name__)

FLASH_MS = 4000


class DisplayWindow(QWidget):
    """Full screen on the hall's TV; landscape or portrait by the panel's shape."""

    sig_new_calls = Signal(list)
    """Calls that were not on the previous board (oldest first), as Call objects."""

    def __init__(self, notice: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("一窗 叫号显示"))
        self.notice = notice
        self.board: Board | None = None
        self._seen: set[tuple[str, int]] | None = None
        self.landscape: bool | None = None
        self.online: bool | None = None
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._header())
        body = QWidget()
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self.body.setContentsMargins(24, 18, 24, 18)
        self.body.setSpacing(24)
        self.main = QVBoxLayout()
        self.main.setSpacing(18)
        self.banner = CallBanner()
        self.tiles = TileGrid()
        self.main.addWidget(self.banner, 5)
        self.main.addWidget(self.tiles, 4)
        self.side = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.side.setSpacing(18)
        self.recent = RecentCalls()
        self.zones = ZoneWaiting()
        self.side.addWidget(self.recent, 1)
        self.side.addWidget(self.zones, 1)
        self.body.addLayout(self.main, 3)
        self.body.addLayout(self.side, 2)
        root.addWidget(body, 1)
        self.notice_line = NoticeLine()
        root.addWidget(self.notice_line)
        self._flash = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash.timeout.connect(lambda: self._restyle(flash=False))
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()
        self._restyle()
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, activated=self.close)

    def _header(self) -> QWidget:
        header = QWidget()
        row = QHBoxLayout(header)
        row.setContentsMargins(28, 14, 28, 6)
        self.hall = label("", "hall")
        self.hall.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.offline = label("", "offline")
        self.clock = label("", "clock")
        row.addWidget(self.hall, 1)
        row.addWidget(self.offline)
        row.addWidget(self.clock)
        return header

    # --- what is shown ------------------------------------------------------------------
    def show_board(self, board: Board) -> list[Call]:
        """Paint a board; returns (and signals) the calls that are new on it."""
        self.board = board
        self.hall.setText(board.hall_name)
        keys = {c.key for c in board.recent} | {c.key for c in board.showing}
        new: list[Call] = []
        if self._seen is not None:
            fresh = {c.key: c for c in [*board.showing, *board.recent] if c.key not in self._seen}
            new = sorted(fresh.values(), key=lambda c: (c.called_at, c.calls))
        self._seen = keys if self._seen is None else self._seen | keys
        # the newest call: just made, else the newest still live, else a welcome
        self.banner.show_call(new[-1] if new else (board.showing[0] if board.showing
                                                   else None))
        self.tiles.show_calls(board.showing)
        self.recent.show_calls(board.recent)
        self.zones.show_zones(board.zones)
        self.notice_line.set_text(self._notice_text(board))
        if new:
            self._restyle(flash=True)
            self._flash.start()
            self.sig_new_calls.emit(new)
        return new

    def _notice_text(self, board: Board) -> str:
        reasons = {"break": self.tr("暂时离开"), "meal": self.tr("用餐"),
                   "meeting": self.tr("会议"), "training": self.tr("培训"),
                   "system": self.tr("系统维护"), "other": self.tr("暂停服务")}
        parts = [self.notice] if self.notice else []
        parts += [self.tr("{window}暂停服务（{reason}）").format(window=name,
                                                          reason=reasons.get(r, r))
                  for name, r in board.paused]
        if not parts:
            parts = [self.tr("请留意叫号，过号请到服务台重新排队；办事请携带身份证原件")]
        return "　　".join(parts)

    def set_online(self, online: bool | None) -> None:
        """Say so on screen when the display has lost its server (calls may be late)."""
        self.online = online
        self.offline.setText(self.tr("与服务器的连接中断") if online is False else "")

    # --- shape and clock ------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        landscape = self.width() >= self.height()
        if landscape != self.landscape:
            self.landscape = landscape
            self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                   else QBoxLayout.Direction.TopToBottom)
            self.tiles.set_columns(3, 2)
            if self.board is not None:
                self.tiles.show_calls(self.board.showing)
        self._restyle(flash=self._flash.isActive())

    def _restyle(self, flash: bool = False) -> None:
        self.setStyleSheet(style.sheet(min(self.width(), self.height()) or 1080, flash))

    def _tick(self) -> None:
        now = dt.datetime.now(CHINA_TZ)
        days = (self.tr("星期一"), self.tr("星期二"), self.tr("星期三"), self.tr("星期四"),
                self.tr("星期五"), self.tr("星期六"), self.tr("星期日"))
        self.clock.setText(f"{now:%Y-%m-%d}  {days[now.weekday()]}  {now:%H:%M:%S}")
