"""Turning what a clerk or a citizen entered into a validated registration.

The counter and the kiosk both call this, so a bad ID number or an unknown item is
refused the same way everywhere, before anything is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from domain import acceptance, idnumber, phone, roles, streams
from domain import events as ev
from domain.catalog import ServiceItem, Staff
from domain.errors import DomainError

ID_TYPES = ("resident", "hk_mo_tw", "foreign_2017", "foreign_2023", "passport", "other")


@dataclass(frozen=True)
class Person:
    """An applicant, an agent (代办人), or one of several parties (买方, 卖方 …)."""

    name: str
    id_number: str
    id_type: str = "resident"
    phone: str = ""
    address: str = ""
    role: str = ""  # the party role (PartyRole.role) where the item names roles

    def to_dict(self) -> dict[str, str]:
        d = {"name": self.name, "id_type": self.id_type, "id_number": self.id_number,
             "phone": self.phone, "address": self.address}
        if self.role:
            d["role"] = self.role
        return d


def validate_person(raw: Mapping[str, Any], *, today: dt.date, role: str = "申请人") -> Person:
    """Check a typed or card-read person; raise DomainError with a clear message.

    `today` is required: a birth date after it is refused here, the one rule that the
    counter, the kiosk and `check-id` share (an ID number "born" in 2041 is a typo).
    """
    name = str(raw.get("name", "")).strip()
    if not name:
        raise DomainError(f"请填写{role}姓名", code="person.name_required")
    if len(name) > 60:
        raise DomainError(f"{role}姓名过长", code="person.name_length")
    id_type = str(raw.get("id_type") or "resident")
    number = str(raw.get("id_number", "")).strip()
    if id_type in ("resident", "hk_mo_tw"):
        number = idnumber.parse(number, today=today).number
    elif not number:
        raise DomainError(f"请填写{role}证件号码", code="person.id_required")
    tel = str(raw.get("phone", "") or "").strip()
    if tel:
        tel = phone.parse(tel)
    return Person(name=name, id_number=number, id_type=id_type, phone=tel,
                  address=str(raw.get("address", "") or "").strip(),
                  role=str(raw.get("role", "") or ""))


def material_rows(item: ServiceItem, provided: Mapping[str, bool]) -> list[dict[str, Any]]:
    """The checklist as stored on the case: every material, and whether it came."""
    rows = []
    for m in item.materials:
        row = {"id": m.id, "name": m.name, "originals": m.originals, "copies": m.copies,
               "required": m.required, "condition": m.condition,
               "provided": bool(provided.get(m.id, False))}
        # the flags the acceptance rules read from the case's own snapshot
        row.update({k: v for k, v in (("tolerable", m.tolerable), ("for_agent", m.for_agent),
                                      ("party", m.party)) if v})
        rows.append(row)
    return rows


def missing_materials(item: ServiceItem, provided: Mapping[str, bool],
                      applicable: Sequence[str] = (), *, agent: bool = False) -> list[str]:
    """Every required material not provided, plus conditional ones that apply (the
    agent's authorisation when an agent applies).

    All of them at once: the one-time notice (一次性告知) lists everything.
    """
    need = [m for m in item.materials
            if m.required or m.id in applicable or (agent and m.for_agent)]
    return [m.name for m in need if not provided.get(m.id, False)]


def validate_parties(item: ServiceItem, parties: Sequence[Person]) -> list[dict[str, Any]]:
    """The parties of an item that names roles (applicant first), as stored on the case.

    Raises DomainError for a role the item does not know, too many in a role, or one
    person in two places; a missing role is told at acceptance (the window completes
    what a kiosk registered). An item without roles takes no parties.
    """
    if not item.parties:
        return []
    rows = [p.to_dict() for p in parties]
    acceptance.check_parties(rows, [r.to_dict() for r in item.parties], complete=False)
    return rows


def check_acceptance(item: ServiceItem, provided: Mapping[str, bool], *, agent: bool,
                     today: dt.date, promises: Sequence[Mapping[str, Any]] = (),
                     parties: Sequence[Person] = ()) -> None:
    """What the counter asks before it accepts: the agent's authorisation, promises (容缺)
    and parties, by the same rules the case stream checks again when it is recorded."""
    rows = {m["id"]: m for m in material_rows(item, provided)}
    acceptance.check(rows, has_agent=agent, promises=promises,
                     parties=[p.to_dict() for p in parties],
                     party_roles=[r.to_dict() for r in item.parties], today=today)


def registration_payload(
    item: ServiceItem,
    applicant: Person,
    *,
    agent: Person | None = None,
    parties: Sequence[Person] = (),
    provided: Mapping[str, bool] | None = None,
    case_number: str = "",
    slip_number: str = "",
    queue_no: str = "",
    channel: str = "counter",
) -> dict[str, Any]:
    """The payload of a `registered` event: a snapshot of the item's rules.

    `parties`: every party where the item names roles, the applicant among them (a kiosk
    registers only the applicant; the window adds the others before it accepts).
    """
    if agent is not None and not item.agent_allowed:
        raise DomainError(f"「{item.name}」须本人办理，不可代办", code="case.agent_not_allowed")
    payload = {
        "case_number": case_number, "slip_number": slip_number, "queue_no": queue_no,
        "item_no": item.no, "item_code": item.code, "item_name": item.name,
        "department": item.department, "instant": item.instant,
        "promised_days": item.promised_days, "legal_days": item.legal_days,
        "extension_limit": item.extension_days, "applicant": applicant.to_dict(),
        "agent": agent.to_dict() if agent else None,
        "materials": material_rows(item, provided or {}), "channel": channel,
        "catalog_version": item.version,
    }
    if item.parties:
        payload["party_roles"] = [r.to_dict() for r in item.parties]
        if parties:
            payload["parties"] = validate_parties(item, parties)
    return payload


@dataclass(frozen=True)
class Actor:
    """Who takes a step, where, and (when a person logged in) in which role.

    `role` set: the step is checked against domain.roles (the faces build actors from
    the logged-in Staff with `Actor.of`); None: an author the roles do not cover (a
    script, a test, a system step).
    """

    staff_id: str
    terminal_id: str
    window_id: str | None = None
    role: str | None = None
    department: str | None = None

    @classmethod
    def of(cls, staff: Staff, terminal_id: str, window_id: str | None = None) -> Actor:
        """The actor for a logged-in member of staff: their role travels with them."""
        return cls(staff.id, terminal_id, window_id, staff.role, staff.department)


def new_event(
    state: Any,
    stream_id: str,
    kind: str,
    payload: Mapping[str, Any],
    actor: Actor,
    *,
    event_id: str,
    terminal_seq: int,
    recorded_at: str,
    item_department: str | None = None,
) -> ev.Event:
    """Check the step against the stream as this terminal sees it, and make the event.

    `state` is the stream's fold (a Case for a case) or None for a new stream. Raises
    roles.Forbidden / IllegalTransition / MissingReason: the screen shows it and nothing
    is stored. `item_department` stands in for a case that predates the department
    snapshot (the caller looks it up in the catalog).
    """
    if actor.role is not None:
        who = roles.Author(actor.staff_id, actor.role, actor.department)
        problem = roles.event_refusal(who, kind, payload, state, item_department=item_department)
        if problem is not None:
            raise problem
    payload = streams.stamp(state, kind, payload)
    expected = streams.check(state, kind, payload)
    return ev.Event(
        id=event_id, case_id=stream_id, kind=kind, payload=dict(payload),
        expected_state=expected, terminal_id=actor.terminal_id, terminal_seq=terminal_seq,
        staff_id=actor.staff_id, recorded_at=recorded_at, window_id=actor.window_id,
    )
