"""The back office on the server: reviewers and heads decide through the same change log.

A step is an event like any counter step — checked against the rule table
(domain.roles: a reviewer decides only their department's cases, only a head extends)
and against the server's state of the case (the canonical one), stored by server.push
with a seq, pulled by every terminal of the hall. The back office of each hall writes
as the pseudo-terminal `bo-<hall>` with its own terminal_seq counter, so the
(terminal_id, terminal_seq) rule holds for it too. Who is asking comes from a
login token (server.logins), never from a password in the request.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from domain import events as ev
from domain import idnumber, streams
from domain import lifecycle as lc
from domain.application import Actor, new_event
from domain.case import Case
from domain.deadline import countdown
from domain.errors import DomainError
from domain.ids import uuid7
from domain.workdays import WorkCalendar
from server import db, push
from server.logins import BackofficeStaff

# the steps the back office takes; the rule table says who may take which
STEPS = frozenset({ev.APPROVED, ev.REJECTED, ev.SUPPLEMENT_REQUESTED, ev.CLOCK_PAUSED,
                   ev.CLOCK_RESUMED, ev.EXTENSION_REQUESTED, ev.EXTENDED,
                   ev.EXTENSION_DECLINED, ev.RESULT_READY})
QUEUE_STATES = (lc.IN_REVIEW,)
DECIDED_STATES = (lc.APPROVED, lc.REJECTED, lc.RESULT_READY)
# where a pending extension request may sit (a head's queue looks at these too)
EXTENSION_STATES = tuple(sorted(lc.CLOCKED))
LIST_LIMIT = 500


class NotFound(LookupError):
    """No such case in this hall (or not a case): the same answer either way."""


def backoffice_terminal(hall: str) -> str:
    return f"bo-{hall}"


def item_departments(conn: sa.Connection, hall: str) -> dict[str, str]:
    """Item short number → department, for cases registered before the snapshot."""
    r = db.reference
    out = {}
    for row in conn.execute(sa.select(r.c.id, r.c.data).where(
            r.c.hall_code == hall, r.c.kind == "item", r.c.data.is_not(None))):
        out[row.id] = str(json.loads(row.data).get("department", ""))
    return out


def calendar(conn: sa.Connection) -> WorkCalendar:
    r = db.reference
    data = conn.execute(sa.select(r.c.data).where(r.c.kind == "calendar", r.c.id == "cn")
                        ).scalar_one_or_none()
    return WorkCalendar.from_dict(json.loads(data)) if data else WorkCalendar(frozenset())


def _folded(conn: sa.Connection, hall: str, ids: Iterable[str]) -> dict[str, Case]:
    book = push.StreamBook(conn, ids)
    return {sid: c for sid, c in book.folded.items()
            if book.hall.get(sid) == hall and isinstance(c, Case)}


def case_of(conn: sa.Connection, staff: BackofficeStaff, case_id: str) -> tuple[Case, str]:
    """The case and its department, if it is one of the staff member's hall."""
    case = _folded(conn, staff.hall, [case_id]).get(case_id)
    if case is None or case.state is None:
        raise NotFound("没有这个办件")
    return case, case.department or item_departments(conn, staff.hall).get(case.item_no, "")


def _row(case: Case, department: str, cal: WorkCalendar, today: dt.date) -> dict[str, Any]:
    d = case.deadline(cal) if case.is_open else None
    shown = countdown(cal, d, today)
    return {"id": case.id, "case_number": case.case_number, "item_no": case.item_no,
            "item_name": case.item_name, "state": case.state, "department": department,
            "accepted_at": case.accepted_at, "instant": int(case.instant),
            "applicant_name": idnumber.mask_name(case.applicant.get("name")),
            "deadline": d.day.isoformat() if d and d.day else None,
            "deadline_provisional": int(bool(d and d.provisional)),
            "paused": int(bool(d and d.paused)), "level": shown.level,
            "extension_pending": int(case.extension_request is not None),
            "updated_at": case.updated_at}


