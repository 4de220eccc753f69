"""The figures every hall reports (办结率, 即办率, 按时办结率, 满意率 …), defined once.

Pure. The counts are declared once in domain.figure_counts and summed by the database
that holds the facts rows (a terminal's replica, the city server: `add_answer`), so a
month of a million cases never passes through Python, or by its evaluator over rows in
memory (`FigureBook.add`); this module names the groups and turns counts into rates
(`Tally.figures`, docs/figures.md). Every count is anchored on the date its event
happened (Beijing time) and counted when that date lies in the period:

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
- consultations (咨询), follow-ups (差评回访整改), appeals (申诉复核).
- queue (叫号): tickets taken on the day; avg_wait = mean of first call − arrival over
  the tickets called, avg_service = mean service time over the tickets served
  (domain.queue_figures), for the window and staff that served them last and the
  zone they were taken for; in seconds and in minutes.

A rate is a fraction 0..1, None where its denominator is 0. Case figures count for the
window and member of staff that accepted the case; a rating counts for whom it rates
(domain.ratings.rated_party).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from domain import figure_counts as counts
from domain.errors import DomainError
from domain.figure_counts import NAMES
from domain.figure_facts import COL, LIVE
from domain.ratings import BAD, CHANNELS, SATISFIED

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
    """The counts of one group (domain.figure_counts.NAMES, in order); `figures()` turns
    them into the published figures."""

    __slots__ = ("n",)

    def __init__(self) -> None:
        self.n = [0] * len(NAMES)

    def merge(self, other: Tally) -> None:
        self.n = [a + b for a, b in zip(self.n, other.n, strict=True)]

    def figures(self) -> dict[str, Any]:
        """Every figure of the group: counts, and rates as fractions (None when 0/0)."""
        c = dict(zip(NAMES, self.n, strict=True))
        satisfied = sum(c[f"rating_{lv}"] for lv in SATISFIED)
        bad = sum(c[f"rating_{lv}"] for lv in BAD)
        rated = c["rated"]
        return {
            "registered": c["registered"], "accepted": c["accepted"],
            "completed": c["completed"], "refused": c["refused"],
            "withdrawn": c["withdrawn"], "instant": c["instant"],
            "accepted_extended": c["accepted_extended"],
            "completion_rate": _rate(c["accepted_done"], c["accepted"]),
            "instant_rate": _rate(c["instant"], c["accepted"]),
            "promised_completed": c["promised_done"], "on_time": c["on_time"],
            "on_time_rate": _rate(c["on_time"], c["promised_done"]),
            "early_rate": _rate(c["early"], c["promised_done"]),
            "avg_working_days": _mean(c["work_days"], c["work_n"]),
            "overdue": c["overdue"],
            "rated": rated, "satisfied": satisfied,
            "satisfaction_rate": _rate(satisfied, rated),
            "bad_ratings": bad, "bad_rate": _rate(bad, rated),
            **{f"rating_{lv}": c[f"rating_{lv}"] for lv in (5, 4, 3, 2, 1)},
            **{f"rated_{ch}": c[f"rated_{ch}"] for ch in CHANNELS},
            "rating_coverage": _rate(c["completed_rated"], c["completed"]),
            "excluded_ratings": c["excluded"],
            "followups_opened": c["followups_opened"],
            "followups_closed": c["followups_closed"],
            "followups_open": c["followups_open"],
            "followups_overdue": c["followups_overdue"],
            "appeals_filed": c["appeals_filed"], "appeals_upheld": c["appeals_upheld"],
            "consultations": c["consultations"],
            "consultations_referred": c["referred"],
            "avg_consultation_minutes": _mean(c["consult_minutes"], c["consultations"]),
            "tickets": c["tickets"],
            "avg_wait_seconds": _mean(c["wait_s"], c["wait_n"], 1),
            "avg_service_seconds": _mean(c["service_s"], c["service_n"], 1),
            "avg_wait_minutes": _mean(c["wait_s"] / 60, c["wait_n"]),
            "avg_service_minutes": _mean(c["service_s"] / 60, c["service_n"]),
        }


def _rate(n: int, d: int) -> float | None:
    return None if d == 0 else round(n / d, 6)


def _mean(total: float, n: int, digits: int = 2) -> float | None:
    return None if n == 0 else round(total / n, digits)


FIGURE_KEYS = tuple(Tally().figures())

_ITEM, _WIN, _STAFF, _RSTAFF, _RWIN, _ZONE = (COL[k] for k in (
    "item_code", "window_id", "staff_id", "rating_staff_id", "rating_window_id", "zone"))


class FigureBook:
    """Adds counts into one Tally per group: facts rows one at a time (`add`, through
    domain.figure_counts' evaluator) or sums the database made from the same
    declarations (`add_sums`, figure_counts.sql) — either way the same tallies.

    `excluded` holds the rating event ids an appeal excluded (only `add` needs them).
    Several halls may pass through one book (the city): give each row's hall.
    """

    def __init__(self, period: Period, by: str, labels: Mapping[str, Labels],
                 excluded: Iterable[str] = (), *, qualify: bool = False) -> None:
        if by not in BY:
            raise FigureError(f"未知的分组: {by}（可选: {', '.join(BY)}）", code="figures.by")
        self.period, self.by, self.labels = period, by, dict(labels)
        self.qualify = qualify and by != "hall"
        self.time = by in _TIME
        self.s, self.e, self.asof = (period.start.isoformat(), period.end.isoformat(),
                                     period.as_of.isoformat())
        self.evaluator = counts.Evaluator(self.s, self.e, self.asof, frozenset(excluded))
        self.tallies: dict[tuple[str, str], Tally] = {}
        self.rows_seen = 0

    # --- keys -----------------------------------------------------------------
    def _dim(self, hall: str, window: str | None, staff: str | None, item: str | None,
             zone: str | None = None) -> str:
        """The group of a count made at `window` by `staff` on `item` (a ticket: taken
        for `zone`) in `hall`."""
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
            return lab.item_department.get(item or "", NONE_KEY)
        return zone or lab.item_zone.get(item or "") or lab.window_zone.get(window or "",
                                                                             NONE_KEY)

    def _tally(self, hall: str, key: str) -> Tally:
        k = (hall if self.qualify else "", key)
        t = self.tallies.get(k)
        if t is None:
            t = self.tallies[k] = Tally()
        return t

    # --- input ----------------------------------------------------------------
    def add(self, row: tuple[Any, ...], hall: str = "") -> None:
        """Count one facts row (domain.figure_facts.FACT_COLUMNS order)."""
        self.rows_seen += 1
        for i, c, day, value in self.evaluator.contributions(row, time=self.time):
            if self.time:
                key = day if self.by == "day" else day[:7]
            elif c.party == "rated":
                key = self._dim(hall, row[_RWIN], row[_RSTAFF], row[_ITEM], row[_ZONE])
            else:
                key = self._dim(hall, row[_WIN], row[_STAFF], row[_ITEM], row[_ZONE])
            self._tally(hall, key).n[i] += value

    def add_sums(self, hall: str, window: str | None, staff: str | None, item: str | None,
                 zone: str | None, day: str | None, values: Sequence[Any]) -> None:
        """Add one row of figure_counts.sql's answer (NULL where a key was not asked)."""
        if self.time:
            if day is None:
                return
            key = day if self.by == "day" else day[:7]
        else:
            key = self._dim(hall, window, staff, item, zone)
        t = self._tally(hall, key)
        t.n = list(map(operator.add, t.n, values))

    # --- results --------------------------------------------------------------
    def rows(self) -> list[dict[str, Any]]:
        """One row per group: `group` (its key), `label` (its name), every figure."""
        keys = set(self.tallies)
        halls = sorted(self.labels) if self.qualify else [""]
        if self.time:
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
            t.merge(x)
        return {"group": "*", "label": "合计", **t.figures()}


def add_answer(books: Sequence[FigureBook], answer: Iterable[Sequence[Any]],
               hall: str | None = None) -> None:
    """Add figure_counts.sql's answer (hall, window_id, staff_id, item_code, zone, day,
    counts …)
    to every book: one statement serves several groupings. `hall` names the hall when
    the answer's hall column is empty (a replica holds one hall)."""
    for r in answer:
        values = [int(v or 0) for v in r[6:]]  # PostgreSQL sums are Decimal or None
        if not any(values):
            continue  # rows in the span that count nowhere make no group
        h = r[0] if hall is None else hall
        for book in books:
            book.add_sums(h, r[1], r[2], r[3], r[4], r[5], values)


def time_split(bys: Iterable[str]) -> list[list[str]]:
    """Groupings that one statement can serve together (by time, the rest)."""
    bys = list(dict.fromkeys(bys))
    parts = [[b for b in bys if b in _TIME], [b for b in bys if b not in _TIME]]
    return [p for p in parts if p]


def figures(rows: Iterable[tuple[Any, ...]], period: Period, by: str, labels: Labels,
            excluded: Iterable[str] = ()) -> list[dict[str, Any]]:
    """One hall's figures: count `rows` (any order, streamed)."""
    hall = next(iter(labels.hall), "")
    book = FigureBook(period, by, {hall: labels}, excluded)
    for r in rows:
        book.add(r, hall)
    return book.rows()


def is_live(last_on: str | None) -> bool:
    return last_on == LIVE
