"""The `cases` table: the projection of case streams that the counter's screens read."""

from __future__ import annotations

from domain.case import Case
from domain.workdays import WorkCalendar
from sync import projection
from sync.replica import Replica


def item_department(replica: Replica, item_no: str) -> str | None:
    """The department of an item in this terminal's catalog (standard or first-build)."""
    from domain.errors import UnknownItem
    from sync import reference

    try:
        return reference.load_catalog(replica).item(item_no).department or None
    except UnknownItem:
        return None


def write(replica: Replica, case: Case, cal: WorkCalendar) -> None:
    """Replace the case's row in `cases` from its fold.

    A case registered before registrations carried the department takes its item's.
    """
    d = case.deadline(cal)
    app = case.applicant
    due = min((p["due"] for p in case.open_promises), default=None)
    replica.conn.execute(
        "INSERT OR REPLACE INTO cases (id, case_number, slip_number, queue_no, item_no, "
        "item_code, item_name, state, applicant_name, applicant_id_number, applicant_phone, "
        "staff_id, window_id, terminal_id, registered_at, accepted_at, deadline, "
        "deadline_provisional, paused, instant, conflicts, rating, updated_at, "
        "extension_pending, promise_due, department) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            case.id, case.case_number or None, case.slip_number or None, case.queue_no,
            case.item_no, case.item_code, case.item_name, case.state, app.get("name"),
            app.get("id_number"), app.get("phone"), case.staff_id or None, case.window_id,
            case.terminal_id, case.registered_at, case.accepted_at,
            d.day.isoformat() if d and d.day else None, int(bool(d and d.provisional)),
            int(bool(d and d.paused)), int(case.instant), len(case.conflicts),
            case.rating["level"] if case.rating else None, case.updated_at,
            int(case.extension_request is not None), due,
            case.department or item_department(replica, case.item_no),
        ),
    )


def delete(replica: Replica, case_id: str) -> None:
    replica.conn.execute("DELETE FROM cases WHERE id=?", (case_id,))


projection.register("case", projection.Projector(write=write, delete=delete))
