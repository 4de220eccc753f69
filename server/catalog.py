"""The standard catalog on the server: per level, versioned, and what each hall enables.

Rows of the `reference` table (no table of its own; see domain.catalog_file for kinds):
for every hall ("*") the standard items (`std_item`, id `level:code`), their
departments and one head row per level (`catalog`: version, label, when); per hall the
items it enables (`enabled`, id = its 4-digit short number) with only local fields.
An import writes only the items that changed, each stamped with the new version, so a
terminal pulls what moved and nothing else; a removed item travels as a deletion and
disappears from every hall that offered it (the import says which halls those are).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from domain import catalog_file as cfile
from domain.standard_catalog import CatalogDiff, diff, local_part, next_short_number
from server import db
from server.admin import add_hall, hall_exists, set_reference
from server.auth import now_iso

log = logging.getLogger(__name__)


def _rows(conn: sa.Connection, hall: str, kind: str) -> dict[str, dict[str, Any]]:
    r = db.reference
    return {row.id: json.loads(row.data) for row in conn.execute(
        sa.select(r.c.id, r.c.data).where(r.c.hall_code == hall, r.c.kind == kind,
                                          r.c.data.is_not(None)))}


def standard(conn: sa.Connection, level: str) -> dict[str, dict[str, Any]]:
    """The level's current standard items, by code."""
    return {rec["code"]: rec for rec in _rows(conn, db.ALL_HALLS, cfile.STD_ITEM).values()
            if rec.get("level") == level}


def head(conn: sa.Connection, level: str) -> dict[str, Any]:
    """The level's head row: version (0 before the first import), label, imported_at."""
    return _rows(conn, db.ALL_HALLS, cfile.CATALOG_HEAD).get(level) or {"level": level,
                                                                       "version": 0}


def preview(conn: sa.Connection, cf: cfile.CatalogFile, *, removing: bool = True
            ) -> CatalogDiff:
    """What importing `cf` would change in its level (nothing is written)."""
    old = standard(conn, cf.level)
    new = dict(cf.items) if removing else {**old, **cf.items}
    return diff(old, new)


def enabled_by(conn: sa.Connection, codes: Iterable[str]) -> dict[str, list[str]]:
    """Which halls enable each of `codes` (to warn before items are removed)."""
    want, out = set(codes), {}
    r = db.reference
    for row in conn.execute(sa.select(r.c.hall_code, r.c.data).where(
            r.c.kind == cfile.ENABLED, r.c.data.is_not(None))):
        code = json.loads(row.data).get("code")
        if code in want:
            out.setdefault(code, []).append(row.hall_code)
    return out


def import_standard(conn: sa.Connection, cf: cfile.CatalogFile, source: str = "", *,
                    removing: bool = True) -> dict[str, Any]:
    """Apply a new version of the level's catalog (writer transaction)."""
    d = preview(conn, cf, removing=removing)
    h = head(conn, cf.level)
    version = int(h.get("version", 0)) + (0 if d.empty and h.get("version") else 1)
    touched = set(d.added) | {c.code for c in d.changed}
    rows = [(db.ALL_HALLS, k, i, data) for k, i, data in cfile.standard_rows(cf, version)
            if k != cfile.STD_ITEM or data["code"] in touched]
    rows += [(db.ALL_HALLS, cfile.STD_ITEM, cfile.std_id(cf.level, c), None) for c in d.removed]
    if not d.empty or not h.get("version"):
        rows.append((db.ALL_HALLS, cfile.CATALOG_HEAD, cf.level, {
            "level": cf.level, "version": version, "label": cf.label, "source": source,
            "imported_at": now_iso(), "items": len(standard(conn, cf.level)) + len(d.added)
            - len(d.removed), "changes": d.summary()}))
    set_reference(conn, rows)
    log.info("catalog %s v%d: +%d -%d ~%d", cf.level, version, len(d.added), len(d.removed),
             len(d.changed))
    return {"level": cf.level, "version": version, **d.summary(),
            "still_enabled": enabled_by(conn, d.removed)}


def import_hall_file(conn: sa.Connection, cf: cfile.CatalogFile, hall: str | None = None,
                     source: str = "") -> dict[str, Any]:
    """A hall file: its items into the standard (added or updated, none removed), then the
    hall's own rows; the hall's rows the file no longer has are deleted."""
    assert cf.hall is not None
    info = dict(cf.hall["hall"])
    code = hall or str(info.get("code") or "")
    if not code:
        raise ValueError("目录文件没有大厅代码，请用 --hall 指定")
    if not hall_exists(conn, code):
        add_hall(conn, code, str(info.get("name") or code), info)
    out = import_standard(conn, cf, source, removing=False)
    rows = [(code, k, i, data) for k, i, data in cfile.hall_rows(cf)]
    keep = {(k, i) for _, k, i, _ in rows}
    r = db.reference
    for row in conn.execute(sa.select(r.c.kind, r.c.id).where(
            r.c.hall_code == code, r.c.kind.in_(["item", *cfile.HALL_KINDS]),
            r.c.data.is_not(None))):
        if (row.kind, row.id) not in keep:  # first-build `item` rows go too
            rows.append((code, row.kind, row.id, None))
    out["hall"] = code
    out["rows"] = set_reference(conn, rows)
    return out


def enable(conn: sa.Connection, hall: str, codes: Iterable[str], *, level: str | None = None,
           local: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Enable standard items in a hall with its local settings; an item enabled before
    keeps its short number. LookupError names what is missing or ambiguous."""
    if not hall_exists(conn, hall):
        raise LookupError(f"没有这个大厅: {hall}")
    std = [rec for rec in _rows(conn, db.ALL_HALLS, cfile.STD_ITEM).values()
           if level is None or rec.get("level") == level]
    current = _rows(conn, hall, cfile.ENABLED)
    by_code = {rec.get("code"): no for no, rec in current.items()}
    taken = set(current)
    rows, out = [], []
    for code in codes:
        found = [rec for rec in std if rec["code"] == code]
        if not found:
            raise LookupError(f"标准目录中没有事项 {code}" + (f"（层级 {level}）" if level else ""))
        if len(found) > 1:
            raise LookupError(f"事项 {code} 同时在省级和市级目录中，请用 --level 指定")
        no = by_code.get(code) or next_short_number(taken)
        taken.add(no)
        rec = {**local_part({**current.get(no, {}), **(local or {}), "no": no}),
               "code": code, "level": found[0]["level"]}
        rows.append((hall, cfile.ENABLED, no, rec))
        out.append(rec)
    set_reference(conn, rows)
    return out


def set_hours(conn: sa.Connection, hall: str, data: Mapping[str, Any]) -> dict[str, int]:
    """Replace a hall's opening periods and duty roster (ValueError names a bad entry)."""
    if not hall_exists(conn, hall):
        raise LookupError(f"没有这个大厅: {hall}")
    rows = [(hall, k, i, d) for k, i, d in cfile.hours_rows(dict(data))]
    keep = {(k, i) for _, k, i, _ in rows}
    r = db.reference
    for row in conn.execute(sa.select(r.c.kind, r.c.id).where(
            r.c.hall_code == hall, r.c.kind.in_([cfile.PERIOD, cfile.DUTY]),
            r.c.data.is_not(None))):
        if (row.kind, row.id) not in keep:
            rows.append((hall, row.kind, row.id, None))
    set_reference(conn, rows)
    live = [k for _, k, _, d in rows if d is not None]
    return {"periods": live.count(cfile.PERIOD), "duty": live.count(cfile.DUTY)}
