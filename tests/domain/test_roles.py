"""THE rule table (domain.roles): every role × every step, written from DOMAIN.md and
issue 10, not copied from the table."""

from __future__ import annotations

import pytest

from domain import roles
from domain.catalog import Staff

C, R, H, S, A, G, K, Y = ("clerk", "reviewer", "head", "supervisor", "admin", "guide",
                          "kiosk", "system")
STAFF = {C, R, H, S, A, G}

EXPECTED: dict[str, set[str]] = {
    # the front desk receives, accepts, issues
    "registered": {C, K},
    "accepted": {C},
    "supplement_requested": {C, R, H},  # the back office returns a case for 补正 too
    "supplement_received": {C},
    "refused": {C},
    "withdrawn": {C},
    "submitted_for_review": {C},
    "promise_fulfilled": {C},
    "issued": {C},
    "rated": {C, K, S, Y},  # pad at the window, kiosk, the box (supervisor), SMS
    # the back office decides; only a head approves an extension
    "approved": {R, H},
    "rejected": {R, H},
    "clock_paused": {R, H},
    "clock_resumed": {R, H},
    "extension_requested": {C, R, H},
    "extended": {H},
    "extension_declined": {H},
    "result_ready": {C, R, H},
    "notice.raised": STAFF | {K, Y},
    "notice.seen": STAFF,
    "notice.resolved": STAFF | {Y},  # a device that recovers clears its own notice
    "ticket.taken": {K, G, C},
    "window.paused": {C, G, S},
    "ticket.called": {C, G, S},
    "ticket.no_show": {C, G, S},
    "consultation.recorded": {C, G},
    "followup.opened": {S, Y},
    "followup.revisited": {S, H},
    "followup.contacted": {S, H},  # … and the person it is assigned to
    "followup.rectified": {S, H},
    "followup.closed": {S},
    "appeal.filed": {C, R, H, G},
    "appeal.decided": {S},
    "counter.open": {C, S},
    "review.open": {R, H},
    "supervisor.open": {S, A},
    "figures.view": {S, A, H},
    "report.monthly": {S, A},
    "kiosk.admin": {S, A},
    "staff.manage": {A},
    "catalog.import": {A},
    "calendar.import": {A},
    "terminal.enrol": {A},
    "terminal.revoke": {A},
    "hall.manage": {A},
}
DEPARTMENT_STEPS = {"supplement_requested", "approved", "rejected", "clock_paused",
                    "clock_resumed", "extension_requested", "extended", "extension_declined",
                    "result_ready"}


@pytest.mark.parametrize("step", sorted(EXPECTED))
@pytest.mark.parametrize("role", roles.ROLES)
def test_every_role_and_step(role, step):
    allowed = role in EXPECTED[step]
    # department-bound roles act on their own department's cases
    assert roles.may(role, step, department="D05", item_department="D05") is allowed
    if allowed:
        roles.require(role, step, department="D05", item_department="D05")
    else:
        with pytest.raises(roles.Forbidden) as info:
            roles.require(role, step, department="D05", item_department="D05")
        assert info.value.code == "role.forbidden"
        assert roles.label(role) in str(info.value)


def test_the_table_has_no_step_the_spec_does_not_name():
    covered = {roles.rule(s) for s in EXPECTED}
    assert {roles.rule(s) for s in roles.TABLE} <= covered


@pytest.mark.parametrize("step", sorted(DEPARTMENT_STEPS))
@pytest.mark.parametrize("role", ["reviewer", "head"])
def test_a_reviewer_decides_only_cases_of_their_department(role, step):
    if role not in EXPECTED[step]:
        return
    with pytest.raises(roles.Forbidden) as info:
        roles.require(role, step, department="D01", item_department="D05")
    assert info.value.code == "role.department" and "不属于您所在的部门" in str(info.value)
    with pytest.raises(roles.Forbidden) as info:  # a case whose department is unknown
        roles.require(role, step, department="D01", item_department=None)
    assert info.value.code == "role.unknown_department"
    with pytest.raises(roles.Forbidden) as info:  # a reviewer bound to no department
        roles.require(role, step, department=None, item_department="D05")
    assert info.value.code == "role.no_department"


def test_hall_wide_roles_need_no_department():
    assert roles.may("clerk", "result_ready", item_department="D05")
    assert roles.may("clerk", "supplement_requested")


def test_staff_records_carry_their_role_and_department():
    reviewer = Staff("S054", "1054", "杜少华", "reviewer", department="D05")
    assert roles.may(reviewer, "approved", item_department="D05")
    assert not roles.may(reviewer, "approved", item_department="D01")
    retired = Staff("S099", "1099", "离职", "reviewer", department="D05", active=False)
    with pytest.raises(roles.Forbidden) as info:
        roles.require(retired, "approved", item_department="D05")
    assert info.value.code == "role.inactive"


def test_unknown_steps_are_refused_and_streams_may_be_listed_by_wildcard():
    with pytest.raises(roles.Forbidden) as info:
        roles.require("admin", "teleported")
    assert info.value.code == "role.unknown_step"
    assert roles.rule("ticket.transferred") is roles.TABLE["ticket.*"]
    assert roles.rule("followup.closed") is roles.TABLE["followup.closed"]
    assert roles.rule("nothing.here") is None


def test_steps_for_says_what_a_face_offers():
    assert roles.steps_for("head", ["approved", "extended", "accepted"]) == ["approved",
                                                                            "extended"]
    assert "review.open" not in roles.steps_for("clerk")
