"""Today's opening periods and who is on duty in each (值班表), as a face shows them: the
counter's period tooltip and the supervisor's overview say it the same way.

(Context "Duty" is written out in every call: lupdate reads only literal contexts.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from domain.catalog import Catalog
from domain.opening import Hours, Period
from domain.workdays import WorkCalendar

Plan = Sequence[tuple[Period, Sequence[str]]]  # domain.opening.day_plan


def duty_lines(plan: Plan, catalog: Catalog) -> list[str]:
    """One line per period of the day: 上午 09:00-12:00：王丽（1001）、张伟（1002）."""
    out = []
    for period, staff in plan:
        names = []
        for sid in staff:
            s = catalog.staff_member(sid)
            names.append(f"{s.name}（{s.no}）" if s else sid)
        who = "、".join(names) or QCoreApplication.translate("Duty", "未排班")
        out.append(QCoreApplication.translate("Duty", "{0} {1}：{2}").format(
            period.name, period.hours_text(), who))
    return out


def duty_text(plan: Plan, restricted: bool, catalog: Catalog) -> str:
    """今日值班 and its lines; a hall with periods but none today says so; a hall that
    declares no periods, nothing."""
    if not plan:
        return QCoreApplication.translate("Duty", "今日无办理时段") if restricted else ""
    return "\n".join([QCoreApplication.translate("Duty", "今日值班："),
                      *duty_lines(plan, catalog)])


def demo_duty(periods: Sequence[Mapping[str, Any]], cal: WorkCalendar,
              day: dt.date) -> list[dict[str, Any]]:
    """The demo's roster for `day` (screenshots): two clerks in the first period that
    runs, one in the next, nobody in the last (so 未排班 shows too)."""
    running = Hours.from_rows(periods).on_day(cal, day)
    crews = (["S001", "S002"], ["S003"])
    return [{"date": day.isoformat(), "period": p.id, "staff": crews[i]}
            for i, p in enumerate(running[:min(2, max(1, len(running) - 1))])]
