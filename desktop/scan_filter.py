"""The application-wide keyboard-wedge filter: a scan works wherever the focus is.

Installed on the QApplication, it sees every key press before any widget does, holds
back fast keys (the pure classifier is `devices.scanner.wedge`), and either emits
``sig_scanned(code)`` or hands the keys back to the widget they were meant for, in
order. Held keys are released by a short timer when the stream stops, so a person
typing notices nothing.

Where a scan goes is decided once, by `deliver_to_focus`, for wedge and serial scans
alike: into the focused field when that field takes codes (an EMS waybill number, a
slip number, any line edit of a dialog), to the window's own handler (the case search)
otherwise, and nowhere while a dialog that takes no code has the focus — a search
must never run behind a dialog the clerk is filling in.
"""

from __future__ import annotations

import logging
import time
from collections import deque

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from devices.scanner.wedge import Scan, WedgeClassifier

log = logging.getLogger(__name__)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def disable_ime(widget: QWidget) -> None:
    """A Chinese input method swallows a scanner's keys: turn it off on scan fields."""
    widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    widget.setInputMethodHints(Qt.InputMethodHint.ImhPreferLatin
                               | Qt.InputMethodHint.ImhNoPredictiveText)


CODE_FIELD = "takesCodes"
"""Dynamic property: this line edit wants scanned codes typed into it."""


def mark_code_field(widget: QLineEdit) -> QLineEdit:
    """A field a scanner may fill (EMS waybill, slip number): no IME, scans land here."""
    disable_ime(widget)
    widget.setProperty(CODE_FIELD, True)
    return widget


def code_field(widget: QWidget | None) -> QLineEdit | None:
    """The line edit that takes a scan when `widget` has the focus, else None.

    A marked code field does; so does any editable line edit of a dialog, because a
    dialog is the clerk's current task and what is scanned there belongs to it.
    """
    if not isinstance(widget, QLineEdit) or widget.isReadOnly() or not widget.isEnabled():
        return None
    if widget.property(CODE_FIELD) or isinstance(widget.window(), QDialog):
        return widget
    return None


INTO_FIELD, BLOCKED = "field", "blocked"


def blocking_dialog(window: QWidget | None) -> QWidget | None:
    """The visible modal dialog that holds `window`'s keys now, if any.

    Application-modal dialogs block every window; a window-modal one only its parent's.
    """
    modal = QApplication.activeModalWidget()
    if modal is None or not modal.isVisible():
        return None
    if modal.windowModality() == Qt.WindowModality.ApplicationModal or window is None:
        return modal
    parent = modal.parentWidget()
    return modal if parent is not None and parent.window() is window else None


def deliver_to_focus(code: str, window: QWidget | None = None) -> str:
    """Put a scan for `window` where it belongs: INTO_FIELD, BLOCKED (a dialog that
    takes no code holds the keys) or "" when the window's own handler (the case
    search) should have it.

    The code replaces the field's selection, without the scanner's Enter: an Enter
    would press the dialog's default button before the clerk has checked the number.
    """
    # keys go to the modal dialog whether or not the window manager activated it yet
    modal = blocking_dialog(window)
    focus = modal.focusWidget() if modal is not None else QApplication.focusWidget()
    field = code_field(focus)
    if field is not None:
        field.insert(code)
        log.info("scan of %d characters into a code field", len(code))
        return INTO_FIELD
    if modal is not None:
        log.info("scan ignored: a dialog without a code field is open")
        return BLOCKED
    return ""


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
