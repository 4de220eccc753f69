"""申诉复核: the rated member of staff appeals a rating; a supervisor decides.

    filed → decided (kept | excluded)

An appeal upheld finds the rating malicious (恶意评价) or mistaken (误评): from then on it
is left out of 满意率 (domain.figures) but stays on its case, where it happened. One
appeal per rating (domain.ratings.appeal_id): a second filing is a conflict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from domain import events as ev
from domain.errors import IllegalTransition, MissingReason
from domain.ratings import ABOUT_KEYS, AboutRating, check_about, check_texts
from domain.streams import InvalidEvent, StreamType

FILED = "appeal.filed"
DECIDED = "appeal.decided"
KINDS = frozenset({FILED, DECIDED})

PENDING, DONE = "filed", "decided"
KEPT, EXCLUDED = "kept", "excluded"
FINDINGS = ("malicious", "mistaken")


@dataclass
class Appeal(AboutRating):
    """An appeal as its events make it."""

    grounds: str = ""
    filed_by: str = ""
    filed_at: str = ""
    decision: str = ""
    finding: str = ""
    reason: str = ""
    decided_by: str = ""
    decided_at: str = ""

    @property
    def excluded(self) -> bool:
        """The rating no longer counts in 满意率."""
        return self.decision == EXCLUDED


def validate(e: ev.Event) -> None:
    """Stateless shape checks of a received appeal event."""
    p = e.payload
    check_texts("appeal", p, (*ABOUT_KEYS, "grounds", "reason"))
    if e.kind == FILED:
        check_about("appeal", p)
    if e.kind == DECIDED:
        if p.get("decision") not in (KEPT, EXCLUDED):
            raise InvalidEvent("appeal decision unknown", code="event.payload")
        if p.get("decision") == EXCLUDED and p.get("finding") not in FINDINGS:
            raise InvalidEvent("appeal finding unknown", code="event.payload")


def check(a: Appeal | None, kind: str, payload: Mapping[str, object]) -> None:
    """Before a step is recorded: the errors a screen shows."""
    state = a.state if a is not None else None
    if kind == FILED and state is not None:
        raise IllegalTransition("这条评价已经申诉过", code="appeal.duplicate")
    if kind == DECIDED and state != PENDING:
        raise IllegalTransition("此申诉已复核", code="appeal.decided")
    if kind not in KINDS:
        raise IllegalTransition("未知的申诉操作", code="appeal.illegal")
    if kind == FILED and not str(payload.get("grounds", "")).strip():
        raise MissingReason("请写明申诉理由", code="appeal.grounds_required")
    if kind == DECIDED and not str(payload.get("reason", "")).strip():
        raise MissingReason("请写明复核意见", code="appeal.reason_required")
    if kind == DECIDED and payload.get("decision") == EXCLUDED and \
            payload.get("finding") not in FINDINGS:
        raise MissingReason("请选择认定：恶意评价或误评", code="appeal.finding_required")


def apply(a: Appeal, e: ev.Event) -> bool:
    """Fold one event; False (kept as a conflict) when it was not legal here."""
    if e.kind not in KINDS:
        raise InvalidEvent(f"not an appeal event: {e.kind}", code="event.unknown_kind")
    legal = (e.kind == FILED and a.state is None) or (e.kind == DECIDED and a.state == PENDING)
    if not legal:
        a.conflicts.append(e.id)
        return False
    p = e.payload
    if e.kind == FILED:
        a.take_rating(p, "grounds")
        a.filed_by, a.filed_at = e.staff_id, e.recorded_at
        a.state = PENDING
    else:
        a.decision = str(p["decision"])
        a.finding = str(p.get("finding") or "") if a.decision == EXCLUDED else ""
        a.reason = str(p.get("reason", ""))
        a.decided_by, a.decided_at = e.staff_id, e.recorded_at
        a.state = DONE
    return True


STREAM = StreamType(
    name="appeal", kinds=KINDS, empty=lambda sid: Appeal(id=sid), apply=apply, check=check,
    state_of=lambda a: a.state, validate=validate, open_states=frozenset({PENDING}),
)
