"""What the status bar shows about sync, as a plain frozen dataclass (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

SKEW_WARN_SECONDS = 300.0


@dataclass(frozen=True)
class SyncStatus:
    """A snapshot of the sync state; the worker emits a new one after every round."""

    mode: str = "standalone"  # standalone | enrolled
    online: bool | None = None  # None: not tried yet
    pending: int = 0  # events waiting to go out
    oldest_pending_age_s: float | None = None
    last_success: str | None = None  # ISO, local clock
    last_error: str | None = None
    clock_skew_s: float | None = None  # server minus local
    unseen_notices: int = 0
    reenrol_required: bool = False
    message: str = ""
    cursor: int = 0
    syncing: bool = False

    @property
    def skew_warning(self) -> bool:
        """The local clock is off by more than five minutes."""
        return self.clock_skew_s is not None and abs(self.clock_skew_s) > SKEW_WARN_SECONDS
