"""The other parties of an application, where the item names roles (二手房买卖: 买方 and
卖方; 结婚登记: 男方 and 女方; 继承: 继承人 …).

The applicant's own fields stay in ApplicantForm (with their role chosen there); this
box holds everyone else, one block per person with its role, ID and contact. Each is
checked by the same domain rule as the applicant (domain.application.validate_person),
and the acceptance rule counts them per role (domain.acceptance).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.person_form import PersonFields
from domain.application import Person, validate_person
from domain.catalog import PartyRole


class PartyBlock(QGroupBox):
    """One party: role, then the person's fields; a button removes it."""

    sig_remove = Signal(object)
    """The clerk removed this party (the block)."""

    def __init__(self, roles: tuple[PartyRole, ...], role: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        top = QFormLayout()
        self.role = QComboBox()
        for r in roles:
            self.role.addItem(r.name, r.role)
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        self.role.setAccessibleName(self.tr("当事人身份"))
        top.addRow(self.tr("身份"), self.role)
        lay.addLayout(top)
        self.person = PersonFields(today)
        lay.addWidget(self.person)
        row = QHBoxLayout()
        row.addStretch(1)
        self.remove = QPushButton(self.tr("删除此当事人"))
        self.remove.clicked.connect(lambda: self.sig_remove.emit(self))
        row.addWidget(self.remove)
        lay.addLayout(row)
        self.role.currentIndexChanged.connect(self._title)
        self._title()

    def _title(self) -> None:
        self.setTitle(self.tr("当事人（{role}）").format(role=self.role.currentText()))

    def is_empty(self) -> bool:
        v = self.person.values()
        return not (v["name"] or v["id_number"])


class PartiesBox(QWidget):
    """Everyone besides the applicant, for an item that names roles."""

    sig_changed = Signal()
    """A party was added, removed or edited."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.roles: tuple[PartyRole, ...] = ()
        self.blocks: list[PartyBlock] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.list = QVBoxLayout()
        lay.addLayout(self.list)
        self.add_button = QPushButton(self.tr("添加当事人"))
        self.add_button.clicked.connect(lambda: self.add(self._next_role()))
        lay.addWidget(self.add_button)

    def set_roles(self, roles: tuple[PartyRole, ...], applicant_role: str) -> None:
        """A fresh box for an item: one empty block per role the applicant does not fill."""
        self.clear()
        self.roles = roles
        self.setVisible(bool(roles))
        for r in roles:
            needed = r.min - (1 if r.role == applicant_role else 0)
            for _ in range(max(needed, 0)):
                self.add(r.role)

    def _next_role(self) -> str:
        counts = {r.role: sum(1 for b in self.blocks if b.role.currentData() == r.role)
                  for r in self.roles}
        free = [r for r in self.roles if counts[r.role] < r.max]
        return (free or list(self.roles))[-1].role if self.roles else ""

    def add(self, role: str, values: dict[str, Any] | None = None) -> PartyBlock:
        block = PartyBlock(self.roles, role, self.today)
        block.sig_remove.connect(self._remove)
        block.person.sig_changed.connect(self.sig_changed)
        if values:
            block.person.set_values(values)
        self.blocks.append(block)
        self.list.addWidget(block)
        self.sig_changed.emit()
        return block

    def _remove(self, block: PartyBlock) -> None:
        self.blocks.remove(block)
        block.setParent(None)
        block.deleteLater()
        self.sig_changed.emit()

    def persons(self) -> list[Person]:
        """Every filled-in party, validated; raises DomainError naming the role."""
        out = []
        for b in self.blocks:
            if b.is_empty():
                continue  # an untouched block: acceptance says which role is missing
            raw = {**b.person.values(), "role": b.role.currentData()}
            out.append(validate_person(raw, today=self.today, role=b.role.currentText()))
        return out

    def set_parties(self, parties: list[dict[str, Any]]) -> None:
        """What a registration already holds (the kiosk knew the applicant only)."""
        for b in list(self.blocks):
            self._remove(b)
        for p in parties:
            self.add(str(p.get("role", "")), p)

    def clear(self) -> None:
        for b in list(self.blocks):
            self._remove(b)
        self.roles = ()
        self.hide()
