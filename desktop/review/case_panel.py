"""One case as the back office reads it: who applied (all parties, masked), what was
received at the window, what was promised (容缺), extension and special procedures, the
history, its papers — and the steps the reviewer may take on it now.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.case_widgets import CaseHeader
from desktop.counter.countdown import TEXT_COLOURS, describe
from desktop.counter.history import HistoryTable, when_text
from desktop.counter.session import CounterState
from desktop.messages import pause_text, state_text
from desktop.review import actions
from domain import idnumber
from domain.case import Case
from domain.catalog import Staff


class CasePanel(QWidget):
    """Facts, materials and history of one case; a button per step allowed now."""

    sig_step = Signal(str)
    """The reviewer chose a step (the event kind); the shell asks for its payload."""
    sig_papers = Signal()
    """The reviewer wants the case's papers (preview, print, 补打)."""

    def __init__(self, state: CounterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.case: Case | None = None
        self.buttons: dict[str, QPushButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = CaseHeader()
        self.title, self.number = head.title, head.number
        self.countdown, self.state_badge = head.countdown, head.state_badge
        self.title.setText(self.tr("请在左侧选择办件"))
        lay.addWidget(head)
        # facts and materials side by side on top, the history full width below: the
        # history's six columns need the width more than the facts do
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QHBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        facts_box = QWidget()
        self.facts = QFormLayout(facts_box)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        tl.addWidget(facts_box, 5)
        mat = QWidget()
        ml = QVBoxLayout(mat)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(QLabel(self.tr("窗口收取的材料"), objectName="sectionTitle"))
        self.materials = QListWidget()
        self.materials.setAccessibleName(self.tr("窗口收取的材料"))
        ml.addWidget(self.materials, 1)
        tl.addWidget(mat, 4)
        split.addWidget(top)
        hist = QWidget()
        hb = QVBoxLayout(hist)
        hb.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("办理过程"), objectName="sectionTitle"), 1)
        self.papers = QPushButton(self.tr("文书（预览、打印、补打）"))
        self.papers.clicked.connect(self.sig_papers)
        row.addWidget(self.papers)
        hb.addLayout(row)
        self.history = HistoryTable(state)
        hb.addWidget(self.history, 1)
        split.addWidget(hist)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        lay.addWidget(split, 1)
        self.bar = QHBoxLayout()
        lay.addLayout(self.bar)
        self.show_case(None, None, None)

    def show_case(self, case: Case | None, staff: Staff | None, department: str | None) -> None:
        self.case = case
        self.papers.setEnabled(case is not None)
        if case is None:
            self.title.setText(self.tr("请在左侧选择办件"))
            for w in (self.number, self.countdown, self.state_badge):
                w.clear()
            self._fill_facts(None, department)
            self.history.show_case(None)
            self._fill_actions([])
            return
        self.title.setText(f"{case.item_no}　{case.item_name}")
        self.number.setText(self.tr("办件编号 {no}").format(no=case.case_number or "—"))
        self.state_badge.setText(state_text(case.state))
        shown = describe(self.state.calendar, case.deadline(self.state.calendar)
                         if case.is_open else None, self.state.today(), self.state.warn_days)
        self.countdown.setText(f"{shown.text}　{shown.deadline_text}".strip())
        self.countdown.setStyleSheet(f"color: {TEXT_COLOURS[shown.level]};")
        self._fill_facts(case, department)
        self.history.show_case(case)
        offer = actions.available(case, staff, department) if staff else []
        self._fill_actions(offer)

    def _fill_facts(self, case: Case | None, department: str | None) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        self.materials.clear()
        if case is None:
            return
        dep = self.state.catalog.department(department or "")
        rows = [(self.tr("实施部门"), dep.name if dep else (department or ""))]
        names = {r.get("role"): r.get("name") for r in case.party_roles}
        people = case.parties or [case.applicant]
        for i, p in enumerate(people):
            role = names.get(p.get("role")) or (self.tr("申请人") if i == 0 else self.tr("当事人"))
            rows.append((str(role), f"{p.get('name', '')}　{idnumber.mask(p.get('id_number'))}"))
        if case.agent:
            rows.append((self.tr("代办人"), f"{case.agent.get('name', '')}　"
                         f"{idnumber.mask(case.agent.get('id_number'))}"))
        if case.accepted_at:
            rows.append((self.tr("受理时间"), f"{when_text(case.accepted_at)}　"
                         f"{self.state.staff_label(case.staff_id)}　"
                         f"{self.state.window_label(case.window_id)}"))
        if case.extension:
            rows.append((self.tr("已延期"), self.tr("{n}个工作日（{who}批准）").format(
                n=case.extension_days,
                who=self.state.staff_label(case.extension.get("approved_by")))))
        if case.extension_request:
            r = case.extension_request
            rows.append((self.tr("延期申请"), self.tr("{n}个工作日，{why}（{who}申请，待负责人批准）")
                         .format(n=r.get("days"), why=r.get("reason"),
                                 who=self.state.staff_label(r.get("by")))))
        for proc in case.procedures:
            end = proc["end"] or self.tr("进行中")
            rows.append((pause_text(proc["kind"]), f"{proc['start']} — {end}　{proc['reason']}"))
        for p in case.open_promises:
            rows.append((self.tr("容缺待补"), self.tr("{name}（承诺{due}前补齐）").format(
                name=p["name"], due=p["due"])))
        if case.reason:
            rows.append((self.tr("理由"), case.reason))
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            self.facts.addRow(label, text)
        for m in case.materials.values():
            mark = "✓" if m.get("provided") else ("…" if not m.get("required", True) else "✗")
            self.materials.addItem(f"{mark} {m.get('name', '')}")

    def _fill_actions(self, offer: list[tuple[str, str, bool]]) -> None:
        while self.bar.count():
            w = self.bar.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.buttons = {}
        self.bar.addStretch(1)
        for kind, label, primary in offer:
            button = QPushButton(label, objectName="primary" if primary else "")
            if kind == "clock_paused":
                button.setToolTip(self.tr("听证、现场核查、专家评审等所需时间不计入办理期限"))
            button.clicked.connect(self._emitter(kind))
            self.bar.addWidget(button)
            self.buttons[kind] = button

    def _emitter(self, kind: str) -> Callable[[], None]:
        return lambda: self.sig_step.emit(kind)

    def offered(self) -> list[str]:
        """The steps on the buttons now (tests, and the screenshots' own check)."""
        return list(self.buttons)
