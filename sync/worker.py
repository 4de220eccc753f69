"""The background sync loop (Qt-free): sync at start, after local writes, every few
seconds while online; back off with full jitter while offline.

It owns its SyncClient — and so its own replica connection — inside its thread. The
desktop wraps it (desktop.sync_status.SyncController) and gets a SyncStatus after
every round through `on_status`, called from the worker thread.
"""

from __future__ import annotations

import logging
import pathlib
from collections.abc import Callable

from sync.client import Offline, RoundReport, SyncClient, SyncRefused
from sync.lock import LockBusy, sync_lock
from sync.rounds import RoundLoop
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


class SyncWorker(RoundLoop):
    """A daemon thread running sync rounds for one data folder."""

    thread_name = "sync-worker"

    def __init__(self, data_dir: pathlib.Path | str, on_status: Callable[[SyncStatus], None],
                 *, interval: float = 5.0, max_backoff: float = 300.0,
                 refused_wait: float = 60.0) -> None:
        super().__init__(interval)
        self.data_dir = pathlib.Path(data_dir)
        self.on_status = on_status
        self.max_backoff, self.refused_wait = max_backoff, refused_wait
        self._compact_at = 0.0
        self._client: SyncClient | None = None

    def wake(self) -> None:
        """Sync now: after a local write, on "sync now", on a network change."""
        super().wake()

    def _begin(self) -> None:
        client = self._client = SyncClient(self.data_dir)
        # a new terminal's first download shows its progress page by page
        client.progress = lambda _done, _total: self.on_status(
            _with(client.status(online=True), syncing=True))

    def _end(self) -> None:
        if self._client is not None:
            self._client.close()

    def _round(self, attempt: int) -> float:
        """One round and its status; returns how long to wait before the next."""
        client = self._client
        assert client is not None
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
