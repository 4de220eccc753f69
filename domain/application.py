"""Turning what a clerk or a citizen entered into a validated registration.

The counter and the kiosk both call this, so a bad ID number or an unknown item is
refused the same way everywhere, before anything is stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from domain import events as ev
from domain import idnumber, phone, streams
from domain.catalog import ServiceItem
from domain.errors import DomainError

ID_TYPES = ("resident", "hk_mo_tw", "foreign_2017", "foreign_2023", "passport", "other")


@dataclass(frozen=True)
class Person:
    """An applicant or an agent (代办人)."""

    name: str
    id_number: str
    id_type: str = "resident"
    phone: str = ""
    address: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "id_type": self.id_type, "id_number": self.id_number,
                "phone": self.phone, "address": self.address}


def validate_person(raw: Mapping[str, Any], *, role: str = "申请人") -> Person:
    """Check a typed or card-read person; raise DomainError with a clear message."""
    name = str(raw.get("name", "")).strip()
    if not name:
        raise DomainError(f"请填写{role}姓名", code="person.name_required")
    if len(name) > 60:
        raise DomainError(f"{role}姓名过长", code="person.name_length")
    id_type = str(raw.get("id_type") or "resident")
    number = str(raw.get("id_number", "")).strip()
    if id_type in ("resident", "hk_mo_tw"):
        number = idnumber.parse(number).number
    elif not number:
        raise DomainError(f"请填写{role}证件号码", code="person.id_required")
    tel = str(raw.get("phone", "") or "").strip()
    if tel:
        tel = phone.parse(tel)
    return Person(name=name, id_number=number, id_type=id_type, phone=tel,
                  address=str(raw.get("address", "") or "").strip())


def material_rows(item: ServiceItem, provided: Mapping[str, bool]) -> list[dict[str, Any]]:
    """The checklist as stored on the case: every material, and whether it came."""
    return [
        {"id": m.id, "name": m.name, "originals": m.originals, "copies": m.copies,
         "required": m.required, "condition": m.condition,
         "provided": bool(provided.get(m.id, False))}
        for m in item.materials
    ]


def missing_materials(item: ServiceItem, provided: Mapping[str, bool],
                      applicable: Sequence[str] = ()) -> list[str]:
    """Every required material not provided, plus conditional ones that apply.

    All of them at once: the one-time notice (一次性告知) lists everything.
    """
    need = [m for m in item.materials if m.required or m.id in applicable]
    return [m.name for m in need if not provided.get(m.id, False)]


def registration_payload(
    item: ServiceItem,
    applicant: Person,
    *,
    agent: Person | None = None,
    provided: Mapping[str, bool] | None = None,
    case_number: str = "",
    slip_number: str = "",
    queue_no: str = "",
    channel: str = "counter",
) -> dict[str, Any]:
    """The payload of a `registered` event: a snapshot of the item's rules."""
    if agent is not None and not item.agent_allowed:
        raise DomainError(f"「{item.name}」须本人办理，不可代办", code="case.agent_not_allowed")
    return {
        "case_number": case_number, "slip_number": slip_number, "queue_no": queue_no,
        "item_no": item.no, "item_code": item.code, "item_name": item.name,
        "instant": item.instant, "promised_days": item.promised_days,
        "legal_days": item.legal_days, "applicant": applicant.to_dict(),
        "agent": agent.to_dict() if agent else None,
        "materials": material_rows(item, provided or {}), "channel": channel,
    }


@dataclass(frozen=True)
class Actor:
    """Who takes a step, where."""

    staff_id: str
    terminal_id: str
    window_id: str | None = None


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
) -> ev.Event:
    """Check the step against the stream as this terminal sees it, and make the event.

    `state` is the stream's fold (a Case for a case) or None for a new stream. Raises
    IllegalTransition / MissingReason: the screen shows it and nothing is stored.
    """
    payload = streams.stamp(state, kind, payload)
    expected = streams.check(state, kind, payload)
    return ev.Event(
        id=event_id, case_id=stream_id, kind=kind, payload=dict(payload),
        expected_state=expected, terminal_id=actor.terminal_id, terminal_seq=terminal_seq,
        staff_id=actor.staff_id, recorded_at=recorded_at, window_id=actor.window_id,
    )
