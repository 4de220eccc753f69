"""The background sync loop (Qt-free): sync at start, after local writes, every few
seconds while online; back off with full jitter while offline.

It owns its SyncClient — and so its own replica connection — inside its thread. The
desktop wraps it (desktop.sync_status.SyncController) and gets a SyncStatus after
every round through `on_status`, called from the worker thread.
"""

from __future__ import annotations

import logging
import pathlib
import threading
from collections.abc import Callable

from sync.client import Offline, RoundReport, SyncClient, SyncRefused
from sync.lock import LockBusy, sync_lock
from sync.status import SyncStatus
from sync.transport import backoff_delay

__all__ = ["SyncWorker", "backoff_delay", "run_round"]

log = logging.getLogger(__name__)

COMPACT_EVERY_S = 60.0
COMPACT_BUDGET_S = 0.5


def run_round(client: SyncClient, data_dir: pathlib.Path) -> RoundReport:
    """One locked round: push then pull. Raises Offline / SyncRefused / LockBusy."""
    with sync_lock(data_dir).acquire(timeout=1.0):
        return client.sync_round()


class SyncWorker:
    """A daemon thread running sync rounds for one data folder."""

    def __init__(self, data_dir: pathlib.Path | str, on_status: Callable[[SyncStatus], None],
                 *, interval: float = 5.0, max_backoff: float = 300.0,
                 refused_wait: float = 60.0) -> None:
        self.data_dir = pathlib.Path(data_dir)
        self.on_status = on_status
        self.interval, self.max_backoff, self.refused_wait = interval, max_backoff, refused_wait
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._compact_at = 0.0

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Sync now: after a local write, on "sync now", on a network change."""
        self._wake.set()

    def _run(self) -> None:
        client = SyncClient(self.data_dir)
        # a new terminal's first download shows its progress page by page
        client.progress = lambda _done, _total: self.on_status(
            _with(client.status(online=True), syncing=True))
        attempt = 0
        try:
            while not self._stop.is_set():
                wait = self._once(client, attempt)
                attempt = 0 if wait == self.interval else attempt + 1
                self._wake.wait(wait)
                self._wake.clear()
        finally:
            client.close()

    def _once(self, client: SyncClient, attempt: int) -> float:
        """One round and its status; returns how long to wait before the next."""
        if not client.enrolled:
            self.on_status(client.status())
            return self.refused_wait
        self.on_status(_with(client.status(online=None), syncing=True))
        try:
            run_round(client, self.data_dir)
        except Offline as exc:
            self.on_status(client.status(online=False, error=str(exc)))
            return exc.retry_after or backoff_delay(attempt, cap=self.max_backoff)
        except SyncRefused as exc:
            log.warning("sync refused: %s", exc)
            self.on_status(client.status(online=True, error=str(exc)))
            return self.refused_wait
        except LockBusy:
            return self.interval
        except Exception as exc:  # keep the worker alive; the log has the trace
            log.exception("sync round failed")
            self.on_status(client.status(online=None, error=type(exc).__name__))
            return backoff_delay(attempt, cap=self.max_backoff)
        self.on_status(client.status(online=True))
        self._compact(client)
        return self.interval

    def _compact(self, client: SyncClient) -> None:
        """A little of the replica's upkeep after a good round (sync.compaction): at most
        once a minute, for half a second, in transactions no write waits long for."""
        import time

        from sync import compaction

        if time.monotonic() < self._compact_at:
            return
        try:
            rep = compaction.step(client.replica, budget_s=COMPACT_BUDGET_S)
        except Exception:  # upkeep never stops sync; the log has the trace
            log.exception("replica compaction failed")
            rep = None
        done = rep is None or rep.done
        self._compact_at = time.monotonic() + (COMPACT_EVERY_S if done else 0.0)


def _with(status: SyncStatus, **changes: object) -> SyncStatus:
    from dataclasses import replace

    return replace(status, **changes)  # type: ignore[arg-type]
