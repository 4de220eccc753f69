"""Reference data in the replica: the catalog, the hall, staff, the calendar.

Owned by the server; a terminal stores what it pulls (or, standalone, the shipped
seed) and never edits it. Pinyin initials are computed here, once, on import, so the
item search is a string match.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from domain.calendar_file import YearSchedule
from domain.catalog import Catalog, catalog_from_dict
from domain.opening import Duty, Hours
from domain.workdays import WorkCalendar, coverage_warning
from sync.replica import Replica

log = logging.getLogger(__name__)

KINDS = ("hall", "department", "zone", "window", "staff", "item", "calendar", "queue_rules")


@lru_cache(maxsize=4096)
def pinyin_initials(name: str) -> str:
    """婚姻登记 → hydj; letters and digits in the name are kept as they are."""
    from pypinyin import Style, lazy_pinyin

    return "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER) if p).lower()


def rows_from_catalog_json(data: Mapping[str, Any], level: str | None = None
                           ) -> list[tuple[str, str, dict]]:
    """A hall file (demo.json) as the rows a server would send: its items as standard
    items (version 1) enabled in the hall, and the hall's own rows."""
    from domain import catalog_file as cfile

    cf = cfile.parse_catalog(json.dumps(data, ensure_ascii=False, indent=1), level)
    head = {"level": cf.level, "version": 1, "label": cf.label or "演示目录"}
    return [*cfile.standard_rows(cf, 1), (cfile.CATALOG_HEAD, cf.level, head),
            *cfile.hall_rows(cf)]


# kinds whose records are items a picker searches (a hall's own, a standard one)
ITEM_KINDS = ("item", "std_item")


def with_initials(kind: str, rec: Mapping[str, Any]) -> Mapping[str, Any]:
    """An item record with its pinyin initials, computed once when it is stored (the
    only annotation a terminal adds to reference data), so loading the catalog at
    start-up never needs pypinyin."""
    if kind not in ITEM_KINDS or rec.get("deleted") or rec.get("initials"):
        return rec
    return {**rec, "initials": pinyin_initials(str(rec.get("name", "")))}


def fill_initials(replica: Replica) -> int:
    """Add the initials to stored item records that lack them (a replica from before
    they were stored); on the writer, before the catalog is loaded. Returns how many."""
    rows = replica.conn.execute(
        "SELECT kind, id, data FROM reference WHERE kind IN (?, ?) "
        "AND json_extract(data, '$.initials') IS NULL", ITEM_KINDS).fetchall()
    if not rows:
        return 0
    with replica.transaction() as conn:
        for kind, rid, data in rows:
            rec = with_initials(kind, json.loads(data))
            conn.execute("UPDATE reference SET data=? WHERE kind=? AND id=?",
                         (json.dumps(rec, ensure_ascii=False), kind, rid))
    return len(rows)


def store_rows(replica: Replica, rows: Iterable[tuple[str, str, Mapping]],
               *, replace_all: bool = False) -> int:
    """Upsert reference rows (a pulled page or a seed) in one transaction."""
    n = 0
    with replica.transaction() as conn:
        if replace_all:
            conn.execute("DELETE FROM reference WHERE kind != 'calendar'")
        for kind, rid, rec in rows:
            rec = with_initials(kind, rec)
            if rec.get("deleted"):
                conn.execute("DELETE FROM reference WHERE kind=? AND id=?", (kind, rid))
            else:
                conn.execute(
                    "INSERT INTO reference (kind, id, data) VALUES (?, ?, ?) "
                    "ON CONFLICT (kind, id) DO UPDATE SET data=excluded.data",
                    (kind, rid, json.dumps(rec, ensure_ascii=False)),
                )
            n += 1
        replica.next_counter("reference_version")
    _CACHE.pop(str(replica.path), None)
    return n


def import_catalog(replica: Replica, data: Mapping[str, Any]) -> int:
    """Seed or replace the catalog from a catalog file (demo, or `admin catalog import`)."""
    return store_rows(replica, rows_from_catalog_json(data), replace_all=True)


def store_calendar(replica: Replica, schedules: Iterable[YearSchedule]) -> int:
    """Merge years' schedules into the replica (each replaces its own year only), and
    recompute the deadlines that depend on a changed year, in one transaction."""
    from sync import calendar

    with replica.transaction():
        before = calendar.load(replica)
        store_rows(replica, [("calendar", str(s.year), s.to_dict()) for s in schedules])
        return calendar.reproject_changed(replica, before)


def load_calendar(replica: Replica) -> WorkCalendar:
    """The calendar deadlines are counted on (sync.calendar.load)."""
    from sync import calendar

    return calendar.load(replica)


_CACHE: dict[str, tuple[int, Catalog]] = {}


def data_version(replica: Replica) -> int:
    """Bumped by every reference change: screens and caches compare it to reload."""
    return _data_version(replica)


def _data_version(replica: Replica) -> int:
    row = replica.conn.execute(
        "SELECT value FROM counters WHERE name='reference_version'").fetchone()
    return row[0] if row else 0


def load_catalog(replica: Replica) -> Catalog:
    """The catalog as the domain sees it; cached until reference data changes."""
    key = str(replica.path)
    version = _data_version(replica)
    hit = _CACHE.get(key)
    if hit and hit[0] == version:
        return hit[1]
    rows = replica.conn.execute(
        "SELECT kind, id, data FROM reference WHERE kind != 'calendar' ORDER BY rowid")
    catalog = catalog_from_dict(compose_rows((k, i, json.loads(d)) for k, i, d in rows))
    _CACHE[key] = (version, catalog)
    return catalog


def compose_rows(rows: Iterable[tuple[str, str, Mapping[str, Any]]]) -> dict[str, Any]:
    """The catalog JSON shape from reference rows (domain.standard_catalog.compose_rows),
    with pinyin initials for the item picker."""
    from domain.standard_catalog import compose_rows as compose

    return compose(rows, initials=pinyin_initials)


def load_hours(replica: Replica) -> Hours:
    """The hall's opening periods (none: never closed by the hours)."""
    rows = replica.conn.execute("SELECT data FROM reference WHERE kind='period'")
    try:
        return Hours.from_rows(json.loads(r[0]) for r in rows)
    except (ValueError, KeyError) as exc:  # a bad row must not stop the hall
        log.error("opening periods unreadable, ignored: %s", exc)
        return Hours()


def load_duty(replica: Replica, day: dt.date) -> list[Duty]:
    """The duty roster of one day."""
    rows = replica.conn.execute("SELECT data FROM reference WHERE kind='duty' AND id LIKE ?",
                                (f"{day.isoformat()}:%",))
    return [Duty.from_dict(json.loads(r[0])) for r in rows]


def calendar_warning(cal: WorkCalendar, today: dt.date) -> str | None:
    """The warning for logs when the loaded calendar ends within 60 days (or has)."""
    w = coverage_warning(cal, today)
    if w is None:
        return None
    return (f"节假日安排只载入到{w.last_day or '（本年未载入）'}，缺少{w.missing_year}年的安排："
            f"{w.missing_year}年的办理期限暂按法定节假日推算（临时），请联系管理员导入")
