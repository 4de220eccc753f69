"""Back-office logins: a reviewer's password buys a short-lived token, and nothing else.

- The password travels once, in the login request's Authorization header (HTTP Basic),
  never in a body; every other request carries the token (Bearer). Tokens are stored
  hashed, live TOKEN_TTL after their last use (refreshed at most every half TTL) and
  never past MAX_LIFETIME.
- The scrypt check runs outside the server's write lock (pushes never wait for it),
  one at a time per process (a storm of guesses takes one core, not all); only the
  small bookkeeping writes (a failure counted, a token issued) take a side
  transaction that carries no change seq.
- Repeated failures lock the account and, separately, the address for LOCK_MINUTES.
- Every failure answers the same (LoginFailed): unknown number, wrong password, a role
  that may not use the back office, a locked account, a demo credential on a real
  server — nobody learns which. An unknown number still costs a scrypt check.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import threading
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from domain import passwords, roles
from server import db, demo_staff
from server.admin import find_staff
from server.auth import digest, utcnow

TOKEN_TTL = dt.timedelta(minutes=30)
MAX_LIFETIME = dt.timedelta(hours=12)
WINDOW = dt.timedelta(minutes=15)
ACCOUNT_FAILURES = 5  # within WINDOW, then the account is locked
ADDRESS_FAILURES = 20  # within WINDOW, then the address is locked
LOCK_MINUTES = 15
CHECK_WAIT = 10.0  # seconds a login waits for its turn at the password check
_CHECKS = threading.BoundedSemaphore(1)
FAILED = "登录失败：工号、密码或权限不符，或因多次失败已暂时锁定，请稍后再试"
EXPIRED = "登录已失效，请重新登录"
# a hash of nothing anyone types: an unknown number costs the same scrypt as a known one
_DUMMY_HASH = passwords.hash_password(secrets.token_hex(16), salt=b"yichuang-dummy-salt")


class LoginFailed(Exception):
    """Any failure to log in or to use a token: one message, whatever the cause."""


@dataclass(frozen=True)
class BackofficeStaff:
    """Who a token belongs to, read afresh from the staff records on every request."""

    id: str
    no: str
    name: str
    role: str
    department: str | None
    hall: str
    active: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "no": self.no, "name": self.name, "role": self.role,
                "department": self.department, "hall": self.hall}


def _iso(t: dt.datetime) -> str:
    return t.isoformat(timespec="seconds")


def _keys(hall: str, no: str, address: str) -> tuple[str, str]:
    return f"acct:{hall}:{no}"[:200], f"addr:{address}"[:200]


def locked(conn: sa.Connection, keys: tuple[str, ...], now: dt.datetime) -> bool:
    f = db.login_failures
    rows = conn.execute(sa.select(f.c.locked_until).where(f.c.key.in_(keys))).all()
    return any(r.locked_until and r.locked_until > _iso(now) for r in rows)


def _count_failure(conn: sa.Connection, key: str, limit: int, now: dt.datetime) -> None:
    f = db.login_failures
    row = conn.execute(sa.select(f).where(f.c.key == key)).first()
    if row is None or row.window_start < _iso(now - WINDOW):
        failures, start = 1, _iso(now)
    else:
        failures, start = int(row.failures) + 1, row.window_start
    # an attempt already past the check when the lock fell must not lift it
    lock = row.locked_until if row is not None and row.locked_until and \
        row.locked_until > _iso(now) else None
    if failures >= limit:
        lock, failures = _iso(now + dt.timedelta(minutes=LOCK_MINUTES)), 0
    values = {"failures": failures, "window_start": start, "locked_until": lock}
    if row is None:
        conn.execute(f.insert().values(key=key, **values))
    else:
        conn.execute(f.update().where(f.c.key == key).values(**values))


def _staff(rec: dict[str, Any], hall: str) -> BackofficeStaff:
    return BackofficeStaff(id=str(rec.get("id", "")), no=str(rec.get("no", "")),
                           name=str(rec.get("name", "")), role=str(rec.get("role", "")),
                           department=rec.get("department"), hall=hall,
                           active=bool(rec.get("active", True)))


def _usable(rec: dict[str, Any] | None, hall: str, *, demo: bool) -> BackofficeStaff | None:
    """The staff member if they may use the back office at all (role, active, not a
    demo credential on a real server)."""
    if rec is None or (not demo and demo_staff.is_demo_credential(rec)):
        return None
    staff = _staff(rec, hall)
    return staff if roles.may(staff, "review.open") else None


def login(database: db.Database, hall: str, no: str, password: str, address: str, *,
          demo: bool = False, now: dt.datetime | None = None) -> tuple[str, str, BackofficeStaff]:
    """(token, expires_at, staff); LoginFailed for anything else. Not in a transaction:
    reads, the scrypt check and the bookkeeping write each take their own."""
    now = now or utcnow()
    keys = _keys(hall, no, address)
    with database.reader() as conn:
        if locked(conn, keys, now):
            raise LoginFailed(FAILED)
        rec = find_staff(conn, hall, no) if no else None
    stored = str((rec or {}).get("password_hash") or "") or _DUMMY_HASH
    # outside the write lock, and one at a time per process: a storm of guesses may
    # use one core, never all of them (pushes keep theirs)
    if not _CHECKS.acquire(timeout=CHECK_WAIT):
        raise LoginFailed(FAILED)
    try:
        ok = passwords.verify(password, stored) and rec is not None
    finally:
        _CHECKS.release()
    staff = _usable(rec, hall, demo=demo) if ok else None
    with database.side_writer() as conn:
        if staff is None:
            _count_failure(conn, keys[0], ACCOUNT_FAILURES, now)
            _count_failure(conn, keys[1], ADDRESS_FAILURES, now)
        else:
            conn.execute(db.login_failures.delete().where(db.login_failures.c.key == keys[0]))
            token = secrets.token_urlsafe(32)
            expires = _iso(now + TOKEN_TTL)
            conn.execute(db.backoffice_tokens.insert().values(
                token_hash=digest(token), hall_code=hall, staff_id=staff.id,
                created_at=_iso(now), expires_at=expires))
    if staff is None:
        raise LoginFailed(FAILED)
    return token, expires, staff


def staff_for(database: db.Database, token: str, *, demo: bool = False,
              now: dt.datetime | None = None) -> BackofficeStaff:
    """The staff member a token stands for, as their record says now (a reviewer moved
    to another department or retired loses the back office at once)."""
    now = now or utcnow()
    t = db.backoffice_tokens
    with database.reader() as conn:
        row = conn.execute(sa.select(t).where(t.c.token_hash == digest(token))).first()
        if row is None or row.expires_at <= _iso(now) or \
                row.created_at <= _iso(now - MAX_LIFETIME):
            raise LoginFailed(EXPIRED)
        r = db.reference
        data = conn.execute(sa.select(r.c.data).where(
            r.c.hall_code == row.hall_code, r.c.kind == "staff", r.c.id == row.staff_id)
        ).scalar_one_or_none()
    staff = _usable(json.loads(data) if data else None, row.hall_code, demo=demo)
    if staff is None:
        raise LoginFailed(EXPIRED)
    if row.expires_at < _iso(now + TOKEN_TTL / 2):  # in use: keep it alive, rarely written
        with database.side_writer() as conn:
            conn.execute(t.update().where(t.c.token_hash == row.token_hash)
                         .values(expires_at=_iso(now + TOKEN_TTL)))
    return staff


def logout(database: db.Database, token: str) -> None:
    """The token stops working now (the face's 退出)."""
    with database.side_writer() as conn:
        conn.execute(db.backoffice_tokens.delete().where(
            db.backoffice_tokens.c.token_hash == digest(token)))
