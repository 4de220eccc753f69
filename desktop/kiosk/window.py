"""The kiosk's full-screen shell: header, pages, footer; locked, idle-reset, elderly mode.

The shell knows screens, not registrations (that is `flow.KioskFlow`). It owns:

* the lock — full screen, frameless, on top; closing needs the admin PIN (hold the hall
  name for 3 s, or Ctrl+Shift+Q on a service keyboard);
* the idle watch — any touch, click or key restarts it; when it runs out the shell
  says so (`sig_idle_timed_out`) and the flow discards the half-entered citizen;
* the orientation — pages get `set_landscape` whenever the panel's shape changes;
* elderly mode — the whole style sheet at 1.3×, fewer tiles per row.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.face_menu import LANGUAGE_NAMES
from desktop.i18n import current_language
from desktop.kiosk import style
from desktop.kiosk.start_page import Page
from desktop.kiosk.widgets import button, label
from desktop.screen_fit import fit_to_screen
from domain.events import CHINA_TZ

log = logging.getLogger(__name__)

HOLD_MS = 3000
PANEL_PORTRAIT = (1080, 1920)
PANEL_LANDSCAPE = (1920, 1080)
_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
             QEvent.Type.Wheel}


class HoldLabel(QLabel):
    """A label that reports a long press (the hidden way out for staff)."""

    sig_held = Signal()
    """Pressed and held for HOLD_MS."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HOLD_MS)
        self._timer.timeout.connect(self.sig_held)

    def mousePressEvent(self, event) -> None:
        self._timer.start()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self._timer.stop()
        super().mouseReleaseEvent(event)


