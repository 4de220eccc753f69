"""Calls spoken one after another: chime, then the call `repeats` times, then the next.

Three windows calling within a second must not talk over each other: calls wait in a
queue and each plays to its end. A recall of a number already waiting in the queue is
not queued twice. An engine that never says it has finished cannot stall the hall: each
step has a time limit, after which the announcer logs and moves on.
"""

from __future__ import annotations

import collections
import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.display.speech import SpeechEngine

log = logging.getLogger(__name__)

STEP_LIMIT_MS = 15_000


class CallAnnouncer(QObject):
    """Queues calls for one speech engine."""

    sig_call_started = Signal(str)
    """A call's announcement began (its number)."""
    sig_call_finished = Signal(str)
    """A call's announcement ended (its number)."""

    def __init__(self, engine: SpeechEngine, repeats: int = 2, *,
                 step_limit_ms: int = STEP_LIMIT_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.repeats = repeats
        self._calls: collections.deque[tuple[str, str]] = collections.deque()
        self._steps: collections.deque[tuple[str, str]] = collections.deque()
        self._current = ""
        self._guard = QTimer(self, singleShot=True, interval=step_limit_ms)
        self._guard.timeout.connect(self._step_timed_out)
        engine.sig_done.connect(self._step_done)

    @property
    def busy(self) -> bool:
        return bool(self._current)

    def pending(self) -> list[str]:
        """Numbers waiting to be announced, in order."""
        return [n for n, _ in self._calls]

    def announce(self, number: str, spoken: str) -> None:
        """Queue a call (`spoken` is the sentence, said `repeats` times)."""
        if any(n == number for n, _ in self._calls):
            return
        self._calls.append((number, spoken))
        if not self._current:
            self._next_call()

    def stop(self) -> None:
        self._calls.clear()
        self._steps.clear()
        self._guard.stop()
        self._current = ""
        self.engine.stop()

    def _next_call(self) -> None:
        if not self._calls:
            self._current = ""
            return
        number, spoken = self._calls.popleft()
        self._current = number
        self._steps = collections.deque([("chime", "")] + [("say", spoken)] * self.repeats)
        self.sig_call_started.emit(number)
        self._run_step()

    def _run_step(self) -> None:
        if not self._steps:
            done, self._current = self._current, ""
            self.sig_call_finished.emit(done)
            self._next_call()
            return
        what, text = self._steps.popleft()
        self._guard.start()
        if what == "chime":
            self.engine.chime()
        else:
            self.engine.say(text)

    def _step_done(self) -> None:
        if not self._current:
            return  # a late answer after stop() or a timed-out step
        self._guard.stop()
        self._run_step()

    def _step_timed_out(self) -> None:
        log.warning("speech engine %s did not finish a step in time; going on",
                    self.engine.name)
        self._run_step()
