"""First run: enrol this terminal with a server, or run it standalone (the demo).

Qt-free: the first-run dialog and `yichuang enroll` both call `enrol()`. Enrolling again
(after a restored backup, or a revoked token) keeps every pending event: they take the
new identity (sync.outbox.restamp) and go out with the next push.
"""

from __future__ import annotations

import logging
import pathlib
from dataclasses import dataclass

import requests

from sync import outbox, wire
from sync.replica import ENROLLED, STANDALONE, Replica

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


def enrol(data_dir: pathlib.Path | str, server: str, code: str, *, name: str = "",
          timeout: float = 15.0) -> Enrolment:
    """Exchange a one-time code for this terminal's identity and token; store them."""
    server = server.strip().rstrip("/")
    if not server.startswith(("http://", "https://")):
        raise EnrolError("服务器地址应以 http:// 或 https:// 开头")
    try:
        resp = requests.post(f"{server}/api/v1/enrol", json={"code": code.strip(), "name": name},
                             headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)},
                             timeout=timeout)
    except requests.RequestException as exc:
        raise EnrolError(f"无法连接服务器 {server}: {type(exc).__name__}") from exc
    if resp.status_code != 200:
        try:
            detail = resp.json().get("detail")
        except ValueError:
            detail = None
        raise EnrolError(str(detail or f"服务器拒绝注册 ({resp.status_code})"))
    got = resp.json()
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
            replica.set_meta("token", got["token"])
            replica.set_meta("reenrol_required", None)
            replica.set_meta("reenrol_message", None)
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


def needs_first_run(data_dir: pathlib.Path | str) -> bool:
    """True until the terminal was enrolled or set to standalone."""
    path = pathlib.Path(data_dir) / "replica.sqlite3"
    if not path.exists():
        return True
    with Replica(path) as replica:
        return replica.get_meta("mode") is None
