"""The case life cycle of DOMAIN.md: which step may follow which, and what each needs.

registered → accepted → (supplement requested ⇄ accepted) → in review →
approved | rejected → result ready → issued; refused and withdrawn end a case early;
an instant item goes accepted → issued at once.
"""

from __future__ import annotations

import pytest
from case_timeline import GOOD_PAYLOADS, PATHS, Timeline, at_state

from domain import events as ev
from domain import lifecycle as lc
from domain.errors import DomainError, IllegalTransition, MissingReason

ALL_STATES = (None, *lc.STATES)

# Written from DOMAIN.md, not from lifecycle.TRANSITIONS: the states each step may be
# taken from (promised item, clock running).
LEGAL_FROM: dict[str, set[str | None]] = {
    ev.REGISTERED: set(ALL_STATES),  # a second registration joins the case
    ev.ACCEPTED: {"registered"},
    ev.SUPPLEMENT_REQUESTED: {"registered", "accepted", "in_review"},
    ev.SUPPLEMENT_RECEIVED: {"supplement_requested"},
    ev.REFUSED: {"registered", "supplement_requested"},
    ev.WITHDRAWN: {"registered", "accepted", "supplement_requested", "in_review"},
    ev.SUBMITTED_FOR_REVIEW: {"accepted"},
    ev.APPROVED: {"in_review"},
    ev.REJECTED: {"in_review"},
    ev.RESULT_READY: {"approved", "rejected"},
    ev.ISSUED: {"result_ready"},
    ev.CLOCK_PAUSED: {"accepted", "in_review"},
    ev.CLOCK_RESUMED: set(),  # only while paused
    # art. 42: only while the clock runs (not while a supplement is awaited)
    ev.EXTENDED: {"accepted", "in_review"},
    ev.EXTENSION_REQUESTED: {"accepted", "in_review"},
    # by state; each also needs something earlier (a request, a promise): test_law_rules
    ev.EXTENSION_DECLINED: {"accepted", "supplement_requested", "in_review", "approved",
                            "rejected", "result_ready"},
    ev.PROMISE_FULFILLED: {"accepted", "supplement_requested", "in_review", "approved",
                           "rejected", "result_ready"},
    ev.RATED: set(ALL_STATES),
}
NEEDS_HISTORY = (ev.EXTENSION_DECLINED, ev.PROMISE_FULFILLED)

# (from state, step, state after) along the life cycle, taken on real histories.
LEGAL_STEPS = [
    (None, ev.REGISTERED, "registered"),
    ("registered", ev.ACCEPTED, "accepted"),
    ("registered", ev.SUPPLEMENT_REQUESTED, "supplement_requested"),
    ("accepted", ev.SUPPLEMENT_REQUESTED, "supplement_requested"),
    ("in_review", ev.SUPPLEMENT_REQUESTED, "supplement_requested"),
    ("supplement_requested", ev.SUPPLEMENT_RECEIVED, "accepted"),
    ("registered", ev.REFUSED, "refused"),
    ("supplement_requested", ev.REFUSED, "refused"),
    ("registered", ev.WITHDRAWN, "withdrawn"),
    ("accepted", ev.WITHDRAWN, "withdrawn"),
    ("supplement_requested", ev.WITHDRAWN, "withdrawn"),
    ("in_review", ev.WITHDRAWN, "withdrawn"),
    ("accepted", ev.SUBMITTED_FOR_REVIEW, "in_review"),
    ("in_review", ev.APPROVED, "approved"),
    ("in_review", ev.REJECTED, "rejected"),
    ("approved", ev.RESULT_READY, "result_ready"),
    ("rejected", ev.RESULT_READY, "result_ready"),
    ("result_ready", ev.ISSUED, "issued"),
    ("accepted", ev.CLOCK_PAUSED, "accepted"),
    ("in_review", ev.CLOCK_PAUSED, "in_review"),
    ("accepted", ev.EXTENDED, "accepted"),
    ("in_review", ev.EXTENDED, "in_review"),
    *[(s, ev.RATED, s) for s in lc.STATES],
    *[(s, ev.REGISTERED, s) for s in lc.STATES],
]


@pytest.mark.parametrize(("state", "kind", "after"), LEGAL_STEPS)
def test_every_legal_step(state, kind, after):
    t = at_state(state)
    e = t.step(kind)
    assert e.expected_state == state
    assert t.case.state == after
    assert not t.case.conflicts
    assert t.case.history[-1].state_after == after
    assert t.case.history[-1].event_id == e.id


@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("kind", ev.ALL_KINDS)
def test_table_matches_domain(state, kind):
    legal = state in LEGAL_FROM[kind]
    assert lc.allowed_from(kind, state) is legal
    if legal:
        lc.check(kind, state, GOOD_PAYLOADS[kind])
    else:
        with pytest.raises(IllegalTransition) as info:
            lc.check(kind, state, GOOD_PAYLOADS[kind])
        assert info.value.code == "case.illegal_transition"


@pytest.mark.parametrize("state", [s for s in PATHS if s is not None])
@pytest.mark.parametrize("kind", [k for k in ev.ALL_KINDS
                                  if k != ev.CLOCK_RESUMED and k not in NEEDS_HISTORY])
def test_illegal_steps_raise_through_new_event(state, kind):
    t = at_state(state)
    before = list(t.events)
    if state in LEGAL_FROM[kind]:
        t.step(kind)
        return
    with pytest.raises(IllegalTransition):
        t.step(kind)
    assert t.events == before and t.case.state == state


