"""Ratings and what follows them, on a terminal: record a rating from any channel, open
the follow-up of a bad one in the same transaction, revisit, rectify, close, appeal.

Every channel — the pad at the window, an SMS reply, a slip from the box, the kiosk —
ends in `record_rating`, so a bad rating always opens its follow-up, wherever it came
from, and offline terminals that both open it open the same stream.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from domain import appeals, followups, numbering, ratings, roles
from domain import events as ev
from domain.application import Actor
from domain.case import Case
from domain.errors import DomainError
from domain.workdays import add_working_days
from sync import projection, queries
from sync.notices import SYSTEM_STAFF
from sync.replica import Replica


class AlreadyRated(DomainError):
    code = "rating.already_rated"


def hall_setting(replica: Replica, key: str, default: Any) -> Any:
    """A setting on the hall's reference record (e.g. followup_days), or the default."""
    row = replica.conn.execute(
        "SELECT data FROM reference WHERE kind='hall' AND id='hall'").fetchone()
    if row is None:
        return default
    return json.loads(row[0]).get(key, default)


def followup_days(replica: Replica) -> int:
    """Working days a bad rating's follow-up may take (hall setting, default 5)."""
    try:
        days = int(hall_setting(replica, "followup_days", ratings.FOLLOWUP_DAYS_DEFAULT))
    except (TypeError, ValueError):
        return ratings.FOLLOWUP_DAYS_DEFAULT
    return days if 1 <= days <= 60 else ratings.FOLLOWUP_DAYS_DEFAULT


def record_rating(store: Any, case_id: str, level: int, channel: str, actor: Actor, *,
                  reason: str = "", reason_code: str | None = None,
                  now: dt.datetime | None = None) -> tuple[Case, str | None]:
    """Append the `rated` event; if it is a bad rating that counts, open its follow-up.

    Returns the case and the follow-up id (None when no follow-up was opened).
    """
    payload: dict[str, Any] = {"level": int(level), "channel": channel, "reason": reason}
    if reason_code:
        payload["reason_code"] = reason_code
    with store.replica.transaction():
        e, case = store.record(case_id, ev.RATED, payload, actor, now=now)
        counted = case.rating is not None and case.rating["event_id"] == e.id
        if not counted or int(level) not in ratings.BAD:
            return case, None
        fid = open_followup(store, case, case.rating, actor, now=now)
    return case, fid


def open_followup(store: Any, case: Case, rating: Mapping[str, Any], actor: Actor, *,
                  now: dt.datetime | None = None) -> str:
    """Open the follow-up of a bad rating (idempotent on this terminal)."""
    fid = ratings.followup_id(rating["event_id"])
    if projection.load_stream(store.replica, fid) is not None:
        return fid
    when = now or store.clock()
    party = ratings.rated_party(case, rating)
    due = add_working_days(store.calendar, ev.recorded_date(rating["recorded_at"]),
                           followup_days(store.replica)).day
    payload = followups.open_payload(case, rating, due, staff_id=party.staff_id,
                                     window_id=party.window_id,
                                     assignee=str(hall_setting(store.replica,
                                                               "followup_assignee", "")))
    # nobody decides to open it: the hall's rule does, whoever took the rating
    system = Actor(SYSTEM_STAFF, actor.terminal_id, actor.window_id, roles.SYSTEM)
    store.record(fid, followups.OPENED, payload, system, now=when)
    return fid


def case_for_slip(replica: Replica, slip: str) -> tuple[str, Case | None]:
    """The case a scanned slip stands for: its id (known here or derived from the slip,
    the same on every terminal) and its fold if this terminal has it."""
    parsed = numbering.parse(slip)
    rows = queries.by_number(replica, parsed.number)
    if parsed.kind == "case":
        if not rows:
            raise DomainError("本机没有这个办件", code="rating.case_unknown")
        cid = rows[0]["id"]
    else:
        cid = rows[0]["id"] if rows else numbering.case_id_for_slip(parsed.number)
    state = projection.load_stream(replica, cid)
    return cid, state if isinstance(state, Case) else None


def rate_by_slip(store: Any, slip: str, level: int, channel: str, actor: Actor, *,
                 now: dt.datetime | None = None) -> tuple[Case, str | None]:
    """A slip from the box (channel `slip`) or scanned at the kiosk (`kiosk`): once per
    slip — a service already rated is refused, saying how it was rated."""
    cid, case = case_for_slip(store.replica, slip)
    if case is not None and case.rating is not None:
        r = case.rating
        raise AlreadyRated(f"此办件已评价（{ratings.LEVELS.get(r['level'], '')}，"
                           f"{r['channel']}），不再计入", code="rating.already_rated")
    return record_rating(store, cid, level, channel, actor, now=now)


def step_followup(store: Any, staff: Any, followup_id: str, kind: str,
                  payload: Mapping[str, Any], actor: Actor) -> followups.Followup:
    """A step on a follow-up by `staff` (assignee or supervisor; closing: supervisor)."""
    current = projection.load_stream(store.replica, followup_id)
    if not isinstance(current, followups.Followup):
        raise DomainError("没有这条回访整改记录", code="followup.unknown")
    roles.require(staff, kind, assignee=current.assignee or None)
    _, f = store.record(followup_id, kind, payload, actor)
    return f


def file_appeal(store: Any, staff: Any, case_id: str, grounds: str,
                actor: Actor) -> appeals.Appeal:
    """The rated member of staff appeals the rating that counts on `case_id`."""
    case = projection.load_stream(store.replica, case_id)
    if not isinstance(case, Case) or case.rating is None:
        raise DomainError("此办件没有计入的评价", code="appeal.no_rating")
    r = case.rating
    party = ratings.rated_party(case, r)
    roles.require(staff, appeals.FILED, rated_staff=party.staff_id)
    payload = {"case_id": case.id, "rating_event_id": r["event_id"], "level": r["level"],
               "case_number": case.case_number, "rated_staff_id": party.staff_id,
               "rated_window_id": party.window_id, "item_code": case.item_code,
               "grounds": grounds}
    _, a = store.record(ratings.appeal_id(r["event_id"]), appeals.FILED, payload, actor)
    return a


def decide_appeal(store: Any, staff: Any, appeal_id: str, decision: str, finding: str,
                  reason: str, actor: Actor) -> appeals.Appeal:
    """A supervisor keeps the rating, or excludes it as malicious or mistaken."""
    roles.require(staff, appeals.DECIDED)
    payload = {"decision": decision, "reason": reason}
    if decision == appeals.EXCLUDED:
        payload["finding"] = finding
    _, a = store.record(appeal_id, appeals.DECIDED, payload, actor)
    return a


def streams_of(replica: Replica, stream: str, *, open_only: bool = False,
               limit: int = 500) -> list[Any]:
    """Follow-ups or appeals as their folds, newest first (the facts rows find them)."""
    live = " AND last_on = '9999-12-31'" if open_only else ""
    ids = [r[0] for r in replica.conn.execute(
        f"SELECT id FROM figure_facts WHERE stream=?{live} ORDER BY opened_on DESC, id "
        "LIMIT ?", (stream, limit))]
    out = [projection.load_stream(replica, i) for i in ids]
    return [s for s in out if s is not None]
