"""The sync client: push the outbox, pull the hall's changes (Qt-free, one thread).

A SyncClient owns its own Replica connection, so it must live and be used in one thread
(the worker's, or a command's). It never decides anything about cases: it moves events
and answers, and re-projects cases through sync.store like any local write.

Failures split in two: `Offline` (cannot reach the server, 5xx, timeouts — try again
later, with backoff) and `SyncRefused` (the server understood and said no: old protocol,
revoked token, restored backup — a person has to act; retrying will not help).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import pathlib
import time
from dataclasses import dataclass, field
from typing import Any

import requests

from domain.events import CHINA_TZ
from domain.version import VERSION
from sync import apply, notices, outbox, wire
from sync.replica import ENROLLED, Replica
from sync.status import SyncStatus

log = logging.getLogger(__name__)

TIMEOUT = (5.0, 60.0)  # connect, read
MAX_BATCH, MIN_BATCH = 4000, 25


class Offline(Exception):
    """The server cannot be reached or failed transiently; `retry_after` if it said."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SyncRefused(Exception):
    """The server refused us for a reason a person must fix (re-enrol, upgrade)."""

    def __init__(self, message: str, reenrol: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.reenrol, self.status = reenrol, status


@dataclass
class RoundReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    refused: int = 0
    requests: int = 0
    bytes_up: int = 0
    errors: list[str] = field(default_factory=list)


class SyncClient:
    """Push and pull for the replica in `data_dir`. One thread; see the module doc."""

    def __init__(self, data_dir: pathlib.Path | str, *,
                 session: requests.Session | None = None,
                 timeout: tuple[float, float] = TIMEOUT) -> None:
        self.data_dir = pathlib.Path(data_dir)
        self.replica = Replica.in_dir(self.data_dir)
        self.session = session or requests.Session()
        self.timeout = timeout
        self.batch_size = MAX_BATCH // 2
        self.clock_skew: float | None = None
        self.requests = 0
        self.bytes_up = 0

    def close(self) -> None:
        self.replica.close()
        self.session.close()

    # --- configuration -----------------------------------------------------------------
    @property
    def enrolled(self) -> bool:
        return self.replica.get_meta("mode") == ENROLLED and bool(self.replica.get_meta("token"))

    @property
    def server(self) -> str:
        return (self.replica.get_meta("server_url") or "").rstrip("/")

    @property
    def cursor(self) -> int | None:
        c = self.replica.get_meta("cursor")
        return int(c) if c is not None else None

    # --- HTTP ----------------------------------------------------------------------------
    def _request(self, method: str, path: str, **kw: Any) -> Any:
        headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION), "X-Yichuang-Version": VERSION,
                   "Authorization": f"Bearer {self.replica.get_meta('token') or ''}",
                   **kw.pop("headers", {})}
        t0 = time.time()
        self.requests += 1
        try:
            resp = self.session.request(method, self.server + path, headers=headers,
                                        timeout=self.timeout, **kw)
        except requests.RequestException as exc:
            raise Offline(f"无法连接服务器: {type(exc).__name__}") from exc
        self._note_clock(resp, (t0 + time.time()) / 2)
        if resp.status_code in (502, 503, 504) or resp.status_code >= 500:
            ra = resp.headers.get("Retry-After")
            raise Offline(f"服务器暂时不可用 ({resp.status_code})",
                          float(ra) if ra and ra.isdigit() else None)
        if resp.status_code in (401, 403, 426):
            raise SyncRefused(_detail(resp), reenrol=resp.status_code == 401,
                              status=resp.status_code)
        if resp.status_code >= 400:
            raise SyncRefused(f"{resp.status_code}: {_detail(resp)}", status=resp.status_code)
        try:
            return resp.json()
        except ValueError as exc:  # a proxy cut the answer short
            raise Offline("服务器应答不完整") from exc

    def _note_clock(self, resp: requests.Response, local_mid: float) -> None:
        date = resp.headers.get("Date")
        if not date:
            return
        try:
            server = email.utils.parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError):
            return
        self.clock_skew = server - local_mid

    # --- push ------------------------------------------------------------------------------
    def push(self) -> RoundReport:
        """Push the whole outbox in adaptive batches; stops at the first failure."""
        rep = RoundReport()
        if self.replica.get_meta("reenrol_required"):
            raise SyncRefused(self.replica.get_meta("reenrol_message") or "请重新注册终端",
                              reenrol=True)
        while True:
            events = outbox.pending(self.replica, self.batch_size)
            if not events:
                return rep
            body = wire.gzip_body({"batch": wire.pack_events(events)})
            try:
                answer = self._request("POST", "/api/v1/sync/push", data=body, headers={
                    "Content-Type": "application/json", "Content-Encoding": "gzip"})
            except Offline:
                self.batch_size = max(MIN_BATCH, self.batch_size // 2)
                raise
            except SyncRefused as exc:
                if exc.status != 400:
                    raise
                if len(events) > 1:  # one event spoils the batch: halve until it is alone
                    self.batch_size = max(1, len(events) // 2)
                    continue
                outbox.record_answers(self.replica, events, [(None, "r", str(exc))])
                rep.refused += 1
                continue
            rep.requests += 1
            rep.bytes_up += len(body)
            self.bytes_up += len(body)
            results = wire.unpack_verdicts(answer["results"])
            done = outbox.record_answers(self.replica, events, results)
            if done["cases"]:
                from sync.store import project

                project(self.replica, done["cases"])
            rep.pushed += done["confirmed"]
            rep.conflicts += done["conflicts"]
            rep.refused += done["refused"]
            self.batch_size = min(MAX_BATCH, self.batch_size * 2)
            if done["reenrol"] or answer.get("reenrol"):
                msg = answer.get("message") or done["reenrol"]
                self.replica.set_meta("reenrol_required", "1")
                self.replica.set_meta("reenrol_message", msg)
                raise SyncRefused(msg, reenrol=True)

    # --- pull ------------------------------------------------------------------------------
    def pull(self) -> RoundReport:
        """Pull pages until the server says there is no more; bootstrap if never pulled."""
        rep = RoundReport()
        me = self.replica.identity().terminal_id
        if self.cursor is None:
            snap = self._request("GET", "/api/v1/sync/snapshot")
            rep.requests += 1
            got = apply.apply_snapshot(self.replica, snap)
            rep.pulled += got["events"]
        while True:
            page = self._request("GET", "/api/v1/sync/pull",
                                 params={"cursor": self.cursor or 0})
            rep.requests += 1
            got = apply.apply_page(self.replica, page, me)
            rep.pulled += got["events"]
            if got["clone"]:
                msg = "服务器上有本终端编号的其他记录：本机可能由旧备份恢复，请重新注册终端"
                self.replica.set_meta("reenrol_required", "1")
                self.replica.set_meta("reenrol_message", msg)
            if not page.get("more"):
                return rep

    def sync_round(self) -> RoundReport:
        """Push, then pull (which also confirms anything whose answer was lost)."""
        rep = self.push()
        pulled = self.pull()
        rep.pulled, rep.requests = pulled.pulled, rep.requests + pulled.requests
        self.replica.set_meta("last_success", dt.datetime.now(CHINA_TZ).isoformat(
            timespec="seconds"))
        return rep

    # --- status ------------------------------------------------------------------------------
    def status(self, *, online: bool | None = None, error: str | None = None) -> SyncStatus:
        r = self.replica
        unseen = notices.count_unseen(r)
        return SyncStatus(
            mode=r.get_meta("mode") or "standalone", online=online,
            pending=outbox.count(r),
            oldest_pending_age_s=outbox.oldest_age(r, dt.datetime.now(CHINA_TZ)),
            last_success=r.get_meta("last_success"), last_error=error,
            clock_skew_s=self.clock_skew, unseen_notices=unseen,
            reenrol_required=bool(r.get_meta("reenrol_required")),
            message=r.get_meta("reenrol_message") or "" if r.get_meta("reenrol_required")
            else (error or ""), cursor=self.cursor or 0)


def _detail(resp: requests.Response) -> str:
    try:
        return str(resp.json().get("detail", resp.reason))
    except ValueError:
        return resp.reason or str(resp.status_code)
