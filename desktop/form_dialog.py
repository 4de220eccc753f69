"""The shape of every small step dialog: what it is about, a form, the reason it cannot be
accepted yet, OK and Cancel.

OK runs `problem()` first: a dialog says what is missing in its own red line instead of
closing (the domain checks the payload again before anything is stored, so this is for
the clerk's comfort, not for correctness).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class FormDialog(QDialog):
    """Widgets added to `lay` before `finish_layout` stand above the form; those passed to
    it stand below."""

    def __init__(self, title: str, parent: QWidget | None, *, width: int = 560) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(width)
        self.lay = QVBoxLayout(self)
        self.form = QFormLayout()
        self.error = QLabel("", objectName="errorText")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self, *below_form: QWidget) -> None:
        self.lay.addLayout(self.form)
        for w in below_form:
            self.lay.addWidget(w)
        self.lay.addWidget(self.error)
        self.lay.addWidget(self.buttons)

    def _try_accept(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        if not problem:
            self.accept()

    def problem(self) -> str:
        """What keeps the dialog from being accepted, in the UI language; "" when nothing."""
        return ""
