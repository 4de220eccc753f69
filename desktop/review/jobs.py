"""The reviewer face's work on a terminal replica, Qt-free: run on the task runner's lanes
(writer for steps, readers for look-ups, I/O for the password check) and in tests.

On a replica the back office works offline like a counter: a decision is an event in
the outbox that sync carries to the server, which orders it and tells the counters.
"""

from __future__ import annotations

from typing import Any

from domain import roles
from domain.application import Actor
from domain.case import Case
from domain.catalog import Staff
from sync import queries
from sync.replica import Replica
from sync.store import CaseStore, load_case

FACE = "review.open"


def check_reviewer(staff: Staff | None, password: str) -> Staff:
    """The member of staff if the password matches and their role opens this face.

    A clerk (or anyone not a reviewer or head) is refused with the rule table's message.
    """
    from desktop.counter.jobs import check_login

    return check_login(staff, password, FACE)


def queue(replica: Replica, staff: Staff) -> list[dict[str, Any]]:
    """What waits for the staff member's department (a head's: extensions too)."""
    if not staff.department:
        return []
    return queries.review_queue(replica, staff.department, head=staff.role == roles.HEAD)


def decided(replica: Replica, staff: Staff) -> list[dict[str, Any]]:
    """The department's recent decisions (where decision papers are reprinted)."""
    if not staff.department:
        return []
    return queries.decided_by_department(replica, staff.department)


def load(replica: Replica, case_id: str) -> Case | None:
    return load_case(replica, case_id)


def record(store: CaseStore, case_id: str, actor: Actor, kind: str,
           payload: dict[str, Any]) -> Case:
    """One back-office step, checked by the rule table and the case (domain) first."""
    _, case = store.record(case_id, kind, payload, actor)
    return case
