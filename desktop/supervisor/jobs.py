"""The supervisor's background work as plain functions (no Qt), run via desktop.tasks.

Readers take the reader thread's `Replica`, writers the writer's `CaseStore`. Figures
come from desktop.report_sources, the same code as `yichuang report figures`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop.report_sources import ReplicaSource, monthly_review
from domain import figures as fg
from domain import lifecycle as lc
from domain.application import Actor
from domain.deadline import countdown
from domain.figure_facts import COL
from domain.opening import day_plan
from domain.workdays import CoverageWarning, coverage_warning
from sync import figure_rows, queries, reference
from sync import ratings as sr
from sync.replica import Replica

ACTIVE_MINUTES = 30
DECIDED = frozenset({lc.APPROVED, lc.REJECTED, lc.RESULT_READY})


@dataclass
class Overview:
    """The first page: today and this month, what is red or yellow, who is where."""

    today: dict[str, Any]
    month: dict[str, Any]
    red: list[dict[str, Any]] = field(default_factory=list)
    yellow: list[dict[str, Any]] = field(default_factory=list)
    windows: list[dict[str, Any]] = field(default_factory=list)
    waiting: list[tuple[str, int]] = field(default_factory=list)
    followups_red: int = 0
    notices_open: int = 0
    sms: dict[str, Any] = field(default_factory=dict)
    # today's periods and who is on duty in each (domain.opening.day_plan); whether the
    # hall declares periods at all
    duty: list[tuple[Any, tuple[str, ...]]] = field(default_factory=list)
    periods: bool = False
    # the loaded holiday schedule ends within 60 days: next year's must be imported
    calendar: CoverageWarning | None = None


def overview(replica: Replica, now: dt.datetime, warn_days: int = 1) -> Overview:
    today = now.date()
    src = ReplicaSource(replica)
    _, day_total = src.compute(fg.Period.of(today, today, today), "hall")
    _, month_total = src.compute(fg.Period.month(today.strftime("%Y-%m"), today), "hall")
    ov = Overview(day_total, month_total)
    for row in queries.open_cases(replica, limit=5000):
        # decided (approved, rejected, result ready) is completed for the figures: the
        # clock has stopped, so it is neither red nor yellow here either
        if not row.get("deadline") or row.get("state") in DECIDED:
            continue
        d = dt.date.fromisoformat(row["deadline"])
        from domain.deadline import Deadline

        level = countdown(src.calendar, Deadline(d, False, bool(row["paused"]), 0, 0), today,
                          warn_days).level
        if level == "overdue":
            ov.red.append(row)
        elif level == "warning":
            ov.yellow.append(row)
    ov.windows = windows_now(replica, src, now)
    ov.waiting = waiting(replica, src, today)
    ov.followups_red = sum(1 for f in sr.streams_of(replica, "followup", open_only=True)
                           if f.overdue(today))
    ov.notices_open = len([n for n in _notices(replica, False)])
    ov.sms = sms_status(replica)
    hours = reference.load_hours(replica)
    ov.periods = hours.restricted
    ov.duty = day_plan(hours, reference.load_duty(replica, today), src.calendar, today)
    ov.calendar = coverage_warning(src.calendar, today)
    return ov


def sms_status(replica: Replica) -> dict[str, Any]:
    """The SMS invitations' queue as a supervisor needs it: waiting (and why), sent,
    replies recorded. Empty when this hall never sent one from here."""
    from sync.sms import invitations

    counts = invitations.status(replica)
    if not counts:
        return {}
    error = replica.conn.execute(
        "SELECT last_error FROM sms_outbox WHERE state = 'queued' AND last_error IS NOT NULL "
        "LIMIT 1").fetchone()
    return {"waiting": counts.get("outbox_queued", 0), "sent": counts.get("outbox_sent", 0),
            "failed": counts.get("outbox_failed", 0),
            "replies": sum(v for k, v in counts.items() if k.startswith("replies_")),
            "rated": counts.get("replies_rated", 0), "error": error[0] if error else ""}


def windows_now(replica: Replica, src: ReplicaSource, now: dt.datetime) -> list[dict]:
    """Each window with the last step taken at it today, by whom, and whether that was
    recent enough to call the window open (no presence events exist: activity is it)."""
    start = now.replace(hour=0, minute=0, second=0, microsecond=0).isoformat(timespec="seconds")
    last: dict[str, tuple[str, str]] = {}
    for w, staff, at in replica.conn.execute(
            "SELECT window_id, staff_id, recorded_at FROM events WHERE window_id IS NOT NULL "
            "AND recorded_at >= ? ORDER BY recorded_at", (start,)):
        last[w] = (staff, at)
    out = []
    for w in src.catalog.windows:
        staff, at = last.get(w.id, ("", ""))
        member = src.catalog.staff_member(staff) if staff else None
        age = (now - dt.datetime.fromisoformat(at)).total_seconds() / 60 if at else None
        # a step "in the future" (a terminal's clock ahead) does not make a window busy
        out.append({"window": w.name, "zone": w.zone, "staff": member.name if member else "",
                    "last": at[11:16] if at else "", "open": age is not None and
                    0 <= age <= ACTIVE_MINUTES})
    return out


def waiting(replica: Replica, src: ReplicaSource, today: dt.date) -> list[tuple[str, int]]:
    """Citizens registered today (kiosk) and not yet served, by zone."""
    counts: dict[str, int] = {}
    for (item_code,) in replica.conn.execute(
            "SELECT item_code FROM cases WHERE state='registered' AND registered_at >= ?",
            (today.isoformat(),)):
        try:
            zone = src.catalog.item(item_code).zone
        except Exception:
            zone = ""
        counts[zone] = counts.get(zone, 0) + 1
    return [((src.catalog.zone(z).name if src.catalog.zone(z) else "—"), n)
            for z, n in sorted(counts.items())]


def figures(replica: Replica, period: fg.Period, by: str) -> tuple[list[dict], dict]:
    return ReplicaSource(replica).compute(period, by)


def figures_page(replica: Replica, period: fg.Period, by: str) -> tuple[Any, ...]:
    """The figures page: the table by `by`, the total, and the charts' groupings (trend
    by day for periods up to a quarter, windows, departments) in two statements."""
    bys = [by, "window", "department"]
    if (period.end - period.start).days < 93:
        bys.append("day")
    got = ReplicaSource(replica).compute_many(period, bys)
    rows, total = got[by]
    trend = got["day"][0] if "day" in got else None
    return rows, total, trend, got["window"][0], got["department"][0]


def drill(replica: Replica, period: fg.Period, by: str, group: str) -> list[dict[str, Any]]:
    """The cases behind one row of a table: any of their dates in the period."""
    src = ReplicaSource(replica)
    lab = src.labels()
    hall = src.hall_code
    book = fg.FigureBook(period, by, {hall: lab})
    s, e = period.start.isoformat(), period.end.isoformat()
    ids = []
    where, params = _drill_filter(lab, by, group)
    for r in figure_rows.period_rows(replica, period, where, params):
        if r[COL["stream"]] != "case":
            continue
        dates = [r[COL[k]] for k in ("registered_on", "accepted_on", "completed_on",
                                     "refused_on", "withdrawn_on", "rated_on")]
        hit = [d for d in dates if d and s <= d <= e]
        if not hit:
            continue
        if by in ("day", "month"):
            keys = {d if by == "day" else d[:7] for d in hit}
        else:
            keys = {book._dim(hall, r[COL["window_id"]], r[COL["staff_id"]],
                              r[COL["item_code"]]),
                    book._dim(hall, r[COL["rating_window_id"]] or "",
                              r[COL["rating_staff_id"]] or "", r[COL["item_code"]])}
        if group in keys:
            ids.append(r[COL["id"]])
        if len(ids) >= 2000:
            break
    rows = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows += [dict(x) for x in replica.conn.execute(
            f"SELECT * FROM cases WHERE id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY registered_at", chunk)]
    return rows


def _drill_filter(lab: fg.Labels, by: str, group: str) -> tuple[str, tuple[Any, ...]]:
    """A WHERE that lets SQLite skip most rows of other groups (the rows it keeps are
    still checked against the group exactly); nothing for the "none" group."""
    if not group:
        return "", ()
    if by in ("window", "staff"):
        col = f"{by}_id"
        return f"stream = 'case' AND ({col} = ? OR rating_{col} = ?)", (group, group)
    if by == "item":
        return "stream = 'case' AND item_code = ?", (group,)
    if by == "department":
        items = [i for i, d in lab.item_department.items() if d == group]
    elif by == "zone":
        items = [i for i, z in lab.item_zone.items() if z == group]
        windows = [w for w, z in lab.window_zone.items() if z == group]
        marks = ", ".join("?" * len(items)) or "NULL"
        wmarks = ", ".join("?" * len(windows)) or "NULL"
        return (f"stream = 'case' AND (item_code IN ({marks}) OR window_id IN ({wmarks}) "
                f"OR rating_window_id IN ({wmarks}))", (*items, *windows, *windows))
    else:
        return "stream = 'case'", ()
    marks = ", ".join("?" * len(items)) or "NULL"
    return f"stream = 'case' AND item_code IN ({marks})", tuple(items)


def _notices(replica: Replica, include_resolved: bool) -> list[dict[str, Any]]:
    from sync import notices

    if not include_resolved:
        return notices.open_notices(replica)
    return [dict(r) for r in replica.conn.execute(
        "SELECT * FROM notices ORDER BY created_at DESC LIMIT 500")]


def notices(replica: Replica, include_resolved: bool = False) -> list[dict[str, Any]]:
    return _notices(replica, include_resolved)


def mark_notice(store: Any, notice_id: str, kind: str, actor: Actor, note: str = "") -> Any:
    from sync import notices as sn

    return sn.mark(store.replica, notice_id, kind, actor, note)


def followups(replica: Replica, open_only: bool) -> list[Any]:
    return sr.streams_of(replica, "followup", open_only=open_only)


def appeals(replica: Replica, open_only: bool) -> list[Any]:
    return sr.streams_of(replica, "appeal", open_only=open_only)


def load(replica: Replica, stream_id: str) -> Any:
    from sync import projection

    return projection.load_stream(replica, stream_id)


def review_pdf(replica: Replica, month: str, today: dt.date, archive_dir: Any) -> bytes:
    """The monthly review, archived under archive_dir/YYYY-MM.pdf (a new print replaces
    that month's file; earlier months stay)."""
    from printing import monthly

    data = monthly.to_pdf(monthly_review(ReplicaSource(replica), month, today))
    archive_dir.mkdir(parents=True, exist_ok=True)
    tmp = archive_dir / f".{month}.pdf.tmp"
    tmp.write_bytes(data)
    tmp.replace(archive_dir / f"{month}.pdf")
    return data
