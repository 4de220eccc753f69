"""What an administrator does: halls, staff, the catalog, enrolment codes, revocation.

Reference data is owned here. Each change takes a change seq like an event, so
terminals pull it through the same cursor; a deletion is a row with no data, which
travels too. Staff passwords are hashed with the scrypt format terminals verify offline
(domain.passwords) — the plain password never reaches the database.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from domain import passwords, roles
from server import db
from server.auth import now_iso

log = logging.getLogger(__name__)

ROLES = roles.STAFF_ROLES
CATALOG_KINDS = (("department", "departments", "id"), ("zone", "zones", "id"),
                 ("window", "windows", "id"), ("item", "items", "no"))


def hall_exists(conn: sa.Connection, code: str) -> bool:
    return conn.execute(sa.select(db.halls.c.code).where(db.halls.c.code == code)).first() \
        is not None


def set_reference(conn: sa.Connection, rows: Iterable[tuple[str, str, str, Mapping | None]]
                  ) -> int:
    """Upsert (hall, kind, id, data) rows; each gets a fresh change seq. Writer only."""
    rows = list(rows)
    if not rows:
        return 0
    first = db.next_seqs(conn, len(rows))
    r = db.reference
    for i, (hall, kind, rid, data) in enumerate(rows):
        text = None if data is None else json.dumps(dict(data), ensure_ascii=False)
        key = sa.and_(r.c.hall_code == hall, r.c.kind == kind, r.c.id == rid)
        res = conn.execute(r.update().where(key).values(data=text, change_seq=first + i))
        if res.rowcount == 0:
            conn.execute(r.insert().values(hall_code=hall, kind=kind, id=rid, data=text,
                                           change_seq=first + i))
    return len(rows)


def add_hall(conn: sa.Connection, code: str, name: str, info: Mapping | None = None) -> None:
    """Create a hall (or rename it); its `hall` reference row travels to its terminals."""
    if not code.strip() or not name.strip():
        raise ValueError("大厅代码和名称不能为空")
    if hall_exists(conn, code):
        conn.execute(db.halls.update().where(db.halls.c.code == code).values(name=name))
    else:
        conn.execute(db.halls.insert().values(code=code, name=name, created_at=now_iso()))
    set_reference(conn, [(code, "hall", "hall", {**(info or {}), "code": code, "name": name})])


def hall_record(conn: sa.Connection, code: str) -> dict:
    """A hall's record (name, address, settings) as its terminals receive it."""
    r = db.reference
    row = conn.execute(sa.select(r.c.data).where(r.c.hall_code == code, r.c.kind == "hall",
                                                 r.c.id == "hall")).first()
    if row is None or row.data is None:
        raise LookupError(f"没有这个大厅: {code}")
    return dict(json.loads(row.data))


def set_hall_settings(conn: sa.Connection, code: str, settings: Mapping[str, Any]) -> dict:
    """Merge settings into a hall's record (followup_days, sms …); terminals pull it."""
    data = {**hall_record(conn, code), **settings}
    set_reference(conn, [(code, "hall", "hall", data)])
    return data


def staff_record(staff_id: str, no: str, name: str, role: str, window: str | None,
                 password: str | None = None, password_hash: str | None = None,
                 department: str | None = None) -> dict[str, Any]:
    if role not in ROLES:
        raise ValueError(f"角色应为 {', '.join(ROLES)} 之一")
    if role in roles.DEPARTMENT_BOUND and not department:
        raise ValueError(f"{roles.label(role)}须指定所属部门（--department）")
    rec: dict[str, Any] = {"id": staff_id, "no": no, "name": name, "role": role,
                           "window": window or None}
    if department:
        rec["department"] = department
    if password is not None:
        rec["password_hash"] = passwords.hash_password(password)
    elif password_hash is not None:
        rec["password_hash"] = password_hash
    return rec


def add_staff(conn: sa.Connection, hall: str, rec: Mapping[str, Any]) -> None:
    if not hall_exists(conn, hall):
        raise LookupError(f"没有这个大厅: {hall}")
    set_reference(conn, [(hall, "staff", str(rec["id"]), rec)])


def find_staff(conn: sa.Connection, hall: str, no: str) -> dict[str, Any] | None:
    """A staff member of a hall by work number (or id)."""
    r = db.reference
    for row in conn.execute(sa.select(r.c.data).where(r.c.hall_code == hall,
                                                      r.c.kind == "staff",
                                                      r.c.data.is_not(None))):
        rec = json.loads(row.data)
        if no in (str(rec.get("no")), str(rec.get("id"))):
            return rec
    return None


def import_catalog(conn: sa.Connection, data: Mapping[str, Any], hall: str | None = None,
                   level: str | None = None) -> int:
    """Load a hall file (resources/catalog format): its items into the standard catalog
    of `level` and enabled in the hall (server.catalog). Returns the rows written."""
    from domain.catalog_file import parse_catalog
    from server import catalog

    cf = parse_catalog(json.dumps(data, ensure_ascii=False, indent=1), level)
    return int(catalog.import_hall_file(conn, cf, hall)["rows"])


def ensure_calendar(conn: sa.Connection) -> None:
    """Merge the shipped calendar years in (every start: an upgrade brings new years)."""
    from server import calendar

    calendar.merge_shipped(conn)


def list_terminals(conn: sa.Connection, *, revoked: bool = False) -> list[dict[str, Any]]:
    """One row per live terminal (with `revoked`, the revoked ones too): its program
    version and last contact, what it replaced."""
    t = db.terminals
    q = sa.select(t).order_by(t.c.hall_code, t.c.code)
    if not revoked:
        q = q.where(t.c.revoked_at.is_(None))
    return [{"id": r.id, "code": r.code, "hall": r.hall_code, "name": r.name,
             "version": r.version, "last_seen": r.last_seen, "enrolled_at": r.enrolled_at,
             "revoked_at": r.revoked_at, "replaces": r.replaces, "max_seq": int(r.max_seq),
             "role": r.role}
            for r in conn.execute(q)]


def backup_sqlite(database: db.Database, target: str) -> int:
    """Copy a SQLite server database to `target` while it runs (SQLite's online backup:
    a consistent copy, writers wait only for each step). Returns the pages copied.

    The copy is private (0600) like the database. PostgreSQL is backed up with its own
    tools (docs/backup.md)."""
    import pathlib
    import sqlite3

    from sync.private import private_file

    if not database.is_sqlite:
        raise ValueError("PostgreSQL 数据库请用 pg_dump 备份（见 docs/backup.md）")
    path = pathlib.Path(target)
    if path.exists():
        raise ValueError(f"备份文件已存在，不覆盖: {target}")
    source = sa.engine.make_url(db.engine_url(database.url)).database
    private_file(path)
    with sqlite3.connect(source) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
        pages = dst.execute("PRAGMA page_count").fetchone()[0]
    dst.close()
    src.close()
    return int(pages)
