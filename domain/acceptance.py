"""What must hold when a case is accepted (受理), beyond the life cycle's table.

- An agent (代办人) applies only with the authorisation material (授权委托书 …).
- 容缺受理: a non-key material may be missing when the applicant promises in writing to
  bring it by a date; only materials the catalog marks tolerable, each once, by a date
  after the day of acceptance and not months away. Once promises are made, every other
  required material must be there: tolerance covers the promised ones only.
- Several parties: each role the item names, within its count, nobody twice.

The counter asks before it records (with the item and today's date), the case stream
asks again before any step is stored, and the server checks the dates when an event
arrives (`validate_promises`), so the same rule holds offline and online.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from domain.errors import DomainError

MAX_PROMISE_DAYS = 90  # calendar days: a promise is for weeks, not a second case


class AcceptanceRefused(DomainError):
    """The case may not be accepted as it stands; the message says what is missing."""

    code = "case.acceptance"


def merged_materials(snapshot: Mapping[str, Mapping[str, Any]],
                     update: Sequence[Mapping[str, Any]] | None) -> dict[str, dict[str, Any]]:
    """The checklist as it will stand after a step that brings `update` rows."""
    out = {k: dict(v) for k, v in snapshot.items()}
    for m in update or ():
        if isinstance(m, Mapping) and isinstance(m.get("id"), str):
            out[m["id"]] = {**out.get(m["id"], {}), **m}
    return out


def _names(rows: Sequence[Mapping[str, Any]]) -> str:
    return "、".join(str(m.get("name", m.get("id", ""))) for m in rows)


def due_date(promise: Mapping[str, Any]) -> dt.date:
    """The promised date; AcceptanceRefused for one that is not a date."""
    try:
        return dt.date.fromisoformat(str(promise.get("due", "")))
    except ValueError:
        raise AcceptanceRefused("容缺材料须写明补齐日期（年-月-日）",
                                code="case.promise_due") from None


def check_promise_dates(promises: Sequence[Mapping[str, Any]], today: dt.date) -> None:
    """Each promised date after `today` and within MAX_PROMISE_DAYS of it."""
    for p in promises:
        due = due_date(p)
        if due <= today:
            raise AcceptanceRefused("容缺材料的承诺补齐日期应晚于受理当天", code="case.promise_due")
        if (due - today).days > MAX_PROMISE_DAYS:
            raise AcceptanceRefused(f"容缺材料的承诺补齐日期不能超过{MAX_PROMISE_DAYS}天",
                                    code="case.promise_due")


def check_promises(materials: Mapping[str, Mapping[str, Any]],
                   promises: Sequence[Mapping[str, Any]]) -> None:
    """Only tolerable, missing materials, each once; nothing else may be missing."""
    seen: set[str] = set()
    for p in promises:
        mid = str(p.get("material", ""))
        m = materials.get(mid)
        if m is None:
            raise AcceptanceRefused(f"容缺材料不在本事项的材料清单中: {mid}",
                                    code="case.promise_unknown")
        if mid in seen:
            raise AcceptanceRefused(f"「{m.get('name', mid)}」重复承诺", code="case.promise_twice")
        seen.add(mid)
        if not m.get("tolerable"):
            raise AcceptanceRefused(f"「{m.get('name', mid)}」是关键材料，不能容缺受理",
                                    code="case.promise_not_tolerable")
        if m.get("provided"):
            raise AcceptanceRefused(f"「{m.get('name', mid)}」已收到，无需承诺",
                                    code="case.promise_provided")
        due_date(p)
    if promises:
        left = [m for k, m in materials.items()
                if m.get("required", True) and not m.get("provided") and k not in seen]
        if left:
            raise AcceptanceRefused(f"以下材料不能容缺，须补正后受理：{_names(left)}",
                                    code="case.promise_not_tolerable")


def check_agent(materials: Mapping[str, Mapping[str, Any]], has_agent: bool) -> None:
    """An agent brings the authorisation the catalog names for agents."""
    if not has_agent:
        return
    missing = [m for m in materials.values() if m.get("for_agent") and not m.get("provided")]
    if missing:
        raise AcceptanceRefused(f"代办人代为办理，须收取{_names(missing)}",
                                code="case.agent_authorisation")


def check_parties(parties: Sequence[Mapping[str, Any]], roles: Sequence[Mapping[str, Any]],
                  *, complete: bool = True) -> None:
    """Every role the item needs, within its count; one person never in two places.

    `complete=False` (at registration: the kiosk knows one party, the window adds the
    others) skips the minimum counts; acceptance checks them.
    """
    if not roles:
        return
    known = {str(r["role"]) for r in roles}
    for p in parties:
        if str(p.get("role", "")) not in known:
            raise AcceptanceRefused(f"当事人身份不属于本事项: {p.get('role', '')}",
                                    code="case.parties")
    for r in roles:
        n = sum(1 for p in parties if p.get("role") == r["role"])
        low, high = int(r.get("min", 1)), int(r.get("max", 1))
        if n < low and complete:
            raise AcceptanceRefused(f"本事项须有{r['name']}（至少{low}人），请补充当事人",
                                    code="case.parties")
        if n > high:
            raise AcceptanceRefused(f"{r['name']}最多{high}人", code="case.parties")
    numbers = [str(p.get("id_number", "")) for p in parties if p.get("id_number")]
    if len(numbers) != len(set(numbers)):
        raise AcceptanceRefused("同一证件号码不能作为两个当事人", code="case.parties_twice")


def check(materials: Mapping[str, Mapping[str, Any]], *, has_agent: bool,
          promises: Sequence[Mapping[str, Any]] = (),
          parties: Sequence[Mapping[str, Any]] = (),
          party_roles: Sequence[Mapping[str, Any]] = (),
          today: dt.date | None = None) -> None:
    """All of the above; raises AcceptanceRefused with the first problem found."""
    check_agent(materials, has_agent)
    check_promises(materials, promises)
    if today is not None:
        check_promise_dates(promises, today)
    check_parties(parties, party_roles)


def validate_promises(promises: Any, accepted_on: dt.date) -> None:
    """The shape and dates of an event's promises (the server refuses others)."""
    if promises is None:
        return
    if not isinstance(promises, list) or not all(
            isinstance(p, Mapping) and isinstance(p.get("material"), str) for p in promises):
        raise AcceptanceRefused("容缺承诺格式错误", code="case.promise_malformed")
    check_promise_dates(promises, accepted_on)


def overdue(cases: Sequence[Any], today: dt.date) -> list[tuple[Any, dict[str, Any]]]:
    """(case, promise) for every open promise whose date has passed, oldest first: what
    the supervisor chases (a domain function over folded cases, same on server and PC)."""
    out = [(c, p) for c in cases if c.is_open for p in c.open_promises
           if due_date(p) < today]
    out.sort(key=lambda cp: (cp[1]["due"], getattr(cp[0], "case_number", "")))
    return out
