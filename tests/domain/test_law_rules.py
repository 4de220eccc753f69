"""The rules of the 行政许可法 that issue 10 found loose, on the demo catalog.

Extension (art. 42): a running clock only, by a real head, within the item's limit, once.
Pauses (art. 45) keep their reason and length. 容缺受理 against a written promise. An agent
brings the authorisation. Birth dates after today are refused. Several parties. A kiosk
case is numbered at its first window step.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from case_timeline import raw_event

from domain import acceptance, roles
from domain import events as ev
from domain.application import (
    Actor,
    Person,
    check_acceptance,
    new_event,
    registration_payload,
    validate_person,
)
from domain.case import Case, fold
from domain.catalog import catalog_from_dict
from domain.errors import DomainError, IllegalTransition, InvalidIdNumber
from domain.idnumber import check_char
from domain.streams import InvalidEvent
from resources import path

CATALOG = catalog_from_dict(json.loads(path("catalog", "demo.json").read_text("utf-8")))
TODAY = dt.date(2026, 11, 23)  # a Monday
CLERK = Actor.of(CATALOG.staff_member("1001"), "T1", "W01")
REVIEWER_D01 = Actor.of(CATALOG.staff_member("1050"), "T1")  # 市场监管局
REVIEWER_D05 = Actor.of(CATALOG.staff_member("1054"), "T1")  # 不动产登记中心
HEAD_D01 = Actor.of(CATALOG.staff_member("1070"), "T1")
HEAD_D05 = Actor.of(CATALOG.staff_member("1074"), "T1")


def pid(body: str) -> str:
    return body + check_char(body)


APPLICANT = Person("李建国", pid("37110219680305201"))


class Story:
    """One case through new_event + fold, each step checked as a face would."""

    def __init__(self, item_no: str, *, provided=None, agent=None, parties=(),
                 case_number: str = "1261123000100015", slip: str = "") -> None:
        self.item = CATALOG.item(item_no)
        self.events: list[ev.Event] = []
        self.case: Case | None = None
        self.t = dt.datetime.combine(TODAY, dt.time(9), ev.CHINA_TZ)
        provided = {m.id: True for m in self.item.materials if m.required} \
            if provided is None else provided
        payload = registration_payload(self.item, APPLICANT, agent=agent, parties=parties,
                                       provided=provided, case_number=case_number,
                                       slip_number=slip)
        self.step(ev.REGISTERED, payload, Actor("kiosk", "K1", role="kiosk") if slip else CLERK)

    def step(self, kind: str, payload=None, actor: Actor = CLERK, *, days: int = 0,
             item_department: str | None = None) -> ev.Event:
        self.t += dt.timedelta(days=days, minutes=5)
        e = new_event(self.case, "case-1", kind, payload or {}, actor,
                      event_id=f"e{len(self.events) + 1}", terminal_seq=len(self.events) + 1,
                      recorded_at=ev.now_iso(self.t), item_department=item_department)
        self.events.append(e)
        self.case = fold(self.events, "case-1")
        return e


def in_review(item_no: str = "0105") -> Story:
    s = Story(item_no)
    s.step(ev.ACCEPTED)
    s.step(ev.SUBMITTED_FOR_REVIEW)
    return s


# --- extension (art. 42) ------------------------------------------------------------------

def test_no_extension_on_a_case_never_accepted_and_waiting_for_supplement():
    s = Story("0105", provided={})
    s.step(ev.SUPPLEMENT_REQUESTED, {"missing": ["营业执照"]})
    assert s.case.state == "supplement_requested" and s.case.accepted_on is None
    assert not s.case.allows(ev.EXTENDED, {"days": 5})
    with pytest.raises(IllegalTransition):
        s.step(ev.EXTENDED, {"days": 5, "reason": "复杂", "approved_by": "S070"}, HEAD_D01)
    # nor on an accepted case waiting for a supplement: the clock does not run
    s = Story("0105")
    s.step(ev.ACCEPTED)
    s.step(ev.SUPPLEMENT_REQUESTED, {"missing": ["营业执照"]})
    with pytest.raises(IllegalTransition):
        s.step(ev.EXTENDED, {"days": 5, "reason": "复杂", "approved_by": "S070"}, HEAD_D01)


def test_extension_is_approved_by_a_real_head_of_the_department():
    s = in_review()
    payload = {"days": 5, "reason": "需现场核查", "approved_by": "S050"}
    with pytest.raises(roles.Forbidden) as info:  # a reviewer cannot approve it
        s.step(ev.EXTENDED, payload, REVIEWER_D01)
    assert info.value.code == "role.forbidden"
    with pytest.raises(roles.Forbidden) as info:  # another department's head cannot
        s.step(ev.EXTENDED, {**payload, "approved_by": "S074"}, HEAD_D05)
    assert info.value.code == "role.department"
    with pytest.raises(roles.Forbidden):  # the approver named is not who records it
        s.step(ev.EXTENDED, {**payload, "approved_by": "主任"}, HEAD_D01)
    s.step(ev.EXTENDED, {**payload, "approved_by": "S070"}, HEAD_D01)
    assert s.case.extension_days == 5
    assert s.case.extension["approved_by"] == "S070"


def test_extension_within_the_items_limit_and_only_once():
    s = in_review("0105")  # 食品经营许可: legal 20 days, extension at most 10
    assert s.case.extension_limit == 10
    with pytest.raises(IllegalTransition) as info:
        s.step(ev.EXTENDED, {"days": 39, "reason": "复杂", "approved_by": "S070"}, HEAD_D01)
    assert info.value.code == "case.extension_limit"
    s.step(ev.EXTENDED, {"days": 10, "reason": "复杂", "approved_by": "S070"}, HEAD_D01)
    with pytest.raises(IllegalTransition) as info:
        s.step(ev.EXTENDED, {"days": 1, "reason": "再延", "approved_by": "S070"}, HEAD_D01)
    assert info.value.code == "case.extension_once"


def test_two_extensions_taken_offline_do_not_add_up():
    cid = "c-ext"
    reg = raw_event(cid, 1, ev.REGISTERED, {"promised_days": 10, "extension_limit": 10},
                    server_seq=1)
    acc = raw_event(cid, 2, ev.ACCEPTED, expected="registered", server_seq=2)
    one = raw_event(cid, 3, ev.EXTENDED, {"days": 8, "reason": "a", "approved_by": "S070"},
                    expected="accepted", server_seq=3)
    two = raw_event(cid, 1, ev.EXTENDED, {"days": 8, "reason": "b", "approved_by": "S070"},
                    expected="accepted", terminal_id="T2", server_seq=4)
    case = fold([reg, acc, one, two])
    assert case.extension_days == 8
    assert [c.event_id for c in case.conflicts] == [two.id]


def test_a_reviewer_asks_and_the_head_approves_or_declines():
    s = in_review()
    s.step(ev.EXTENSION_REQUESTED, {"days": 6, "reason": "需专家评审"}, REVIEWER_D01)
    assert s.case.extension_request["by"] == "S050"
    with pytest.raises(IllegalTransition):  # one request at a time
        s.step(ev.EXTENSION_REQUESTED, {"days": 2, "reason": "x"}, REVIEWER_D01)
    s.step(ev.EXTENSION_DECLINED, {"reason": "可在时限内办结"}, HEAD_D01)
    assert s.case.extension_request is None and s.case.extension_days == 0
    s.step(ev.EXTENSION_REQUESTED, {"days": 6, "reason": "需专家评审"}, REVIEWER_D01)
    s.step(ev.EXTENDED, {"days": 6, "reason": "需专家评审", "approved_by": "S070"}, HEAD_D01)
    assert s.case.extension["requested_by"] == "S050" and s.case.extension_request is None
    with pytest.raises(IllegalTransition):
        s.step(ev.EXTENSION_DECLINED, {"reason": "x"}, HEAD_D01)


# --- roles on steps ---------------------------------------------------------------------

def test_a_reviewer_decides_only_cases_of_their_department():
    s = in_review("0105")  # 市场监管局
    with pytest.raises(roles.Forbidden) as info:
        s.step(ev.APPROVED, {}, REVIEWER_D05)
    assert info.value.code == "role.department"
    with pytest.raises(roles.Forbidden):  # a clerk does not approve
        s.step(ev.APPROVED, {}, CLERK)
    s.step(ev.APPROVED, {}, REVIEWER_D01)
    assert s.case.state == "approved"


def test_a_case_without_its_department_snapshot_uses_the_catalogs():
    s = in_review("0105")
    s.case.department = ""  # as folded from a registration made before the snapshot
    with pytest.raises(roles.Forbidden) as info:
        s.step(ev.APPROVED, {}, REVIEWER_D01)
    assert info.value.code == "role.unknown_department"
    s.case.department = ""
    s.step(ev.APPROVED, {}, REVIEWER_D01, item_department="D01")


# --- pauses (art. 45) ---------------------------------------------------------------------

def test_a_pause_keeps_its_kind_reason_and_length():
    s = in_review()
    s.step(ev.CLOCK_PAUSED, {"reason": "组织专家论证", "pause_reason": "expert_review"},
           REVIEWER_D01)
    (p,) = s.case.procedures
    assert (p["kind"], p["reason"], p["end"]) == ("expert_review", "组织专家论证", "")
    s.step(ev.CLOCK_RESUMED, {}, REVIEWER_D01, days=7)
    assert s.case.procedures[0]["end"] == (TODAY + dt.timedelta(days=7)).isoformat()
    with pytest.raises(IllegalTransition):
        s.step(ev.CLOCK_PAUSED, {"reason": "x", "pause_reason": "teleport"}, REVIEWER_D01)


# --- agents -------------------------------------------------------------------------------

AGENT = Person("王代办", pid("37110219900101123"))


def test_an_agent_needs_the_authorisation_material():
    item = CATALOG.item("0105")
    auth = item.agent_materials()
    assert [m.name for m in auth] == ["授权委托书及受托人居民身份证"]
    provided = {m.id: True for m in item.materials if m.required}
    with pytest.raises(DomainError) as info:
        check_acceptance(item, provided, agent=True, today=TODAY)
    assert info.value.code == "case.agent_authorisation" and "授权委托书" in str(info.value)
    s = Story("0105", agent=AGENT)
    with pytest.raises(DomainError) as info:  # the case stream refuses it too
        s.step(ev.ACCEPTED)
    assert info.value.code == "case.agent_authorisation"
    s.step(ev.ACCEPTED, {"materials": [{"id": auth[0].id, "provided": True}]})
    assert s.case.state == "accepted"


def test_every_agent_allowed_demo_item_names_the_authorisation():
    for item in CATALOG.items:
        assert bool(item.agent_materials()) == item.agent_allowed, item.name


def test_the_agents_id_is_checked_like_the_applicants():
    born_later = pid("37110220410101123")
    with pytest.raises(InvalidIdNumber) as info:
        validate_person({"name": "王代办", "id_number": born_later}, today=TODAY, role="代办人")
    assert info.value.code == "id.birth_date"


# --- birth dates ----------------------------------------------------------------------------

def test_a_birth_date_after_today_is_refused():
    with pytest.raises(InvalidIdNumber) as info:
        validate_person({"name": "李未来", "id_number": pid("37110220410305201")}, today=TODAY)
    assert info.value.code == "id.birth_date"
    born_today = pid(f"371102{TODAY:%Y%m%d}201")
    assert validate_person({"name": "新生儿", "id_number": born_today}, today=TODAY)
    with pytest.raises(TypeError):  # nobody may forget the date
        validate_person({"name": "李", "id_number": born_today})  # type: ignore[call-arg]


# --- several parties ------------------------------------------------------------------------

def test_second_hand_house_needs_buyer_and_seller():
    item = CATALOG.item("0301")
    assert [(r.role, r.name) for r in item.parties] == [("buyer", "买方"), ("seller", "卖方")]
    buyer = Person("李建国", pid("37110219680305201"), role="buyer")
    seller = Person("赵卖", pid("37110219700101301"), role="seller")
    provided = {m.id: True for m in item.materials if m.required}
    with pytest.raises(DomainError) as info:
        check_acceptance(item, provided, agent=False, today=TODAY, parties=[buyer])
    assert "卖方" in str(info.value)
    with pytest.raises(DomainError) as info:
        check_acceptance(item, provided, agent=False, today=TODAY,
                         parties=[buyer, Person("李建国", buyer.id_number, role="seller")])
    assert info.value.code == "case.parties_twice"
    s = Story("0301", parties=[buyer])  # the kiosk knew only the buyer
    with pytest.raises(DomainError):
        s.step(ev.ACCEPTED)
    s.step(ev.ACCEPTED, {"parties": [buyer.to_dict(), seller.to_dict()]})
    assert [p["role"] for p in s.case.parties] == ["buyer", "seller"]


def test_marriage_registration_needs_both_parties():
    item = CATALOG.item("0801")
    assert [r.name for r in item.parties] == ["男方", "女方"]
    man = Person("张伟", pid("37110219900101301"), role="man")
    woman = Person("王芳", pid("37110219920202202"), role="woman")
    with pytest.raises(DomainError) as info:
        check_acceptance(item, {m.id: True for m in item.materials if m.required},
                         agent=False, today=TODAY, parties=[man])
    assert "女方" in str(info.value)
    with pytest.raises(DomainError):  # two men is not a marriage registration
        registration_payload(item, man, parties=[man, Person("李雷", woman.id_number,
                                                               role="man")])
    payload = registration_payload(item, man, parties=[man, woman])
    assert [p["name"] for p in payload["parties"]] == ["张伟", "王芳"]


# --- 容缺受理 --------------------------------------------------------------------------------

def test_accept_with_a_tolerable_material_missing_against_a_promise():
    item = CATALOG.item("0105")  # M6 健康证明 may follow
    provided = {m.id: True for m in item.materials if m.required and m.id != "M6"}
    due = (TODAY + dt.timedelta(days=10)).isoformat()
    check_acceptance(item, provided, agent=False, today=TODAY,
                     promises=[{"material": "M6", "due": due}])
    for bad, code in (({"material": "M2", "due": due}, "case.promise_not_tolerable"),
                      ({"material": "M6", "due": TODAY.isoformat()}, "case.promise_due"),
                      ({"material": "M6", "due": "2027-13-01"}, "case.promise_due"),
                      ({"material": "M6", "due": "2027-12-01"}, "case.promise_due")):
        with pytest.raises(DomainError) as info:
            check_acceptance(item, provided, agent=False, today=TODAY, promises=[bad])
        assert info.value.code == code, bad
    without_m2 = {**provided, "M2": False}  # a key material may never be promised
    with pytest.raises(DomainError) as info:
        check_acceptance(item, without_m2, agent=False, today=TODAY,
                         promises=[{"material": "M6", "due": due}])
    assert info.value.code == "case.promise_not_tolerable" and "营业执照" in str(info.value)


def test_no_result_until_the_promised_material_arrives():
    s = Story("0105", provided={m.id: True for m in CATALOG.item("0105").materials
                                if m.required and m.id != "M6"})
    due = (TODAY + dt.timedelta(days=10)).isoformat()
    s.step(ev.ACCEPTED, {"promises": [{"material": "M6", "due": due}]})
    assert [p["name"] for p in s.case.open_promises] == ["专职或兼职食品安全管理人员名单及健康证明"]
    s.step(ev.SUBMITTED_FOR_REVIEW)
    s.step(ev.APPROVED, {}, REVIEWER_D01)
    s.step(ev.RESULT_READY, {}, REVIEWER_D01)
    with pytest.raises(IllegalTransition) as info:
        s.step(ev.ISSUED, {"method": "collected"})
    assert info.value.code == "case.promise_open"
    # late: it shows among the overdue promises
    later = TODAY + dt.timedelta(days=11)
    assert [(c.id, p["material"]) for c, p in acceptance.overdue([s.case], later)] == [
        ("case-1", "M6")]
    assert acceptance.overdue([s.case], TODAY + dt.timedelta(days=10)) == []
    with pytest.raises(IllegalTransition):
        s.step(ev.PROMISE_FULFILLED, {"materials": ["M2"]})
    s.step(ev.PROMISE_FULFILLED, {"materials": ["M6"]})
    assert not s.case.open_promises and s.case.materials["M6"]["provided"]
    s.step(ev.ISSUED, {"method": "collected"})
    assert s.case.state == "issued"


def test_the_server_refuses_a_promise_dated_before_its_acceptance():
    e = raw_event("c", 2, ev.ACCEPTED, {"promises": [{"material": "M6", "due": "2025-03-01"}]})
    from domain.case import validate_event

    with pytest.raises(InvalidEvent):
        validate_event(e)


# --- a kiosk case is numbered at its first window step --------------------------------------

def test_a_kiosk_case_needs_its_number_at_any_first_window_step():
    s = Story("0105", case_number="", slip="22611230001000101050")
    assert s.case.case_number == ""
    for kind in (ev.SUPPLEMENT_REQUESTED, ev.REFUSED, ev.ACCEPTED, ev.WITHDRAWN):
        assert s.case.needs_number(kind)
    assert not s.case.needs_number(ev.RATED)
    s.step(ev.REFUSED, {"reason": "不属于本机关职权范围", "case_number": "1261123000100023"})
    assert s.case.case_number == "1261123000100023"
    assert not s.case.needs_number(ev.RATED)
