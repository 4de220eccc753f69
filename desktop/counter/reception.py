"""Receiving an application: item, applicant, materials, and the decision at the window.

Three outcomes, each one step for the clerk (F5/F6/F7):
accept (the promised clock starts; an instant item is issued on the spot), request a
supplement (everything missing at once; the clock does not run), refuse (a reason is
required). A case registered at the kiosk (or a kiosk slip this terminal has not seen
yet) arrives here with its item and slip number already set.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.counter import jobs
from desktop.counter.applicant_form import ApplicantForm
from desktop.counter.dialogs import ReasonDialog, SupplementDialog
from desktop.counter.law_dialogs import ToleranceDialog
from desktop.counter.materials import MaterialsChecklist
from desktop.counter.session import CounterState
from desktop.feedback import Feedback
from desktop.messages import error_text
from desktop.tasks import TaskRunner
from domain import events as ev
from domain import numbering
from domain.application import check_acceptance, missing_materials, registration_payload
from domain.case import Case
from domain.catalog import Material, ServiceItem
from domain.errors import DomainError

log = logging.getLogger(__name__)

REFUSAL_PRESETS = ["申请事项依法不属于本机关职权范围", "申请事项依法不需要取得行政许可",
                   "申请人不具备申请资格", "申请材料存在虚假内容"]


class ReceptionView(QWidget):
    """The new-case editor (also used to accept a case registered at the kiosk)."""

    sig_saved = Signal(object, str)
    """A decision was stored: (Case, a sentence for the status line)."""
    sig_message = Signal(str, str)
    """(text, level) for the status line: level info | error."""
    sig_change_item = Signal()
    """The clerk wants another item (F3)."""

    def __init__(self, state: CounterState, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner
        self.item: ServiceItem | None = None
        self.case: Case | None = None  # a registered case being accepted
        self.slip: str = ""
        self.case_id: str | None = None
        self.busy = False
        self._build()

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QFrame(objectName="itemHeader")
        grid = QGridLayout(head)
        self.title = QLabel("", objectName="itemTitle")
        self.title.setWordWrap(True)
        self.facts = QLabel("", objectName="itemFacts")
        self.facts.setWordWrap(True)
        self.change = QPushButton(self.tr("更换事项 (F3)"))
        self.change.clicked.connect(self.sig_change_item)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.change, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.facts, 1, 0, 1, 2)
        # outside every opening period that offers the item: a warning, never a block
        # (extended hours exist, and the figures count them apart: domain.opening)
        self.hours_note = QLabel("", objectName="hoursNote")
        self.hours_note.setWordWrap(True)
        self.hours_note.hide()
        grid.addWidget(self.hours_note, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        lay.addWidget(head)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.form = ApplicantForm(self.state.today())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("材料清单（空格键勾选）"), objectName="sectionTitle"))
        top.addStretch(1)
        self.all_button = QPushButton(self.tr("必需材料全部已收"))
        top.addWidget(self.all_button)
        rl.addLayout(top)
        self.materials = MaterialsChecklist()
        rl.addWidget(self.materials, 1)
        self.missing_label = QLabel("", objectName="missingText")
        self.missing_label.setWordWrap(True)
        rl.addWidget(self.missing_label)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 6)
        split.setSizes([480, 860])
        lay.addWidget(split, 1)
        bar = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("受理 (F5)"), objectName="primary")
        self.supplement_button = QPushButton(self.tr("补正告知 (F6)"))
        self.refuse_button = QPushButton(self.tr("不予受理 (F7)"), objectName="danger")
        self.clear_button = QPushButton(self.tr("放弃"))
        # why a decision was refused, beside its button; gone when the cause changes
        self.feedback = Feedback()
        bar.addWidget(self.clear_button)
        bar.addWidget(self.feedback, 1)
        bar.addStretch(0)  # the buttons keep their size while there is nothing to say
        for b in (self.refuse_button, self.supplement_button, self.accept_button):
            bar.addWidget(b)
        lay.addLayout(bar)
        self.all_button.clicked.connect(self.materials.tick_all_required)
        self.materials.sig_changed.connect(self._update_missing)
        self.materials.sig_changed.connect(self.feedback.clear)
        self.form.sig_changed.connect(self.feedback.clear)
        self.accept_button.clicked.connect(self.accept_case)
        self.supplement_button.clicked.connect(lambda: self.request_supplement())
        self.refuse_button.clicked.connect(lambda: self.refuse())
        self.clear_button.clicked.connect(self.clear)
        self.setTabOrder(self.form.applicant.name, self.form.applicant.id_type)

    # --- starting -------------------------------------------------------------
    def start_new(self, item: ServiceItem, slip: str = "") -> None:
        """A new case for `item`; with a kiosk slip, under the slip's case id."""
        self.clear()
        self.slip = slip
        self.case_id = numbering.case_id_for_slip(slip) if slip else None
        self._set_item(item)
        self.form.applicant.name.setFocus()

    def start_registered(self, case: Case) -> None:
        """A case registered at the kiosk: check the person, tick materials, decide."""
        self.clear()
        self.case = case
        self.slip = case.slip_number
        self._set_item(self.state.catalog.item(case.item_no),
                       {k: bool(m.get("provided")) for k, m in case.materials.items()})
        self.form.set_person(case.applicant, case.agent)
        self.form.set_parties(case.parties)
        self.form.set_read_only(True)
        self.materials.setFocus()

    def _set_item(self, item: ServiceItem, provided: dict[str, bool] | None = None) -> None:
        self.item = item
        self.title.setText(f"{item.no}　{item.name}")
        kind = (self.tr("即办件：当场办结") if item.instant
                else self.tr("承诺件：%n个工作日", "", item.promised_days)
                + self.tr("（法定%n个工作日）", "", item.legal_days))
        dep = self.state.catalog.department(item.department)
        facts = [kind, dep.name if dep else item.department,
                 self.tr("收费：{fee}").format(fee=item.fee)]
        if self.slip:
            facts.append(self.tr("告知单 {slip}").format(slip=self.slip))
        self.facts.setText("　·　".join(facts))
        self.accept_button.setText(self.tr("受理并办结 (F5)") if item.instant
                                   else self.tr("受理 (F5)"))
        self.form.set_item(item)
        self.materials.set_item(item, provided)
        self._note_hours(item)

    def _note_hours(self, item: ServiceItem) -> None:
        """Say so when the hall's periods do not offer the item now (at this window)."""
        from desktop.kiosk.hours import when

        hours, cal, now = self.state.hours, self.state.calendar, self.state.clock()
        session = self.state.session
        window = session.window.id if session is not None and session.window else None
        if hours.is_open(cal, now, item.no, window, item.periods):
            self.hours_note.hide()
            return
        text = self.tr("现在不在此事项的办理时段内，仍可办理（计为延时服务），请确认。")
        nxt = hours.next_opening(cal, now, item.no, item.periods)
        if nxt is not None:
            text += self.tr("下次办理时段：{when}（{name}）").format(
                when=when(nxt, now.date()), name=nxt.period.name)
        self.hours_note.setText(text)
        self.hours_note.show()

    def clear(self) -> None:
        """Forget the citizen: personal data leaves the screen."""
        self.item = self.case = self.case_id = None
        self.slip = ""
        self.form.clear()
        self.form.set_read_only(False)
        self.materials.set_item(None)
        self.title.setText("")
        self.facts.setText("")
        self.hours_note.hide()
        self.feedback.clear()

    def _update_missing(self) -> None:
        missing = self.materials.missing()
        self.missing_label.setText(
            self.tr("尚缺%n项：%1", "", len(missing)).replace("%1", "、".join(missing))
            if missing else (self.tr("材料齐全") if self.item else ""))
        self.missing_label.setProperty("state", "error" if missing else "ok")
        self.missing_label.style().unpolish(self.missing_label)
        self.missing_label.style().polish(self.missing_label)

    def fill_from_card(self, card: dict[str, Any]) -> None:
        """The ID-card reader's seam (see ApplicantForm.fill_from_card)."""
        if self.case is None:
            self.form.fill_from_card(card)

    # --- decisions ------------------------------------------------------------
    def _missing(self) -> list[Material]:
        """Every material still missing, the agent's authorisation included when an
        agent applies (domain.application.missing_materials decides which)."""
        assert self.item is not None
        names = set(missing_materials(self.item, self.materials.provided(),
                                      self.materials.applicable(), agent=self.form.has_agent))
        return [m for m in self.item.materials if m.name in names]

    def accept_case(self) -> None:
        """受理: complete, or complete but for non-key materials the applicant promises
        to bring (容缺受理); the agent's authorisation and the parties are checked by the
        domain's acceptance rule before anything is stored."""
        if self.item is None or self.busy:
            return
        provided, today = self.materials.provided(), self.state.today()
        missing, promises = self._missing(), []
        try:
            parties = self.form.parties()
            if missing and not all(m.tolerable for m in missing):
                # the agent's authorisation or a party is told before "incomplete"
                check_acceptance(self.item, provided, agent=self.form.has_agent, today=today,
                                 parties=parties)
                self.feedback.say(self.tr("材料不齐（缺%n项），不能受理：请发补正告知 (F6)", "",
                                          len(missing)))
                self.missing_label.setFocus()
                return
            if missing:
                dialog = ToleranceDialog(missing, today, self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
                promises = dialog.payload()["promises"]
            check_acceptance(self.item, provided, agent=self.form.has_agent, today=today,
                             promises=promises, parties=parties)
        except DomainError as exc:
            if not self.form.show_error(exc):  # at the field when it is about one
                self.feedback.say(error_text(exc))
            return
        accept: dict[str, Any] = {"materials": self.materials.rows()}
        if promises:
            accept["promises"] = promises
        if parties and self.case is not None:  # the kiosk knew one person: the window adds
            accept["parties"] = [p.to_dict() for p in parties]
        steps: list[jobs.Step] = [(ev.ACCEPTED, accept)]
        if self.item.instant:
            steps.append((ev.ISSUED, {"method": "collected", "on_the_spot": True}))
        self._save(steps)

    def request_supplement(self, payload: dict[str, Any] | None = None) -> None:
        if self.item is None or self.busy:
            return
        if payload is None:
            missing = self.materials.missing()
            if not missing:
                self.feedback.say(self.tr("材料齐全，无需补正"))
                return
            dialog = SupplementDialog(missing, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            payload = dialog.payload()
        self._save([(ev.SUPPLEMENT_REQUESTED, {**payload, "materials": self.materials.rows()})])

    def refuse(self, reason: str | None = None) -> None:
        if self.item is None or self.busy:
            return
        if reason is None:
            dialog = ReasonDialog(self.tr("不予受理"), self.tr("请填写不予受理的理由，将写入不予受理决定书："),
                                  REFUSAL_PRESETS, parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            reason = dialog.payload()["reason"]
        self._save([(ev.REFUSED, {"reason": reason})])

    def _save(self, steps: list[jobs.Step]) -> None:
        session = self.state.session
        assert session is not None and self.item is not None
        actor = session.actor
        try:
            if self.case is not None:
                case_id = self.case.id

                def job(store):
                    return jobs.record(store, case_id, actor, steps)
            else:
                applicant, agent = self.form.persons()
                payload = registration_payload(
                    self.item, applicant, agent=agent, parties=self.form.parties(),
                    provided=self.materials.provided(), slip_number=self.slip,
                    channel="counter")
                case_id = self.case_id

                def job(store):
                    return jobs.open_case(store, payload, actor, steps, case_id=case_id)
        except DomainError as exc:
            if not self.form.show_error(exc):  # at the field when it is about one
                self.feedback.say(error_text(exc))
            return
        self.feedback.clear()
        self.busy = True
        kind = steps[-1][0]
        self.runner.write(job, lambda case: self._saved(case, kind), self._failed)

    def _saved(self, case: Case, kind: str) -> None:
        self.busy = False
        log.info("case %s: %s", case.case_number, kind)
        texts = {
            ev.ACCEPTED: self.tr("已受理，办件编号 {no}"),
            ev.ISSUED: self.tr("即办件已当场办结，办件编号 {no}"),
            ev.SUPPLEMENT_REQUESTED: self.tr("已发出补正告知，办件编号 {no}（计时暂停）"),
            ev.REFUSED: self.tr("已不予受理，办件编号 {no}"),
        }
        self.clear()
        self.sig_saved.emit(case, texts.get(kind, "{no}").format(no=case.case_number))

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.feedback.say(error_text(exc))
