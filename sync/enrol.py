"""First run: enrol this terminal with a server, or run it standalone (the demo).

Qt-free: the first-run dialog and `yichuang enroll` both call `enrol()`. Enrolling again
(after a restored backup, or a revoked token) keeps every pending event: they take the
new identity (sync.outbox.restamp) and go out with the next push.

An enrolled terminal is re-enrolled only when asked (`force`, `yichuang enroll --force`)
or when the server told it to (a restored backup). It presents its old token, so the
server revokes every earlier token of this terminal and counts its old events as the
new identity's own. An enrolment is idempotent per code and request id: the id is kept
in the replica before the request goes out, so a retry after a lost answer (even from a
new process) is the same enrolment, not "code already used".
"""

from __future__ import annotations

import hashlib
import json
import logging
import pathlib
import uuid
from dataclasses import dataclass

import requests

from sync import outbox, token_store, wire
from sync.replica import ENROLLED, STANDALONE, Replica, needs_first_run  # noqa: F401 (was here)

log = logging.getLogger(__name__)


class EnrolError(Exception):
    """Enrolment failed; the message says why, for the person at the terminal."""


@dataclass(frozen=True)
class Enrolment:
    terminal_id: str
    terminal_code: str
    hall_code: str
    hall_name: str
    restamped: int


def _request_id(replica: Replica, code: str) -> str:
    """The same id for every attempt with the same code (kept before the request)."""
    key = hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()[:16]
    try:
        held = json.loads(replica.get_meta("enrol_request") or "{}")
    except ValueError:
        held = {}
    if held.get("code") == key and held.get("id"):
        return str(held["id"])
    rid = uuid.uuid4().hex
    replica.set_meta("enrol_request", json.dumps({"code": key, "id": rid}))
    return rid


def enrol(data_dir: pathlib.Path | str, server: str | None, code: str, *, name: str = "",
          force: bool = False, timeout: float = 15.0) -> Enrolment:
    """Exchange a one-time code for this terminal's identity and token; store them.

    `server` may be None when re-enrolling: the one the terminal already uses.
    """
    with Replica.in_dir(data_dir) as replica:
        enrolled = replica.get_meta("mode") == ENROLLED
        if enrolled and not force and not replica.get_meta("reenrol_required"):
            raise EnrolError(
                f"此终端已注册（终端 {replica.get_meta('terminal_code')}，大厅 "
                f"{replica.get_meta('hall_code')}）。如需重新注册，请加 --force：旧凭据将被停用，"
                "未同步的记录会保留并以新身份发送")
        server = (server or replica.get_meta("server_url") or "").strip().rstrip("/")
        old_token = token_store.load(replica) if enrolled else None
        request_id = _request_id(replica, code)
    if not server.startswith(("http://", "https://")):
        raise EnrolError("服务器地址应以 http:// 或 https:// 开头")
    headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
    if old_token:
        headers["Authorization"] = f"Bearer {old_token}"
    try:
        resp = requests.post(f"{server}/api/v1/enrol",
                             json={"code": code.strip(), "name": name,
                                   "request_id": request_id},
                             headers=headers, timeout=timeout)
    except requests.RequestException as exc:
        raise EnrolError(f"无法连接服务器 {server}: {type(exc).__name__}") from exc
    if resp.status_code != 200:
        try:
            detail = resp.json().get("detail")
        except ValueError:
            detail = None
        raise EnrolError(str(detail or f"服务器拒绝注册 ({resp.status_code})"))
    try:
        got = resp.json()
        got["terminal_id"], got["token"]
    except (ValueError, KeyError, TypeError) as exc:
        raise EnrolError("服务器应答不完整，请重试（同一注册码可再次使用）") from exc
    return _store(data_dir, server, got)


def _store(data_dir: pathlib.Path | str, server: str, got: dict) -> Enrolment:
    with Replica.in_dir(data_dir) as replica:
        old_hall = replica.get_meta("hall_code")
        old_server = (replica.get_meta("server_url") or "").rstrip("/")
        # after a restored backup the server holds events of our old number we never saw
        # as others' events: start again from a snapshot (merged, nothing local is lost)
        restored = bool(replica.get_meta("reenrol_required"))
        with replica.transaction():
            replica.set_identity(got["terminal_id"], got["terminal_code"], got["hall_code"],
                                 ENROLLED)
            replica.set_meta("server_url", server)
            token_store.save(replica, got["token"])
            replica.set_meta("reenrol_required", None)
            replica.set_meta("reenrol_message", None)
            replica.set_meta("enrol_request", None)
            replica.conn.execute("DELETE FROM meta WHERE value IS NULL")
            n = outbox.restamp(replica, got["terminal_id"])
            # another server (the hall's new node, say) counts its own seqs: start again
            if old_hall != got["hall_code"] or restored or old_server != server:
                replica.conn.execute("DELETE FROM meta WHERE key IN ('cursor', 'server_info')")
    log.info("enrolled as terminal %s of hall %s (%d pending events restamped)",
             got["terminal_code"], got["hall_code"], n)
    return Enrolment(got["terminal_id"], got["terminal_code"], got["hall_code"],
                     got.get("hall_name", ""), n)


def standalone(data_dir: pathlib.Path | str) -> None:
    """Run without a server: the demo catalog, a local identity, nothing to sync."""
    from sync.demo_data import ensure_catalog

    with Replica.in_dir(data_dir) as replica:
        replica.identity()
        replica.set_meta("mode", STANDALONE)
        ensure_catalog(replica)