class IdleWatch(QObject):
    """Application-wide: any input restarts the countdown."""

    sig_timed_out = Signal()
    """Nobody touched the screen for the whole interval."""

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sig_timed_out)
        self.set_seconds(seconds)
        QApplication.instance().installEventFilter(self)

    def set_seconds(self, seconds: float) -> None:
        self.timer.setInterval(int(seconds * 1000))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def arm(self, on: bool) -> None:
        """Count only while a citizen is somewhere past the start screen."""
        if on:
            self.timer.start()
        else:
            self.timer.stop()

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class KioskWindow(QWidget):
    """Header + pages + footer. Pages are added by the flow with `add_page`."""

    sig_page_changed = Signal(object)
    """A page was shown (the Page)."""
    sig_back_requested = Signal()
    """The footer's back button."""
    sig_home_requested = Signal()
    """The footer's home button."""
    sig_help_requested = Signal()
    """The citizen tapped "need help"."""
    sig_elderly_toggled = Signal(bool)
    """Elderly mode switched on (True) or off."""
    sig_admin_requested = Signal()
    """Staff held the hall name (or pressed Ctrl+Shift+Q)."""
    sig_language_requested = Signal(str)
    """The citizen chose the other language ("en" or "zh_CN")."""

    def __init__(self, hall_name: str, *, locked: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("自助登记"))
        self.locked = locked
        self.elderly = False
        self.landscape: bool | None = None
        self.fit = 1.0
        self.pages: dict[str, Page] = {}
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._header(hall_name))
        self.banner = QWidget(objectName="banner")
        self.banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(30, 14, 30, 14)
        self.banner_text = label("", wrap=True)
        self.banner_text.setObjectName("bannerText")
        bl.addWidget(self.banner_text)
        self.banner.hide()
        root.addWidget(self.banner)
        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        root.addWidget(self._footer())
        self._toast_timer = QTimer(self, singleShot=True, interval=8000)
        self._toast_timer.timeout.connect(self._end_toast)
        self._blocked_text = ""
        # connected, not passed as `activated=`: PySide calls that one, and a signal
        # is not callable (it crashed the kiosk)
        exit_key = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
        exit_key.activated.connect(self.sig_admin_requested)
        # no style sheet yet: the first resize sets the one for the panel's shape and size
        # (_relayout), and each sheet set re-polishes every page (~20 ms at start-up)
        self._clock_timer = QTimer(self, interval=15_000)
        self._clock_timer.timeout.connect(self._tick_clock)
        self._clock_timer.start()
        self._tick_clock()

    def _header(self, hall_name: str) -> QWidget:
        header = QWidget(objectName="header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(header)
        row.setContentsMargins(30, 14, 30, 14)
        row.setSpacing(18)
        self.hall_label = HoldLabel(hall_name)
        self.hall_label.setObjectName("hallName")
        self.hall_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hall_label.sig_held.connect(self.sig_admin_requested)
        row.addWidget(self.hall_label, 1)
        self.clock = QLabel(objectName="clock")
        row.addWidget(self.clock)
        # each language named in itself, so a citizen who cannot read the screen finds it
        other = "zh_CN" if current_language() == "en" else "en"
        self.language_button = button(LANGUAGE_NAMES[other], "language")
        self.language_button.setAccessibleName("English / 中文")
        self.language_button.clicked.connect(lambda: self.sig_language_requested.emit(other))
        row.addWidget(self.language_button)
        self.elderly_button = button(self.tr("长辈模式"), "header", checkable=True)
        self.elderly_button.toggled.connect(self.sig_elderly_toggled)
        row.addWidget(self.elderly_button)
        self.help_button = button(self.tr("需要帮助"), "help")
        self.help_button.clicked.connect(self.sig_help_requested)
        row.addWidget(self.help_button)
        return header

    def _footer(self) -> QWidget:
        self.footer = QWidget(objectName="footer")
        self.footer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(self.footer)
        row.setContentsMargins(30, 12, 30, 12)
        back = button(self.tr("返回上一步"), "nav")
        back.clicked.connect(self.sig_back_requested)
        row.addWidget(back)
        self.footer_hint = label("", "hint", align=Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.footer_hint, 1)
        home = button(self.tr("回到首页"), "nav")
        home.clicked.connect(self.sig_home_requested)
        row.addWidget(home)
        return self.footer

    # -- pages ----------------------------------------------------------------------
    def add_page(self, page: Page) -> Page:
        self.pages[page.key] = page
        # a page that needs more room than the panel has must not grow the window past
        # the screen (a stacked widget takes the largest minimum of all its pages)
        page.setMinimumSize(1, 1)
        self.stack.addWidget(page)
        return page

    @property
    def current(self) -> Page:
        return self.stack.currentWidget()

    def show_page(self, key: str) -> Page:
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        self.footer.setVisible(page.has_footer)
        page.enter()
        self.sig_page_changed.emit(page)
        return page

    def set_footer_hint(self, text: str) -> None:
        self.footer_hint.setText(text)

    # -- banner: a stopped kiosk (red, stays) or an acknowledgement (orange, 8 s) -----
    def set_blocked(self, text: str) -> None:
        self._blocked_text = text
        if not self._toast_timer.isActive():
            self._show_banner(text, style.RED)

    def toast(self, text: str) -> None:
        self._show_banner(text, style.ORANGE)
        self._toast_timer.start()

    def _end_toast(self) -> None:
        self._show_banner(self._blocked_text, style.RED)

    def _show_banner(self, text: str, colour: str) -> None:
        self.banner.setStyleSheet(f"QWidget#banner {{ background: {colour}; }}")
        self.banner_text.setText(text)
        self.banner.setVisible(bool(text))

    # -- look -----------------------------------------------------------------------
    def set_elderly(self, on: bool) -> None:
        self.elderly = on
        self.elderly_button.setChecked(on)
        self._relayout(force=True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        landscape = self.width() > self.height()
        panel_w, panel_h = PANEL_LANDSCAPE if landscape else PANEL_PORTRAIT
        fit = round(min(1.0, self.width() / panel_w, self.height() / panel_h), 2)
        if landscape == self.landscape and fit == self.fit and not force:
            return
        self.landscape, self.fit = landscape, fit
        self.setStyleSheet(style.sheet(style.ELDERLY_SCALE if self.elderly
                                       else style.NORMAL_SCALE, landscape, fit))
        columns = (3 if landscape else 2) - (1 if self.elderly else 0)
        self._tick_clock()
        for page in self.pages.values():
            page.set_landscape(landscape)
            if hasattr(page, "set_columns"):
                page.set_columns(columns)

    def _tick_clock(self) -> None:
        # Beijing time, as on the slip: the PC's own zone may be anything; a portrait
        # header keeps its width for the hall's name
        now = dt.datetime.now(CHINA_TZ)
        self.clock.setText(f"{now:%H:%M}" if self.landscape is False else
                           f"{now:%Y-%m-%d  %H:%M}")

    # -- the lock -------------------------------------------------------------------
    def show_kiosk(self, full_screen: bool) -> None:
        """Full screen on the kiosk's panel; a window of the screen's shape otherwise
        (the demo, a test), as large as that screen shows, the style shrunk to fit."""
        if full_screen:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowStaysOnTopHint)
            self.showFullScreen()
            return
        screen = self.screen().availableGeometry()
        width, height = PANEL_LANDSCAPE if screen.width() > screen.height() else PANEL_PORTRAIT
        fit_to_screen(self, width, height)
        self.show()

    def unlock(self) -> None:
        """The PIN was right: the window may close now."""
        self.locked = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            log.info("close refused: the kiosk is locked")
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:
        if self.locked and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F4):
            event.accept()  # Esc / Alt+F4 do nothing on a kiosk
            return
        super().keyPressEvent(event)
