"""Turning what was entered into a validated registration (counter and kiosk alike)."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import events as ev
from domain.application import (
    Actor,
    Person,
    missing_materials,
    new_event,
    registration_payload,
    validate_person,
)
from domain.catalog import Material, ServiceItem
from domain.errors import DomainError, IllegalTransition, InvalidIdNumber, InvalidPhone

ITEM = ServiceItem(
    no="0101", code="11371100MB28451099000117001", name="企业设立登记", department="D01",
    zone="Z1", kind="promised", promised_days=1, legal_days=15,
    materials=(
        Material("M1", "申请书"),
        Material("M2", "公司章程"),
        Material("M3", "住所使用证明", originals=0, copies=1),
        Material("M7", "前置审批文件", required=False, condition="涉及前置审批的"),
        Material("M8", "授权委托书", required=False, condition="委托代理人办理的"),
    ),
)
TODAY = dt.date(2026, 11, 23)
NO_AGENT = ServiceItem(no="0801", code="X0801", name="结婚登记", department="D08", zone="Z8",
                       kind="instant", promised_days=0, legal_days=0, agent_allowed=False)


def test_validate_person_normalises():
    p = validate_person({"name": " 张三 ", "id_number": "11010519491231002x",
                         "phone": "+86 138 0013 8000", "address": " 北京市 "}, today=TODAY)
    assert p == Person("张三", "11010519491231002X", "resident", "13800138000", "北京市")


@pytest.mark.parametrize(("raw", "error", "code"), [
    ({"name": "", "id_number": "11010519491231002X"}, DomainError, "person.name_required"),
    ({"name": "   ", "id_number": "11010519491231002X"}, DomainError, "person.name_required"),
    ({"name": "张" * 61, "id_number": "11010519491231002X"}, DomainError, "person.name_length"),
    ({"name": "张三", "id_number": "110105194912310021"}, InvalidIdNumber, "id.check_digit"),
    ({"name": "张三", "id_number": ""}, InvalidIdNumber, "id.length"),
    ({"name": "张三", "id_number": "11010519491231002X", "phone": "12345"}, InvalidPhone,
     "phone.invalid"),
    ({"name": "Smith", "id_type": "passport", "id_number": ""}, DomainError, "person.id_required"),
])
def test_validate_person_refuses(raw, error, code):
    with pytest.raises(error) as info:
        validate_person(raw, today=TODAY)
    assert info.value.code == code


def test_hk_mo_tw_permit_numbers_are_checked_too():
    assert validate_person({"name": "陈大文", "id_type": "hk_mo_tw",
                            "id_number": "810000199001010019"}, today=TODAY).id_number == "810000199001010019"
    with pytest.raises(InvalidIdNumber):
        validate_person({"name": "陈大文", "id_type": "hk_mo_tw", "id_number": "810000199001010018"},
                        today=TODAY)
    # a passport number is not an ID number and is kept as typed
    assert validate_person({"name": "Smith", "id_type": "passport",
                            "id_number": "E12345678"}, today=TODAY).id_number == "E12345678"


def test_agent_refused_when_the_item_disallows_agents():
    applicant = Person("张三", "11010519491231002X")
    agent = Person("李四", "110105198001010024")
    with pytest.raises(DomainError) as info:
        registration_payload(NO_AGENT, applicant, agent=agent)
    assert info.value.code == "case.agent_not_allowed"
    payload = registration_payload(ITEM, applicant, agent=agent)
    assert payload["agent"]["id_number"] == "110105198001010024"
    assert registration_payload(NO_AGENT, applicant)["agent"] is None


def test_missing_materials_lists_everything_at_once():
    assert missing_materials(ITEM, {}) == ["申请书", "公司章程", "住所使用证明"]
    assert missing_materials(ITEM, {"M1": True, "M3": True}) == ["公司章程"]
    assert missing_materials(ITEM, {"M1": True}, applicable=["M8"]) == [
        "公司章程", "住所使用证明", "授权委托书"]
    assert missing_materials(ITEM, {"M1": True, "M2": True, "M3": True, "M8": True},
                             applicable=["M8"]) == []
    assert missing_materials(ITEM, {"M1": True, "M2": False, "M3": True}) == ["公司章程"]


def test_registration_payload_snapshots_the_item():
    p = registration_payload(ITEM, Person("张三", "11010519491231002X"),
                             provided={"M1": True}, case_number="1", slip_number="2")
    assert (p["item_no"], p["item_code"], p["instant"], p["promised_days"], p["legal_days"]) == (
        "0101", ITEM.code, False, 1, 15)
    assert [m["id"] for m in p["materials"]] == ["M1", "M2", "M3", "M7", "M8"]
    assert [m["provided"] for m in p["materials"]] == [True, False, False, False, False]
    assert p["materials"][3]["required"] is False
    assert p["materials"][3]["condition"] == "涉及前置审批的"


def test_new_event_takes_instant_from_the_registration():
    actor = Actor("S001", "T1", "W01")
    reg = new_event(None, "c", ev.REGISTERED, {"instant": True}, actor, event_id="e1",
                    terminal_seq=1, recorded_at="2025-03-03T09:00:00+08:00")
    assert reg.expected_state is None and reg.window_id == "W01"
    with pytest.raises(IllegalTransition):  # nothing to refuse before registration
        new_event(None, "c", ev.REFUSED, {"reason": "r"}, actor, event_id="e2",
                  terminal_seq=2, recorded_at="2025-03-03T09:00:00+08:00")
