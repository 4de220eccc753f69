"""Events: every change to a case, appended where it happened (ARCHITECTURE.md).

An event is immutable. `terminal_seq` counts up by one per terminal and never repeats;
`server_seq` is given by the server and defines the canonical order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

# kinds
REGISTERED = "registered"
ACCEPTED = "accepted"
SUPPLEMENT_REQUESTED = "supplement_requested"
SUPPLEMENT_RECEIVED = "supplement_received"
REFUSED = "refused"
WITHDRAWN = "withdrawn"
SUBMITTED_FOR_REVIEW = "submitted_for_review"
APPROVED = "approved"
REJECTED = "rejected"
RESULT_READY = "result_ready"
ISSUED = "issued"
CLOCK_PAUSED = "clock_paused"
CLOCK_RESUMED = "clock_resumed"
EXTENDED = "extended"
RATED = "rated"
EXTENSION_REQUESTED = "extension_requested"  # a reviewer (or the window) asks the head
EXTENSION_DECLINED = "extension_declined"  # the head says no
PROMISE_FULFILLED = "promise_fulfilled"  # a material accepted on promise (容缺) arrived

ALL_KINDS = (
    REGISTERED, ACCEPTED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, REFUSED, WITHDRAWN,
    SUBMITTED_FOR_REVIEW, APPROVED, REJECTED, RESULT_READY, ISSUED, CLOCK_PAUSED,
    CLOCK_RESUMED, EXTENDED, RATED, EXTENSION_REQUESTED, EXTENSION_DECLINED,
    PROMISE_FULFILLED,
)

CHINA_TZ = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class Event:
    """One step on one case, as it travels between terminal, server and back office."""

    id: str
    case_id: str
    kind: str
    payload: Mapping[str, Any]
    expected_state: str | None
    terminal_id: str
    terminal_seq: int
    staff_id: str
    recorded_at: str  # ISO 8601 with offset, the terminal's clock: for display only
    window_id: str | None = None
    server_seq: int | None = field(default=None, compare=False)
    # the server's verdict where the reader holds it (`with_verdict`): a `conflict` the
    # fold alone would not find is a step the server ruled out (a role that may not take
    # it: domain.roles), and every node folds it as the conflict the server made it
    verdict: str | None = field(default=None, compare=False)

    @property
    def local_date(self) -> dt.date:
        """The calendar date (China time) the step happened on, for deadlines."""
        return recorded_date(self.recorded_at)

    def to_wire(self) -> dict[str, Any]:
        """A plain dict for JSON; `server_seq` and `verdict` travel only when known."""
        d = asdict(self)
        d["payload"] = dict(self.payload)
        for key in ("server_seq", "verdict"):
            if d[key] is None:
                del d[key]
        return d

    @classmethod
    def from_wire(cls, d: Mapping[str, Any]) -> Event:
        """Inverse of to_wire; payload may come as a JSON string from SQL rows.

        A `verdict` in `d` is not read: it is the server's word, and only a reader that
        trusts where the dict came from sets it (`with_verdict`) — never a push."""
        payload = d["payload"]
        if isinstance(payload, str):
            payload = json.loads(payload)
        return cls(
            id=d["id"], case_id=d["case_id"], kind=d["kind"], payload=payload,
            expected_state=d.get("expected_state"), terminal_id=d["terminal_id"],
            terminal_seq=int(d["terminal_seq"]), staff_id=d.get("staff_id") or "",
            recorded_at=d["recorded_at"], window_id=d.get("window_id"),
            server_seq=d.get("server_seq"),
        )

    def with_server_seq(self, seq: int) -> Event:
        return replace(self, server_seq=seq)

    def with_verdict(self, verdict: str | None) -> Event:
        """The event as the server judged it (`applied`, `conflict` …; None: not yet)."""
        return self if verdict == self.verdict else replace(self, verdict=verdict)


def recorded_date(recorded_at: str) -> dt.date:
    """The China-time date of an ISO timestamp (naive ones are taken as China time)."""
    t = dt.datetime.fromisoformat(recorded_at)
    if t.tzinfo is None:
        return t.date()
    return t.astimezone(CHINA_TZ).date()


def now_iso(now: dt.datetime) -> str:
    """The form `recorded_at` takes: seconds, with offset."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=CHINA_TZ)
    return now.isoformat(timespec="seconds")
