"""A hall node's link to its upstream (the city, or a county node): enrol, forward, pull.

The node is a client of its upstream exactly as a terminal is of its server — the same
wire format, headers and failure split (sync.transport) — only its outbox is the events
table (what the upstream has not confirmed yet) and its replica is the server database.
A round: enrol if not yet enrolled → forward until nothing is pending → pull until the
upstream has nothing more. The answers and pages are applied by server.upstream_apply.

`UpstreamWorker` runs rounds in a thread of the server process: every `interval` seconds
while the WAN is up, at once when a terminal pushes (`wake`), and with full-jitter
backoff while it is down; a refusal (revoked, wrong code, old protocol) waits a minute.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import requests

from server import codeblocks, db, halls, upstream_apply
from server.auth import now_iso
from sync import transport, wire
from sync.rounds import RoundLoop
from sync.transport import Offline, SyncRefused

log = logging.getLogger(__name__)

PAGE = 2000
REFUSED_WAIT = 60.0
UNREACHABLE_CAP = 10.0  # seconds: backoff cap while the link refuses to connect


@dataclass
class Round:
    forwarded: int = 0
    refused: int = 0
    pulled: int = 0
    requests: int = 0


class Upstream:
    """The node's client of its upstream. One thread; a database writer per answer."""

    def __init__(self, database: db.Database, url: str, code: str | None = None, *,
                 name: str = "", session: requests.Session | None = None,
                 timeout: tuple[float, float] = (5.0, 15.0)) -> None:
        self.db = database
        self.url = url.rstrip("/")
        self.code, self.name = code, name
        self.session = session or requests.Session()
        self.timeout = timeout
        self.batch_size = 1000

    def _meta(self, key: str) -> str | None:
        with self.db.reader() as conn:
            return db.get_node_meta(conn, key)

    def _call(self, method: str, path: str, **kw: Any) -> Any:
        return transport.call(self.session, method, self.url + path, self._meta("token") or "",
                              timeout=self.timeout, **kw)

    # --- enrolment ---------------------------------------------------------------------
    @property
    def enrolled(self) -> bool:
        return bool(self._meta("token"))

    def enrol(self) -> None:
        """Exchange the node's one-time code for its identity, hall and code block."""
        if not self.code:
            raise SyncRefused("本节点尚未注册：请用 --upstream-code 提供上级服务器发放的节点注册码")
        got = self._call("POST", "/api/v1/enrol", json={"code": self.code, "name": self.name})
        if got.get("role") != "node":
            raise SyncRefused("这是终端注册码，不是节点注册码：请在上级服务器用 "
                              "enroll-code --node 发放")
        with self.db.writer() as conn:
            halls.store_pulled(conn, [(got["hall_code"], {"name": got.get("hall_name")})])
            db.set_node_meta(conn, {
                "token": got["token"], "node_id": got["terminal_id"],
                "node_code": got["terminal_code"], "hall_code": got["hall_code"],
                "hall_name": got.get("hall_name") or got["hall_code"],
                "enrolled_at": now_iso(), "upstream_url": self.url})
            codeblocks.keep_own_block(conn, list(got.get("codes") or []))
        log.info("enrolled upstream as node %s of hall %s (%d terminal codes)",
                 got["terminal_code"], got["hall_code"], len(got.get("codes") or []))

    # --- forwarding --------------------------------------------------------------------
    def forward(self, rep: Round) -> None:
        """Push everything the upstream has not confirmed, oldest first, hall by hall."""
        while True:
            with self.db.reader() as conn:
                rows = upstream_apply.pending(conn, self.batch_size)
            if not rows:
                return
            by_hall: dict[str, list[Any]] = defaultdict(list)
            for r in rows:
                by_hall[r.hall_code].append(r)
            for hall, group in by_hall.items():
                if not self._push(hall, group, rep):
                    break  # batch size changed: read the pending events again

    def _push(self, hall: str, rows: list[Any], rep: Round) -> bool:
        body = wire.gzip_body({"batch": wire.pack_events(upstream_apply.wire_rows(rows),
                                                          compact=True),
                               "hall": hall})
        t0 = time.monotonic()
        try:
            rep.requests += 1
            answer = self._call("POST", "/api/v1/sync/push", data=body, headers={
                "Content-Type": "application/json", "Content-Encoding": "gzip"})
        except Offline as exc:
            self.batch_size = transport.batch_after_cut(self.batch_size, exc.reached)
            raise
        except SyncRefused as exc:
            if exc.status != 400:
                raise
            smaller = transport.batch_to_isolate(len(rows))  # one event spoils the batch
            if smaller is not None:
                self.batch_size = smaller
                return False
            results = [(None, "r", str(exc))]
        else:
            results = wire.unpack_verdicts(answer["results"])
        t1 = time.monotonic()
        with self.db.writer() as conn:
            done = upstream_apply.record_answers(conn, rows, results)
        log.info("forwarded %d events of %s (%d bytes): %.2f s upstream, %.2f s recording",
                 len(rows), hall, len(body), t1 - t0, time.monotonic() - t1)
        rep.forwarded += done["confirmed"]
        rep.refused += done["refused"]
        self.batch_size = transport.batch_after_answer(self.batch_size)
        return True

    # --- pulling -----------------------------------------------------------------------
    def pull(self, rep: Round) -> None:
        """Pages of the scope's changes until the upstream has no more."""
        while True:
            page = self._call("GET", "/api/v1/sync/pull",
                              params={"cursor": int(self._meta("cursor") or 0), "limit": PAGE})
            rep.requests += 1
            with self.db.writer() as conn:
                got = upstream_apply.apply_page(conn, page)
                info = page.get("server") if isinstance(page.get("server"), dict) else {}
                reaches = info.get("role") == "city" or bool(info.get("reaches_city"))
                db.set_node_meta(conn, {"reaches_city": "1" if reaches else "0"})
            rep.pulled += got["events"] + got["moved"]
            if not page.get("more"):
                return

    def round(self) -> Round:
        """Enrol if needed, forward, pull; records the contact. Raises Offline/SyncRefused."""
        rep = Round()
        if not self.enrolled:
            self.enrol()
        self.forward(rep)
        self.pull(rep)
        with self.db.writer() as conn:
            db.set_node_meta(conn, {"last_contact": now_iso(), "online": "1",
                                    "last_error": None, "down_since": None})
        return rep

    def note_failure(self, message: str, *, refused: bool = False) -> None:
        with self.db.writer() as conn:
            values: dict[str, str | None] = {"online": "0", "last_error": message[:500],
                                             "refused": "1" if refused else None}
            if db.get_node_meta(conn, "down_since") is None:
                values["down_since"] = now_iso()
            db.set_node_meta(conn, values)

    def close(self) -> None:
        self.session.close()


