"""Hearing of a hall's changes at once: the long poll (server.longpoll) and a follower.

`ChangeFollower` is the hall display's sync loop (Qt-free, one thread, own replica
connection like sync.worker): sync a round, tell the screen, then park a request on
`/api/v1/sync/wait` until the server says the hall changed — so a call shows within a
round trip of the counter's push instead of a poll interval. A server without the
endpoint gets polled every `poll_s` instead; an unreachable one is retried with a short
backoff (a display must come back quickly when the LAN does).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import pathlib
import random
import socket
import threading
import urllib.parse
from collections.abc import Callable

from sync import wire
from sync.client import Offline, RoundReport, SyncClient, SyncRefused
from sync.lock import LockBusy
from sync.status import SyncStatus
from sync.worker import run_round

log = logging.getLogger(__name__)

WAIT_S = 20.0


class Parker:
    """One parked request on `/api/v1/sync/wait`, which another thread may cut short.

    Plain http.client rather than the client's requests session: a request blocked in
    a read cannot be interrupted through requests, and a display that closes must not
    hang for the rest of a 20-second wait.
    """

    def __init__(self) -> None:
        self._conn: http.client.HTTPConnection | None = None
        self._aborted = False

    def abort(self) -> None:
        self._aborted = True
        conn = self._conn
        if conn is not None and conn.sock is not None:
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_RDWR)

    def wait(self, client: SyncClient, timeout: float = WAIT_S) -> bool | None:
        """Block until the hall changes after the client's cursor (True) or `timeout`
        passes (False); None when the server has no long poll. Raises Offline."""
        url = urllib.parse.urlsplit(client.server)
        cls = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        query = urllib.parse.urlencode({"cursor": client.cursor or 0, "timeout": timeout})
        headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
                   "Authorization": f"Bearer {client.token or ''}"}
        conn = self._conn = cls(url.hostname or "", url.port, timeout=timeout + 15)
        try:
            if self._aborted:
                raise Offline("stopped")
            conn.request("GET", f"{url.path.rstrip('/')}/api/v1/sync/wait?{query}",
                         headers=headers)
            resp = conn.getresponse()
            body = resp.read()
        except (OSError, http.client.HTTPException) as exc:
            raise Offline(f"无法连接服务器: {type(exc).__name__}") from exc
        finally:
            self._conn = None
            conn.close()
        if resp.status in (404, 405):
            return None
        if resp.status >= 500:
            raise Offline(f"服务器暂时不可用 ({resp.status})")
        if resp.status >= 400:
            raise SyncRefused(f"{resp.status}", reenrol=resp.status == 401, status=resp.status)
        try:
            return bool(json.loads(body).get("changed"))
        except (ValueError, AttributeError) as exc:
            raise Offline("服务器应答不完整") from exc


def wait_for_change(client: SyncClient, timeout: float = WAIT_S) -> bool | None:
    """One parked request (see Parker.wait)."""
    return Parker().wait(client, timeout)


class ChangeFollower:
    """A daemon thread: sync, report, wait for the next change, again."""

    def __init__(self, data_dir: pathlib.Path | str,
                 on_round: Callable[[RoundReport], None],
                 on_status: Callable[[SyncStatus], None] = lambda s: None, *,
                 poll_s: float = 1.0, wait_s: float = WAIT_S, max_backoff: float = 10.0,
                 long_poll: bool = True) -> None:
        self.data_dir = pathlib.Path(data_dir)
        # off: poll every poll_s (a proxy that cuts long requests; the benchmark's peer)
        self.long_poll = long_poll
        self.on_round, self.on_status = on_round, on_status
        self.poll_s, self.wait_s, self.max_backoff = poll_s, wait_s, max_backoff
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._parker = Parker()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="change-follower", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop; a parked request is cut by shutting its socket."""
        self._stop.set()
        self._parker.abort()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        client = SyncClient(self.data_dir, timeout=(3.0, 60.0))
        failures = 0
        try:
            while not self._stop.is_set():
                pause, failed = self._once(client, failures)
                failures = failures + 1 if failed else 0
                if pause:
                    self._stop.wait(pause)
        finally:
            client.close()

    def _once(self, client: SyncClient, failures: int) -> tuple[float, bool]:
        """One round and one wait: how long to pause before the next, and whether it
        failed (failures back off)."""
        if not client.enrolled:
            self.on_round(RoundReport())  # a standalone display shows its own replica
            self.on_status(client.status())
            return self.poll_s * 5, False
        try:
            rep = run_round(client, self.data_dir)
            self.on_round(rep)
            self.on_status(client.status(online=True))
            changed = self._parker.wait(client, self.wait_s) if self.long_poll else None
        except Offline as exc:
            if self._stop.is_set():
                return 0, False
            self.on_status(client.status(online=False, error=str(exc)))
            return random.uniform(0.5, min(self.max_backoff, 2.0 ** failures)), True
        except SyncRefused as exc:
            log.warning("display sync refused: %s", exc)
            self.on_status(client.status(online=True, error=str(exc)))
            return 30.0, False
        except LockBusy:
            return 0.2, False
        except Exception as exc:  # keep following; the log has the trace
            log.exception("display sync failed")
            self.on_status(client.status(online=None, error=type(exc).__name__))
            return min(self.max_backoff, 2.0 ** failures), True
        return (self.poll_s if changed is None else 0), False
