"""Where a citizen-facing view appears: its own monitor, or a panel that gives the screen back.

A rating asked at a window (and, on the same terms, any question a face puts to the
citizen) must never cost the clerk their screen. So the view goes

* full screen on a monitor of its own, when the PC has one besides the clerk's
  (the usual counter with a small screen facing the citizen): it stays there, resting
  on its welcome page between questions;
* otherwise into a panel of the host window (the counter's bottom strip, a kiosk page):
  shown while there is a question, hidden again as soon as the view rests, with a
  button that lets the clerk take the screen back at once. A one-monitor counter turns
  its screen to the citizen for the few seconds a rating takes;
* with no host at all (a test, a device settings check), a plain window.

A view shown on its own monitor never keeps the application alive: it does not count
as a window for "quit on last window closed", and it closes when the application quits.
The placement is decided again at every question, so a monitor plugged in or out
during the day is followed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

SCREEN, PANEL, WINDOW = "screen", "panel", "window"
PANEL_SHARE = 0.3  # of the host window's height, at most


def citizen_monitor(host: QWidget | None) -> QScreen | None:
    """A monitor other than the one the clerk works on (the host's), if there is one."""
    screens = QGuiApplication.screens()
    mine = host.screen() if host is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not mine]
    return others[0] if others else None


class CitizenScreen(QObject):
    """Puts `view` in front of the citizen, and takes it away again (see the module)."""

    sig_dismissed = Signal()
    """The clerk took the screen back before the question was answered."""
    sig_showing_changed = Signal(bool)
    """The view came in front of the citizen (True) or went (False); a host page may
    make room for it."""

    def __init__(self, view: QWidget, host: QWidget | None = None,
                 slot: QBoxLayout | None = None, *, second_screen: bool = True,
                 compact: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent or host)
        self.view = view
        self.host = host
        self.slot = slot
        self.second_screen = second_screen
        self.compact = compact
        self.mode = ""
        self.panel: QFrame | None = None
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    # --- what a face calls ----------------------------------------------------------
    def present(self) -> None:
        """The view has something to ask or say: put it in front of the citizen."""
        monitor = citizen_monitor(self.host) if self.second_screen else None
        if monitor is not None:
            self._full_screen(monitor)
        elif self.slot is not None:
            self._in_panel()
        else:
            self._in_window()

    def rest(self) -> None:
        """Nothing to ask: a monitor of its own keeps the resting page, a panel goes."""
        if self.mode == PANEL and self.panel is not None:
            self.panel.hide()
            self.sig_showing_changed.emit(False)
        elif self.mode == WINDOW:
            self.view.hide()

    @property
    def showing(self) -> bool:
        """True while the citizen can see the view."""
        if self.mode == PANEL:
            return self.panel is not None and self.panel.isVisible()
        return self.view.isVisible()

    def close(self) -> None:
        """The application is going: nothing of ours stays on any screen."""
        if self.mode in (SCREEN, WINDOW):
            self.view.close()
        elif self.panel is not None:
            self.panel.hide()

    # --- placements -----------------------------------------------------------------
    def _top_level(self) -> None:
        if self.panel is not None and self.view.parent() is self.panel:
            self.panel.hide()
        self.view.setParent(None)
        self.view.setWindowFlag(Qt.WindowType.Window, True)
        # never the reason the application stays running after its last window closed
        self.view.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self._set_compact(False)

    def _full_screen(self, monitor: QScreen) -> None:
        if self.mode != SCREEN or self.view.screen() is not monitor or not self.view.isVisible():
            self._top_level()
            self.view.setScreen(monitor)
            self.view.setGeometry(monitor.geometry())
            self.view.showFullScreen()
            log.info("citizen view full screen on %s", monitor.name())
        self.mode = SCREEN

    def _in_window(self) -> None:
        if self.mode != WINDOW:
            self._top_level()
            self.view.resize(960, 640)
        self.mode = WINDOW
        self.view.show()

    def _in_panel(self) -> None:
        if self.panel is None:
            self.panel = self._make_panel()
        if self.view.parent() is not self.panel:
            self.view.setWindowFlag(Qt.WindowType.Window, False)
            self.panel_layout.insertWidget(0, self.view, 1)
            self._set_compact(self.compact)
        self.mode = PANEL
        # a strip, not a second screen: the clerk keeps most of the window
        if self.host is not None:
            self.panel.setMaximumHeight(max(170, int(self.host.height() * PANEL_SHARE)))
        self.view.show()
        self.panel.show()
        self.sig_showing_changed.emit(True)

    def _make_panel(self) -> QFrame:
        assert self.slot is not None
        panel = QFrame(objectName="citizenPanel")
        panel.setAccessibleName(self.tr("面向群众的评价区"))
        lay = QHBoxLayout(panel)
        lay.setContentsMargins(8, 4, 8, 4)
        self.panel_layout = lay
        side = QVBoxLayout()
        self.take_back = QPushButton(self.tr("收回屏幕 (Esc)"))
        self.take_back.setAccessibleName(self.tr("收回屏幕"))
        self.take_back.clicked.connect(self._dismiss)
        side.addStretch(1)
        side.addWidget(self.take_back)
        lay.addLayout(side)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), panel, self._dismiss,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.slot.addWidget(panel)
        return panel

    def _dismiss(self) -> None:
        self.rest()
        self.sig_dismissed.emit()

    def _set_compact(self, on: bool) -> None:
        setter = getattr(self.view, "set_compact", None)
        if setter is not None:
            setter(on)
