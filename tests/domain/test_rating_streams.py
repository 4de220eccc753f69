"""Follow-ups, appeals and consultations as state machines: legal steps, conflicts kept,
malformed payloads refused; the one supervision gate; SMS replies read as levels."""

from __future__ import annotations

import importlib.util

import pytest

from domain import appeals, consultations, followups, ratings, roles, streams
from domain import events as ev
from domain.catalog import Staff
from domain.errors import DomainError

N = iter(range(1, 10_000))


def e(sid: str, kind: str, payload: dict, staff: str = "S068") -> ev.Event:
    n = next(N)
    return ev.Event(id=f"x{n}", case_id=sid, kind=kind, payload=payload, expected_state=None,
                    terminal_id="t", terminal_seq=n, staff_id=staff,
                    recorded_at="2026-03-02T10:00:00+08:00")


OPEN = {"case_id": "c1", "rating_event_id": "r1", "level": 1, "due": "2026-03-09",
        "rated_staff_id": "S001", "rated_window_id": "W01", "case_number": "1"}


def test_followup_goes_open_contacted_rectified_closed_and_refuses_shortcuts():
    fid = ratings.followup_id("r1")
    assert fid == ratings.followup_id("r1") != ratings.followup_id("r2")
    f = streams.fold([e(fid, followups.OPENED, OPEN)], fid)
    with pytest.raises(DomainError, match="须先记录回访和整改"):
        streams.check(f, followups.CLOSED, {"note": ""})
    with pytest.raises(DomainError, match="须先记录回访"):
        streams.check(f, followups.RECTIFIED, {"text": "x"})
    with pytest.raises(DomainError, match="答复"):
        streams.check(f, followups.CONTACTED, {"how": "phone", "answer": " "})
    for kind, p in ((followups.CONTACTED, {"how": "phone", "answer": "已致歉"}),
                    (followups.RECTIFIED, {"text": "增开窗口"}),
                    (followups.CLOSED, {"note": "办结"})):
        streams.check(f, kind, p)
        assert streams.apply(f, e(fid, kind, p))
    assert f.state == followups.DONE and not f.is_open
    # a second opening (another terminal, offline) lands as a conflict that changes nothing
    assert not streams.apply(f, e(fid, followups.OPENED, OPEN))
    assert f.state == followups.DONE and len(f.conflicts) == 1
    assert streams.get("followup").on_conflict(f, e(fid, followups.OPENED, OPEN)) is None


def test_followup_overdue_turns_red_only_while_open():
    import datetime as dt

    f = streams.fold([e("f", followups.OPENED, OPEN)], "f")
    assert not f.overdue(dt.date(2026, 3, 9)) and f.overdue(dt.date(2026, 3, 10))


@pytest.mark.parametrize("payload", [{**OPEN, "level": 4}, {**OPEN, "due": "2026-02-30"},
                                     {**OPEN, "case_id": ""}, {**OPEN, "assignee": 5}])
def test_malformed_followups_are_refused(payload):
    with pytest.raises(streams.InvalidEvent):
        streams.validate(e("f", followups.OPENED, payload))


def test_appeal_once_per_rating_and_excluded_needs_a_finding():
    aid = ratings.appeal_id("r1")
    filed = e(aid, appeals.FILED, {"case_id": "c1", "rating_event_id": "r1", "grounds": "误触",
                                   "level": 1}, staff="S001")
    a = streams.fold([filed], aid)
    with pytest.raises(DomainError, match="已经申诉"):
        streams.check(a, appeals.FILED, {"grounds": "again"})
    with pytest.raises(DomainError, match="认定"):
        streams.check(a, appeals.DECIDED, {"decision": "excluded", "reason": "x"})
    with pytest.raises(streams.InvalidEvent):
        streams.validate(e(aid, appeals.DECIDED, {"decision": "excluded", "reason": "x"}))
    assert streams.apply(a, e(aid, appeals.DECIDED, {"decision": "excluded",
                                                     "finding": "mistaken", "reason": "录像"}))
    assert a.excluded and a.finding == "mistaken"
    assert not streams.apply(a, e(aid, appeals.DECIDED, {"decision": "kept", "reason": "y"}))


def test_consultation_is_one_event_with_sane_minutes():
    with pytest.raises(DomainError):
        streams.check(None, consultations.RECORDED, consultations.payload(601, "answered"))
    with pytest.raises(DomainError):
        streams.check(None, consultations.RECORDED, {"minutes": 3, "outcome": "ignored"})
    with pytest.raises(streams.InvalidEvent):
        streams.validate(e("q", consultations.RECORDED, {"minutes": True, "outcome": "answered"}))
    c = streams.fold([e("q", consultations.RECORDED, consultations.payload(5, "referred",
                                                                         "0101", "x"))], "q")
    assert (c.minutes, c.outcome, c.item_code) == (5, "referred", "0101")
    assert not streams.apply(c, e("q", consultations.RECORDED, consultations.payload(1, "answered")))


def test_the_supervision_steps_are_the_rule_tables():
    clerk = Staff("S001", "1001", "王丽", "clerk")
    boss = Staff("S068", "1068", "邹杰", "supervisor")
    assert roles.may(boss, "supervisor.open") and not roles.may(clerk, "supervisor.open")
    # the person a follow-up is assigned to revisits and rectifies, whatever their role
    assert roles.may(clerk, "followup.contacted", assignee="S001")
    assert roles.may(clerk, "followup.rectified", assignee="S001")
    assert not roles.may(clerk, "followup.contacted", assignee="S002")
    assert not roles.may(clerk, "followup.contacted")
    assert not roles.may(clerk, "followup.closed", assignee="S001")
    assert roles.may(boss, "followup.closed")
    assert roles.may(clerk, "appeal.filed", rated_staff="S001")
    with pytest.raises(roles.Forbidden, match="自己的差评"):
        roles.require(clerk, "appeal.filed", rated_staff="S002")
    with pytest.raises(roles.Forbidden):
        roles.require(clerk, "appeal.decided")
    assert importlib.util.find_spec("domain.supervision") is None  # one table, not two


@pytest.mark.parametrize(("text", "level"), [("1", 5), (" 5 ", 1), ("２", 4), ("非常满意", 5),
                                             ("不满意", 2), ("满意。", 4), ("几点下班", None),
                                             ("6", None)])
def test_sms_replies(text, level):
    assert ratings.level_from_sms(text) == level
