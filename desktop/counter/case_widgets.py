"""The parts of the case view that follow the case on screen, in place.

A scan must show its case within one frame. Making widgets costs a style sheet polish
each, deleting them leaves deferred work behind for the next scan, and any change of a
widget's size lays out and repaints everything around it. So these parts are built once
and then only change their texts: form rows and buttons are reused from case to case
(made the first time a case needs that many, hidden — never deleted — when one needs
fewer), and the facts sit in a scroll area, so a longer or shorter list never moves the
history or the buttons.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from domain.case import Case


class CaseHeader(QFrame):
    """The case's head line, the same on the counter and the reviewer's face: the item as
    the title, its numbers under it, the countdown and the state as badges on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="itemHeader")
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        self.title = QLabel("", objectName="itemTitle")
        self.title.setWordWrap(True)
        self.number = QLabel("", objectName="itemFacts")
        left.addWidget(self.title)
        left.addWidget(self.number)
        row.addLayout(left, 1)
        self.countdown = QLabel("", objectName="countdownBadge")
        self.state_badge = QLabel("", objectName="stateBadge")
        row.addWidget(self.countdown)
        row.addWidget(self.state_badge)


def set_text(widget: QLabel | QPushButton, text: str) -> None:
    """A new text only when it differs (an equal one would still re-measure the widget)."""
    if widget.text() != text:
        widget.setText(text)


class CaseModel(QObject):
    """The case on screen; the view's parts observe it and redraw only what changed."""

    sig_case_changed = Signal(object)
    """Another case, or the same case after a step (the Case)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None

    def set_case(self, case: Case) -> None:
        self.case = case
        self.sig_case_changed.emit(case)


class Pane(QScrollArea):
    """A part whose texts change with every case, laid out on its own.

    A QLabel's new text lays out its parent, and each parent then lays out its own, up
    to the window: ~5 ms of every scan, and a repaint of all of it. Inside a scroll area
    the chain stops: the part is re-measured and repainted, nothing around it. With
    `fit`, the pane's height follows its contents when they need another (a title that
    wraps onto a second line); otherwise it takes what its layout gives it and scrolls.
    """

    def __init__(self, inner: QWidget, *, fit: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fits = fit
        if fit:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setWidget(inner)
        # the pane shows what is behind it, as the widgets it holds did before
        self.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        self.fit()

    def fit(self) -> None:
        """The height the contents need at this width (only when it differs)."""
        if not self.fits:
            return
        inner = self.widget()
        inner.ensurePolished()
        height = inner.heightForWidth(self.viewport().width()) \
            if inner.hasHeightForWidth() else -1
        if height < 0:
            height = inner.sizeHint().height()
        if height != self.maximumHeight():
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.fit()  # another width may wrap the title otherwise

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()  # new texts inside (or a new font): the height they need now
        return super().eventFilter(obj, event)


class FactsPanel(Pane):
    """Label / value rows of a QFormLayout (`form`), reused from case to case."""

    def __init__(self, parent: QWidget | None = None) -> None:
        inner = QWidget(objectName="factsBox")
        self.form = QFormLayout(inner)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        super().__init__(inner, parent=parent)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self.shown = 0

    def prepare(self, n: int) -> None:
        """Have `n` rows ready (hidden), so a case with that many makes none."""
        while len(self.rows) < n:
            self._add_row()
            self.form.setRowVisible(len(self.rows) - 1, False)

    def _add_row(self) -> None:
        text = QLabel()
        text.setWordWrap(True)
        self.rows.append((QLabel(), text))
        self.form.addRow(*self.rows[-1])

    def show_rows(self, rows: list[tuple[str, str]]) -> None:
        for i, (label, value) in enumerate(rows):
            if i == len(self.rows):
                self._add_row()
            set_text(self.rows[i][0], label)
            set_text(self.rows[i][1], value)
            if i >= self.shown:
                self.form.setRowVisible(i, True)
        for i in range(len(rows), self.shown):
            for w in self.rows[i]:
                w.clear()  # nothing of a previous citizen stays, even hidden
            self.form.setRowVisible(i, False)
        self.shown = len(rows)

    def texts(self) -> list[tuple[str, str]]:
        """The rows on screen (label, value)."""
        return [(a.text(), b.text()) for a, b in self.rows[:self.shown]]


class ActionBar(QWidget):
    """The feedback line, one button for the case alone (申诉复核), then the next steps.

    `bar` is the layout; the step buttons follow the case, reused, in the order given.
    """

    def __init__(self, feedback: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QHBoxLayout(self)
        self.bar.setContentsMargins(0, 0, 0, 0)
        self.bar.addWidget(feedback, 1)
        self.case_button = QPushButton()
        self.case_button.hide()
        self._case_handler: Callable[[], None] | None = None
        self.case_button.clicked.connect(lambda: self._case_handler and self._case_handler())
        self.bar.addWidget(self.case_button)
        self.bar.addStretch(0)  # the buttons keep their size while there is nothing to say
        self.buttons: list[QPushButton] = []
        self.handlers: list[Callable[[], None]] = []
        self.shown = 0

    def prepare(self, n: int) -> None:
        """Have `n` buttons ready (hidden), so a case with that many steps makes none."""
        while len(self.buttons) < n:
            self._add_button().hide()

    def _add_button(self) -> QPushButton:
        i = len(self.buttons)
        button = QPushButton()
        button.clicked.connect(lambda _=False: self.handlers[i]())
        self.buttons.append(button)
        self.handlers.append(lambda: None)
        self.bar.addWidget(button)
        return button

    def show_actions(self, actions: list[tuple[str, bool, Callable[[], None]]]) -> None:
        """(text, primary, handler) per button, left to right."""
        self._drop_case_button()
        for i, (text, primary, handler) in enumerate(actions):
            if i == len(self.buttons):
                self._add_button()
            button = self.buttons[i]
            self.handlers[i] = handler
            set_text(button, text)
            name = "primary" if primary else ""
            if button.objectName() != name:
                button.setObjectName(name)
                button.style().unpolish(button)  # the sheet's #primary rule follows the name
                button.style().polish(button)
            if i >= self.shown:
                button.show()
        for button in self.buttons[len(actions):self.shown]:
            button.setText("")
            button.hide()
        self.shown = len(actions)

    def set_case_button(self, text: str, handler: Callable[[], None]) -> QPushButton:
        self._case_handler = handler
        self.case_button.setText(text)
        self.case_button.show()
        return self.case_button

    def _drop_case_button(self) -> None:
        if self._case_handler is not None or self.case_button.isVisibleTo(self):
            self._case_handler = None
            self.case_button.setText("")
            self.case_button.hide()
