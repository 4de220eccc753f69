"""Kiosk help calls and printer faults on the counter, within seconds of the kiosk.

They are notices (domain.notices) raised at the kiosk that sync to every terminal of the
hall; this button turns red with how many are new, and its list lets the clerk say
"I saw it" or "done" — a named step that syncs back, so the other counters and the
supervisor see someone is on it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import error_text
from desktop.tasks import TaskRunner
from domain import notices as dn
from sync import notices

log = logging.getLogger(__name__)

TOPICS = (dn.KIOSK_HELP, dn.KIOSK_PRINTER)
POLL_MS = 2000


def kiosk_notices(replica: Any) -> list[dict[str, Any]]:
    """Open kiosk notices (help calls, printer faults), newest first."""
    return [n for n in notices.open_notices(replica) if n["kind"] in TOPICS]


class NoticeList(QDialog):
    """The open kiosk notices; 知道了 marks seen, 已处理 resolves."""

    def __init__(self, rows: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("自助机提醒"))
        self.setMinimumSize(520, 300)
        lay = QVBoxLayout(self)
        self.list = QListWidget()
        titles = {dn.KIOSK_HELP: self.tr("求助"), dn.KIOSK_PRINTER: self.tr("打印机")}
        for n in rows:
            state = self.tr("（新）") if n["state"] == dn.OPEN else self.tr("（已查看）")
            item = QListWidgetItem(f"{(n['created_at'] or '')[11:16]}  "
                                   f"{titles.get(n['kind'], n['kind'])}{state}  {n['text']}")
            item.setData(Qt.ItemDataRole.UserRole, n["id"])
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.seen_button = buttons.addButton(self.tr("知道了"), QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button = buttons.addButton(self.tr("已处理"), QDialogButtonBox.ButtonRole.ActionRole)
        self.action = ""
        self.seen_button.clicked.connect(lambda: self._choose(dn.SEEN))
        self.done_button.clicked.connect(lambda: self._choose(dn.RESOLVED))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _choose(self, kind: str) -> None:
        self.action = kind
        self.accept()

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class NoticeBell(QPushButton):
    """"自助机提醒 2" in red while a kiosk notice is new; plain when all are seen."""

    sig_message = Signal(str, str)
    """(text, level) for the counter's status line."""

    def __init__(self, runner: TaskRunner, actor_of: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.actor_of = runner, actor_of
        self.rows: list[dict[str, Any]] = []
        self.setAccessibleName(self.tr("自助机提醒"))
        self.clicked.connect(self.open_list)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._show([])

    def refresh(self) -> None:
        self.runner.read(kiosk_notices, self._show,
                         lambda exc: log.warning("notices read failed: %r", exc))

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        new = [n for n in rows if n["state"] == dn.OPEN]
        if new:
            self.setText(self.tr("自助机提醒 %n", "", len(new)))
            self.setToolTip(new[0]["text"])
            self.setStyleSheet("QPushButton { background: #b3261e; color: white; "
                               "font-weight: bold; border-color: #b3261e; }")
        else:
            self.setText(self.tr("自助机提醒") if rows else self.tr("无提醒"))
            self.setToolTip("")
            self.setStyleSheet("")
        self.setEnabled(bool(rows))

    def open_list(self) -> None:
        d = NoticeList(self.rows, self)
        if d.exec() != QDialog.DialogCode.Accepted or not d.chosen():
            return
        nid, kind, actor = d.chosen(), d.action, self.actor_of()
        if actor is None:
            return
        self.runner.write(lambda s: notices.mark(s.replica, nid, kind, actor),
                          lambda _n: self.refresh(),
                          lambda exc: self.sig_message.emit(error_text(exc), "error"))
