"""Who may supervise: the one local rule until domain/roles.py (issue 10) lands.

`require(staff, step)` is the single gate the supervisor face and the follow-up and
appeal steps call; when the shared rule table arrives, its body becomes
`roles.require(staff, step)` and nothing else changes.
"""

from __future__ import annotations

from typing import Any

from domain.errors import DomainError

SUPERVISOR_ROLES = frozenset({"supervisor", "admin"})
# steps anyone named on the follow-up may take; the rest need a supervisor
ASSIGNEE_STEPS = frozenset({"followup.contacted", "followup.rectified"})
STAFF_STEPS = frozenset({"appeal.filed", "consultation.recorded"})


class NotAllowed(DomainError):
    code = "role.denied"


def may(staff: Any, step: str, *, assignee: str = "", rated_staff: str = "") -> bool:
    """Whether `staff` (a domain.catalog.Staff or anything with .id and .role) may take
    `step`: supervisors everything here; the assignee the revisit and rectification;
    the rated member of staff the appeal of their own rating; anyone a consultation."""
    role = getattr(staff, "role", "")
    if role in SUPERVISOR_ROLES:
        return True
    sid = getattr(staff, "id", "")
    if step in ASSIGNEE_STEPS:
        return bool(assignee) and sid == assignee
    if step == "appeal.filed":
        return bool(rated_staff) and sid == rated_staff
    return step in STAFF_STEPS - {"appeal.filed"}


def require(staff: Any, step: str, **context: str) -> None:
    """Raise NotAllowed (a message the screen shows) unless `may`."""
    if not may(staff, step, **context):
        if step == "appeal.filed":
            raise NotAllowed("只能对评价自己的差评提出申诉", code="role.not_rated_staff")
        raise NotAllowed("此操作需要大厅管理员（监察）权限", code="role.denied")
