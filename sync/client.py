"""The sync client: push the outbox, pull the hall's changes (Qt-free, one thread).

A SyncClient owns its own Replica connection, so it must live and be used in one thread
(the worker's, or a command's). It never decides anything about cases: it moves events
and answers, and re-projects cases through sync.store like any local write.

Failures split in two: `Offline` (cannot reach the server, 5xx, timeouts — try again
later, with backoff) and `SyncRefused` (the server understood and said no: old protocol,
revoked token, restored backup — a person has to act; retrying will not help).

Two more the client handles itself. A server that answers 409 `restored` lost history
this terminal holds: the client re-sends and re-pulls from the fork (sync.epoch) and
goes on. A batch the server keeps failing on with a 500 is split until the one event at
fault is alone; once it has failed alone STRIKES times while the server takes the events
behind it (a dry run), it is refused here (kept, out of the outbox, reported) and the
rest goes on. A server that fails on everything makes the client refuse nothing.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import pathlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

from domain import notices as dn
from domain.events import CHINA_TZ
from sync import apply, epoch, notices, outbox, token_store, transport, wire
from sync.replica import ENROLLED, Replica
from sync.status import SyncStatus, server_fields
from sync.transport import (
    MAX_BATCH,
    Offline,
    Restored,
    ServerFault,
    SyncRefused,
    batch_after_answer,
    batch_after_cut,
    batch_to_isolate,
)

__all__ = ["Offline", "RoundReport", "SyncClient", "SyncRefused"]

log = logging.getLogger(__name__)

TIMEOUT = transport.TIMEOUT
STRIKES = 3  # 500s on one event alone, with the server otherwise fine, before it is refused
MAX_RECOVERIES = 3  # restored-server recoveries in one push or pull (each moves forward)
SNAPSHOT_PAGE = 500  # streams per snapshot page: ~10 s at 256 kbit/s, little lost to a cut


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
        self._token: str | None = None
        self.recovered: list[dict[str, int]] = []
        # called after each snapshot page with (streams so far, streams in all)
        self.progress: Callable[[int, int], None] | None = None
        self.snapshot_page = SNAPSHOT_PAGE
        # within a sync round, cases the push answer confirmed as they were are projected
        # with the pull's first page (once, not after each push batch and again after the
        # pull); one whose row the answer changed (a conflict, a refusal) at once
        self._defer_projection = False
        self._unprojected: set[str] = set()

    def close(self) -> None:
        self.replica.close()
        self.session.close()

    # --- configuration -----------------------------------------------------------------
    @property
    def enrolled(self) -> bool:
        return self.replica.get_meta("mode") == ENROLLED and bool(self.token)

    @property
    def token(self) -> str | None:
        if self._token is None:
            self._token = token_store.load(self.replica)
        return self._token

    @property
    def server(self) -> str:
        return (self.replica.get_meta("server_url") or "").rstrip("/")

    @property
    def cursor(self) -> int | None:
        c = self.replica.get_meta("cursor")
        return int(c) if c is not None else None

    # --- HTTP ----------------------------------------------------------------------------
    def _request(self, method: str, path: str, **kw: Any) -> Any:
        t0 = time.time()
        self.requests += 1
        return transport.call(self.session, method, self.server + path, self.token or "",
                              timeout=self.timeout, seen=epoch.header(self.replica),
                              on_response=lambda r: self._note_clock(r, (t0 + time.time()) / 2),
                              **kw)

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
        recoveries = 0
        while True:
            events = outbox.pending(self.replica, self.batch_size)
            if not events:
                return rep
            body = wire.gzip_body({"batch": wire.pack_events(events, compact=True)})
            try:
                answer = self._request("POST", "/api/v1/sync/push", data=body, headers={
                    "Content-Type": "application/json", "Content-Encoding": "gzip"})
            except Restored as exc:
                recoveries += 1
                if recoveries > MAX_RECOVERIES:
                    raise Offline("服务器数据恢复后仍不一致，稍后重试") from exc
                self._recover(exc.info)
                continue
            except ServerFault:
                smaller = batch_to_isolate(len(events))  # find the event at fault
                if smaller is not None:
                    self.batch_size = smaller
                    continue
                if self._strike(events[0]):
                    rep.refused += 1
                    continue
                raise
            except Offline as exc:
                self.batch_size = batch_after_cut(self.batch_size, exc.reached)
                raise
            except SyncRefused as exc:
                if exc.status != 400:
                    raise
                smaller = batch_to_isolate(len(events))  # one event spoils the batch
                if smaller is not None:
                    self.batch_size = smaller
                    continue
                outbox.record_answers(self.replica, events, [(None, "r", str(exc))])
                rep.refused += 1
                continue
            rep.requests += 1
            rep.bytes_up += len(body)
            self.bytes_up += len(body)
            epoch.note(self.replica, answer.get("epoch"))
            results = wire.unpack_verdicts(answer["results"])
            done = outbox.record_answers(self.replica, events, results)
            self._unprojected |= done["cases"]
            if not self._defer_projection:
                self._project_confirmed()
            elif done["changed"]:
                from sync.store import project

                project(self.replica, done["changed"])
                self._unprojected -= done["changed"]
            rep.pushed += done["confirmed"]
            rep.conflicts += done["conflicts"]
            rep.refused += done["refused"]
            self.batch_size = batch_after_answer(self.batch_size)
            if done["reenrol"] or answer.get("reenrol"):
                msg = answer.get("message") or done["reenrol"]
                self.replica.set_meta("reenrol_required", "1")
                self.replica.set_meta("reenrol_message", msg)
                raise SyncRefused(msg, reenrol=True)

    def _project_confirmed(self) -> None:
        """Rebuild the rows of the cases whose events the server answered for."""
        if self._unprojected:
            from sync.store import project

            project(self.replica, self._unprojected)
            self._unprojected = set()

    def _recover(self, info: dict[str, Any]) -> None:
        self.recovered.append(epoch.recover(self.replica, info))
        self.batch_size = MAX_BATCH // 2

    def _strike(self, e: Any) -> bool:
        """One more 500 on `e` alone. True when it was refused here: it failed alone
        STRIKES times and the server takes the others (so it is this event, not the
        server, that fails)."""
        with self.replica.transaction() as c:
            c.execute("UPDATE outbox SET attempts=attempts+1, last_error=? "
                      "WHERE event_id = pack_id(?)", ("server_error", e.id))
            row = c.execute("SELECT attempts FROM outbox WHERE event_id = pack_id(?)",
                            (e.id,)).fetchone()
        if row is None or row[0] < STRIKES or not self._others_go_through(e):
            return False
        reason = "本机拒绝：服务器多次处理此记录时出错，已停止发送（记录保留在本机）"
        with self.replica.transaction():
            outbox.record_answers(self.replica, [e], [(None, "r", reason)])
            notices.add(self.replica, dn.QUARANTINE,
                        f"本终端有记录（{e.kind}）服务器无法处理，已停止发送并保留在本机；"
                        "其余记录照常同步。请联系技术支持。",
                        detail={"event_id": e.id, "kind": e.kind, "stream_id": e.case_id})
        log.warning("event %s (%s) refused here after %d server errors", e.id, e.kind, row[0])
        return True

    def _others_go_through(self, suspect: Any) -> bool:
        """Whether the server takes our other waiting events (a dry run: it stores
        nothing) while `suspect` fails alone — then the fault is the suspect's, not the
        server's. With nothing else waiting, nothing is decided (the suspect blocks no
        one and waits)."""
        others = [x for x in outbox.pending(self.replica, 11) if x.id != suspect.id][:10]
        if not others:
            return False
        try:
            answer = self._request("POST", "/api/v1/sync/push", params={"dry_run": "true"},
                                   data=wire.gzip_body({"batch": wire.pack_events(others)}),
                                   headers={"Content-Type": "application/json",
                                            "Content-Encoding": "gzip"})
        except (Offline, SyncRefused, Restored):
            return False
        return bool(answer.get("dry_run"))

    # --- pull ------------------------------------------------------------------------------
    def pull(self) -> RoundReport:
        """Pull pages until the server says there is no more; bootstrap if never pulled."""
        rep = RoundReport()
        me = self.replica.identity().terminal_id
        if self.cursor is None:
            self._bootstrap(rep)
        recoveries = 0
        while True:
            try:
                page = self._request("GET", "/api/v1/sync/pull", params={
                    "cursor": self.cursor or 0,
                    "own": outbox.confirmed_through(self.replica, me)})
            except Restored as exc:
                recoveries += 1
                if recoveries > MAX_RECOVERIES:
                    raise Offline("服务器数据恢复后仍不一致，稍后重试") from exc
                self._recover(exc.info)
                continue
            rep.requests += 1
            got = apply.apply_page(self.replica, page, me, also=self._unprojected)
            self._unprojected = set()
            epoch.note(self.replica, page.get("epoch"))
            rep.pulled += got["events"]
            if got["clone"]:
                msg = "服务器上有本终端编号的其他记录：本机可能由旧备份恢复，请重新注册终端"
                self.replica.set_meta("reenrol_required", "1")
                self.replica.set_meta("reenrol_message", msg)
            if not page.get("more"):
                return rep

    def _bootstrap(self, rep: RoundReport) -> None:
        """The snapshot, page by page (server.snapshot): each page is applied with its
        position, so a cut or a restart goes on from the last page applied."""
        r = self.replica
        restarts = 0
        while self.cursor is None:
            params: dict[str, Any] = {"limit": self.snapshot_page}
            if r.get_meta(apply.SNAP_TOP) is not None:
                params.update({"top": r.get_meta(apply.SNAP_TOP),
                               "since": r.get_meta(apply.SNAP_SINCE),
                               "after": r.get_meta(apply.SNAP_AFTER) or ""})
            snap = self._request("GET", "/api/v1/sync/snapshot", params=params)
            rep.requests += 1
            if snap.get("restart") or apply.snapshot_moved(r, snap):
                restarts += 1  # the server's database changed under us (a restore)
                if restarts > MAX_RECOVERIES:
                    raise Offline("服务器数据正在变化，初始数据稍后重新下载")
                apply.forget_snapshot(r)
                continue
            got = apply.apply_snapshot(r, snap)
            epoch.note(r, snap.get("epoch"))
            rep.pulled += got["events"]
            if self.progress is not None:
                self.progress(got["done"], got["total"])

    def sync_round(self) -> RoundReport:
        """Push, then pull (which also confirms anything whose answer was lost)."""
        before = len(self.recovered)
        self._defer_projection = True
        try:
            rep = self.push()
            pulled = self.pull()
            if len(self.recovered) > before and outbox.count(self.replica):
                # the pull found the server restored: what it lacks goes out now
                again = self.push()
                rep.pushed, rep.requests = rep.pushed + again.pushed, \
                    rep.requests + again.requests
                more = self.pull()
                pulled.pulled, pulled.requests = pulled.pulled + more.pulled, \
                    pulled.requests + more.requests
        finally:  # (a pull that failed: the push's confirmations are projected all the same)
            self._defer_projection = False
            self._project_confirmed()
        rep.pulled, rep.requests = pulled.pulled, rep.requests + pulled.requests
        self._refetch()
        self.replica.set_meta("last_success", dt.datetime.now(CHINA_TZ).isoformat(
            timespec="seconds"))
        return rep

    def _refetch(self) -> None:
        """Streams kept as rows only that the pull brought events for: fetched whole
        (sync.compaction), so their rows are rebuilt from every event."""
        from sync import compaction, lookup

        ids = compaction.waiting_refetch(self.replica)
        if ids:
            answer = self._request("GET", "/api/v1/sync/lookup",
                                   params=[("id", i) for i in ids])
            lookup.store(self.replica, answer)

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
            else (error or ""), cursor=self.cursor or 0,
            **apply.snapshot_progress(r),
            **server_fields(self.server, r.get_meta("server_info")))  # which server (issue 11)

