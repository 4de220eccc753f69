"""差评回访整改 and 申诉复核: every bad rating's follow-up (red when past its due day),
its steps, and the appeals to decide; the slip box (Rizhao's monthly box opening)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.history import when_text
from domain import appeals, followups

# lupdate collects literal strings only: the names are marked here and translated where
# shown (a `self.tr(STEP_NAMES[...])` left them Chinese in every language)
STEP_NAMES = {"open": QT_TRANSLATE_NOOP("followups", "待回访"),
              "contacted": QT_TRANSLATE_NOOP("followups", "已回访"),
              "rectified": QT_TRANSLATE_NOOP("followups", "已整改"),
              "closed": QT_TRANSLATE_NOOP("followups", "已办结")}
CONTACT_WAYS = {"phone": QT_TRANSLATE_NOOP("followups", "电话"),
                "sms": QT_TRANSLATE_NOOP("followups", "短信"),
                "visit": QT_TRANSLATE_NOOP("followups", "上门"),
                "other": QT_TRANSLATE_NOOP("followups", "其他")}
LEVEL_NAMES = {5: QT_TRANSLATE_NOOP("followups", "非常满意"),
               4: QT_TRANSLATE_NOOP("followups", "满意"),
               3: QT_TRANSLATE_NOOP("followups", "基本满意"),
               2: QT_TRANSLATE_NOOP("followups", "不满意"),
               1: QT_TRANSLATE_NOOP("followups", "非常不满意")}


def step_text(state: str | None) -> str:
    return QCoreApplication.translate("followups", STEP_NAMES.get(state or "", "")) \
        if state in STEP_NAMES else ""


def way_text(how: str | None) -> str:
    return QCoreApplication.translate("followups", CONTACT_WAYS[how]) \
        if how in CONTACT_WAYS else str(how or "")


def level_text(level: int | None) -> str:
    return QCoreApplication.translate("followups", LEVEL_NAMES[level]) \
        if level in LEVEL_NAMES else ""


class FollowupsPage(QWidget):
    """Follow-ups (left) with the selected one's record and its next step (right);
    appeals below."""

    sig_step = Signal(str, str, dict)
    """(stream id, kind, payload): a follow-up or appeal step to record."""
    sig_reload = Signal(bool)
    """Reload; True = include closed ones."""

    def __init__(self, catalog: Any, today, parent=None) -> None:
        super().__init__(parent)
        from desktop.supervisor.tables import RowsModel, make_view

        self.catalog, self.today = catalog, today
        self.current: Any = None
        self.current_appeal: Any = None
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.all = QCheckBox(self.tr("含已办结"))
        self.all.toggled.connect(self.sig_reload)
        bar.addWidget(QLabel(self.tr("差评回访整改（红色：已超过整改期限）")))
        bar.addStretch(1)
        bar.addWidget(self.all)
        lay.addLayout(bar)
        split = QSplitter()
        self.model = RowsModel([
            ("case_number", self.tr("办件编号"), "text"), ("level_text", self.tr("评价"), "text"),
            ("rated", self.tr("被评价人"), "text"), ("assignee_text", self.tr("责任人"), "text"),
            ("due", self.tr("期限"), "text"), ("state_text", self.tr("进度"), "text")],
            colour=lambda r: "#f6c1c1" if r.get("red") else None)
        self.view = make_view(self.model)
        self.view.clicked.connect(self._select)
        split.addWidget(self.view)
        split.addWidget(self._step_box())
        split.setSizes([620, 480])
        lay.addWidget(split, 3)
        self.appeal_model = RowsModel([
            ("case_number", self.tr("办件编号"), "text"), ("level_text", self.tr("评价"), "text"),
            ("rated", self.tr("申诉人"), "text"), ("grounds", self.tr("申诉理由"), "text"),
            ("state_text", self.tr("结果"), "text")])
        self.appeal_view = make_view(self.appeal_model)
        self.appeal_view.clicked.connect(self._select_appeal)
        box = QGroupBox(self.tr("申诉复核"))
        bl = QHBoxLayout(box)
        bl.addWidget(self.appeal_view, 3)
        bl.addWidget(self._appeal_box(), 2)
        lay.addWidget(box, 2)

    # --- follow-up steps ------------------------------------------------------------
    def _step_box(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.record = QTextBrowser()
        lay.addWidget(self.record, 1)
        form = QFormLayout()
        self.assignee = QComboBox()
        for s in self.catalog.staff:
            if s.role in ("supervisor", "admin", "clerk"):
                self.assignee.addItem(f"{s.name}（{s.no}）", s.id)
        self.how = QComboBox()
        for key in CONTACT_WAYS:
            self.how.addItem(way_text(key), key)
        self.text = QLineEdit(placeholderText=self.tr("群众答复 / 整改情况 / 办结说明"))
        form.addRow(self.tr("责任人"), self.assignee)
        form.addRow(self.tr("回访方式"), self.how)
        form.addRow(self.tr("内容"), self.text)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.b_assign = QPushButton(self.tr("指定责任人"))
        self.b_contact = QPushButton(self.tr("记录回访"))
        self.b_fix = QPushButton(self.tr("记录整改"))
        self.b_close = QPushButton(self.tr("办结"), objectName="primary")
        for b, kind in ((self.b_assign, followups.ASSIGNED), (self.b_contact, followups.CONTACTED),
                        (self.b_fix, followups.RECTIFIED), (self.b_close, followups.CLOSED)):
            b.clicked.connect(lambda _=False, k=kind: self._step(k))
            row.addWidget(b)
        lay.addLayout(row)
        self._enable()
        return w

    def staff_text(self, sid: str) -> str:
        s = self.catalog.staff_member(sid) if sid else None
        return f"{s.name}（{s.no}）" if s else (sid or self.tr("未指定"))

    def show_followups(self, items: list[Any]) -> None:
        rows = []
        for f in items:
            rows.append({"id": f.id, "case_number": f.case_number,
                         "level_text": level_text(f.level), "rated": self.staff_text(
                             f.rated_staff_id), "assignee_text": self.staff_text(f.assignee),
                         "due": f.due, "state_text": step_text(f.state),
                         "red": f.overdue(self.today), "obj": f})
        rows.sort(key=lambda r: (not r["red"], r["due"]))
        self.model.set_rows(rows)
        self.current = None
        self.record.clear()
        self._enable()

    def _select(self, index) -> None:
        from desktop.supervisor.tables import row_at

        row = row_at(self.view, self.model, index)
        self.current = row["obj"] if row else None
        self.record.setHtml(self.describe(self.current) if self.current else "")
        if self.current is not None:  # the form starts from who has it now, not row one
            self.assignee.setCurrentIndex(self.assignee.findData(self.current.assignee))
        self._enable()

    def describe(self, f: Any) -> str:
        lines = [f"<h3>{f.case_number} · {f.item_name}</h3>",
                 "<p>" + self.tr("评价：{level}（{when}）　被评价人：{rated}　期限：{due}").format(
                     level=level_text(f.level), when=when_text(f.opened_at),
                     rated=self.staff_text(f.rated_staff_id), due=f.due) + "</p>"]
        for c in f.contacts:
            lines.append("<p>" + self.tr("回访 {when}（{who}，{how}）：{answer}").format(
                when=when_text(c["at"]), who=self.staff_text(c["staff_id"]), how=way_text(c["how"]),
                answer=c["answer"]) + "</p>")
        if f.rectification:
            lines.append("<p>" + self.tr("整改（{who}）：{text}").format(
                who=self.staff_text(f.rectified_by), text=f.rectification) + "</p>")
        if f.closed_by:
            lines.append("<p>" + self.tr("办结：{who} {when} {note}").format(
                who=self.staff_text(f.closed_by), when=when_text(f.closed_at),
                note=f.note) + "</p>")
        return "".join(lines)

    def _enable(self) -> None:
        st = self.current.state if self.current is not None else None
        self.b_assign.setEnabled(st in followups.LIVE)
        self.b_contact.setEnabled(st in followups.LIVE)
        self.b_fix.setEnabled(st in (followups.REVISITED, followups.FIXED))
        self.b_close.setEnabled(st == followups.FIXED)

    def _step(self, kind: str) -> None:
        if self.current is None:
            return
        text = self.text.text().strip()
        payload: dict[str, Any] = {
            followups.ASSIGNED: {"assignee": self.assignee.currentData() or ""},
            followups.CONTACTED: {"how": self.how.currentData(), "answer": text},
            followups.RECTIFIED: {"text": text},
            followups.CLOSED: {"note": text}}[kind]
        self.sig_step.emit(self.current.id, kind, payload)
        self.text.clear()

    # --- appeals --------------------------------------------------------------------
    def _appeal_box(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.appeal_detail = QLabel(self.tr("选择一条申诉"))
        self.appeal_detail.setWordWrap(True)
        lay.addWidget(self.appeal_detail)
        form = QFormLayout()
        self.finding = QComboBox()
        self.finding.addItem(self.tr("恶意评价"), "malicious")
        self.finding.addItem(self.tr("误评"), "mistaken")
        self.reason = QLineEdit(placeholderText=self.tr("复核意见（必填）"))
        form.addRow(self.tr("认定（剔除时）"), self.finding)
        form.addRow(self.tr("复核意见"), self.reason)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.b_keep = QPushButton(self.tr("维持评价"))
        self.b_exclude = QPushButton(self.tr("认定并剔除"))
        self.b_keep.clicked.connect(lambda: self._decide(appeals.KEPT))
        self.b_exclude.clicked.connect(lambda: self._decide(appeals.EXCLUDED))
        row.addWidget(self.b_keep)
        row.addWidget(self.b_exclude)
        lay.addLayout(row)
        lay.addStretch(1)
        return w

    def show_appeals(self, items: list[Any]) -> None:
        names = {appeals.KEPT: self.tr("维持"), appeals.EXCLUDED: self.tr("已剔除")}
        self.appeal_model.set_rows([{
            "id": a.id, "case_number": a.case_number, "level_text": level_text(a.level),
            "rated": self.staff_text(a.filed_by), "grounds": a.grounds,
            "state_text": names.get(a.decision, self.tr("待复核")), "obj": a} for a in items])
        self.current_appeal = None
        self.appeal_detail.setText(self.tr("选择一条申诉"))
        self.b_keep.setEnabled(False)
        self.b_exclude.setEnabled(False)

    def _select_appeal(self, index) -> None:
        from desktop.supervisor.tables import row_at

        row = row_at(self.appeal_view, self.appeal_model, index)
        self.current_appeal = a = row["obj"] if row else None
        self.appeal_detail.setText("" if a is None else self.tr(
            "办件 {n}，{level}，申诉人 {who}：{grounds}").format(
            n=a.case_number, level=level_text(a.level), who=self.staff_text(a.filed_by),
            grounds=a.grounds))
        pending = a is not None and a.state == appeals.PENDING
        self.b_keep.setEnabled(pending)
        self.b_exclude.setEnabled(pending)

    def _decide(self, decision: str) -> None:
        a = self.current_appeal
        if a is None or a.state != appeals.PENDING:
            return
        self.sig_step.emit(a.id, appeals.DECIDED, {
            "decision": decision, "finding": self.finding.currentData(),
            "reason": self.reason.text().strip()})
        self.reason.clear()


class SlipBox(QWidget):
    """Rizhao's box opening: scan each slip's barcode (the scanner's Enter moves on),
    key the level 1–5, next. What this opening entered is listed, newest first."""

    sig_rate = Signal(str, int)
    """(slip or case number, level 1–5)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("评议箱开箱：扫描告知单条码，再按数字键 5–1 或点评价等级"
                                     "（每张告知单只计一次）")))
        self.number = QLineEdit(placeholderText=self.tr("扫描或输入告知单编号"))
        self.number.returnPressed.connect(self._number_done)
        lay.addWidget(self.number)
        row = QHBoxLayout()
        self.level_buttons: dict[int, QPushButton] = {}
        for level in (5, 4, 3, 2, 1):
            b = QPushButton(f"{level} {level_text(level)}")
            b.clicked.connect(lambda _=False, lv=level: self._rate(lv))
            row.addWidget(b)
            self.level_buttons[level] = b
            # the key, once the number is in (the field keeps its own digits)
            sc = QShortcut(QKeySequence(str(level)), self)
            sc.activated.connect(lambda lv=level: self._rate(lv))
        lay.addLayout(row)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        self.done = QLabel("")
        lay.addWidget(self.done)
        self.entered = QListWidget()
        lay.addWidget(self.entered, 1)
        self.count = 0
        self._pending: tuple[str, int] | None = None

    def _number_done(self) -> None:
        if self.number.text().strip():
            self.level_buttons[5].setFocus()  # now 5–1 on the keyboard give the level

    def _rate(self, level: int) -> None:
        text = self.number.text().strip()
        if text:
            self._pending = (text, level)
            self.sig_rate.emit(text, level)

    def show_result(self, ok: bool, text: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("" if ok else "color: #b00020;")
        if ok:
            self.count += 1
            self.done.setText(self.tr("本次已录入 {n} 张").format(n=self.count))
            number, level = self._pending or (self.number.text().strip(), 0)
            self.entered.insertItem(0, f"{self.count}.  {number}  {level_text(level)}  {text}")
            self.number.clear()
        self._pending = None
        self.number.setFocus()
