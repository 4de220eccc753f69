"""Building and running the hall display: `yichuang display`, the demo, tests, the bench.

The display is a terminal of the hall: enrolled with the hall's node (or the city), it
follows the hall's changes through the long poll (sync.longpoll.ChangeFollower), reads
a board from its replica on a reader thread after every change, paints it and speaks
the new calls. `build` wires everything and shows nothing; `run` is what
`desktop.app.run(face="display")` calls.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.display import config
from desktop.display.announcer import CallAnnouncer
from desktop.display.board import Board, read_board
from desktop.display.speech import SpeechEngine, select_engine
from desktop.display.window import DisplayWindow
from domain.events import CHINA_TZ

log = logging.getLogger(__name__)

REFRESH_MS = 20_000  # estimated waits and the day change, with nothing else happening


class DisplayFeed(QObject):
    """The follower thread's rounds and statuses, delivered on the GUI thread."""

    sig_round = Signal(object)
    """A sync round ended (its RoundReport)."""
    sig_status = Signal(object)
    """A SyncStatus (online or not)."""

    def __init__(self, data_dir: pathlib.Path, poll_s: float,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        from sync.longpoll import ChangeFollower

        self.follower = ChangeFollower(data_dir, self.sig_round.emit, self.sig_status.emit,
                                       poll_s=poll_s)

    def start(self) -> None:
        self.follower.start()

    def stop(self) -> None:
        self.follower.stop()


@dataclass
class Display:
    window: DisplayWindow
    runner: Any
    announcer: CallAnnouncer
    feed: DisplayFeed | None
    settings: config.DisplaySettings
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(CHINA_TZ)
    _busy: bool = False
    _again: bool = False
    _closed: bool = False

    def refresh(self) -> None:
        """Read a new board (at most one read in flight; a change meanwhile reads again)."""
        if self._closed:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        day = self.clock().date().isoformat()
        self.runner.read(lambda r: read_board(r, day), self._painted, self._failed)

    def _painted(self, board: Board) -> None:
        self._busy = False
        self.announcer.repeats = board.call_repeats
        for call in self.window.show_board(board):
            self.announcer.announce(call.number, call.spoken)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        log.error("display could not read its replica: %r", exc)

    def shutdown(self) -> None:
        self._closed = True
        if self.feed is not None:
            self.feed.stop()
        self.announcer.stop()
        self.runner.shutdown()


def build(data_dir: pathlib.Path | str, *, demo: bool = False, runner: Any = None,
          engine: SpeechEngine | None = None, follow: bool = True,
          settings: config.DisplaySettings | None = None,
          clock: Callable[[], dt.datetime] | None = None) -> Display:
    """Everything wired, nothing shown. `follow=False`: no sync thread (tests drive it)."""
    from desktop.display import chime
    from desktop.tasks import TaskRunner
    from sync.demo_data import ensure_catalog
    from sync.replica import DB_NAME, Replica

    data_dir = pathlib.Path(data_dir)
    ds = settings or config.load(data_dir)
    if demo:
        with Replica.in_dir(data_dir) as replica:
            ensure_catalog(replica)
    runner = runner or TaskRunner(data_dir / DB_NAME)
    window = DisplayWindow(notice=ds.notice)
    if engine is None:
        wav = chime.write(data_dir / "cache" / "chime.wav")
        engine = select_engine(ds.voice, wav, window)
    announcer = CallAnnouncer(engine, parent=window)
    feed = DisplayFeed(data_dir, ds.poll_seconds, window) if follow else None
    display = Display(window, runner, announcer, feed, ds,
                      clock or (lambda: dt.datetime.now(CHINA_TZ)))
    if feed is not None:
        feed.sig_round.connect(lambda _rep: display.refresh())
        feed.sig_status.connect(lambda st: window.set_online(st.online))
    timer = QTimer(window, interval=REFRESH_MS)
    timer.timeout.connect(display.refresh)
    timer.start()
    display.refresh()
    return display


def run(data_dir: pathlib.Path | str, *, demo: bool = False, app: Any = None) -> int:
    """`yichuang display [--demo]`: full screen on the hall's TV until Ctrl+Shift+Q."""
    from PySide6.QtWidgets import QApplication

    app = app or QApplication.instance()
    display = build(data_dir, demo=demo)
    driver = None
    if demo:
        from desktop.display.demo import DemoCalls

        driver = DemoCalls(pathlib.Path(data_dir), display, parent=display.window)
        driver.start()
    if display.feed is not None:
        display.feed.start()
    if display.settings.full_screen and not demo:
        display.window.showFullScreen()
    else:
        display.window.resize(1920, 1080)
        display.window.show()
    code = app.exec()
    if driver is not None:
        driver.stop()
    display.shutdown()
    return int(code)
