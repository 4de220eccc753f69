"""Where a sentence for the clerk goes: next to its cause, and gone with it.

A refusal to accept belongs beside the 受理 button, a bad check digit under the ID
number, "not found" under the search field; each is cleared by the widget that owns
it as soon as its cause changes (a tick, a keystroke, a new search). The status line
keeps only passing news ("已受理，办件编号 …"), elided to the room it has so the fixed
items to its right (sync state, terminal, clock, device lights) never move, and it
empties itself after a while so nothing stale stays there all afternoon.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

INFO, ERROR, OK = "info", "error", "ok"


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property (level, state) changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ElidedLabel(QLabel):
    """One line that takes the room left to it and ends in "…"; the whole text on hover."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text if text else "")
        self._elide()

    def text(self) -> str:
        """The whole sentence, not what fits on screen."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(0, self.contentsRect().width())
        shown = QFontMetrics(self.font()).elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                     room) if room else self._full
        super().setText(shown)


class StatusMessage(ElidedLabel):
    """The status line's passing news: elided, and empty again after a while."""

    INFO_MS = 15_000
    ERROR_MS = 60_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("statusMessage")
        self.setAccessibleName(self.tr("状态消息"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)

    def show_text(self, text: str, level: str = INFO) -> None:
        self.setText(text)
        self.setProperty("level", level)
        restyle(self)
        self._timer.start(self.ERROR_MS if level == ERROR else self.INFO_MS)

    def clear(self) -> None:
        self._timer.stop()
        self.setText("")


class Feedback(QLabel):
    """A sentence beside the thing it is about; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedback")
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def say(self, text: str, level: str = ERROR) -> None:
        self.setText(text)
        self.setProperty("level", level)
        self.setAccessibleDescription(text)
        restyle(self)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")
        self.hide()
