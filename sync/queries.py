"""Read-only look-ups the screens need, all on indexed columns.

Rows come back as plain dicts of the `cases` projection; the full case (history,
materials) is `store.load_case`. Personal data is in the rows because the counter needs
it to serve the citizen; screens mask it (domain.idnumber.mask) before showing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from domain import idnumber, numbering
from domain.errors import DomainError
from domain.lifecycle import FINAL
from sync.replica import Replica

CaseRow = dict[str, Any]


def _rows(replica: Replica, sql: str, params: Sequence[Any] = ()) -> list[CaseRow]:
    return [dict(r) for r in replica.conn.execute(sql, params).fetchall()]


def by_number(replica: Replica, number: str) -> list[CaseRow]:
    """A case by its case number or slip number (scanned or typed).

    Raises InvalidNumber when the check digit is wrong, so a misread is never
    mistaken for "no such case".
    """
    parsed = numbering.parse(number)
    col = "case_number" if parsed.kind == "case" else "slip_number"
    return _rows(replica, f"SELECT * FROM cases WHERE {col}=?", (parsed.number,))


def by_id_number(replica: Replica, id_number: str, limit: int = 200) -> list[CaseRow]:
    """A citizen's cases, newest first (the number is validated first)."""
    number = idnumber.parse(id_number).number
    return _rows(replica,
                 "SELECT * FROM cases WHERE applicant_id_number=? ORDER BY registered_at DESC "
                 "LIMIT ?", (number, limit))


def search(replica: Replica, text: str, limit: int = 200) -> list[CaseRow]:
    """What the clerk typed in the one search box: a number, an ID number, or a name."""
    t = text.strip()
    if not t:
        return []
    if numbering.looks_like_number(t):
        return by_number(replica, t)
    if len(idnumber.normalize(t)) == 18:
        return by_id_number(replica, t, limit)
    if t.isdigit():
        raise DomainError("请输入完整的办件编号、告知单编号或18位身份证号码",
                          code="search.partial_number")
    return _rows(replica,
                 "SELECT * FROM cases WHERE applicant_name=? ORDER BY registered_at DESC LIMIT ?",
                 (t, limit))


def my_cases(replica: Replica, staff_id: str, *, include_final: bool = False,
             limit: int = 500) -> list[CaseRow]:
    """The clerk's cases, most urgent first (paused and deadline-less last)."""
    final = ",".join(f"'{s}'" for s in FINAL)
    where = "staff_id=?" if include_final else f"staff_id=? AND state NOT IN ({final})"
    return _rows(replica,
                 f"SELECT * FROM cases WHERE {where} "
                 "ORDER BY deadline IS NULL, deadline, updated_at DESC LIMIT ?",
                 (staff_id, limit))


def open_cases(replica: Replica, *, limit: int = 1000) -> list[CaseRow]:
    """Every open case of the hall known here, most urgent first (supervisor)."""
    final = ",".join(f"'{s}'" for s in FINAL)
    return _rows(replica,
                 f"SELECT * FROM cases WHERE state NOT IN ({final}) "
                 "ORDER BY deadline IS NULL, deadline LIMIT ?", (limit,))


def overdue(replica: Replica, today: dt.date, *, limit: int = 1000) -> list[CaseRow]:
    """Open cases whose deadline has passed (red)."""
    final = ",".join(f"'{s}'" for s in FINAL)
    return _rows(replica,
                 f"SELECT * FROM cases WHERE state NOT IN ({final}) AND deadline < ? "
                 "ORDER BY deadline LIMIT ?", (today.isoformat(), limit))


def counts(replica: Replica) -> dict[str, int]:
    """The figures `yichuang stats` prints."""
    c = replica.conn
    return {
        "events": c.execute("SELECT COUNT(*) FROM events").fetchone()[0],
        "cases": c.execute("SELECT COUNT(*) FROM cases").fetchone()[0],
        "pending": c.execute("SELECT COUNT(*) FROM outbox").fetchone()[0],
        "conflicts": c.execute("SELECT COALESCE(SUM(conflicts), 0) FROM cases").fetchone()[0],
    }



REVIEW_STATES = ("in_review",)


def review_queue(replica: Replica, department: str, *, head: bool = False,
                 limit: int = 1000) -> list[CaseRow]:
    """What waits for a department's back office, most urgent first: the cases the front
    desk submitted for review, and (for the head) those whose extension awaits approval.
    Paused cases stay listed: a hearing or an inspection is still the department's."""
    states = ",".join(f"'{s}'" for s in REVIEW_STATES)
    final = ",".join(f"'{s}'" for s in FINAL)
    extra = f" OR (extension_pending=1 AND state NOT IN ({final}))" if head else ""
    return _rows(replica,
                 f"SELECT * FROM cases WHERE department=? AND (state IN ({states}){extra}) "
                 "ORDER BY paused, deadline IS NULL, deadline, updated_at LIMIT ?",
                 (department, limit))


def decided_by_department(replica: Replica, department: str, *, limit: int = 200
                          ) -> list[CaseRow]:
    """The department's recently decided cases (approved, rejected, result ready), newest
    first: the reviewer's "done" list and where a decision paper is reprinted."""
    return _rows(replica,
                 "SELECT * FROM cases WHERE department=? AND state IN "
                 "('approved','rejected','result_ready','issued') "
                 "ORDER BY updated_at DESC LIMIT ?", (department, limit))


def overdue_promises(replica: Replica, today: dt.date, *, limit: int = 1000) -> list[CaseRow]:
    """Open cases accepted on a promise (容缺受理) whose promised material is late, the
    longest overdue first: what the supervisor face chases (`promise_due` is the earliest
    open promise; domain.acceptance.overdue gives the materials from the folded case)."""
    final = ",".join(f"'{s}'" for s in FINAL)
    return _rows(replica,
                 f"SELECT * FROM cases WHERE promise_due < ? AND state NOT IN ({final}) "
                 "ORDER BY promise_due LIMIT ?", (today.isoformat(), limit))


def item_counts(replica: Replica, *, recent: int = 5000) -> dict[str, int]:
    """Cases per item number among the `recent` latest-changed: what this hall serves
    most these days (the item pickers rank equal matches by it). Uses cases_updated."""
    rows = replica.conn.execute(
        "SELECT item_no, COUNT(*) FROM (SELECT item_no FROM cases "
        "ORDER BY updated_at DESC LIMIT ?) GROUP BY item_no", (recent,)).fetchall()
    return {str(no): int(n) for no, n in rows if no}
