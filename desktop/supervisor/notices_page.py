"""Notices (conflicts from sync, kiosk help calls and printer faults, late ratings):
readable, marked as seen and resolved by a named supervisor."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.history import when_text
from desktop.messages import kind_text, state_text
from desktop.supervisor.tables import RowsModel, make_view, row_at

TOPICS = {
    "kiosk_help": QT_TRANSLATE_NOOP("notices", "自助机求助"),
    "kiosk_printer": QT_TRANSLATE_NOOP("notices", "自助机打印机故障"),
    "conflict": QT_TRANSLATE_NOOP("notices", "同步冲突"),
    "rating_late": QT_TRANSLATE_NOOP("notices", "迟到的评价"),
    "quarantine": QT_TRANSLATE_NOOP("notices", "无法应用的数据"),
    "server_restored": QT_TRANSLATE_NOOP("notices", "服务器恢复"),
    "device": QT_TRANSLATE_NOOP("notices", "设备"),
    "other": QT_TRANSLATE_NOOP("notices", "其他"),
}
STATES = {"open": QT_TRANSLATE_NOOP("notices", "未读"), "seen": QT_TRANSLATE_NOOP("notices", "已读"),
          "resolved": QT_TRANSLATE_NOOP("notices", "已处理")}


def topic_text(topic: str) -> str:
    return QCoreApplication.translate("notices", TOPICS.get(topic, TOPICS["other"]))


class NoticesPage(QWidget):
    """The list, the selected notice in full, and the two steps a supervisor takes."""

    sig_mark = Signal(str, str, str)
    """(notice id, kind notice.seen | notice.resolved, note)."""
    sig_reload = Signal(bool)
    """Reload; True = include resolved ones."""

    def __init__(self, staff_label, parent=None) -> None:
        super().__init__(parent)
        self.staff_label = staff_label
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.all = QCheckBox(self.tr("含已处理"))
        self.all.toggled.connect(self.sig_reload)
        bar.addWidget(QLabel(self.tr("提醒")))
        bar.addStretch(1)
        bar.addWidget(self.all)
        lay.addLayout(bar)
        split = QSplitter()
        self.model = RowsModel([
            ("when", self.tr("时间"), "text"), ("topic_text", self.tr("类别"), "text"),
            ("text", self.tr("内容"), "text"), ("state_text", self.tr("状态"), "text")],
            colour=lambda r: "#fde2e2" if r.get("state") == "open" else None)
        self.view = make_view(self.model)
        self.view.clicked.connect(self._select)
        split.addWidget(self.view)
        right = QWidget()
        rl = QVBoxLayout(right)
        self.detail = QTextBrowser()
        self.note = QLineEdit(placeholderText=self.tr("处理说明（处理时必填）"))
        self.seen = QPushButton(self.tr("标为已读"))
        self.resolve = QPushButton(self.tr("已处理"), objectName="primary")
        self.seen.clicked.connect(lambda: self._mark("notice.seen"))
        self.resolve.clicked.connect(lambda: self._mark("notice.resolved"))
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.seen)
        row.addWidget(self.resolve)
        rl.addLayout(row)
        split.addWidget(right)
        split.setSizes([650, 450])
        lay.addWidget(split, 1)
        self.current: dict[str, Any] | None = None
        self._shown: list[dict[str, Any]] | None = None
        self._enable()

    def show_notices(self, rows: list[dict[str, Any]]) -> None:
        if rows == self._shown:
            return  # nothing changed (a sync round): the selection and the note stay
        self._shown = rows
        self.model.set_rows([{**r, "when": when_text(r.get("created_at") or ""),
                              "topic_text": topic_text(r.get("kind", "")),
                              "state_text": QCoreApplication.translate(
                                  "notices", STATES.get(r.get("state", ""), ""))} for r in rows])
        self.current = None
        self.detail.clear()
        self._enable()

    def _select(self, index) -> None:
        self.current = row_at(self.view, self.model, index)
        self.detail.setHtml(self.describe(self.current) if self.current else "")
        self._enable()

    def describe(self, n: dict[str, Any]) -> str:
        """The notice in full: for a conflict, what each side did and where it ended."""
        parts = [f"<h3>{topic_text(n.get('kind', ''))}</h3>", f"<p>{n.get('text', '')}</p>"]
        detail = json.loads(n["detail"]) if n.get("detail") else {}
        if n.get("kind") == "conflict" and detail:
            parts.append("<p>" + self.tr("被拒绝的操作：{kind}（{staff}，终端 {term}），"
                                         "当时以为办件处于「{expected}」").format(
                kind=kind_text(detail.get("kind", "")), staff=self.staff_label(
                    detail.get("staff_id", "")), term=str(detail.get("terminal_id", ""))[:8],
                expected=state_text(detail.get("expected"))) + "</p>")
            parts.append("<p>" + self.tr("服务器上的最终状态：「{actual}」，办件 {number}").format(
                actual=state_text(detail.get("actual")),
                number=detail.get("case_number", "")) + "</p>")
        if n.get("seen_by"):
            parts.append("<p>" + self.tr("已读：{who}").format(
                who=self.staff_label(n["seen_by"])) + "</p>")
        if n.get("resolved_by"):
            parts.append("<p>" + self.tr("处理：{who} {when} — {note}").format(
                who=self.staff_label(n["resolved_by"]),
                when=when_text(n.get("resolved_at") or ""), note=n.get("note") or "") + "</p>")
        return "".join(parts)

    def _enable(self) -> None:
        live = self.current is not None and self.current.get("state") in ("open", "seen")
        self.seen.setEnabled(live and self.current.get("state") == "open")
        self.resolve.setEnabled(live)

    def _mark(self, kind: str) -> None:
        if self.current is None:
            return
        note = self.note.text().strip()
        if kind == "notice.resolved" and not note:
            self.note.setFocus()
            self.note.setPlaceholderText(self.tr("请填写处理说明"))
            return
        self.sig_mark.emit(self.current["id"], kind, note)
        self.note.clear()
