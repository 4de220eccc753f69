"""Where figures come from: a terminal's replica or the city server — the same counting
(domain.figures) over the same facts rows, and the monthly review built from either.

Qt-free: the `report` commands, the supervisor face and the benchmarks all use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from domain import figures as fg
from domain import ratings
from domain.figure_facts import COL
from domain.workdays import WorkCalendar, working_days_between
from printing.monthly import MonthlyReview

OVERDUE_LIMIT = 300


class Source(Protocol):
    hall_name: str
    calendar: WorkCalendar

    def compute(self, period: fg.Period, by: str) -> tuple[list[dict], dict]: ...
    def compute_many(self, period: fg.Period, bys: list[str]
                     ) -> dict[str, tuple[list[dict], dict]]: ...
    def rows(self, period: fg.Period) -> Any: ...
    def count_rows(self, period: fg.Period, name: str, order: str, limit: int) -> list: ...
    def case_labels(self, ids: list[str]) -> dict[str, tuple[str, str]]: ...
    def followup(self, fid: str) -> Any: ...
    def labels(self) -> fg.Labels: ...


class ReplicaSource:
    """A terminal's own hall, from its replica (a reader connection)."""

    def __init__(self, replica: Any) -> None:
        from sync import figure_rows, reference, store

        self.replica = replica
        self._fr = figure_rows
        figure_rows.backfill(replica)
        self.catalog = reference.load_catalog(replica)
        self.hall_name = self.catalog.hall.name or self.catalog.hall.code
        self.hall_code = self.catalog.hall.code
        self.calendar = store.calendar_of(replica)

    def compute(self, period: fg.Period, by: str) -> tuple[list[dict], dict]:
        return self._fr.compute(self.replica, period, by, total=True)

    def compute_many(self, period: fg.Period, bys: list[str]
                     ) -> dict[str, tuple[list[dict], dict]]:
        return self._fr.compute_many(self.replica, period, bys)

    def rows(self, period: fg.Period) -> Any:
        return self._fr.period_rows(self.replica, period)

    def count_rows(self, period: fg.Period, name: str, order: str, limit: int) -> list:
        return self._fr.count_rows(self.replica, period, name, order=order, limit=limit)

    def labels(self) -> fg.Labels:
        return fg.Labels.from_catalog(self.catalog)

    def case_labels(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        out = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = f"SELECT id, case_number, item_name FROM cases WHERE id IN ({','.join('?' * len(chunk))})"
            out.update({r[0]: (r[1] or "", r[2] or "") for r in self.replica.conn.execute(q, chunk)})
        return out

    def followup(self, fid: str) -> Any:
        from sync import projection

        return projection.load_stream(self.replica, fid)


class ServerSource:
    """One hall (or every hall, hall=None) of the city server's database."""

    def __init__(self, conn: Any, hall: str | None) -> None:
        from server import figure_rows

        self.conn, self.hall, self._fr = conn, hall, figure_rows
        if hall is not None and hall not in figure_rows.halls(conn):
            raise fg.FigureError(f"没有这个大厅: {hall}", code="figures.hall")
        self.calendar = figure_rows.calendar(conn)
        chosen = [hall] if hall else figure_rows.halls(conn)
        self._labels = figure_rows.labels(conn, chosen)
        self.hall_name = self._labels[hall].hall.get(hall, hall) if hall else "全部大厅"
        self.hall_code = hall or ""

    def compute(self, period: fg.Period, by: str) -> tuple[list[dict], dict]:
        return self._fr.compute(self.conn, period, by, self.hall, total=True)

    def compute_many(self, period: fg.Period, bys: list[str]
                     ) -> dict[str, tuple[list[dict], dict]]:
        return self._fr.compute_many(self.conn, period, bys, self.hall)

    def rows(self, period: fg.Period) -> Any:
        return (r for r, _h in self._fr.period_rows(self.conn, period, self.hall))

    def count_rows(self, period: fg.Period, name: str, order: str, limit: int) -> list:
        return self._fr.count_rows(self.conn, period, self.hall, name, order=order,
                                   limit=limit)

    def labels(self) -> fg.Labels:
        return self._labels[self.hall] if self.hall else fg.Labels()

    def case_labels(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        import sqlalchemy as sa

        from server import db

        out = {}
        for i in range(0, len(ids), 500):
            q = sa.select(db.cases.c.id, db.cases.c.case_number, db.cases.c.item_name).where(
                db.cases.c.id.in_(ids[i:i + 500]))
            out.update({r[0]: (r[1] or "", r[2] or "") for r in self.conn.execute(q)})
        return out

    def followup(self, fid: str) -> Any:
        from server.push import StreamBook

        return StreamBook(self.conn, [fid]).folded.get(fid)


def overdue_cases(src: Source, period: fg.Period) -> list[dict[str, Any]]:
    """Cases overdue at the period's as-of day, most overdue first (the `overdue`
    count's own rule, domain.figure_counts)."""
    found = src.count_rows(period, "overdue", "deadline", OVERDUE_LIMIT)
    names = src.case_labels([r[COL["id"]] for r in found])
    lab = src.labels()
    out = []
    for r in found:
        number, item = names.get(r[COL["id"]], ("", ""))
        out.append({"id": r[COL["id"]], "case_number": number,
                    "item_name": item or lab.item.get(r[COL["item_code"]], ""),
                    "window": lab.window.get(r[COL["window_id"]], r[COL["window_id"]] or ""),
                    "staff": lab.staff.get(r[COL["staff_id"]], r[COL["staff_id"]] or ""),
                    "deadline": r[COL["deadline"]],
                    "days": working_days_between(src.calendar, dt.date.fromisoformat(
                        r[COL["deadline"]]), period.as_of)})
    return out


FOLLOWUP_STATES = {"open": "待回访", "contacted": "已回访", "rectified": "已整改",
                   "closed": "已办结"}


def open_followups(src: Source, period: fg.Period) -> list[dict[str, Any]]:
    """Follow-ups still open at the as-of day, red ones first (`followups_open`)."""
    asof = period.as_of.isoformat()
    lab = src.labels()
    out = []
    for r in src.count_rows(period, "followups_open", "due", OVERDUE_LIMIT):
        f = src.followup(r[COL["id"]])
        due = r[COL["due"]] or ""
        out.append({"id": r[COL["id"]], "case_number": getattr(f, "case_number", ""),
                    "level": ratings.LEVELS.get(r[COL["rating"]], ""),
                    "rated": lab.staff.get(r[COL["staff_id"]], r[COL["staff_id"]] or ""),
                    "assignee": lab.staff.get(getattr(f, "assignee", ""),
                                              getattr(f, "assignee", "") or "未指定"),
                    "due": due, "state": FOLLOWUP_STATES.get(r[COL["outcome"]] or "", ""),
                    "overdue": bool(due) and due < asof})
    out.sort(key=lambda x: (not x["overdue"], x["due"]))
    return out


def monthly_review(src: Source, month: str, today: dt.date) -> MonthlyReview:
    """The month of one hall, ready for printing.monthly.to_pdf."""
    period = fg.Period.month(month, today)
    got = src.compute_many(period, ["window", "staff", "department", "day"])
    (windows, total), (staff, _), (departments, _), (days, _) = (
        got["window"], got["staff"], got["department"], got["day"])
    notes = []
    if period.as_of < period.end:
        notes.append(f"本月尚未结束：超期与回访按 {period.as_of} 统计。")
    if total["tickets"] == 0:
        notes.append("排队叫号数据未接入，等候与办理时长暂缺。")
    return MonthlyReview(hall_name=src.hall_name, month=month, made_on=today, total=total,
                         by_window=windows, by_staff=staff, by_day=days,
                         by_department=departments, overdue=overdue_cases(src, period),
                         followups=open_followups(src, period), notes=tuple(notes),
                         as_of=period.as_of.isoformat())
