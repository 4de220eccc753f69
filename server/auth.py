"""Terminal tokens and one-time enrolment codes.

Only hashes are stored: a stolen database copy enrols no terminal and impersonates
none. Codes are typed by a person, so they use an alphabet without 0/O and 1/I.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from server import codeblocks, db

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class AuthError(Exception):
    """Bad or revoked credentials (HTTP 401), with a message for the operator."""


@dataclass(frozen=True)
class Terminal:
    id: str
    code: str
    hall_code: str
    max_seq: int
    role: str = "terminal"  # hall node (issue 11): "node" pushes for its terminals


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def now_iso() -> str:
    return utcnow().isoformat(timespec="seconds")


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch in CODE_ALPHABET)


def new_code() -> str:
    """12 characters (60 bits), shown as XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def issue_code(conn: sa.Connection, hall_code: str, ttl_hours: float = 72, *,
               node_codes: int | None = None) -> str:
    """A one-time enrolment code for a hall (writer transaction); with `node_codes`, a
    hall node's code, whose node gets a block of that many terminal codes."""
    if conn.execute(sa.select(db.halls.c.code).where(db.halls.c.code == hall_code)).first() is None:
        raise LookupError(f"没有这个大厅: {hall_code}")
    code = new_code()
    expires = (utcnow() + dt.timedelta(hours=ttl_hours)).isoformat(timespec="seconds")
    conn.execute(db.enrol_codes.insert().values(
        code_hash=digest(normalize_code(code)), hall_code=hall_code, expires_at=expires,
        role="node" if node_codes else "terminal", codes=node_codes))
    return code


def enrol(conn: sa.Connection, code: str, name: str = "") -> dict[str, Any]:
    """Exchange a one-time code for a token and an identity (writer transaction)."""
    row = conn.execute(sa.select(db.enrol_codes).where(
        db.enrol_codes.c.code_hash == digest(normalize_code(code)))).first()
    if row is None or row.used_at is not None:
        raise AuthError("注册码无效或已使用")
    if row.expires_at < now_iso():
        raise AuthError("注册码已过期，请向管理员重新申请")
    token = secrets.token_urlsafe(32)
    terminal_id = secrets.token_hex(8)
    # hall node (issue 11): codes unique across the tree of servers (server/codeblocks.py)
    tcode = codeblocks.free_terminal_code(conn)
    conn.execute(db.terminals.insert().values(
        id=terminal_id, code=tcode, hall_code=row.hall_code, token_hash=digest(token),
        name=name[:80], enrolled_at=now_iso(), max_seq=0, role=row.role))
    conn.execute(db.enrol_codes.update().where(db.enrol_codes.c.code_hash == row.code_hash)
                 .values(used_at=now_iso(), terminal_id=terminal_id))
    hall = conn.execute(sa.select(db.halls).where(db.halls.c.code == row.hall_code)).one()
    out = {"token": token, "terminal_id": terminal_id, "terminal_code": tcode,
           "hall_code": hall.code, "hall_name": hall.name}
    if row.role == "node":  # hall node (issue 11): its block of terminal codes
        out["role"] = "node"
        out["codes"] = codeblocks.allot_block(conn, terminal_id, int(row.codes or 0))
    return out


def terminal_for(conn: sa.Connection, token: str) -> Terminal:
    """The terminal a bearer token belongs to; AuthError if unknown or revoked."""
    row = conn.execute(sa.select(db.terminals).where(
        db.terminals.c.token_hash == digest(token))).first()
    if row is None:
        raise AuthError("终端凭据无效，请重新注册")
    if row.revoked_at is not None:
        raise AuthError("此终端已被管理员停用，请重新注册")
    return Terminal(row.id, row.code, row.hall_code, int(row.max_seq), row.role)


def revoke(conn: sa.Connection, code_or_id: str) -> int:
    """Revoke a terminal by its 4-digit code or its id; returns how many rows changed."""
    t = db.terminals
    res = conn.execute(t.update().where(sa.or_(t.c.code == code_or_id, t.c.id == code_or_id))
                       .where(t.c.revoked_at.is_(None)).values(revoked_at=now_iso()))
    return res.rowcount
