"""What the slip promises: "scan this slip at the kiosk to see how your case stands".

Qt-free: `progress_of` runs on the task runner's reader pool with that thread's replica.
Only what the citizen may see in a public hall leaves here: the item, the state, the
time limit, and the applicant masked (王*, 6401**********002X), never a phone or an
address, so a slip found on the floor tells a stranger nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.kiosk.registration import TYPED_NAME
from domain import idnumber, numbering
from domain import lifecycle as lc
from domain.case import Case
from domain.deadline import Deadline
from domain.errors import DomainError
from domain.workdays import WorkCalendar
from sync import queries
from sync.replica import Replica
from sync.store import load_case

NUMBER_LENGTHS = (numbering.CASE_LEN, numbering.SLIP_LEN)


class NotANumber(DomainError):
    """Typed or scanned text that is not a case or slip number."""


@dataclass(frozen=True)
class Progress:
    """One case as the kiosk may show it."""

    number: str
    item_name: str
    state: str
    applicant: str  # masked
    id_number: str  # masked
    instant: bool
    deadline: Deadline | None
    accepted_on: dt.date | None
    missing: tuple[str, ...]
    case_id: str = ""
    staff_id: str = ""  # who served: the rating names them
    rated: bool = False

    @property
    def may_rate(self) -> bool:
        """An issued case not rated yet: the kiosk is one of the rating channels."""
        return self.state == lc.ISSUED and not self.rated


def find_case(replica: Replica, text: str) -> Case | None:
    """The case a slip or case number names (a bad check digit raises DomainError)."""
    number = text.strip()
    if not (number.isascii() and number.isdigit() and len(number) in NUMBER_LENGTHS):
        raise NotANumber("不是告知单编号或办件编号", code="number.format")
    parsed = numbering.parse(number)
    rows = queries.by_number(replica, parsed.number)
    if rows:
        return load_case(replica, rows[0]["id"])
    if parsed.kind == "slip":  # registered here, numbered by the slip
        return load_case(replica, numbering.case_id_for_slip(parsed.number))
    return None


def progress_of(replica: Replica, text: str, calendar: WorkCalendar) -> Progress | None:
    """How the case stands, masked; None when this kiosk's replica does not have it."""
    case = find_case(replica, text)
    if case is None:
        return None
    applicant = case.applicant or {}
    name = str(applicant.get("name") or "")
    deadline = case.deadline(calendar) if case.is_open and case.state != lc.REGISTERED else None
    return Progress(
        number=case.case_number or case.slip_number,
        item_name=case.item_name,
        state=case.state or "",
        # a number keyed at a kiosk has no name yet: the placeholder is no secret
        applicant=name if name == TYPED_NAME else idnumber.mask_name(name),
        id_number=idnumber.mask(str(applicant.get("id_number") or "")),
        instant=case.instant,
        deadline=deadline,
        accepted_on=case.accepted_on,
        missing=tuple(case.missing),
        case_id=case.id,
        staff_id=case.staff_id or "",
        rated=case.rating is not None,
    )
