"""A case is the fold of its events: conflicts, joins, ratings, deadlines, rebase order."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from case_timeline import GOOD_PAYLOADS, Timeline, at_state, raw_event
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain import events as ev
from domain import lifecycle as lc
from domain.case import Case, apply, canonical_order, clash, fold
from domain.errors import IllegalTransition
from domain.notices import case_conflict
from domain.workdays import WorkCalendar
from resources import path

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.from_dict(json.loads(path("calendar", "cn.json").read_text("utf-8")))


def test_conflict_is_kept_in_history_and_changes_nothing():
    # The back office approved while the counter, offline, withdrew the case (both saw
    # in_review). In server order the approval came first.
    cid = "c-conflict"
    base = [raw_event(cid, 1, ev.REGISTERED, server_seq=1),
            raw_event(cid, 2, ev.ACCEPTED, expected="registered", server_seq=2),
            raw_event(cid, 3, ev.SUBMITTED_FOR_REVIEW, expected="accepted", server_seq=3)]
    approved = raw_event(cid, 1, ev.APPROVED, expected="in_review", terminal_id="BACK",
                         server_seq=4, staff_id="S090")
    withdrawn = raw_event(cid, 4, ev.WITHDRAWN, expected="in_review", server_seq=5)
    case = fold([*base, approved, withdrawn])
    assert case.state == "approved"
    assert [s.event_id for s in case.history] == [e.id for e in [*base, approved, withdrawn]]
    assert case.history[-1].conflict and case.history[-1].state_after == "approved"
    assert not any(s.conflict for s in case.history[:-1])
    (c,) = case.conflicts
    assert (c.event_id, c.kind, c.expected_state, c.actual_state, c.terminal_id) == (
        withdrawn.id, ev.WITHDRAWN, "in_review", "approved", "T1")
    assert case.reason == ""  # the withdrawal's reason did not take effect
    # the other order: the withdrawal wins and the approval is the conflict
    other = fold([*base, withdrawn, approved])
    assert other.state == "withdrawn" and other.conflicts[0].event_id == approved.id


def test_result_issued_offline_after_a_withdrawal_is_a_conflict():
    # instant item: the counter issued offline (it saw accepted) while the citizen's
    # withdrawal was recorded elsewhere and reached the server first
    cid = "c2"
    reg = raw_event(cid, 1, ev.REGISTERED, {"instant": True})
    acc = raw_event(cid, 2, ev.ACCEPTED, expected="registered")
    withdrawn = raw_event(cid, 1, ev.WITHDRAWN, expected="accepted", terminal_id="BACK")
    issued = raw_event(cid, 3, ev.ISSUED, expected="accepted")
    case = fold([reg, acc, withdrawn, issued])
    assert case.state == "withdrawn"
    assert [c.event_id for c in case.conflicts] == [issued.id]
    assert case.delivery == {} and case.issued_at == ""
    assert len(case.history) == 4
    case = fold([reg, acc, issued, withdrawn])
    assert case.state == "issued" and [c.event_id for c in case.conflicts] == [withdrawn.id]


def test_apply_reports_legality():
    case = Case(id="x")
    assert apply(case, raw_event("x", 1, ev.REGISTERED))
    assert not apply(case, raw_event("x", 2, ev.ISSUED))
    assert case.state == "registered" and len(case.history) == 2


def test_same_events_same_order_same_state():
    t = at_state("in_review")
    t.steps(ev.CLOCK_PAUSED, ev.CLOCK_RESUMED, ev.EXTENDED, ev.APPROVED, ev.RESULT_READY)
    copies = [ev.Event.from_wire(json.loads(json.dumps(e.to_wire()))) for e in t.events]
    assert fold(copies) == fold(t.events) == t.case


def test_fold_of_nothing_needs_an_id():
    with pytest.raises(ValueError):
        fold([])
    assert fold([], "c9").state is None


def test_first_rating_counts_a_second_is_a_conflict():
    """Two ratings of one service (pad and SMS, two terminals offline): the first counts,
    the later one is kept as a conflict the supervisor hears of — never silently dropped."""
    t = at_state("issued")
    t.step(ev.RATED, {"level": 2, "channel": "pad", "reason": "等太久"})
    late = t.step(ev.RATED, {"level": 1, "channel": "slip"})  # a late slip, same terminal
    other = raw_event(t.case_id, 1, ev.RATED, {"level": 5, "channel": "sms"},
                      expected="issued", terminal_id="T2")
    case = fold([*t.events, other], t.case_id)
    assert [(r["level"], r["counted"]) for r in case.ratings] == [(2, True), (1, False),
                                                                   (5, False)]
    assert case.rating["level"] == 2 and case.rating["reason"] == "等太久"
    assert [(c.event_id, c.why) for c in case.conflicts] == [(late.id, "rating"),
                                                            (other.id, "rating")]
    note = case_conflict(case, other)
    assert note["topic"] == "conflict" and "第二次评价" in note["text"] and "冲突" in note["text"]


def test_two_extensions_made_offline_do_not_add_up():
    """Two counters extend the same case, each without seeing the other: the second in
    server order is a conflict (with a notice), not 10 + 5 days silently."""
    t = at_state("accepted")
    a = t.step(ev.EXTENDED, {"days": 10, "reason": "核查", "approved_by": "科长"})
    assert a.payload["previous_days"] == 0  # what the step saw is recorded with it
    b = raw_event(t.case_id, 2, ev.EXTENDED, {"days": 5, "reason": "核查",
                                              "approved_by": "处长", "previous_days": 0},
                  expected="accepted", terminal_id="T2")
    case = fold([*t.events, b], t.case_id)
    assert case.extension_days == 10
    assert [(c.event_id, c.why) for c in case.conflicts] == [(b.id, "extension")]
    assert "延期" in case_conflict(case, b)["text"]
    # one that saw the first is still refused: the law allows one extension (art. 42)
    with pytest.raises(IllegalTransition, match="延期一次"):
        t.step(ev.EXTENDED, {"days": 5, "reason": "再核查", "approved_by": "处长"})
    assert t.case.extension_days == 10


def test_second_registration_joins_and_fills_blanks():
    cid = "c-join"
    kiosk = raw_event(cid, 1, ev.REGISTERED, {
        "slip_number": "S-1", "item_no": "0101", "instant": False, "promised_days": 5,
        "applicant": {"name": "张三", "id_number": "11010519491231002X", "phone": ""},
        "materials": [{"id": "M1", "name": "申请书", "provided": False}],
    }, terminal_id="KIOSK", server_seq=7)
    window = raw_event(cid, 1, ev.REGISTERED, {
        "case_number": "C-1", "slip_number": "S-other", "item_no": "9999", "instant": True,
        "promised_days": 1,
        "applicant": {"name": "李四", "phone": "13800138000"},
        "materials": [{"id": "M1", "name": "申请书", "provided": True},
                      {"id": "M2", "name": "身份证", "provided": True}],
    }, terminal_id="WINDOW", server_seq=8)
    case = fold([kiosk, window])
    assert case.state == "registered" and not case.conflicts
    assert (case.case_number, case.slip_number, case.item_no) == ("C-1", "S-1", "0101")
    assert (case.instant, case.promised_days, case.terminal_id) == (False, 5, "KIOSK")
    assert case.applicant == {"name": "张三", "id_number": "11010519491231002X",
                              "phone": "13800138000"}
    assert set(case.materials) == {"M1", "M2"}
    assert case.materials["M1"]["provided"] is False  # the first registration's entry stays
    # and a registration arriving after acceptance joins without moving the state
    later = fold([window, raw_event(cid, 2, ev.ACCEPTED, terminal_id="WINDOW"), kiosk])
    assert later.state == "accepted" and not later.conflicts
    assert later.slip_number == "S-other"


def test_deadline_from_events_with_a_supplement(cal):
    t = Timeline(promised_days=5)
    t.step(ev.REGISTERED, day=D("2025-03-03"))
    t.step(ev.ACCEPTED)
    t.step(ev.SUPPLEMENT_REQUESTED, day=D("2025-03-04"))
    d = t.case.deadline(cal)
    assert d.paused and d.day is None and d.days_left_when_paused == 4
    t.step(ev.SUPPLEMENT_RECEIVED, day=D("2025-03-06"))
    # Tue 4 counted; Wed 5, Thu 6 not; Fri 7, Mon 10, 11, 12
    assert t.case.deadline(cal).day == D("2025-03-12")
    t.step(ev.EXTENDED, {"reason": "需现场核查", "days": 2, "approved_by": "S090"})
    assert t.case.deadline(cal).day == D("2025-03-14")
    assert t.case.history[-1].detail.startswith("+2 S090")


def test_acceptance_day_is_the_china_date():
    # 17:30 UTC on 2 March is 01:30 on 3 March in China
    e = raw_event("c", 1, ev.ACCEPTED)
    e = ev.Event(**{**e.__dict__, "recorded_at": "2025-03-02T17:30:00+00:00"})
    assert e.local_date == D("2025-03-03")
    assert ev.recorded_date("2025-03-03T23:59:59") == D("2025-03-03")


def test_instant_item_has_no_deadline(cal):
    t = at_state("accepted", instant=True)
    assert t.case.deadline(cal) is None
    assert at_state("registered").case.deadline(cal) is None


def test_hearing_pause_survives_a_supplement(cal):
    # a hearing under way when a supplement is asked for: receiving the materials does
    # not restart the clock, the hearing's own clock_resumed does
    t = Timeline(promised_days=5)
    t.step(ev.REGISTERED, day=D("2025-03-03"))
    t.step(ev.ACCEPTED)
    t.step(ev.CLOCK_PAUSED, day=D("2025-03-04"))
    t.step(ev.SUPPLEMENT_REQUESTED, day=D("2025-03-05"))
    t.step(ev.SUPPLEMENT_RECEIVED, day=D("2025-03-06"))
    assert t.case.state == "accepted" and t.case.clock_paused
    assert t.case.deadline(cal).paused
    t.step(ev.CLOCK_RESUMED, day=D("2025-03-10"))
    assert not t.case.conflicts
    # Tue 4 (1); paused to Mon 10; Tue 11 (2) … Fri 14 (5)
    assert t.case.deadline(cal).day == D("2025-03-14")


def test_approval_ends_a_review_pause(cal):
    t = at_state("in_review")
    t.step(ev.CLOCK_PAUSED, {"reason": "专家评审", "pause_reason": "expert_review"},
           day=D("2025-03-04"))
    t.step(ev.APPROVED, day=D("2025-03-10"))
    t.step(ev.RESULT_READY)
    assert not t.case.clock_paused
    d = t.case.deadline(cal)
    # Tue 4 (1); Wed 5 … Mon 10 paused; Tue 11 … Fri 14
    assert (d.paused, d.day) == (False, D("2025-03-14"))


def test_canonical_order_confirmed_by_server_seq_then_pending():
    a = raw_event("c", 1, ev.REGISTERED, terminal_id="K", server_seq=10)
    b = raw_event("c", 1, ev.ACCEPTED, terminal_id="W", server_seq=3)
    c = raw_event("c", 5, ev.RATED, terminal_id="W", server_seq=42)
    p1 = raw_event("c", 7, ev.SUBMITTED_FOR_REVIEW, terminal_id="W")
    p2 = raw_event("c", 6, ev.EXTENDED, terminal_id="W")
    p0 = raw_event("c", 9, ev.CLOCK_PAUSED, terminal_id="A")
    order = canonical_order([c, a, b], [p1, p0, p2])
    assert [e.id for e in order] == [b.id, a.id, c.id, p0.id, p2.id, p1.id]
    # a pending event the server has meanwhile confirmed appears once, in server order
    confirmed_p1 = p1.with_server_seq(11)
    order = canonical_order([a, b, confirmed_p1], [p1, p2])
    assert [e.id for e in order] == [b.id, a.id, p1.id, p2.id]


# --- properties ------------------------------------------------------------------------

PAYLOAD_CHOICES = {
    **{k: [v, {}] for k, v in GOOD_PAYLOADS.items()},
    ev.REGISTERED: [{"instant": True, "promised_days": 0}, {"instant": False, "promised_days": 3},
                    {"instant": False, "promised_days": 20, "case_number": "1"}],
    ev.SUPPLEMENT_RECEIVED: [{}, {"accept": True}],
    ev.RATED: [{"level": lv} for lv in (1, 2, 3, 4, 5)],
    ev.EXTENDED: [{"reason": "r", "days": d, "approved_by": "S090"} for d in (1, 10, 12)],
    ev.EXTENSION_REQUESTED: [{"reason": "r", "days": d} for d in (3, 11)],
    ev.ISSUED: [{"method": "collected"},
                {"method": "mail", "address": "a", "tracking_no": "EA1CN"}],
}

event_specs = st.lists(
    st.tuples(st.sampled_from(ev.ALL_KINDS), st.integers(0, 3), st.sampled_from(["T1", "T2", "B"]),
              st.integers(0, 40)),
    max_size=30,
)


def build(specs) -> list[ev.Event]:
    out = []
    for n, (kind, choice, terminal, day) in enumerate(specs):
        options = PAYLOAD_CHOICES[kind]
        e = raw_event("cp", n + 1, kind, options[choice % len(options)], terminal_id=terminal,
                      day=1)
        when = dt.datetime(2025, 9, 1, 9, tzinfo=ev.CHINA_TZ) + dt.timedelta(days=day)
        out.append(ev.Event(**{**e.__dict__, "recorded_at": ev.now_iso(when)}))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event_specs)
def test_fold_is_total_and_deterministic(specs):
    events = build(specs)
    cal = WorkCalendar.from_dict(json.loads(path("calendar", "cn.json").read_text("utf-8")))
    first = fold(events, "cp")
    second = fold(list(events), "cp")
    assert first == second
    assert [s.event_id for s in first.history] == [e.id for e in events]
    assert len({s.event_id for s in first.history}) == len(events)
    assert first.state in (None, *lc.STATES)
    assert sum(s.conflict for s in first.history) == len(first.conflicts)
    # replaying step by step gives the same as folding at once
    stepwise = Case(id="cp")
    for e in events:
        legal = stepwise.allows(e.kind, e.payload) and clash(stepwise, e) is None
        assert apply(stepwise, e) is legal
    assert stepwise == first
    first.deadline(cal)  # never raises for sane limits
    assert sum(r["counted"] for r in first.ratings) == (1 if first.ratings else 0)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ev.ALL_KINDS), st.integers(0, 3)), max_size=25),
       st.randoms(use_true_random=False))
def test_legal_only_histories_have_no_conflicts(specs, rnd: random.Random):
    t = Timeline(instant=rnd.random() < 0.3)
    for kind, choice in specs:
        options = PAYLOAD_CHOICES[kind]
        try:
            t.step(kind, options[choice % len(options)])
        except Exception as exc:  # only the domain's own refusals
            assert isinstance(exc, lc.IllegalTransition | lc.MissingReason)
    if t.case is not None:
        # a checked history clashes with nothing — but a second rating of the service,
        # which a terminal records (a late pad answer) and which is a conflict anywhere
        assert all(c.why == "rating" and c.kind == ev.RATED for c in t.case.conflicts)
        assert fold(t.events) == t.case
