"""咨询 in two keystrokes (F11, Enter), and the status bar's notice count as a link.

A question answered at the window is business the hall reports (Jiedong counted 48,823
consultations a year): F11 opens this dialog with the minutes filled in and the item of
the case on screen, if any; Enter records "answered", R "referred". It is an event like
any other (domain.consultations), synced with the rest.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from domain import consultations

DEFAULT_MINUTES = 5


class ConsultationDialog(QDialog):
    """Item (optional), minutes, answered (Enter) or referred (R)."""

    def __init__(self, catalog: Any, item_code: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录咨询"))
        self.outcome = "answered"
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.item = QComboBox()
        self.item.addItem(self.tr("（不限事项）"), "")
        for i in catalog.items:
            self.item.addItem(f"{i.no} {i.name}", i.code)
        self.item.setCurrentIndex(max(0, self.item.findData(item_code)))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, consultations.MAX_MINUTES)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" 分钟"))
        form.addRow(self.tr("事项"), self.item)
        form.addRow(self.tr("用时"), self.minutes)
        lay.addLayout(form)
        box = QDialogButtonBox()
        self.answered = QPushButton(self.tr("已解答 (Enter)"))
        self.answered.setDefault(True)
        self.referred = QPushButton(self.tr("已转办 (R)"))
        box.addButton(self.answered, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.referred, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.answered.clicked.connect(lambda: self._done("answered"))
        self.referred.clicked.connect(lambda: self._done("referred"))
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        QShortcut(QKeySequence(Qt.Key.Key_R), self, activated=lambda: self._done("referred"))
        self.minutes.setFocus()

    def _done(self, outcome: str) -> None:
        self.outcome = outcome
        self.accept()

    def payload(self) -> dict[str, Any]:
        code = self.item.currentData() or ""
        name = self.item.currentText().split(" ", 1)[-1] if code else ""
        return consultations.payload(self.minutes.value(), self.outcome, code, name)


def record_consultation(shell: Any) -> None:
    """F11: the dialog, then the event on the writer lane."""
    if not shell.working or shell.state is None:
        return
    case = getattr(getattr(shell.workspace, "case_view", None), "case", None)
    d = ConsultationDialog(shell.state.catalog, getattr(case, "item_code", "") or "", shell)
    if d.exec() != QDialog.DialogCode.Accepted:
        return
    payload, actor = d.payload(), shell.state.session.actor
    shell.runner.write(
        lambda store: store.record(store.new_id(), consultations.RECORDED, payload, actor),
        lambda _r: shell.show_message(shell.tr("咨询已记录"), "info"))


def open_notices(shell: Any) -> None:
    """The notices of the hall: the same list the supervisor works from."""
    from desktop.supervisor import jobs
    from desktop.supervisor.notices_page import NoticesPage

    if not shell.working:
        return
    d = QDialog(shell)
    d.setWindowTitle(shell.tr("提醒"))
    d.resize(1000, 560)
    page = NoticesPage(shell.state.staff_label, d)
    QVBoxLayout(d).addWidget(page)
    actor = shell.state.session.actor

    def load(include: bool = False) -> None:
        shell.runner.read(lambda r: jobs.notices(r, include), page.show_notices)

    page.sig_reload.connect(load)
    page.sig_mark.connect(lambda nid, kind, note: shell.runner.write(
        lambda s: jobs.mark_notice(s, nid, kind, actor, note),
        lambda _n: load(page.all.isChecked())))
    load()
    d.show()


def attach(shell: Any) -> None:
    """F11 for a consultation; a notices button in the status bar with the unseen count."""
    sc = QShortcut(QKeySequence("F11"), shell)
    sc.activated.connect(lambda: record_consultation(shell))
    button = QPushButton(shell.tr("提醒"))
    button.setFlat(True)
    button.clicked.connect(lambda: open_notices(shell))
    shell.statusBar().addPermanentWidget(button)
    shell.notices_button = button

    def count() -> None:
        from sync.notices import count_unseen

        shell.runner.read(count_unseen, lambda n: button.setText(
            shell.tr("提醒 {n}").format(n=n) if n else shell.tr("提醒")), lambda _e: None)

    shell._tick.timeout.connect(count)
    shell.runner.sig_written.connect(lambda _v: count())
