"""The application-wide keyboard-wedge filter: a scan works wherever the focus is.

Installed on the QApplication, it sees every key press before any widget does, holds
back fast keys (the pure classifier is `devices.scanner.wedge`), and either emits ``sig_scanned(code)`` or hands the
keys back to the widget they were meant for, in order. Held keys are released by a
short timer when the stream stops, so a person typing notices nothing.
"""

from __future__ import annotations

import logging
import time
from collections import deque

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from devices.scanner.wedge import Scan, WedgeClassifier

log = logging.getLogger(__name__)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def disable_ime(widget: QWidget) -> None:
    """A Chinese input method swallows a scanner's keys: turn it off on scan fields."""
    widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    widget.setInputMethodHints(Qt.InputMethodHint.ImhPreferLatin
                               | Qt.InputMethodHint.ImhNoPredictiveText)


class ScanFilter(QObject):
    """Tells scans from typing for the whole application."""

    sig_scanned = Signal(str)
    """A complete code came from a wedge scanner (without prefix and Enter)."""

    def __init__(self, *, max_gap_ms: int = 40, min_length: int = 6, prefix: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.classifier = WedgeClassifier(gap_ms=max_gap_ms, min_length=min_length,
                                          prefix=prefix, suffix="\r")
        self.enabled = True
        self._held: deque[tuple] = deque()  # the key events behind the held characters
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_quiet)

    @staticmethod
    def _now_ms() -> float:
        return time.monotonic() * 1000.0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(obj, QWidget) or not isinstance(event, QKeyEvent):
            return False
        enter = event.key() in _ENTER
        text = "\r" if enter else event.text()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                          | Qt.KeyboardModifier.KeypadModifier)
        if not plain or len(text) != 1 or (not enter and not text.isprintable()):
            self._handle(self.classifier.reset())  # F-keys, Tab, arrows: typing, in order
            return False
        self._held.append((obj, event.key(), event.modifiers(), event.text()))
        self._handle(self.classifier.feed(text, self._now_ms()))
        if self.classifier.pending:
            self._timer.start(int(self.classifier.gap_ms) + 5)
        return True

    def reset(self) -> None:
        """Hand back anything held (the screen is being locked or changed)."""
        self._handle(self.classifier.reset())

    def _on_quiet(self) -> None:
        self._handle(self.classifier.flush(self._now_ms() + 1))
        if self.classifier.pending:
            self._timer.start(int(self.classifier.gap_ms) + 5)

    def _handle(self, events: list) -> None:
        for ev in events:
            keys = [self._held.popleft() for _ in range(len(ev.raw)) if self._held]
            if isinstance(ev, Scan):
                log.info("scan of %d characters", len(ev.code))
                self.sig_scanned.emit(ev.code)
            else:
                self._replay(keys)

    def _replay(self, keys: list[tuple]) -> None:
        """Send held keys to their widgets as if they had just been typed."""
        import shiboken6

        self._replaying = True
        try:
            for obj, key, mods, text in keys:
                if shiboken6.isValid(obj):
                    QCoreApplication.sendEvent(
                        obj, QKeyEvent(QEvent.Type.KeyPress, key, mods, text))
        finally:
            self._replaying = False
