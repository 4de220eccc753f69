"""What every rating pad offers, whatever its wire: the queue-system shape of four calls.

A window's pad greets, shows who served, waits for one key, and thanks. Backends
(YC-PAD/1, a generic serial keypad, the Qt screen pad in desktop/, vendor codecs) all
implement :class:`RatingPad`, so the counter screen never knows which one is plugged in.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

#: The five national levels.
LEVELS: dict[int, str] = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}

#: Stable reason codes for the two low levels, and their labels.
REASONS: dict[str, str] = {
    "attitude": "态度不好",
    "slow": "时间太长",
    "unskilled": "业务不熟",
    "other": "其他",
}


@dataclass(frozen=True)
class Rating:
    """One press on a pad: a level 1–5 and, for levels 1–2 only, a reason code.

    The reason is a code (``"attitude"``), not text: the desktop translates it, and a
    vendor's own codes are mapped to ours by the backend.
    """

    level: int
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"rating level {self.level!r} is not 1–5")
        if self.reason is not None and self.level > 2:
            object.__setattr__(self, "reason", None)  # a reason only counts for low levels

    @property
    def label(self) -> str:
        """The level's national wording (非常满意 …)."""
        return LEVELS[self.level]


class RatingPad(ABC):
    """One pad per window. Blocking calls with timeouts; :meth:`stop` ends a wait."""

    def open(self) -> RatingPad:
        """Open the link (a no-op for pads without one)."""
        return self

    def close(self) -> None:  # noqa: B027 - optional hook
        """Close the link (idempotent)."""

    def stop(self) -> None:  # noqa: B027 - optional hook
        """End a running :meth:`request_rating` early (it returns None); any thread."""

    def __enter__(self) -> RatingPad:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def welcome(self) -> None:
        """Greet the citizen (and show the hall's name where the pad has a screen)."""

    @abstractmethod
    def show_staff(
        self, staff_no: str, name: str, photo: bytes | None = None, stars: int | None = None
    ) -> None:
        """Show who is serving; pads without a screen ignore this."""

    @abstractmethod
    def request_rating(self, timeout_s: float) -> Rating | None:
        """Wait for one key; None when the citizen did not rate in time (or on stop)."""

    @abstractmethod
    def thanks(self) -> None:
        """Thank the citizen after a rating."""
