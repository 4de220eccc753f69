"""Windows fit the screen they open on: never a button below the edge of a 1366×768 PC.

Counter PCs in halls are often 1366×768 laptops or old monitors; a kiosk panel is
1080×1920 or 1920×1080; a demo runs on whatever the visitor has. A window asks for the
size it would like and gets at most what the screen it opens on can show, centred
there (or beside its parent). Widgets whose minimum size cannot fit are the bug, and the
screenshot tours at 1366×768 show them.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# room for a window frame and the task bar the available geometry may not count
MARGIN = 0.94


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen the widget (or its parent window) is on, else the primary one."""
    parent = widget.parentWidget()
    anchor = parent.window() if parent is not None else widget
    return anchor.screen() or QGuiApplication.primaryScreen()


def fitted(wanted: QSize, available: QRect, margin: float = MARGIN) -> QSize:
    """`wanted`, shrunk to what `available` shows with a margin (pure, for tests)."""
    return QSize(min(wanted.width(), int(available.width() * margin)),
                 min(wanted.height(), int(available.height() * margin)))


def fit_to_screen(widget: QWidget, width: int, height: int, *,
                  screen: QScreen | None = None, margin: float = MARGIN) -> QSize:
    """Resize `widget` to (width, height) or less, and centre it on its screen."""
    screen = screen or screen_of(widget)
    if screen is None:
        widget.resize(width, height)
        return QSize(width, height)
    available = screen.availableGeometry()
    size = fitted(QSize(width, height), available, margin)
    widget.resize(size)
    top_left = available.center() - QRect(0, 0, size.width(), size.height()).center()
    widget.move(max(available.left(), top_left.x()), max(available.top(), top_left.y()))
    return size


def fits(widget: QWidget, screen: QScreen | None = None) -> bool:
    """True when the whole window, frame included, is on its screen (tests, tours)."""
    screen = screen or screen_of(widget)
    if screen is None:
        return True
    return screen.availableGeometry().contains(widget.frameGeometry())


def show_maximised(window: QWidget) -> None:
    """A face's main window, maximised on the screen it opens on (1280×720 logical at least:
    1920×1080 at 150 %); 1366×768 on the offscreen platform's 800×800 default screen, which
    no hall PC has (screenshots, tests)."""
    from PySide6.QtWidgets import QApplication

    screen = window.screen().availableGeometry()
    smallest = window.minimumSize()
    if QApplication.platformName() == "offscreen" and (
            screen.width() < max(smallest.width(), 1280)
            or screen.height() < max(smallest.height(), 720)):
        window.resize(1366, 768)
        window.show()
    else:
        window.showMaximized()
