"""The counter's background work as plain functions (no Qt): run via desktop.tasks.

Each function takes the writer's `CaseStore` or a reader's `Replica` as its first
argument, so the same code runs on a worker thread in the app and inline in tests.
Several steps taken together (register + accept + issue for an instant item) share one
transaction: either the citizen's whole visit is stored or none of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from domain import idnumber, numbering, roles
from domain.application import Actor
from domain.case import Case
from domain.catalog import Catalog, Staff
from domain.errors import DomainError
from domain.opening import Hours
from domain.passwords import verify
from domain.workdays import WorkCalendar
from sync import queries, reference
from sync.replica import Identity, Replica
from sync.store import CaseStore, calendar_of, load_case

Step = tuple[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Startup:
    """What the counter needs before anyone can log in."""

    identity: Identity
    catalog: Catalog
    calendar: WorkCalendar
    calendar_warning: str | None
    reference_version: int = 0
    hours: Hours = field(default_factory=Hours)


def startup(store: CaseStore, today: dt.date, *, seed_catalog: bool = True) -> Startup:
    """Identity, catalog (the shipped seed on a standalone terminal) and calendar."""
    from sync.demo_data import ensure_catalog

    replica = store.replica
    ident = replica.identity()
    if seed_catalog and ident.mode == "standalone":
        ensure_catalog(replica)
    reference.fill_initials(replica)  # once, on a replica from before they were stored
    cal = calendar_of(replica)
    return Startup(ident, reference.load_catalog(replica), cal,
                   reference.calendar_warning(cal, today), reference.data_version(replica),
                   reference.load_hours(replica))


def reload_reference(replica: Replica) -> tuple[Catalog, WorkCalendar, Hours]:
    """The catalog, calendar and opening periods again, after a pull changed them."""
    return reference.load_catalog(replica), calendar_of(replica), reference.load_hours(replica)


def check_login(staff: Staff | None, password: str, step: str | None = None) -> Staff:
    """The staff member if the password matches their hash (checked offline) and, given
    the face's `step` (`counter.open` …), their role may open it (domain.roles: a
    roles.Forbidden with the rule table's message otherwise)."""
    if staff is None or not verify(password, staff.password_hash):
        raise DomainError("工号或密码不正确", code="login.failed")
    if not staff.active:
        raise DomainError("该工号已停用", code="login.inactive")
    if step is not None:
        roles.require(staff, step)
    return staff


@dataclass(frozen=True)
class Lookup:
    """The answer to what was scanned or typed into the search box.

    kind: "case" (one case, open it), "list" (several rows, let the clerk choose),
    "new_slip" (a valid slip this terminal has not seen yet), "older" (a case kept here
    as its row only: its history is on the server, sync.compaction), "none".
    """

    kind: str
    text: str
    case: Case | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    slip: numbering.ParsedNumber | None = None


def lookup(replica: Replica, text: str) -> Lookup:
    """Route a scan or a typed search; a bad check digit raises before any query."""
    t = text.strip()
    if t.isascii() and t.isdigit() and len(t) in (numbering.CASE_LEN, numbering.SLIP_LEN):
        parsed = numbering.parse(t)
        rows = queries.by_number(replica, parsed.number)
        if not rows and parsed.kind == "slip":
            case = load_case(replica, numbering.case_id_for_slip(parsed.number))
            if case is not None:
                return Lookup("case", t, case=case)
            return Lookup("new_slip", t, slip=parsed)
        if len(rows) == 1:
            return _one(replica, t, rows)
        return Lookup("list" if rows else "none", t, rows=rows)
    rows = queries.search(replica, t)
    if len(rows) == 1 and len(idnumber.normalize(t)) != 18:
        return _one(replica, t, rows)
    return Lookup("list" if rows else "none", t, rows=rows)


def _one(replica: Replica, text: str, rows: list[dict[str, Any]]) -> Lookup:
    case = load_case(replica, rows[0]["id"])
    return Lookup("case", text, case=case) if case is not None else \
        Lookup("older", text, rows=rows)


def fetch_older(data_dir: Any, found: Lookup) -> dict[str, Any] | None:
    """The server's copy of what the search did not find in full here (I/O lane); None
    when there is no server to ask or the text is nothing it can look up by."""
    from sync import lookup

    ids = [r["id"] for r in found.rows]
    if not ids and not lookup.askable(found.text):
        return None
    return lookup.fetch(data_dir, "" if ids else found.text, ids)


def store_older(store: CaseStore, answer: dict[str, Any]) -> int:
    """Keep what the server sent (writer lane); returns the cases it brought."""
    from sync import lookup

    return lookup.store(store.replica, answer)


def warm_lookup(replica: Replica) -> None:
    """Look the newest case up once by each of its numbers, for nothing: the reader's
    statements are compiled and the index pages read before the first scan needs them."""
    row = replica.conn.execute("SELECT case_number, slip_number FROM cases "
                               "ORDER BY rowid DESC LIMIT 1").fetchone()
    for number in (row or ()):
        if number:
            lookup(replica, number)


def newest_case(replica: Replica) -> Case | None:
    """The newest case past registration (what the case view shows), or None."""
    row = replica.conn.execute("SELECT id FROM cases WHERE state != 'registered' "
                               "ORDER BY rowid DESC LIMIT 1").fetchone()
    return load_case(replica, row[0]) if row else None


def load(replica: Replica, case_id: str) -> Case | None:
    return load_case(replica, case_id)


def open_case(store: CaseStore, payload: dict[str, Any], actor: Actor,
              steps: Sequence[Step] = (), *, case_id: str | None = None) -> Case:
    """Register a case and take its first steps (accept, supplement, refuse, issue)."""
    with store.replica.transaction():
        _, case = store.open_case(payload, actor, case_id=case_id)
        for kind, step_payload in steps:
            _, case = store.record(case.id, kind, step_payload, actor)
    return case


def record(store: CaseStore, case_id: str, actor: Actor, steps: Sequence[Step]) -> Case:
    """One or more steps on an existing case, all or nothing.

    A case registered at the kiosk has no case number yet: its first step here gives it
    one, whatever the step (CaseStore.record).
    """
    case = None
    with store.replica.transaction():
        for kind, payload in steps:
            _, case = store.record(case_id, kind, payload, actor)
    assert case is not None
    return case


def my_cases(replica: Replica, staff_id: str, scope: str) -> list[dict[str, Any]]:
    """The rows of the clerk's list: own open cases, own including done, or the hall's."""
    if scope == "hall":
        return queries.open_cases(replica)
    return queries.my_cases(replica, staff_id, include_final=scope == "all")


def item_usage(replica: Replica) -> dict[str, int]:
    """Recent cases per item (the item picker's tie-break)."""
    return queries.item_counts(replica)
