"""The applicant, and the agent (代办人) when someone applies for another.

`fill_from_card(card)` is the seam for the ID-card reader: the device integration calls
it with the card's fields (name, gender, nation, birth_date, address, id_number,
card_type) and the form fills the applicant — or, when the applicant is already there
and an agent applies, the agent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.parties_form import PartiesBox
from desktop.counter.person_form import PersonFields
from domain.application import Person, validate_person
from domain.catalog import ServiceItem
from domain.errors import DomainError


class ApplicantForm(QWidget):
    """Applicant fields, an "agent applies" switch and the agent's fields."""

    sig_changed = Signal()
    """Any field changed."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.applicant_box = box = QGroupBox(self.tr("申请人"))
        box_lay = QVBoxLayout(box)
        role_row = QFormLayout()
        self.applicant_role = QComboBox()
        self.applicant_role.setAccessibleName(self.tr("申请人身份"))
        self.role_label = QLabel(self.tr("身份"))
        role_row.addRow(self.role_label, self.applicant_role)
        box_lay.addLayout(role_row)
        self.applicant = PersonFields(today)
        box_lay.addWidget(self.applicant)
        # the other parties, where the item names roles (买方 and 卖方 …)
        self.parties_box = PartiesBox(today)
        self.parties_box.hide()
        self.agent_switch = QCheckBox(self.tr("由代办人代为办理（需授权委托书）"))
        self.agent_hint = QLabel("", objectName="hintText")
        self.agent_box = QGroupBox(self.tr("代办人"))
        self.agent = PersonFields(today)
        QVBoxLayout(self.agent_box).addWidget(self.agent)
        self.agent_box.hide()
        lay.addWidget(box)
        lay.addWidget(self.parties_box)
        lay.addWidget(self.agent_switch)
        lay.addWidget(self.agent_hint)
        lay.addWidget(self.agent_box)
        lay.addStretch(1)
        self.agent_switch.toggled.connect(self.agent_box.setVisible)
        self.agent_switch.toggled.connect(self.sig_changed)
        self.applicant.sig_changed.connect(self.sig_changed)
        self.agent.sig_changed.connect(self.sig_changed)
        self.parties_box.sig_changed.connect(self.sig_changed)
        self.applicant_role.currentIndexChanged.connect(self._role_changed)
        self._show_roles(False)

    def _show_roles(self, on: bool) -> None:
        self.applicant_role.setVisible(on)
        self.role_label.setVisible(on)

    def _role_changed(self) -> None:
        role = self.applicant_role.currentText()
        self.applicant_box.setTitle(self.tr("申请人（{role}）").format(role=role) if role
                                    else self.tr("申请人"))

    def set_item(self, item: ServiceItem | None) -> None:
        """Only items that allow agents offer the agent fields (婚姻登记 does not); items
        that name party roles (二手房买卖, 结婚登记) offer the other parties."""
        roles = item.parties if item else ()
        self.applicant_role.blockSignals(True)
        self.applicant_role.clear()
        for r in roles:
            self.applicant_role.addItem(r.name, r.role)
        self.applicant_role.blockSignals(False)
        self._show_roles(bool(roles))
        self._role_changed()
        self.parties_box.set_roles(roles, roles[0].role if roles else "")
        allowed = bool(item and item.agent_allowed)
        self.agent_switch.setEnabled(allowed)
        if not allowed:
            self.agent_switch.setChecked(False)
        self.agent_hint.setText("" if allowed or item is None
                                else self.tr("该事项须申请人本人办理，不可代办"))

    @property
    def has_agent(self) -> bool:
        return self.agent_switch.isChecked()

    def persons(self) -> tuple[Person, Person | None]:
        """Validated applicant and agent; raises DomainError naming the bad field."""
        today = self.applicant.today
        applicant = validate_person(self.applicant.values(), today=today, role="申请人")
        agent = None
        if self.has_agent:
            try:
                agent = validate_person(self.agent.values(), today=today, role="代办人")
            except DomainError as exc:
                exc.role = "agent"  # type: ignore[attr-defined]
                raise
        return applicant, agent

    def parties(self) -> list[Person]:
        """Every party (the applicant first, with their role) where the item names roles;
        empty otherwise. Raises DomainError naming the bad field."""
        if not self.applicant_role.count():
            return []
        raw = {**self.applicant.values(), "role": self.applicant_role.currentData()}
        first = validate_person(raw, today=self.applicant.today, role="申请人")
        return [first, *self.parties_box.persons()]

    def set_parties(self, parties: list[dict[str, Any]]) -> None:
        """A registration's parties: the applicant's role, and the others in the box."""
        if parties:
            index = self.applicant_role.findData(parties[0].get("role"))
            self.applicant_role.setCurrentIndex(max(index, 0))
            self.parties_box.set_parties(parties[1:])

    def show_error(self, exc: DomainError) -> bool:
        """Say a refused person at the field it is about; False when it is about none."""
        fields = self.agent if getattr(exc, "role", "") == "agent" else self.applicant
        return fields.show_error(exc)

    def fill_from_card(self, card: dict[str, Any], target: str = "auto") -> None:
        """Fill from an ID-card read; target "applicant", "agent" or "auto"."""
        if target == "auto":
            filled = bool(self.applicant.values()["id_number"])
            target = "agent" if filled and self.has_agent else "applicant"
        (self.agent if target == "agent" else self.applicant).fill_from_card(card)

    def set_person(self, applicant: dict[str, Any], agent: dict[str, Any] | None) -> None:
        self.applicant.set_values(applicant)
        self.agent_switch.setChecked(bool(agent))
        if agent:
            self.agent.set_values(agent)

    def set_read_only(self, read_only: bool) -> None:
        """The applicant as registered (at the kiosk) is kept; their role and the other
        parties are still chosen at the window before acceptance."""
        self.applicant.set_read_only(read_only)
        self.agent.set_read_only(read_only)
        self.agent_switch.setEnabled(not read_only and self.agent_switch.isEnabled())

    def clear(self) -> None:
        self.applicant.clear()
        self.agent.clear()
        self.agent_switch.setChecked(False)
        self.parties_box.clear()