class UpstreamWorker(RoundLoop):
    """A daemon thread running upstream rounds for one node (see the module doc)."""

    thread_name = "upstream"

    def __init__(self, link: Upstream, *, interval: float = 5.0,
                 max_backoff: float = 30.0) -> None:
        super().__init__(interval)
        self.link = link
        self.max_backoff = max_backoff
        self.rounds = 0

    def stop(self, timeout: float = 10.0) -> None:
        super().stop(timeout)
        self.link.close()

    def wake(self) -> None:
        """Forward now: a terminal pushed."""
        super().wake()

    def _round(self, attempt: int) -> float:
        t0 = time.monotonic()
        try:
            rep = self.link.round()
        except Offline as exc:
            log.info("upstream unreachable: %s", exc)
            self._note(str(exc))
            # a link that refuses to connect costs the city nothing: look again soon, so
            # the backlog leaves within seconds of the WAN's return; a city in trouble
            # (it answered 5xx, or cut us) gets the full backoff
            cap = self.max_backoff if exc.reached else min(self.max_backoff, UNREACHABLE_CAP)
            return exc.retry_after or max(0.2, transport.backoff_delay(
                attempt, base=self.interval / 2, cap=cap))
        except SyncRefused as exc:
            log.warning("upstream refused: %s", exc)
            self._note(str(exc), refused=True)
            return REFUSED_WAIT
        except Exception as exc:  # keep the node serving its hall; the log has the trace
            log.exception("upstream round failed")
            self._note(type(exc).__name__)
            return transport.backoff_delay(attempt, cap=self.max_backoff)
        self.rounds += 1
        if rep.forwarded or rep.pulled:
            log.info("upstream round: forwarded %d, refused %d, pulled %d in %.1f s",
                     rep.forwarded, rep.refused, rep.pulled, time.monotonic() - t0)
        return self.interval

    def _note(self, message: str, refused: bool = False) -> None:
        try:
            self.link.note_failure(message, refused=refused)
        except Exception:  # the database itself is in trouble: the next round says so
            log.exception("could not record the upstream failure")
