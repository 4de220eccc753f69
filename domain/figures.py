"""The figures every hall reports (办结率, 即办率, 按时办结率, 满意率 …), defined once.

Pure: the rows come from whoever holds them (a terminal's replica, the city server),
one at a time, and are counted as they pass, so a month of a million cases never sits
in memory. Each figure's formula is in `Tally.figures` and docs/figures.md; every count
is anchored on the date its event happened (Beijing time) and counted when that date
lies in the period:

- registered / accepted / refused / withdrawn: the day of that step.
- completed (办结): the day of the decision (approved, rejected) or of the issue of the
  result, whichever came first.
- 办结率 completion_rate = accepted in the period and completed by its end ÷ accepted.
- 即办率 instant_rate = instant items accepted ÷ accepted.
- 按时办结率 on_time_rate = promised items completed on or before their deadline ÷
  promised items completed (both completed in the period); 提前办结率 early_rate: before.
- avg_working_days = mean working days the clock ran, promised items completed.
- overdue (超期, "now"): cases not completed, refused or withdrawn at the as-of day
  whose deadline had passed; as-of = the period's last day, or today if earlier.
- 满意率 satisfaction_rate = (非常满意+满意+基本满意) ÷ rated; rated = ratings that
  count (the first per service) given in the period, less those excluded on appeal.
- bad_ratings (差评) = 不满意+非常不满意; bad_rate = bad ÷ rated.
- rating_coverage = completed in the period with a rating that counts ÷ completed.
- consultations (咨询), follow-ups (差评回访整改), appeals (申诉复核), queue times.

A rate is a fraction 0..1, None where its denominator is 0. Case figures count for the
window and member of staff that accepted the case; a rating counts for whom it rates
(domain.ratings.rated_party).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from domain.errors import DomainError
from domain.figure_facts import COL, LIVE
from domain.ratings import BAD, SATISFIED

BY = ("hall", "zone", "department", "window", "staff", "item", "day", "month")
_TIME = frozenset({"day", "month"})
NONE_KEY = ""


class FigureError(DomainError):
    code = "figures.invalid"


@dataclass(frozen=True)
class Period:
    """A date range in Beijing time, both ends included, and the day figures that are
    snapshots (overdue, open follow-ups) are taken on."""

    start: dt.date
    end: dt.date
    as_of: dt.date

    @classmethod
    def of(cls, start: dt.date, end: dt.date, today: dt.date) -> Period:
        if start > end:
            raise FigureError(f"开始日期 {start} 晚于结束日期 {end}", code="figures.range")
        if (end - start).days > 3660:
            raise FigureError("统计区间不能超过10年", code="figures.range")
        return cls(start, end, min(end, today))

    @classmethod
    def month(cls, month: str, today: dt.date) -> Period:
        """`2026-03` → the whole month."""
        try:
            first = dt.date.fromisoformat(f"{month}-01")
        except ValueError as exc:
            raise FigureError(f"月份应为 YYYY-MM: {month}", code="figures.month") from exc
        nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return cls.of(first, nxt - dt.timedelta(days=1), today)

    @property
    def days(self) -> list[str]:
        n = (self.end - self.start).days + 1
        return [(self.start + dt.timedelta(days=i)).isoformat() for i in range(n)]


@dataclass(frozen=True)
class TicketTimes:
    """One queue ticket's times (issue-11's ticket streams give them): wait = called −
    arrived, service = ended − started."""

    arrived_at: dt.datetime
    called_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    window_id: str = ""
    staff_id: str = ""
    zone: str = ""
    item_code: str = ""


@dataclass
class Labels:
    """Names and memberships from the catalog: items → department, zone; windows → zone."""

    hall: dict[str, str] = field(default_factory=dict)
    window: dict[str, str] = field(default_factory=dict)
    window_zone: dict[str, str] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)
    clerks: list[str] = field(default_factory=list)
    item: dict[str, str] = field(default_factory=dict)
    item_department: dict[str, str] = field(default_factory=dict)
    item_zone: dict[str, str] = field(default_factory=dict)
    department: dict[str, str] = field(default_factory=dict)
    zone: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_catalog(cls, catalog: Any) -> Labels:
        """Built from a domain.catalog.Catalog."""
        lab = cls()
        lab.hall[catalog.hall.code] = catalog.hall.name
        for w in catalog.windows:
            lab.window[w.id], lab.window_zone[w.id] = w.name, w.zone
        for s in catalog.staff:
            lab.staff[s.id] = f"{s.name}（{s.no}）"
            if s.role == "clerk":
                lab.clerks.append(s.id)
        for i in catalog.items:
            lab.item[i.code] = i.name
            lab.item_department[i.code], lab.item_zone[i.code] = i.department, i.zone
        lab.department.update({d.id: d.name for d in catalog.departments})
        lab.zone.update({z.id: z.name for z in catalog.zones})
        return lab

    def members(self, by: str) -> list[str]:
        """The groups a table lists even when nothing happened in them."""
        return {"hall": list(self.hall), "zone": list(self.zone),
                "department": list(self.department), "window": list(self.window),
                "staff": list(self.clerks)}.get(by, [])

    def name(self, by: str, key: str) -> str:
        if key == NONE_KEY:
            return "—"
        table = {"hall": self.hall, "zone": self.zone, "department": self.department,
                 "window": self.window, "staff": self.staff, "item": self.item}.get(by)
        return table.get(key, key) if table is not None else key


class Tally:
    """The counts of one group; `figures()` turns them into the published figures."""

    __slots__ = ("accepted", "accepted_done", "appeals_filed", "appeals_upheld",
                 "completed", "completed_rated", "consult_minutes", "consultations",
                 "early", "excluded", "followups_closed", "followups_open",
                 "followups_opened", "followups_overdue", "instant", "levels", "on_time",
                 "overdue", "promised_done", "rated", "referred", "refused", "registered",
                 "service_min", "service_n", "tickets", "wait_min", "wait_n", "withdrawn",
                 "work_days", "work_n")

    def __init__(self) -> None:
        for name in self.__slots__:
            setattr(self, name, 0)
        self.levels = [0, 0, 0, 0, 0, 0]

    def figures(self) -> dict[str, Any]:
        """Every figure of the group: counts, and rates as fractions (None when 0/0)."""
        satisfied = sum(self.levels[lv] for lv in SATISFIED)
        bad = sum(self.levels[lv] for lv in BAD)
        return {
            "registered": self.registered, "accepted": self.accepted,
            "completed": self.completed, "refused": self.refused,
            "withdrawn": self.withdrawn, "instant": self.instant,
            "completion_rate": _rate(self.accepted_done, self.accepted),
            "instant_rate": _rate(self.instant, self.accepted),
            "promised_completed": self.promised_done, "on_time": self.on_time,
            "on_time_rate": _rate(self.on_time, self.promised_done),
            "early_rate": _rate(self.early, self.promised_done),
            "avg_working_days": _mean(self.work_days, self.work_n),
            "overdue": self.overdue,
            "rated": self.rated, "satisfied": satisfied,
            "satisfaction_rate": _rate(satisfied, self.rated),
            "bad_ratings": bad, "bad_rate": _rate(bad, self.rated),
            **{f"rating_{lv}": self.levels[lv] for lv in (5, 4, 3, 2, 1)},
            "rating_coverage": _rate(self.completed_rated, self.completed),
            "excluded_ratings": self.excluded,
            "followups_opened": self.followups_opened,
            "followups_closed": self.followups_closed,
            "followups_open": self.followups_open,
            "followups_overdue": self.followups_overdue,
            "appeals_filed": self.appeals_filed, "appeals_upheld": self.appeals_upheld,
            "consultations": self.consultations,
            "consultations_referred": self.referred,
            "avg_consultation_minutes": _mean(self.consult_minutes, self.consultations),
            "tickets": self.tickets,
            "avg_wait_minutes": _mean(self.wait_min, self.wait_n),
            "avg_service_minutes": _mean(self.service_min, self.service_n),
        }


def _rate(n: int, d: int) -> float | None:
    return None if d == 0 else round(n / d, 6)


def _mean(total: float, n: int) -> float | None:
    return None if n == 0 else round(total / n, 2)


FIGURE_KEYS = tuple(Tally().figures())

_C = COL
_ID, _STREAM, _ITEM, _WIN, _STAFF, _INSTANT = (_C[k] for k in (
    "id", "stream", "item_code", "window_id", "staff_id", "instant"))
_REG, _ACC, _DONE, _REF, _WD = (_C[k] for k in (
    "registered_on", "accepted_on", "completed_on", "refused_on", "withdrawn_on"))
_DEADLINE, _WORK, _RATING, _RREF, _RON, _RSTAFF, _RWIN = (_C[k] for k in (
    "deadline", "work_days", "rating", "rating_ref", "rated_on", "rating_staff_id",
    "rating_window_id"))
_OPENED, _CLOSED, _DUE, _MIN, _OUTCOME = (_C[k] for k in (
    "opened_on", "closed_on", "due", "minutes", "outcome"))


class FigureBook:
    """Counts rows as they pass, into one Tally per group.

    `excluded` holds the rating event ids an appeal excluded (few: read them first).
    Several halls may pass through one book (the city): give each row's hall.
    """

    def __init__(self, period: Period, by: str, labels: Mapping[str, Labels],
                 excluded: Iterable[str] = (), *, qualify: bool = False) -> None:
        if by not in BY:
            raise FigureError(f"未知的分组: {by}（可选: {', '.join(BY)}）", code="figures.by")
        self.period, self.by, self.labels = period, by, dict(labels)
        self.excluded = frozenset(excluded)
        self.qualify = qualify and by != "hall"
        self.s, self.e, self.asof = (period.start.isoformat(), period.end.isoformat(),
                                     period.as_of.isoformat())
        self.tallies: dict[tuple[str, str], Tally] = {}
        self.rows_seen = 0

    # --- keys -----------------------------------------------------------------
    def _dim(self, hall: str, window: str, staff: str, item: str) -> str:
        by = self.by
        if by == "window":
            return window or NONE_KEY
        if by == "staff":
            return staff or NONE_KEY
        if by == "item":
            return item or NONE_KEY
        if by == "hall":
            return hall
        lab = self.labels.get(hall)
        if lab is None:
            return NONE_KEY
        if by == "department":
            return lab.item_department.get(item, NONE_KEY)
        return lab.item_zone.get(item) or lab.window_zone.get(window, NONE_KEY)  # zone

    def _tally(self, hall: str, key: str) -> Tally:
        k = (hall if self.qualify else "", key)
        t = self.tallies.get(k)
        if t is None:
            t = self.tallies[k] = Tally()
        return t

    def _at(self, hall: str, dim: str, day: str) -> Tally | None:
        """The tally a contribution dated `day` goes to (None: outside the period)."""
        if self.by == "day":
            return self._tally(hall, day) if self.s <= day <= self.e else None
        if self.by == "month":
            return self._tally(hall, day[:7]) if self.s <= day <= self.e else None
        return self._tally(hall, dim)

    # --- rows -----------------------------------------------------------------
    def add(self, row: tuple[Any, ...], hall: str = "") -> None:
        """Count one facts row (domain.figure_facts.FACT_COLUMNS order)."""
        self.rows_seen += 1
        stream = row[_STREAM]
        if stream == "case":
            self._case(row, hall)
        elif stream == "consultation":
            self._consultation(row, hall)
        elif stream == "followup":
            self._followup(row, hall)
        elif stream == "appeal":
            self._appeal(row, hall)

    def _case(self, r: tuple[Any, ...], hall: str) -> None:
        s, e, asof = self.s, self.e, self.asof
        time = self.by in _TIME
        dim = "" if time else self._dim(hall, r[_WIN], r[_STAFF], r[_ITEM])
        reg, acc, done, deadline = r[_REG], r[_ACC], r[_DONE], r[_DEADLINE]
        if reg and s <= reg <= e:
            self._at(hall, dim, reg).registered += 1
        if acc and s <= acc <= e:
            t = self._at(hall, dim, acc)
            t.accepted += 1
            if r[_INSTANT]:
                t.instant += 1
            if done and done <= e:
                t.accepted_done += 1
        if done and s <= done <= e:
            t = self._at(hall, dim, done)
            t.completed += 1
            if not r[_INSTANT] and deadline:
                t.promised_done += 1
                if done <= deadline:
                    t.on_time += 1
                    if done < deadline:
                        t.early += 1
                if r[_WORK] is not None:
                    t.work_days += r[_WORK]
                    t.work_n += 1
            if r[_RATING] and r[_RREF] not in self.excluded:
                t.completed_rated += 1
        for col in (_REF, _WD):
            d = r[col]
            if d and s <= d <= e:
                t = self._at(hall, dim, d)
                if col == _REF:
                    t.refused += 1
                else:
                    t.withdrawn += 1
        if deadline and deadline < asof and acc and acc <= asof:
            ended = min((x for x in (done, r[_REF], r[_WD]) if x), default=None)
            if ended is None or ended > asof:
                t = self._at(hall, dim, deadline)
                if t is not None:
                    t.overdue += 1
        ron = r[_RON]
        if r[_RATING] and ron and s <= ron <= e:
            rdim = "" if time else self._dim(hall, r[_RWIN], r[_RSTAFF], r[_ITEM])
            t = self._at(hall, rdim, ron)
            if r[_RREF] in self.excluded:
                t.excluded += 1
            else:
                t.rated += 1
                t.levels[r[_RATING]] += 1

    def _dim_of(self, r: tuple[Any, ...], hall: str) -> str:
        return "" if self.by in _TIME else self._dim(hall, r[_WIN], r[_STAFF], r[_ITEM])

    def _consultation(self, r: tuple[Any, ...], hall: str) -> None:
        on = r[_OPENED]
        if on and self.s <= on <= self.e:
            t = self._at(hall, self._dim_of(r, hall), on)
            t.consultations += 1
            t.consult_minutes += r[_MIN] or 0
            if r[_OUTCOME] == "referred":
                t.referred += 1

    def _followup(self, r: tuple[Any, ...], hall: str) -> None:
        s, e, asof = self.s, self.e, self.asof
        dim = self._dim_of(r, hall)
        opened, closed, due = r[_OPENED], r[_CLOSED], r[_DUE]
        if opened and s <= opened <= e:
            self._at(hall, dim, opened).followups_opened += 1
        if closed and s <= closed <= e:
            self._at(hall, dim, closed).followups_closed += 1
        if opened and opened <= asof and (closed is None or closed > asof):
            t = self._at(hall, dim, due or opened)
            if t is not None:
                t.followups_open += 1
                if due and due < asof:
                    t.followups_overdue += 1

    def _appeal(self, r: tuple[Any, ...], hall: str) -> None:
        dim = self._dim_of(r, hall)
        opened, closed = r[_OPENED], r[_CLOSED]
        if opened and self.s <= opened <= self.e:
            self._at(hall, dim, opened).appeals_filed += 1
        if closed and self.s <= closed <= self.e and r[_OUTCOME] == "excluded":
            self._at(hall, dim, closed).appeals_upheld += 1

    def add_ticket(self, t: TicketTimes, hall: str = "") -> None:
        """Count one queue ticket (the day it was taken)."""
        day = t.arrived_at.date().isoformat()
        if not self.s <= day <= self.e:
            return
        dim = "" if self.by in _TIME else self._dim(hall, t.window_id, t.staff_id, t.item_code)
        if self.by == "zone" and t.zone:
            dim = t.zone
        tally = self._at(hall, dim, day)
        tally.tickets += 1
        if t.called_at is not None:
            tally.wait_min += (t.called_at - t.arrived_at).total_seconds() / 60
            tally.wait_n += 1
        if t.started_at is not None and t.ended_at is not None:
            tally.service_min += (t.ended_at - t.started_at).total_seconds() / 60
            tally.service_n += 1

    # --- results --------------------------------------------------------------
    def rows(self) -> list[dict[str, Any]]:
        """One row per group: `group` (its key), `label` (its name), every figure."""
        keys = set(self.tallies)
        halls = sorted(self.labels) if self.qualify else [""]
        if self.by in _TIME:
            days = self.period.days
            keys |= {(h, d if self.by == "day" else d[:7]) for h in halls for d in days}
        else:
            for h in halls:
                lab = self.labels.get(h) if h else next(iter(self.labels.values()), None)
                if lab is not None:
                    keys |= {(h, m) for m in lab.members(self.by)}
        out = []
        for hall, key in sorted(keys, key=self._order):
            t = self.tallies.get((hall, key)) or Tally()
            lab = self.labels.get(hall) or (next(iter(self.labels.values()), None)
                                            if not hall else None)
            name = lab.name(self.by, key) if lab is not None else (key or "—")
            group = f"{hall}/{key}" if hall else key
            out.append({"group": group, "label": name, **t.figures()})
        return out

    def _order(self, k: tuple[str, str]) -> tuple[str, int, str]:
        return (k[0], 1 if k[1] == NONE_KEY else 0, k[1])

    def total(self) -> dict[str, Any]:
        """All groups together (a rating and its case may sit in different groups)."""
        t = Tally()
        for x in self.tallies.values():
            for name in Tally.__slots__:
                if name != "levels":
                    setattr(t, name, getattr(t, name) + getattr(x, name))
            t.levels = [a + b for a, b in zip(t.levels, x.levels, strict=True)]
        return {"group": "*", "label": "合计", **t.figures()}


def figures(rows: Iterable[tuple[Any, ...]], period: Period, by: str, labels: Labels,
            excluded: Iterable[str] = (), tickets: Iterable[TicketTimes] = ()
            ) -> list[dict[str, Any]]:
    """One hall's figures: count `rows` (any order, streamed) and `tickets`."""
    hall = next(iter(labels.hall), "")
    book = FigureBook(period, by, {hall: labels}, excluded)
    for r in rows:
        book.add(r, hall)
    for t in tickets:
        book.add_ticket(t, hall)
    return book.rows()


def is_live(last_on: str | None) -> bool:
    return last_on == LIVE
