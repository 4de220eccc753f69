"""The back office: reviewers approve or reject through the same change log.

A decision is an event like any counter step — made on the server, by a reviewer of the
case's hall, checked against the server's state of the case (which is the canonical
one), stored by server.push with a seq, pulled by every terminal of the hall. The back
office of each hall writes as the pseudo-terminal `bo-<hall>` with its own
terminal_seq counter, so the (terminal_id, terminal_seq) rule holds for it too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from domain import events as ev
from domain import lifecycle as lc
from domain import passwords
from domain.errors import DomainError
from domain.ids import uuid7
from server import db, push
from server.admin import find_staff
from server.auth import AuthError

DECISIONS = {"approve": ev.APPROVED, "reject": ev.REJECTED,
             "supplement": ev.SUPPLEMENT_REQUESTED}
REVIEW_ROLES = ("reviewer", "supervisor", "admin")


def check_staff(conn: sa.Connection, hall: str, no: str, password: str) -> dict[str, Any]:
    """The reviewer, if the work number and password match (scrypt, as on terminals)."""
    rec = find_staff(conn, hall, no)
    if rec is None or not passwords.verify(password, str(rec.get("password_hash", ""))):
        raise AuthError("工号或密码错误")
    if rec.get("role") not in REVIEW_ROLES:
        raise PermissionError("此工号没有审批权限")
    return rec


def backoffice_terminal(hall: str) -> str:
    return f"bo-{hall}"


def decide(conn: sa.Connection, hall: str, staff: dict[str, Any], case_id: str,
           decision: str, reason: str = "", missing: list[str] | None = None,
           now: dt.datetime | None = None) -> dict[str, Any]:
    """Record a decision (writer transaction). DomainError if not legal right now.

    The back office is online, so an illegal step is refused before it is stored — a
    clash can only come from a counter that was offline, and that one is the conflict.
    """
    kind = DECISIONS.get(decision)
    if kind is None:
        raise DomainError("decision 应为 approve、reject 或 supplement", code="bo.decision")
    row = conn.execute(sa.select(db.cases).where(db.cases.c.id == case_id)).first()
    if row is None or row.hall_code != hall or row.stream != "case":
        raise LookupError("没有这个办件")
    book = push.StreamBook(conn, [case_id])
    case = book.folded.get(case_id)
    payload: dict[str, Any] = {"reason": reason} if reason else {}
    if kind == ev.SUPPLEMENT_REQUESTED:
        payload["missing"] = list(missing or [])
    lc.check(kind, case.state if case else None, payload,
             instant=bool(case and case.instant), clock_paused=bool(case and case.clock_paused))
    tid = backoffice_terminal(hall)
    seq = db.next_named(conn, f"bo:{hall}")
    now = now or dt.datetime.now(ev.CHINA_TZ)
    e = ev.Event(id=uuid7(), case_id=case_id, kind=kind, payload=payload,
                 expected_state=case.state if case else None, terminal_id=tid,
                 terminal_seq=seq, staff_id=str(staff["id"]), recorded_at=ev.now_iso(now))
    out = push.store_batch(conn, hall, tid, seq - 1, [e.to_wire()])
    server_seq, letter, reason_out = out.results[0]
    if server_seq is None:
        raise DomainError(reason_out or "refused", code="bo.refused")
    return {"event_id": e.id, "server_seq": server_seq,
            "verdict": "applied" if letter == "a" else "conflict",
            "state": conn.execute(sa.select(db.cases.c.state)
                                  .where(db.cases.c.id == case_id)).scalar_one()}


def cases_in(conn: sa.Connection, hall: str, state: str | None, limit: int = 200
             ) -> list[dict[str, Any]]:
    """The hall's cases in a state (default: awaiting review), oldest change first."""
    c = db.cases
    q = sa.select(c).where(c.c.hall_code == hall, c.c.stream == "case",
                           c.c.state == (state or lc.IN_REVIEW))
    return [{"id": r.id, "case_number": r.case_number, "item_name": r.item_name,
             "state": r.state, "conflicts": r.conflicts, "updated_at": r.updated_at}
            for r in conn.execute(q.order_by(c.c.last_seq).limit(limit))]
