"""The centre's working-day calendar: one reference row per year's notice, for every hall.

A year is replaced as a whole when its notice is loaded (importing 2027 leaves 2026 as it
is); each row carries a fresh change seq, so terminals pull it like any reference data
and recompute the deadlines it moves. The years the program ships are merged in at every
start: a year the database lacks is added, a year that came from an older shipped copy is
updated, and a year an administrator imported is never overwritten by the shipped one.
The first build kept every year in one row `cn`; it is split into years on start and
deleted (the deletion travels to terminals, which read per-year rows first anyway).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import sqlalchemy as sa

from domain.calendar_file import YearSchedule, split_by_year
from domain.workdays import WorkCalendar, coverage_warning
from server import db
from server.admin import set_reference
from server.auth import now_iso

log = logging.getLogger(__name__)

KIND = "calendar"
LEGACY_ID = "cn"
SHIPPED, IMPORTED, LEGACY = "shipped", "import", "legacy"


def stored(conn: sa.Connection) -> dict[str, dict[str, Any]]:
    """Every calendar row for all halls: id → data (deleted rows left out)."""
    r = db.reference
    return {row.id: json.loads(row.data) for row in conn.execute(
        sa.select(r.c.id, r.c.data).where(r.c.hall_code == db.ALL_HALLS, r.c.kind == KIND,
                                          r.c.data.is_not(None)))}


def years(conn: sa.Connection) -> dict[int, YearSchedule]:
    """The loaded years' schedules."""
    return {int(k): YearSchedule.from_dict(v) for k, v in stored(conn).items()
            if k != LEGACY_ID}


def calendar(conn: sa.Connection) -> WorkCalendar:
    """The loaded years as one calendar, with the same provisional estimate for other
    years as a terminal's (sync.calendar), so the server's figures (按时办结率, overdue)
    count deadlines exactly as the hall's replicas do."""
    from sync import festivals

    return WorkCalendar.from_schedules(years(conn).values(), festivals.estimate)


def version(conn: sa.Connection) -> int:
    """The newest change seq among calendar rows (deleted ones too): a cache key, read
    by every push (its figure rows), so it reads the primary key's range of the rows,
    which are all every hall's ("*"), not the whole reference table."""
    r = db.reference
    return int(conn.execute(sa.select(sa.func.max(r.c.change_seq)).where(
        r.c.hall_code == db.ALL_HALLS, r.c.kind == KIND)).scalar() or 0)


def _row(s: YearSchedule, origin: str) -> tuple[str, str, str, dict[str, Any]]:
    data = {**s.to_dict(), "origin": origin, "loaded_at": now_iso()}
    return (db.ALL_HALLS, KIND, str(s.year), data)


def import_year(conn: sa.Connection, schedule: YearSchedule) -> dict[str, Any]:
    """Load one year's notice (writer transaction); says what it replaced."""
    old = years(conn).get(schedule.year)
    set_reference(conn, [_row(schedule, IMPORTED)])
    moved = None
    if old is not None:
        before, after = (WorkCalendar.from_schedules([x]) for x in (old, schedule))
        span = [d for d in {*old.holidays, *old.workdays, *schedule.holidays,
                            *schedule.workdays}
                if before.is_working_day(d) != after.is_working_day(d)]
        moved = len(span)
    log.info("calendar %d imported (%d days off, %d make-up days)", schedule.year,
             len(schedule.holidays), len(schedule.workdays))
    return {"year": schedule.year, "holidays": len(schedule.holidays),
            "workdays": len(schedule.workdays), "replaced": old is not None,
            "days_changed": moved}


def merge_shipped(conn: sa.Connection) -> list[int]:
    """At every start: bring the shipped years in (see the module doc). Returns the years
    written."""
    from resources.calendar import shipped

    rows = stored(conn)
    out: list[tuple[str, str, str, dict[str, Any] | None]] = []
    if LEGACY_ID in rows:
        cal = WorkCalendar.from_dict(rows.pop(LEGACY_ID))
        for s in split_by_year(cal.holidays, cal.workdays, cal.years, "legacy"):
            if str(s.year) not in rows:
                out.append(_row(s, LEGACY))
                rows[str(s.year)] = {**s.to_dict(), "origin": LEGACY}
        out.append((db.ALL_HALLS, KIND, LEGACY_ID, None))
    for s in shipped():
        have = rows.get(str(s.year))
        if have is None or (have.get("origin") in (SHIPPED, LEGACY) and \
                not YearSchedule.from_dict(have).same_days(s)):
            out.append(_row(s, SHIPPED))
        elif not YearSchedule.from_dict(have).same_days(s):
            log.info("calendar %d: the imported schedule differs from the shipped one; "
                     "keeping the imported", s.year)
    set_reference(conn, out)
    return [int(r[2]) for r in out if r[3] is not None]


def warning_text(conn: sa.Connection, today: dt.date) -> str | None:
    """The server's words when the loaded calendar ends within 60 days (or has)."""
    w = coverage_warning(calendar(conn), today)
    if w is None:
        return None
    if w.last_day is None:
        return f"尚未载入{w.missing_year}年的节假日安排：请用 yichuang admin calendar import 导入"
    return (f"节假日安排只载入到{w.last_day}（还有{max(w.days_left, 0)}天），"
            f"请尽快导入{w.missing_year}年的安排（yichuang admin calendar import FILE）；"
            f"在此之前{w.missing_year}年的期限按法定节假日推算，标为临时")


def log_warning(conn: sa.Connection, today: dt.date) -> None:
    text = warning_text(conn, today)
    if text:
        log.warning("%s", text)
