"""A thread that runs rounds: at once when woken, else after the wait the last round asked
for — its interval when it went well, a back-off after a failure.

The terminal's sync worker (sync.worker) and the hall node's upstream worker
(server.upstream) are both this loop; what a round does, and how long a failure waits,
is theirs.
"""

from __future__ import annotations

import threading


class RoundLoop:
    """Subclasses give `_round(attempt)` (seconds to wait before the next round; the
    interval means all went well, which starts `attempt` again from 0), and may open and
    close what their rounds use in `_begin` and `_end`, inside the thread."""

    thread_name = "rounds"

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self.halt()
        if self._thread is not None:
            self._thread.join(timeout)

    def halt(self) -> None:
        """No more rounds after the one in flight (without waiting for it)."""
        self._stop.set()
        self._wake.set()

    def wake(self) -> None:
        """A round now, not after the wait."""
        self._wake.set()

    def _run(self) -> None:
        attempt = 0
        self._begin()
        try:
            while not self._stop.is_set():
                wait = self._round(attempt)
                attempt = 0 if wait == self.interval else attempt + 1
                self._wake.wait(wait)
                self._wake.clear()
        finally:
            self._end()

    def _round(self, attempt: int) -> float:
        raise NotImplementedError

    def _begin(self) -> None:
        """Open what the rounds use (inside the thread)."""

    def _end(self) -> None:
        """Close it again (inside the thread)."""
