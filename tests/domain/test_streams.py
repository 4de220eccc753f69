"""Streams: one registry decides how every kind of event folds, on every node."""

from __future__ import annotations

import pytest

from domain import events as ev
from domain import notices as dn
from domain import streams
from domain.case import Case
from domain.errors import IllegalTransition
from domain.streams import InvalidEvent

T = "2026-03-02T09:00:00+08:00"


def e(kind: str, payload: dict | None = None, *, sid: str = "n1", i: int = 1,
      staff: str = "S001") -> ev.Event:
    return ev.Event(id=f"e{i}", case_id=sid, kind=kind, payload=payload or {},
                    expected_state=None, terminal_id="t1", terminal_seq=i, staff_id=staff,
                    recorded_at=T)


def test_kinds_name_their_stream():
    assert streams.stream_name(ev.ACCEPTED) == "case"
    assert streams.stream_name(dn.RESOLVED) == "notice"
    assert streams.type_of(ev.ACCEPTED).name == "case"
    assert streams.type_of(dn.RAISED).name == "notice"
    assert streams.type_of("notice.exploded") is None
    assert streams.type_of("nosuch.step") is None
    assert streams.type_of("teleported") is None
    assert {ev.ISSUED, dn.SEEN} <= streams.all_kinds()


@pytest.mark.parametrize("kind, payload", [
    (ev.REGISTERED, {"promised_days": 5000}),  # the poison event that stalled a hall
    (ev.REGISTERED, {"legal_days": -1}),
    (ev.REGISTERED, {"promised_days": "many"}),
    (ev.REGISTERED, {"applicant": "王某"}),
    (ev.REGISTERED, {"materials": [{"name": "无编号"}]}),
    (ev.EXTENDED, {"days": 0, "reason": "x", "approved_by": "h"}),
    (ev.EXTENDED, {"days": 99999, "reason": "x", "approved_by": "h"}),
    (ev.RATED, {"level": 9}),
    (dn.RAISED, {"topic": "gossip", "text": "x"}),
    (dn.RAISED, {"topic": dn.KIOSK_HELP, "text": 5}),
    (dn.RAISED, {"topic": dn.KIOSK_HELP, "text": "x", "detail": []}),
    ("teleported", {}),
])
def test_validate_refuses_what_a_fold_or_deadline_cannot_take(kind, payload):
    with pytest.raises(InvalidEvent):
        streams.validate(e(kind, payload, sid="c1"))


def test_validate_takes_a_good_registration():
    assert streams.validate(e(ev.REGISTERED, {"promised_days": 20, "legal_days": 20})).name == "case"


def test_a_notice_is_raised_seen_once_and_resolved_once():
    raised = e(dn.RAISED, {"topic": dn.KIOSK_HELP, "text": "自助登记机1号：有群众需要帮助"})
    n = streams.fold([raised, e(dn.SEEN, i=2, staff="S7"), e(dn.SEEN, i=3, staff="S8"),
                      e(dn.RESOLVED, {"note": "已协助"}, i=4, staff="S8"),
                      e(dn.RESOLVED, {"note": "again"}, i=5, staff="S9")], "n1")
    assert isinstance(n, dn.Notice)
    assert (n.state, n.topic, n.seen_by, n.resolved_by, n.note) == (
        dn.DONE, dn.KIOSK_HELP, "S7", "S8", "已协助")
    assert n.conflicts == ["e5"]  # the second resolution is kept as a conflict
    assert not n.is_open


def test_a_step_on_an_unknown_notice_is_a_conflict_not_a_crash():
    n = streams.fold([e(dn.RESOLVED, {"note": ""})], "n1")
    assert n.state is None and n.conflicts == ["e1"]


def test_check_refuses_before_anything_is_stored():
    with pytest.raises(IllegalTransition):
        streams.check(None, dn.RESOLVED, {})
    with pytest.raises(IllegalTransition):
        streams.check(dn.Notice(id="n", state=dn.DONE), dn.SEEN, {})
    assert streams.check(dn.Notice(id="n", state=dn.OPEN), dn.SEEN, {}) == dn.OPEN


def test_an_unreadable_case_payload_is_invalid_not_a_crash():
    case = Case(id="c1")
    with pytest.raises(InvalidEvent):  # int([1]) inside the fold: TypeError, turned typed
        streams.apply(case, e(ev.REGISTERED, {"promised_days": [1]}, sid="c1"))


def test_case_conflict_notice_says_what_each_side_did_without_personal_data():
    case = Case(id="c1", state="approved", case_number="2603020001000017",
                applicant={"name": "王小明", "id_number": "11010519491231002X"})
    clash = ev.Event(id="x", case_id="c1", kind=ev.WITHDRAWN, payload={"reason": "撤回"},
                     expected_state="in_review", terminal_id="t9", terminal_seq=3,
                     staff_id="S002", recorded_at=T)
    note = streams.get("case").on_conflict(case, clash)
    streams.validate(e(dn.RAISED, dict(note)))
    assert note["topic"] == dn.CONFLICT and note["case_id"] == "c1"
    assert note["detail"]["actual"] == "approved" and note["detail"]["kind"] == ev.WITHDRAWN
    text = str(note)
    assert "王小明" not in text and "11010519491231002X" not in text
    assert "2603020001000017" in note["text"] and "撤回" in note["text"]
