"""After a service: ask the pad, and record the answer as a ``rated`` event on the case.

One rating per service counts (the fold counts the first). So the controller first
looks whether the case was rated already — then the pad says "already rated" and asks
nothing. If a second rating still arrives (two channels at once, a late SMS), it is
recorded, because it happened, and reported as not counted.

The rating goes to the replica through the desktop's :class:`desktop.tasks.TaskRunner`
(its single writer), never from the pad's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.devices.pad import PadAnswer, PadService
from devices.pad.interface import REASONS, Rating
from domain.application import Actor

log = logging.getLogger(__name__)

SKIPPED_TIMEOUT = "timeout"
SKIPPED_ALREADY_RATED = "already_rated"
SKIPPED_BUSY = "busy"
SKIPPED_NO_PAD = "no_pad"


def rating_payload(rating: Rating, channel: str) -> dict[str, Any]:
    """The event payload: level, the reason as the supervisor reads it, its code, channel."""
    payload: dict[str, Any] = {"level": rating.level, "channel": channel,
                               "reason": REASONS.get(rating.reason or "", "")}
    if rating.reason:
        payload["reason_code"] = rating.reason
    return payload


def is_rated(replica: Any, case_id: str) -> bool:
    """True when the case already has the rating that counts (reader thread)."""
    from sync.store import load_case

    case = load_case(replica, case_id)
    return case is not None and case.rating is not None


def record_rating(store: Any, case_id: str, rating: Rating, channel: str,
                  actor: Actor) -> bool:
    """Append the ``rated`` event (writer thread); True when it is the one that counts.

    A bad rating that counts opens its follow-up in the same transaction (sync.ratings).
    """
    from sync.ratings import record_rating as record

    p = rating_payload(rating, channel)
    case, _ = record(store, case_id, rating.level, channel, actor, reason=p["reason"],
                     reason_code=p.get("reason_code"))
    return bool(case.ratings and case.ratings[-1]["counted"])


class RatingController(QObject):
    """The counter calls :meth:`ask_for_rating` after issuing a case or serving a citizen."""

    sig_rating_recorded = Signal(str, int, bool)
    """(case id, level 1–5, counted): the event is in the replica."""
    sig_rating_skipped = Signal(str, str)
    """(case id, why): ``timeout``, ``already_rated``, ``busy`` or ``no_pad``."""
    sig_rating_failed = Signal(str, object)
    """(case id, exception): the event could not be written."""

    def __init__(self, pad: PadService, runner: Any, actor: Callable[[], Actor],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pad = pad
        self.runner = runner
        self.actor = actor

    def ask_for_rating(self, case_id: str, staff_no: str, staff_name: str) -> None:
        """Look whether the case was rated, then ask the pad; results come as signals."""
        if self.pad.asking:
            self.sig_rating_skipped.emit(case_id, SKIPPED_BUSY)
            return

        def checked(rated: bool) -> None:
            if rated:
                self.pad.show_already_rated()
                self.sig_rating_skipped.emit(case_id, SKIPPED_ALREADY_RATED)
            else:
                self.pad.ask(staff_no, staff_name, lambda a: self._on_answer(case_id, a))

        self.runner.read(lambda replica: is_rated(replica, case_id), checked,
                         lambda exc: self.sig_rating_failed.emit(case_id, exc))

    def _on_answer(self, case_id: str, answer: PadAnswer) -> None:
        if answer.rating is None:
            why = SKIPPED_TIMEOUT if answer.channel else SKIPPED_NO_PAD
            self.sig_rating_skipped.emit(case_id, why)
            return
        rating, channel, actor = answer.rating, answer.channel, self.actor()

        def written(counted: bool) -> None:
            log.info("rating %d on channel %s recorded (counted: %s)", rating.level, channel,
                     counted)
            if not counted:
                self.pad.show_already_rated()
            self.sig_rating_recorded.emit(case_id, rating.level, counted)

        self.runner.write(lambda store: record_rating(store, case_id, rating, channel, actor),
                          written, lambda exc: self.sig_rating_failed.emit(case_id, exc))