def test_supplement_received_returns_to_where_it_came_from():
    t = at_state("in_review")
    t.steps(ev.SUPPLEMENT_REQUESTED, ev.SUPPLEMENT_RECEIVED)
    assert t.case.state == "in_review"
    t = at_state("registered")
    t.steps(ev.SUPPLEMENT_REQUESTED, ev.SUPPLEMENT_RECEIVED)
    assert t.case.state == "registered" and t.case.accepted_on is None
    t = at_state("registered")
    t.step(ev.SUPPLEMENT_REQUESTED)
    t.step(ev.SUPPLEMENT_RECEIVED, {"accept": True})
    assert t.case.state == "accepted" and t.case.accepted_on is not None


def test_pause_and_resume_only_in_turn():
    t = at_state("accepted")
    t.step(ev.CLOCK_PAUSED)
    assert t.case.clock_paused
    with pytest.raises(IllegalTransition):
        t.step(ev.CLOCK_PAUSED)
    t.step(ev.CLOCK_RESUMED)
    assert not t.case.clock_paused and t.case.state == "accepted"
    with pytest.raises(IllegalTransition):
        t.step(ev.CLOCK_RESUMED)
    assert lc.allowed_from(ev.CLOCK_RESUMED, "in_review", clock_paused=True)
    assert not lc.allowed_from(ev.CLOCK_RESUMED, "approved", clock_paused=True)


def test_instant_item_goes_from_accepted_to_issued():
    t = at_state("accepted", instant=True)
    t.step(ev.ISSUED)
    assert t.case.state == "issued" and t.case.instant
    t = at_state("accepted", instant=True)
    with pytest.raises(IllegalTransition):
        t.step(ev.SUBMITTED_FOR_REVIEW)


def test_promised_item_may_not_skip_review():
    t = at_state("accepted")
    with pytest.raises(IllegalTransition):
        t.step(ev.ISSUED)
    assert not lc.allowed_from(ev.ISSUED, "accepted", instant=False)
    assert lc.allowed_from(ev.ISSUED, "accepted", instant=True)


@pytest.mark.parametrize(("state", "kind"), [
    ("registered", ev.REFUSED), ("in_review", ev.REJECTED), ("accepted", ev.WITHDRAWN),
    ("accepted", ev.CLOCK_PAUSED), ("accepted", ev.EXTENDED),
])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_reasons_are_required(state, kind, reason):
    payload = {k: v for k, v in GOOD_PAYLOADS[kind].items() if k != "reason"}
    if reason is not None:
        payload["reason"] = reason
    t = at_state(state)
    with pytest.raises(MissingReason) as info:
        t.step(kind, payload)
    assert info.value.code == "case.reason_required"
    assert t.case.state == state


@pytest.mark.parametrize("payload", [{}, {"missing": []}])
def test_supplement_must_list_the_materials(payload):
    with pytest.raises(MissingReason) as info:
        at_state("accepted").step(ev.SUPPLEMENT_REQUESTED, payload)
    assert info.value.code == "case.missing_required"


@pytest.mark.parametrize("payload", [
    {"method": "mail"},
    {"method": "mail", "address": "日照市东港区海曲中路80号"},
    {"method": "mail", "tracking_no": "EA123456789CN"},
    {"method": "mail", "address": "", "tracking_no": "EA123456789CN"},
])
def test_mailing_needs_address_and_tracking_number(payload):
    with pytest.raises(MissingReason) as info:
        at_state("result_ready").step(ev.ISSUED, payload)
    assert info.value.code == "case.mail_details_required"


def test_mailing_with_details_is_recorded():
    t = at_state("result_ready")
    t.step(ev.ISSUED, {"method": "mail", "address": "日照市东港区海曲中路80号",
                       "tracking_no": "EA123456789CN", "recipient": "张三"})
    assert t.case.state == "issued"
    assert t.case.delivery == {"method": "mail", "address": "日照市东港区海曲中路80号",
                               "tracking_no": "EA123456789CN", "recipient": "张三"}


@pytest.mark.parametrize("days", [0, -2])
def test_extension_must_add_days(days):
    with pytest.raises(DomainError) as info:
        at_state("accepted").step(ev.EXTENDED, {"reason": "复杂", "days": days})
    assert info.value.code == "case.extension_days"


@pytest.mark.parametrize("level", [0, 6, -1])
def test_rating_level_one_to_five(level):
    with pytest.raises(IllegalTransition) as info:
        at_state("issued").step(ev.RATED, {"level": level})
    assert info.value.code == "rating.level"


def test_unknown_kind():
    with pytest.raises(IllegalTransition) as info:
        lc.check("teleported", "accepted", {})
    assert info.value.code == "case.unknown_kind"
    assert not lc.allowed_from("teleported", "accepted")


def test_every_step_records_who_where_when():
    t = Timeline()
    t.steps(*PATHS["issued"])
    for step, e in zip(t.case.history, t.events, strict=True):
        assert (step.staff_id, step.terminal_id, step.window_id) == ("S001", "T1", "W01")
        assert step.recorded_at == e.recorded_at and step.recorded_at.endswith("+08:00")


def test_labels_exist_for_every_state_and_kind():
    for s in ALL_STATES:
        assert lc.state_label(s) != str(s)
    for k in ev.ALL_KINDS:
        assert lc.kind_label(k) != k