def cases_for(conn: sa.Connection, staff: BackofficeStaff, scope: str = "queue", *,
              today: dt.date | None = None) -> list[dict[str, Any]]:
    """The department's cases: `queue` (submitted for review; a head also sees the
    extensions waiting for them) or `decided` (recently approved / rejected), masked."""
    c = db.cases
    if scope == "decided":
        states: tuple[str, ...] = DECIDED_STATES
    else:
        states = EXTENSION_STATES if staff.role == "head" else QUEUE_STATES
    # the department's rows by index; a row without one (registered before registrations
    # carried it) is folded and its item's department decides
    ids = [r.id for r in conn.execute(
        sa.select(c.c.id).where(c.c.hall_code == staff.hall, c.c.stream == "case",
                                c.c.state.in_(states),
                                sa.or_(c.c.department == staff.department,
                                       c.c.department.is_(None)))
        .order_by(c.c.last_seq.desc()).limit(LIST_LIMIT * 4))]
    by_item = item_departments(conn, staff.hall)
    cal, today = calendar(conn), today or dt.datetime.now(ev.CHINA_TZ).date()
    rows = []
    for case in _folded(conn, staff.hall, ids).values():
        dep = case.department or by_item.get(case.item_no, "")
        if dep != staff.department:
            continue
        if scope != "decided" and case.state not in QUEUE_STATES and \
                case.extension_request is None:
            continue
        rows.append(_row(case, dep, cal, today))
    key = (lambda r: r["updated_at"]) if scope == "decided" else (
        lambda r: (r["paused"], r["deadline"] is None, r["deadline"] or ""))
    rows.sort(key=key, reverse=scope == "decided")
    return rows[:LIST_LIMIT]


def events_of(conn: sa.Connection, staff: BackofficeStaff, case_id: str) -> list[dict[str, Any]]:
    """A case of the department as its events (wire form): the face folds them itself,
    with the same code as everywhere, and prints its papers from them."""
    _, dep = case_of(conn, staff, case_id)
    if dep != staff.department:
        raise NotFound("没有这个办件")  # another department's case: as if it were not there
    e = db.events
    return [push._event_of(r).to_wire() for r in conn.execute(
        sa.select(e).where(e.c.case_id == case_id).order_by(e.c.server_seq))]


def record_step(conn: sa.Connection, staff: BackofficeStaff, case_id: str, kind: str,
                payload: Mapping[str, Any], now: dt.datetime | None = None) -> dict[str, Any]:
    """Record a back-office step (writer transaction). roles.Forbidden / DomainError if
    the staff member may not take it or the case does not allow it right now.

    The back office is online, so an illegal step is refused before it is stored — a
    clash can only come from a counter that was offline, and that one is the conflict.
    """
    if kind not in STEPS:
        raise DomainError(f"后台不能进行此操作: {kind[:40]}", code="bo.step")
    case, dep = case_of(conn, staff, case_id)
    payload = dict(payload)
    if kind == ev.EXTENDED:
        payload["approved_by"] = staff.id  # the head who is logged in approves it
    tid = backoffice_terminal(staff.hall)
    seq = db.next_named(conn, f"bo:{staff.hall}")
    now = now or dt.datetime.now(ev.CHINA_TZ)
    actor = Actor(staff.id, tid, None, staff.role, staff.department)
    e = new_event(case, case_id, kind, payload, actor, event_id=uuid7(), terminal_seq=seq,
                  recorded_at=ev.now_iso(now), item_department=dep or None)
    streams.validate(e)
    out = push.store_batch(conn, staff.hall, tid, seq - 1, [e.to_wire()])
    server_seq, letter, reason_out = out.results[0]
    if server_seq is None:
        raise DomainError(reason_out or "refused", code="bo.refused")
    return {"event_id": e.id, "server_seq": server_seq,
            "verdict": "applied" if letter == "a" else "conflict",
            "state": conn.execute(sa.select(db.cases.c.state)
                                  .where(db.cases.c.id == case_id)).scalar_one()}


def reference_for(conn: sa.Connection, hall: str) -> dict[str, Any]:
    """What the reviewer face needs to show names and print papers: the hall's catalog
    composed from the standard catalog as its terminals compose it, and the loaded
    calendar years; no password hash."""
    from domain.standard_catalog import compose_rows
    from server import calendar

    r = db.reference
    rows = conn.execute(sa.select(r.c.kind, r.c.id, r.c.data).where(
        r.c.hall_code.in_([hall, db.ALL_HALLS]), r.c.data.is_not(None),
        r.c.kind != "calendar").order_by(r.c.change_seq))
    out = compose_rows((k, i, json.loads(d)) for k, i, d in rows)
    out["hall"] = out["hall"] if out["hall"].get("code") else {"code": hall, "name": hall}
    out["staff"] = [{k: v for k, v in rec.items() if k not in ("password_hash", "password")}
                    for rec in out["staff"]]
    out["calendar"] = calendar.calendar(conn).to_dict()
    return out
