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
    # the terminals this one re-enrolled in place of: their events are its own
    lineage: tuple[str, ...] = ()
    version: str | None = None
    last_seen: str | None = None
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


def enrol(conn: sa.Connection, code: str, name: str = "", *, request_id: str = "",
          old_token: str | None = None, version: str | None = None) -> dict[str, Any]:
    """Exchange a one-time code for a token and an identity (writer transaction).

    Idempotent per code and `request_id`: the same request again (its answer was lost)
    gets the same terminal with a fresh token, never "code already used" and never an
    orphan terminal. With `old_token` (re-enrolment, `yichuang enroll --force`) the
    terminal it belongs to and every terminal that one replaced are revoked, and the new
    terminal inherits them as its lineage (their events count as its own).
    """
    row = conn.execute(sa.select(db.enrol_codes).where(
        db.enrol_codes.c.code_hash == digest(normalize_code(code)))).first()
    if row is None:
        raise AuthError("注册码无效或已使用")
    if row.used_at is not None:
        if request_id and row.request_id == request_id and row.terminal_id:
            return _reissue(conn, row.terminal_id)
        raise AuthError("注册码无效或已使用")
    if row.expires_at < now_iso():
        raise AuthError("注册码已过期，请向管理员重新申请")
    replaces = _old_terminal(conn, old_token, row.hall_code)
    token = secrets.token_urlsafe(32)
    terminal_id = secrets.token_hex(8)
    # hall node (issue 11): codes unique across the tree of servers (server/codeblocks.py)
    tcode = codeblocks.free_terminal_code(conn)
    conn.execute(db.terminals.insert().values(
        id=terminal_id, code=tcode, hall_code=row.hall_code, token_hash=digest(token),
        name=name[:80], enrolled_at=now_iso(), max_seq=0, role=row.role, replaces=replaces,
        version=version, last_seen=now_iso()))
    if replaces:
        revoke_lineage(conn, replaces)
    conn.execute(db.enrol_codes.update().where(db.enrol_codes.c.code_hash == row.code_hash)
                 .values(used_at=now_iso(), terminal_id=terminal_id,
                         request_id=request_id or None))
    if row.role == "node":  # hall node (issue 11): its block of terminal codes
        codeblocks.allot_block(conn, terminal_id, int(row.codes or 0))
    return _answer(conn, terminal_id, token)


def _answer(conn: sa.Connection, terminal_id: str, token: str) -> dict[str, Any]:
    t = conn.execute(sa.select(db.terminals).where(db.terminals.c.id == terminal_id)).one()
    hall = conn.execute(sa.select(db.halls).where(db.halls.c.code == t.hall_code)).one()
    out: dict[str, Any] = {"token": token, "terminal_id": t.id, "terminal_code": t.code,
                           "hall_code": hall.code, "hall_name": hall.name}
    if t.role == "node":  # hall node (issue 11): the block of terminal codes it was given
        out["role"] = "node"
        out["codes"] = sorted(r[0] for r in conn.execute(sa.select(db.code_blocks.c.code)
                                                         .where(db.code_blocks.c.holder == t.id)))
    return out


def _reissue(conn: sa.Connection, terminal_id: str) -> dict[str, str]:
    """The retried enrolment: a fresh token for the terminal the lost answer made (the
    first token was never received by anyone, so nothing else holds it)."""
    t = conn.execute(sa.select(db.terminals).where(db.terminals.c.id == terminal_id)).first()
    if t is None or t.revoked_at is not None:
        raise AuthError("注册码无效或已使用")
    token = secrets.token_urlsafe(32)
    conn.execute(db.terminals.update().where(db.terminals.c.id == terminal_id)
                 .values(token_hash=digest(token)))
    return _answer(conn, terminal_id, token)


def _old_terminal(conn: sa.Connection, old_token: str | None, hall: str) -> str | None:
    """The terminal a re-enrolling client was (by its old token, revoked or not)."""
    if not old_token:
        return None
    row = conn.execute(sa.select(db.terminals.c.id, db.terminals.c.hall_code).where(
        db.terminals.c.token_hash == digest(old_token))).first()
    if row is None or row.hall_code != hall:
        return None  # unknown, or another hall's: a new terminal, nothing inherited
    return row.id


def lineage(conn: sa.Connection, terminal_id: str) -> tuple[str, ...]:
    """The terminals `terminal_id` replaced, nearest first (walks `replaces`)."""
    out: list[str] = []
    t = db.terminals
    cur = conn.execute(sa.select(t.c.replaces).where(t.c.id == terminal_id)).scalar()
    while cur and cur not in out and len(out) < 100:
        out.append(cur)
        cur = conn.execute(sa.select(t.c.replaces).where(t.c.id == cur)).scalar()
    return tuple(out)


def revoke_lineage(conn: sa.Connection, terminal_id: str) -> int:
    """Revoke a terminal and every terminal it replaced."""
    ids = [terminal_id, *lineage(conn, terminal_id)]
    t = db.terminals
    return conn.execute(t.update().where(t.c.id.in_(ids)).where(t.c.revoked_at.is_(None))
                        .values(revoked_at=now_iso())).rowcount


def token_shaped(token: str) -> bool:
    """Whether a bearer token could be one of ours (a NUL or a megabyte is not looked up)."""
    return "\x00" not in token and len(token) <= 200


def terminal_of(row: Any, lineage: tuple[str, ...] = ()) -> Terminal:
    """The Terminal of a `terminals` row (or a read carrying its columns)."""
    return Terminal(row.id, row.code, row.hall_code, int(row.max_seq), lineage, row.version,
                    row.last_seen, row.role)


def terminal_for(conn: sa.Connection, token: str) -> Terminal:
    """The terminal a bearer token belongs to; AuthError if unknown or revoked."""
    if not token_shaped(token):
        raise AuthError("终端凭据无效，请重新注册")
    row = conn.execute(sa.select(db.terminals).where(
        db.terminals.c.token_hash == digest(token))).first()
    if row is None:
        raise AuthError("终端凭据无效，请重新注册")
    if row.revoked_at is not None:
        raise AuthError("此终端已被管理员停用，请重新注册")
    return terminal_of(row, lineage(conn, row.id) if row.replaces else ())


TOUCH_EVERY_S = 300


def touch(conn: sa.Connection, term: Terminal, version: str | None) -> None:
    """Note the terminal's last contact and program version (a write: callers do it in
    a push's transaction, or when the stored values are stale)."""
    values: dict[str, str] = {"last_seen": now_iso()}
    if version:
        values["version"] = version[:40]
    conn.execute(db.terminals.update().where(db.terminals.c.id == term.id).values(values))


def stale(term: Terminal, version: str | None) -> bool:
    """Whether the stored contact time or version is worth a write."""
    if version and version[:40] != term.version:
        return True
    if not term.last_seen:
        return True
    age = utcnow() - dt.datetime.fromisoformat(term.last_seen)
    return age.total_seconds() > TOUCH_EVERY_S


def revoke(conn: sa.Connection, code_or_id: str) -> int:
    """Revoke a terminal by its 4-digit code or its id; returns how many rows changed."""
    t = db.terminals
    res = conn.execute(t.update().where(sa.or_(t.c.code == code_or_id, t.c.id == code_or_id))
                       .where(t.c.revoked_at.is_(None)).values(revoked_at=now_iso()))
    return res.rowcount
