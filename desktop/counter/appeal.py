"""申诉复核 at the counter: the member of staff a bad rating rates asks a supervisor to
review it (the grounds in writing). One button on the case on screen, shown only to the
rated member of staff, while the rating is bad and not yet appealed; the supervisor
decides in the supervisor face, and an upheld appeal leaves 满意率 (never the case).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.counter.history import when_text
from desktop.supervisor.ratings_page import level_text
from domain import ratings
from domain.case import Case


class AppealDialog(QDialog):
    """The rating being appealed and the grounds (required)."""

    def __init__(self, case: Case, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("申诉复核"))
        self.resize(560, 360)
        r = case.rating or {}
        lay = QVBoxLayout(self)
        channel = {"pad": self.tr("评价器"), "screen": self.tr("窗口屏幕"),
                   "sms": self.tr("短信"), "slip": self.tr("评议箱"),
                   "kiosk": self.tr("自助机")}.get(r.get("channel", ""), r.get("channel", ""))
        lay.addWidget(QLabel(self.tr("办件 {n}　{item}").format(n=case.case_number,
                                                             item=case.item_name)))
        lay.addWidget(QLabel(self.tr("评价：{level}（{channel}，{when}）").format(
            level=level_text(r.get("level")), channel=channel,
            when=when_text(r.get("recorded_at", "")))))
        lay.addWidget(QLabel(self.tr("申诉理由（如：误触评价器、与本窗口服务无关、恶意评价）：")))
        self.grounds = QPlainTextEdit()
        lay.addWidget(self.grounds, 1)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        lay.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit = QPushButton(self.tr("提交申诉"))
        self.submit.setDefault(True)
        box.addButton(self.submit, QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit.clicked.connect(self._accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.grounds.setFocus()

    def text(self) -> str:
        return self.grounds.toPlainText().strip()

    def _accept(self) -> None:
        if not self.text():
            self.error.setText(self.tr("请写明申诉理由"))
            return
        self.accept()


def appealable(case: Case | None, staff_id: str) -> bool:
    """A bad rating that counts and rates this member of staff."""
    if case is None or case.rating is None or int(case.rating["level"]) not in ratings.BAD:
        return False
    return ratings.rated_party(case, case.rating).staff_id == staff_id


def connect_appeals(shell: Any) -> None:
    """Offer 申诉复核 on the case view when the case on screen allows it."""
    view = shell.workspace.case_view

    def shown(case: Case) -> None:
        session = shell.state.session if shell.state is not None else None
        if session is None or not appealable(case, session.staff.id):
            return
        appeal_id = ratings.appeal_id(case.rating["event_id"])

        def add_button(existing: Any) -> None:
            if existing is not None or view.case is not case:
                return  # appealed already, or another case came on screen meanwhile
            view.appeal_button = view.add_case_button(view.tr("申诉复核"),
                                                      lambda: file_appeal(shell, case))

        from sync import projection

        shell.runner.read(lambda r: projection.load_stream(r, appeal_id), add_button,
                          lambda _e: None)

    view.sig_case_shown.connect(shown)


def file_appeal(shell: Any, case: Case) -> None:
    """The dialog, then the `appeal.filed` event (checked: only the rated staff)."""
    from sync import ratings as sr

    d = AppealDialog(case, shell)
    if d.exec() != QDialog.DialogCode.Accepted:
        return
    staff, actor, grounds = shell.state.session.staff, shell.state.session.actor, d.text()

    def done(_appeal: Any) -> None:
        shell.show_message(shell.tr("申诉已提交，等待大厅管理员复核"), "info")
        button = getattr(shell.workspace.case_view, "appeal_button", None)
        if button is not None:
            button.hide()

    shell.runner.write(lambda store: sr.file_appeal(store, staff, case.id, grounds, actor),
                       done)
