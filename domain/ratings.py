"""好差评: what a rating is worth, whom it rates, and what a bad one sets in motion.

A rating stays a `rated` event on its case (domain.case): one counts per service (the
first in server order), the channel is kept. This module holds what the rating streams
around it share — which levels are bad, whom a rating rates, the follow-up and appeal
stream ids that a bad rating opens (the same on every terminal, so two terminals that
both open one open the same stream), and how an SMS reply reads as a level.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from domain.streams import InvalidEvent

LEVELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
SATISFIED = frozenset({3, 4, 5})
BAD = frozenset({1, 2})
CHANNELS = ("pad", "screen", "sms", "slip", "kiosk")
# channels where the citizen rates the person in front of them (the event's actor)
AT_WINDOW = frozenset({"pad", "screen"})
FOLLOWUP_DAYS_DEFAULT = 5

_NS = uuid.UUID("3b7f5c6e-91a4-4d0b-8f5e-2c6a0b1d9e07")


def followup_id(rating_event_id: str) -> str:
    """The follow-up stream of a bad rating: derived from the rating, never random."""
    return str(uuid.uuid5(_NS, f"followup:{rating_event_id}"))


def appeal_id(rating_event_id: str) -> str:
    """The appeal stream of a rating: one appeal per rating."""
    return str(uuid.uuid5(_NS, f"appeal:{rating_event_id}"))


@dataclass(frozen=True)
class RatedParty:
    """Whom a rating rates: the member of staff and window that served the citizen."""

    staff_id: str
    window_id: str


def rated_party(case: Any, rating: Mapping[str, Any]) -> RatedParty:
    """At the pad, the person at that window; by SMS, slip or kiosk, whoever handed the
    result over (the issuing step), else whoever accepted the case."""
    steps = {s.event_id: s for s in case.history}
    step = steps.get(rating.get("event_id", ""))
    if step is not None and rating.get("channel") in AT_WINDOW and step.window_id:
        return RatedParty(step.staff_id, step.window_id)
    for s in reversed(case.history):
        if s.kind == "issued" and not s.conflict and s.window_id:
            return RatedParty(s.staff_id, s.window_id)
    return RatedParty(case.staff_id or "", case.window_id or "")


# An SMS reply: the invitation asks for one digit; people also answer in words.
_WORDS = (("非常不满意", 1), ("不满意", 2), ("基本满意", 3), ("非常满意", 5), ("满意", 4))
SMS_DIGITS = {"1": 5, "2": 4, "3": 3, "4": 2, "5": 1}  # 1 非常满意 … 5 非常不满意, as invited


def level_from_sms(text: str) -> int | None:
    """The level an SMS reply gives, or None when it is not a rating (a question, noise).

    The invitation lists 1 非常满意 … 5 非常不满意 (the order citizens read top down), so
    the digit is mapped, not taken as the level; a reply in words is read as words.
    """
    t = "".join(str(text).split()).translate(str.maketrans("１２３４５", "12345"))
    if t in SMS_DIGITS:
        return SMS_DIGITS[t]
    for word, level in _WORDS:
        if t == word or t == word + "。":
            return level
    return None


def sms_invitation(hall_name: str, item_name: str, case_number: str) -> str:
    """The invitation text sent after completion: no name, no ID number."""
    return (f"【{hall_name}】您办理的「{item_name}」（{case_number}）已办结。请回复数字评价："
            "1非常满意 2满意 3基本满意 4不满意 5非常不满意。感谢您的监督！")


SMS_PLACEHOLDERS = ("hall", "item", "number")


def check_sms_template(template: str) -> None:
    """A hall's own invitation text may use {hall} {item} {number} and nothing else."""
    try:
        template.format_map(dict.fromkeys(SMS_PLACEHOLDERS, ""))
    except (KeyError, ValueError, IndexError) as exc:
        raise ValueError(f"短信模板只能使用 {{hall}} {{item}} {{number}}: {exc}") from None


# --- what follows one rating: the 差评 follow-up and the appeal ----------------------------

ABOUT_KEYS = ("case_id", "rating_event_id", "case_number", "item_code", "rated_staff_id",
              "rated_window_id")
"""The payload keys of a follow-up's or an appeal's first event that name its rating."""
TEXT_MAX = 2000


@dataclass
class AboutRating:
    """What a stream that follows one rating keeps of it (domain.followups, domain.appeals):
    the case, the rating and who was rated, copied in at its first event so the
    supervisor's lists need neither the case nor the rating to show it."""

    id: str
    state: str | None = None
    case_id: str = ""
    rating_event_id: str = ""
    level: int = 0
    case_number: str = ""
    item_code: str = ""
    rated_staff_id: str = ""
    rated_window_id: str = ""
    conflicts: list[str] = field(default_factory=list)

    def take_rating(self, payload: Mapping[str, Any], *more: str) -> None:
        """Copy the rating's keys (and `more` of the stream's own) from a first event."""
        for key in (*ABOUT_KEYS, *more):
            setattr(self, key, str(payload.get(key) or ""))
        self.level = int(payload.get("level") or 0)


def check_texts(stream: str, payload: Mapping[str, Any], keys: tuple[str, ...]) -> None:
    """Each of `keys` absent, null or a string of at most TEXT_MAX: anything else refused."""
    for key in keys:
        v = payload.get(key, "")
        if v is not None and (not isinstance(v, str) or len(v) > TEXT_MAX):
            raise InvalidEvent(f"{stream} {key} malformed", code="event.payload")


def check_about(stream: str, payload: Mapping[str, Any]) -> None:
    """A first event names its case and rating."""
    if not payload.get("case_id") or not payload.get("rating_event_id"):
        raise InvalidEvent(f"{stream} without its rating", code="event.payload")
