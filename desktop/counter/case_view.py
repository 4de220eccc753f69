"""One existing case: what it is, where it stands, what can be done next, its history.

The buttons offered are exactly the steps domain.lifecycle allows from the case's state,
so the screen never offers what the domain would refuse. Personal data is masked here;
the full numbers are only in the entry form.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.counter import jobs
from desktop.counter.case_widgets import (
    ActionBar,
    CaseHeader,
    CaseModel,
    FactsPanel,
    Pane,
    set_text,
)
from desktop.counter.countdown import TEXT_COLOURS, awaiting_supplement, describe
from desktop.counter.dialogs import IssueDialog, ReasonDialog, ReviewDialog
from desktop.counter.history import HistoryTable, when_text
from desktop.counter.session import CounterState
from desktop.feedback import Feedback
from desktop.messages import delivery_text, error_text, state_text
from desktop.tasks import TaskRunner
from domain import events as ev
from domain import idnumber, phone, roles
from domain import lifecycle as lc
from domain.application import Actor
from domain.case import Case
from domain.errors import UnknownItem

log = logging.getLogger(__name__)


class CaseView(QWidget):
    """Header facts, next-step buttons (F-keys), materials and history of one case."""

    sig_saved = Signal(object, str)
    """A step was stored: (Case, sentence for the status line)."""
    sig_message = Signal(str, str)
    """(text, level) for the status line."""
    sig_receive = Signal(object)
    """A registered (kiosk) case should be received in the reception editor."""
    sig_case_shown = Signal(object)
    """A case was put on screen (the Case); side panels such as its papers follow it."""

    def __init__(self, state: CounterState, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner
        self.case: Case | None = None
        self.busy = False
        self.shortcuts: dict[str, Callable[[], None]] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = CaseHeader()
        self.title, self.number = head.title, head.number
        self.countdown, self.state_badge = head.countdown, head.state_badge
        self.header = Pane(head, fit=True)
        lay.addWidget(self.header)
        split = QSplitter()
        self.facts_panel = FactsPanel()
        self.facts_panel.setMinimumWidth(400)
        self.facts = self.facts_panel.form
        split.addWidget(self.facts_panel)
        self.history = HistoryTable(state)
        self.history.setAccessibleName(self.tr("办理过程"))
        hist_box = QWidget()
        hb = QVBoxLayout(hist_box)
        hb.setContentsMargins(0, 0, 0, 0)
        hb.addWidget(QLabel(self.tr("办理过程"), objectName="sectionTitle"))
        hb.addWidget(self.history, 1)
        split.addWidget(hist_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 6)
        lay.addWidget(split, 1)
        # why a step was refused, left of the buttons; gone when another case is shown
        self.feedback = Feedback()
        self.actions_bar = ActionBar(self.feedback)
        self.bar = self.actions_bar.bar
        lay.addWidget(Pane(self.actions_bar, fit=True))
        self.case_button = self.actions_bar.case_button
        self.model = CaseModel(self)
        self.model.sig_case_changed.connect(self._show_on_widgets)

    def prepare(self) -> None:
        """The rows and buttons a case usually needs, made before the first one comes."""
        self.facts_panel.prepare(10)
        self.actions_bar.prepare(6)

    def rehearse(self, case: Case | None) -> bool:
        """Lay `case` out and paint it once into a pixmap nobody sees, then blank the view:
        the first scan after login finds the glyphs, the style's polish and the paint
        paths ready, as every later scan does (issue 17: the cold first scan). Skipped
        once a real case is on the page. Nothing of the citizen stays, even hidden."""
        if case is None or self.case is not None or case.state == lc.REGISTERED:
            return False
        self._show_on_widgets(case)
        self.layout().activate()
        size = self.size() if not self.size().isEmpty() else self.sizeHint()
        self.render(QPixmap(size))
        self._blank()
        return True

    def _blank(self) -> None:
        for label in (self.title, self.number, self.state_badge, self.countdown):
            set_text(label, "")
        self.facts_panel.show_rows([])
        self.history.show_case(None)
        self.actions_bar.show_actions([])
        self.shortcuts = {}
        self.feedback.clear()

    # --- showing ----------------------------------------------------------------
    def show_case(self, case: Case) -> None:
        """Put `case` on screen: the model changes, the widgets follow it in place (no
        widget is made or deleted, so nothing is left to finish when the next scan comes)."""
        self.case = case
        self.model.set_case(case)
        self.sig_case_shown.emit(case)

    def _show_on_widgets(self, case: Case) -> None:
        set_text(self.title, f"{case.item_no}　{case.item_name}")
        numbers = [self.tr("办件编号 {no}").format(no=case.case_number or self.tr("（未编号）"))]
        if case.slip_number:
            numbers.append(self.tr("告知单 {no}").format(no=case.slip_number))
        set_text(self.number, "　·　".join(numbers))
        set_text(self.state_badge, state_text(case.state))
        shown = describe(self.state.calendar, case.deadline(self.state.calendar)
                         if case.is_open else None, self.state.today(), self.state.warn_days)
        if case.state == lc.SUPPLEMENT and not case.accepted_on:
            shown = awaiting_supplement(None if case.instant else case.promised_days)
        set_text(self.countdown, f"{shown.text}　{shown.deadline_text}".strip())
        colour = f"color: {TEXT_COLOURS[shown.level]};"
        if self.countdown.styleSheet() != colour:  # a new sheet re-polishes the label
            self.countdown.setStyleSheet(colour)
        self.facts_panel.show_rows(self._fact_rows(case))
        self.history.show_case(case)
        self.feedback.clear()
        actions = self._actions(case)
        self.shortcuts = {key: handler for key, _label, handler in actions if key}
        self.actions_bar.show_actions(
            [(f"{label} ({key})" if key else label, key in ("F5", "F8", "F9"), handler)
             for key, label, handler in actions])

    def _fact_rows(self, case: Case) -> list[tuple[str, str]]:
        a = case.applicant
        rows = [
            (self.tr("申请人"), str(a.get("name", ""))),
            (self.tr("证件号码"), idnumber.mask(a.get("id_number"))),
            (self.tr("联系电话"), phone.mask(a.get("phone"))),
        ]
        if case.agent:
            rows.append((self.tr("代办人"), f"{case.agent.get('name', '')}　"
                         f"{idnumber.mask(case.agent.get('id_number'))}"))
        names = {r.get("role"): r.get("name") for r in case.party_roles}
        for party in case.parties[1:]:
            rows.append((str(names.get(party.get("role"), self.tr("当事人"))),
                         f"{party.get('name', '')}　{idnumber.mask(party.get('id_number'))}"))
        if case.accepted_at:
            rows.append((self.tr("受理时间"), when_text(case.accepted_at)))
            rows.append((self.tr("受理人"), self.state.staff_label(case.staff_id)))
        if case.missing:
            rows.append((self.tr("待补正材料"), "、".join(case.missing)))
        if case.reason:
            rows.append((self.tr("理由"), case.reason))
        if case.extension_days:
            rows.append((self.tr("已延期"), self.tr("%n个工作日", "", case.extension_days)))
        if case.extension_request:
            rows.append((self.tr("延期申请"), self.tr("{n}个工作日，待负责人批准").format(
                n=case.extension_request.get("days", 0))))
        for promise in case.open_promises:
            rows.append((self.tr("容缺待补"), self.tr("{name}（承诺{due}前补齐）").format(
                name=promise["name"], due=promise["due"])))
        if case.delivery:
            d = case.delivery
            text = delivery_text(d.get("method", ""))
            if d.get("method") == "mail":
                text += f"　{d.get('tracking_no', '')}　{d.get('address', '')}"
            rows.append((self.tr("送达"), text))
        if case.conflicts:
            rows.append((self.tr("冲突"), self.tr("%n个操作与其他终端冲突，已通知大厅管理员", "",
                                                  len(case.conflicts))))
        provided = sum(1 for m in case.materials.values() if m.get("provided"))
        rows.append((self.tr("材料"), self.tr("已收%1项 / 共%n项", "", len(case.materials)).replace(
            "%1", str(provided))))
        return rows

    def add_case_button(self, text: str, handler: Callable[[], None]) -> QPushButton:
        """A button for the case on screen only (申诉复核): gone when another case shows."""
        return self.actions_bar.set_case_button(text, handler)

    def department_of(self, case: Case) -> str | None:
        """The case's department: its own snapshot, else its item's in the catalog."""
        if case.department:
            return case.department
        try:
            return self.state.catalog.item(case.item_no).department
        except UnknownItem:
            return None

    def _allowed(self, case: Case, kind: str) -> bool:
        """Legal on the case now, and a step the logged-in role may take (domain.roles).

        A decision and an extension are offered to the window too: the reviewer or the
        head of the department confirms them there with their own password.
        """
        if not case.allows(kind):
            return False
        session = self.state.session
        if session is None or kind in (ev.APPROVED, ev.EXTENDED):
            return True
        return roles.may(session.staff, kind, item_department=self.department_of(case))

    def _actions(self, case: Case) -> list[tuple[str, str, Callable[[], None]]]:
        a = self._allowed
        out: list[tuple[str, str, Callable[[], None]]] = []
        if case.state == lc.REGISTERED:
            out.append(("F5", self.tr("核对材料并受理"), lambda: self.sig_receive.emit(case)))
            return out
        if a(case, ev.WITHDRAWN):
            out.append(("", self.tr("撤回"), self.withdraw))
        if a(case, ev.EXTENDED):
            out.append(("", self.tr("延期"), self.extend))
        if a(case, ev.CLOCK_PAUSED) and case.state != lc.SUPPLEMENT:
            out.append(("", self.tr("暂停计时"), self.pause))
        if a(case, ev.CLOCK_RESUMED):
            out.append(("", self.tr("恢复计时"), lambda: self.do(ev.CLOCK_RESUMED, {})))
        if a(case, ev.REFUSED):
            out.append(("F7", self.tr("不予受理"), self.refuse))
        if a(case, ev.SUPPLEMENT_REQUESTED) and case.state != lc.REGISTERED:
            out.append(("F6", self.tr("补正告知"), self.supplement))
        if a(case, ev.SUPPLEMENT_RECEIVED):
            out.append(("F5", self.tr("补正材料已收齐"), self.supplement_received))
        if a(case, ev.PROMISE_FULFILLED):
            out.append(("", self.tr("容缺材料已补齐"), self.promise_fulfilled))
        if a(case, ev.SUBMITTED_FOR_REVIEW):
            out.append(("F9", self.tr("提交后台审核"), lambda: self.do(ev.SUBMITTED_FOR_REVIEW, {})))
        if a(case, ev.APPROVED):
            out.append(("F9", self.tr("登记审核结果"), self.review))
        if a(case, ev.RESULT_READY):
            out.append(("F9", self.tr("结果已出，通知领取"), lambda: self.do(ev.RESULT_READY, {})))
        if a(case, ev.ISSUED):
            out.append(("F8", self.tr("出件"), self.issue))
        return out

    def trigger(self, key: str) -> bool:
        """An F-key pressed anywhere in the window; True when this view used it."""
        handler = self.shortcuts.get(key)
        if handler is None or self.busy:
            return False
        handler()
        return True

    def add_history_panel(self, widget: QWidget) -> None:
        """Put a panel under the history (the printing package's 文书 list)."""
        self.history.parentWidget().layout().addWidget(widget)

    # --- steps ------------------------------------------------------------------
    def do(self, kind: str, payload: dict[str, Any], actor: Actor | None = None) -> None:
        """Record one step on the shown case (on the writer thread)."""
        if self.case is None or self.busy:
            return
        session = self.state.session
        assert session is not None
        actor = actor or session.actor
        case_id = self.case.id
        self.busy = True
        self.runner.write(lambda store: jobs.record(store, case_id, actor, [(kind, payload)]),
                          lambda case: self._saved(case, kind), self._failed)

    def _saved(self, case: Case, kind: str) -> None:
        self.busy = False
        self.show_case(case)
        self.sig_saved.emit(case, self.tr("{no}：{what}，已保存").format(
            no=case.case_number, what=self._kind_text(kind)))

    def _kind_text(self, kind: str) -> str:
        from desktop.messages import kind_text

        return kind_text(kind)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.feedback.say(error_text(exc))

    def _ask(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def withdraw(self) -> None:
        d = ReasonDialog(self.tr("撤回申请"), self.tr("申请人撤回申请的原因："), parent=self)
        if self._ask(d):
            self.do(ev.WITHDRAWN, d.payload())

    def refuse(self) -> None:
        from desktop.counter.reception import REFUSAL_PRESETS

        d = ReasonDialog(self.tr("不予受理"), self.tr("不予受理的理由："), REFUSAL_PRESETS,
                         parent=self)
        if self._ask(d):
            self.do(ev.REFUSED, d.payload())

    def pause(self) -> None:
        d = ReasonDialog(self.tr("暂停计时"), self.tr("听证、现场核查、专家评审等期间不计入办理时限："),
                         pause=True, parent=self)
        if self._ask(d):
            self.do(ev.CLOCK_PAUSED, d.payload())

    def extend(self) -> None:
        """延期 (art. 42): the department's head approves it here with their password."""
        from desktop.counter.law_dialogs import ExtendDialog

        assert self.case is not None
        session = self.state.session
        assert session is not None
        d = ExtendDialog(self.state.catalog, self.department_of(self.case),
                         self.case.extension_limit, self.runner, self)
        if self._ask(d) and d.approver is not None:
            head = Actor.of(d.approver, session.actor.terminal_id, session.actor.window_id)
            self.do(ev.EXTENDED, d.payload(), head)

    def promise_fulfilled(self) -> None:
        """The materials accepted on promise (容缺) have all come: the result may be issued."""
        assert self.case is not None
        case = self.case
        names = "\n".join(p["name"] for p in case.open_promises)
        answer = QMessageBox.question(self, self.tr("容缺材料"), self.tr(
            "以下容缺受理时承诺的材料是否已全部收到？\n{names}").format(names=names))
        if answer == QMessageBox.StandardButton.Yes:
            self.do(ev.PROMISE_FULFILLED,
                    {"materials": [p["material"] for p in case.open_promises]})

    def supplement(self) -> None:
        from desktop.counter.dialogs import SupplementDialog

        assert self.case is not None
        missing = [m["name"] for m in self.case.materials.values() if not m.get("provided")
                   and m.get("required")]
        d = SupplementDialog(missing, self)
        if self._ask(d):
            self.do(ev.SUPPLEMENT_REQUESTED, d.payload())

    def supplement_received(self) -> None:
        assert self.case is not None
        case = self.case
        answer = QMessageBox.question(
            self, self.tr("补正材料"),
            self.tr("以下补正材料是否已全部收到？\n{names}").format(names="\n".join(case.missing)))
        if answer == QMessageBox.StandardButton.Yes:
            self.do(ev.SUPPLEMENT_RECEIVED, supplement_received_payload(case))

    def review(self) -> None:
        session = self.state.session
        assert session is not None and self.case is not None
        department = self.department_of(self.case)
        d = ReviewDialog(self.state.catalog, roles.may(session.staff, ev.APPROVED,
                                                       item_department=department),
                         self.runner, self, department=department)
        if self._ask(d):
            actor = session.actor
            if d.reviewer is not None:
                actor = Actor.of(d.reviewer, actor.terminal_id, actor.window_id)
            self.do(d.kind, d.payload(), actor)

    def issue(self) -> None:
        assert self.case is not None
        try:
            mailing = self.state.catalog.item(self.case.item_no).mailing_allowed
        except UnknownItem:
            mailing = True
        d = IssueDialog(mailing, self.case.applicant, self)
        if self._ask(d):
            self.do(ev.ISSUED, d.payload())


def supplement_received_payload(case: Case) -> dict[str, Any]:
    """Everything that was missing is now provided; a case never accepted is accepted."""
    got = [{"id": mid, "provided": True} for mid, m in case.materials.items()
           if m.get("name") in case.missing]
    return {"materials": got, "accept": case.resume_state == lc.REGISTERED}
