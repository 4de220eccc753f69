"""A hall's queue rules: data the centre sets per hall, never code.

Stored as the reference record (`queue_rules`, `rules`) of the hall and pulled like the
catalog. Who goes first (70 and over by the ID card's birth date, disabled, pregnant,
military), how long an appointment holds its place, how many recalls before a no-show,
which windows also call for other zones, and how the hall display speaks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from domain.catalog import Window
from domain.errors import DomainError
from domain.tickets import PRIORITIES

REFERENCE_KIND = "queue_rules"
REFERENCE_ID = "rules"


class InvalidQueueRules(DomainError):
    """A rules record that cannot be used; the hall keeps its previous (or default) rules."""

    code = "queue.rules_invalid"


@dataclass(frozen=True)
class QueueRules:
    """What the queue of one hall follows. The defaults are a city hall's usual ones."""

    elderly_age: int = 70
    # priority kinds that go before everyone else (in order of arrival among themselves);
    # "other" is a priority staff grant case by case (--priority without a kind)
    priority_kinds: tuple[str, ...] = ("elderly", "disabled", "pregnant", "military", "other")
    # recalls (重呼) before the window may mark a no-show (过号)
    no_show_after: int = 2
    # an appointment goes first from this many minutes before its time to this many after
    appointment_early_minutes: int = 10
    appointment_late_minutes: int = 15
    # zones a window calls for besides its own (window id → zone ids)
    window_zones: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # the estimate before the day has any ended ticket to learn from
    service_minutes: float = 8.0
    # how many calls the display lists, and how often the voice says each
    recent_calls: int = 8
    call_repeats: int = 2

    def zones_of(self, window: Window) -> tuple[str, ...]:
        """The zones whose tickets this window calls: its own first."""
        extra = tuple(z for z in self.window_zones.get(window.id, ()) if z != window.zone)
        return (window.zone, *extra)

    def is_priority(self, kind: str) -> bool:
        return bool(kind) and kind in self.priority_kinds

    def to_dict(self) -> dict[str, Any]:
        return {"elderly_age": self.elderly_age, "priority_kinds": list(self.priority_kinds),
                "no_show_after": self.no_show_after,
                "appointment_early_minutes": self.appointment_early_minutes,
                "appointment_late_minutes": self.appointment_late_minutes,
                "window_zones": {k: list(v) for k, v in self.window_zones.items()},
                "service_minutes": self.service_minutes, "recent_calls": self.recent_calls,
                "call_repeats": self.call_repeats}


def _int(d: Mapping[str, Any], key: str, default: int, lo: int, hi: int) -> int:
    v = d.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int | float) or not lo <= v <= hi:
        raise InvalidQueueRules(f"叫号规则 {key} 应为 {lo}–{hi} 之间的数: {v!r}")
    return int(v)


def rules_from_dict(d: Mapping[str, Any] | None) -> QueueRules:
    """Rules from the reference record; missing keys take the defaults.

    Raises InvalidQueueRules naming the bad key, so an administrator's typo is refused
    with a reason instead of silently changing who is called first.
    """
    if not d:
        return QueueRules()
    if not isinstance(d, Mapping):
        raise InvalidQueueRules("叫号规则应为一个对象")
    base = QueueRules()
    kinds = d.get("priority_kinds", list(base.priority_kinds))
    if not isinstance(kinds, list | tuple) or any(k not in PRIORITIES for k in kinds):
        raise InvalidQueueRules(f"叫号规则 priority_kinds 应取自 {', '.join(PRIORITIES)}")
    wz = d.get("window_zones", {})
    if not isinstance(wz, Mapping) or not all(
            isinstance(k, str) and isinstance(v, list | tuple)
            and all(isinstance(z, str) for z in v) for k, v in wz.items()):
        raise InvalidQueueRules("叫号规则 window_zones 应为 {窗口: [服务区, …]}")
    minutes = d.get("service_minutes", base.service_minutes)
    if isinstance(minutes, bool) or not isinstance(minutes, int | float) \
            or not 0.5 <= minutes <= 240:
        raise InvalidQueueRules(f"叫号规则 service_minutes 应在 0.5–240 之间: {minutes!r}")
    return QueueRules(
        elderly_age=_int(d, "elderly_age", base.elderly_age, 50, 100),
        priority_kinds=tuple(kinds),
        no_show_after=_int(d, "no_show_after", base.no_show_after, 0, 10),
        appointment_early_minutes=_int(d, "appointment_early_minutes",
                                       base.appointment_early_minutes, 0, 240),
        appointment_late_minutes=_int(d, "appointment_late_minutes",
                                      base.appointment_late_minutes, 0, 240),
        window_zones={k: tuple(v) for k, v in wz.items()},
        service_minutes=float(minutes),
        recent_calls=_int(d, "recent_calls", base.recent_calls, 1, 20),
        call_repeats=_int(d, "call_repeats", base.call_repeats, 1, 3),
    )


def age_on(birth: dt.date, today: dt.date) -> int:
    """Full years of age on `today` (a 29 February birthday counts from 1 March)."""
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years


def priority_for_birth(birth: dt.date | None, today: dt.date, rules: QueueRules) -> str:
    """"elderly" when the ID card's birth date makes the citizen old enough, else ""."""
    if birth is None or "elderly" not in rules.priority_kinds:
        return ""
    return "elderly" if age_on(birth, today) >= rules.elderly_age else ""
