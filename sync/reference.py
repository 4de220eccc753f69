"""Reference data in the replica: the catalog, the hall, staff, the calendar.

Owned by the server; a terminal stores what it pulls (or, standalone, the shipped
seed) and never edits it. Pinyin initials are computed here, once, on import, so the
item search is a string match.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from domain import passwords
from domain.catalog import Catalog, catalog_from_dict
from domain.workdays import WorkCalendar
from sync.replica import Replica

KINDS = ("hall", "department", "zone", "window", "staff", "item", "calendar", "queue_rules")


@lru_cache(maxsize=4096)
def pinyin_initials(name: str) -> str:
    """婚姻登记 → hydj; letters and digits in the name are kept as they are."""
    from pypinyin import Style, lazy_pinyin

    return "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER) if p).lower()


def rows_from_catalog_json(data: Mapping[str, Any]) -> list[tuple[str, str, dict]]:
    """Split a catalog file into (kind, id, record) rows; plain passwords are hashed."""
    rows: list[tuple[str, str, dict]] = [("hall", "hall", dict(data["hall"]))]
    for kind, key in (("department", "departments"), ("zone", "zones"),
                      ("window", "windows"), ("item", "items")):
        for rec in data.get(key, ()):
            rid = rec["no"] if kind == "item" else rec["id"]
            rec = dict(rec)
            if kind == "item":
                rec["initials"] = pinyin_initials(rec["name"])
            rows.append((kind, rid, rec))
    for s in data.get("staff", ()):
        s = dict(s)
        if "password" in s:
            s["password_hash"] = passwords.hash_password(str(s.pop("password")))
        rows.append(("staff", s["id"], s))
    if data.get("queue_rules"):
        rows.append(("queue_rules", "rules", dict(data["queue_rules"])))
    return rows


def store_rows(replica: Replica, rows: Iterable[tuple[str, str, Mapping]],
               *, replace_all: bool = False) -> int:
    """Upsert reference rows (a pulled page or a seed) in one transaction."""
    n = 0
    with replica.transaction() as conn:
        if replace_all:
            conn.execute("DELETE FROM reference WHERE kind != 'calendar'")
        for kind, rid, rec in rows:
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


def store_calendar(replica: Replica, cal: WorkCalendar) -> None:
    """Merge calendar data (newer years win) into the replica."""
    current = load_calendar(replica)
    merged = current.merged(cal) if current else cal
    store_rows(replica, [("calendar", "cn", merged.to_dict())])


def load_calendar(replica: Replica) -> WorkCalendar | None:
    row = replica.conn.execute(
        "SELECT data FROM reference WHERE kind='calendar' AND id='cn'").fetchone()
    return WorkCalendar.from_dict(json.loads(row[0])) if row else None


_CACHE: dict[str, tuple[int, Catalog]] = {}


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
    data: dict[str, Any] = {"hall": {"code": "", "name": ""}}
    buckets: dict[str, list] = {k: [] for k in ("departments", "zones", "windows", "staff", "items")}
    plural = {"department": "departments", "zone": "zones", "window": "windows",
              "staff": "staff", "item": "items"}
    for kind, rec in replica.conn.execute(
            "SELECT kind, data FROM reference WHERE kind != 'calendar' ORDER BY rowid"):
        if kind == "hall":
            data["hall"] = json.loads(rec)
        elif kind in plural:
            buckets[plural[kind]].append(json.loads(rec))
    buckets["items"].sort(key=lambda i: i["no"])
    data.update(buckets)
    catalog = catalog_from_dict(data)
    _CACHE[key] = (version, catalog)
    return catalog


def calendar_warning(cal: WorkCalendar, today: dt.date) -> str | None:
    """The warning the app shows when next year's working-day calendar is missing."""
    year = cal.missing_next_year(today)
    if year is None:
        return None
    return (f"缺少{year}年的节假日安排数据，{year}年的办理期限暂按周末计算（临时），"
            "请联系管理员更新日历")
