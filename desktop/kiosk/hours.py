"""The kiosk and the opening periods: offer what can be done now, say when the rest opens.

(Context "KioskHours" is written out in every call: lupdate reads only literal contexts.)

With periods declared (domain.opening), the kiosk lists only the items the current
period offers and tells when the others open; outside every period it shows the day's
hours and takes no registration. Without periods nothing changes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from domain.catalog import Catalog
from domain.opening import Hours, Opening
from domain.workdays import WorkCalendar


def offered(catalog: Catalog, hours: Hours, cal: WorkCalendar, now: dt.datetime) -> Catalog:
    """The items that can be registered now."""
    if not hours.restricted:
        return catalog
    return catalog.with_items(i for i in catalog.items
                              if hours.is_open(cal, now, i.no, item_periods=i.periods))


def when(opening: Opening, today: dt.date) -> str:
    """今天 17:00 / 明天 09:00 / 12月7日 09:00."""
    t = opening.period.start.strftime("%H:%M")
    if opening.day == today:
        return QCoreApplication.translate("KioskHours", "今天 {0}").format(t)
    if opening.day == today + dt.timedelta(days=1):
        return QCoreApplication.translate("KioskHours", "明天 {0}").format(t)
    return QCoreApplication.translate("KioskHours", "{0}月{1}日 {2}").format(opening.day.month, opening.day.day, t)


def day_hours(hours: Hours, cal: WorkCalendar, day: dt.date) -> str:
    """上午 09:00-12:00、下午 13:00-17:00 (the periods of one day)."""
    return "、".join(f"{p.name} {p.hours_text()}" for p in hours.on_day(cal, day))


def status(hours: Hours, cal: WorkCalendar, now: dt.datetime, catalog: Catalog
           ) -> tuple[str, str]:
    """(closed reason, note): the reason stops registrations; the note informs."""
    if not hours.restricted:
        return "", ""
    today = now.date()
    current = hours.current(cal, now)
    if current is None:
        nxt = hours.next_opening(cal, now)
        parts = [QCoreApplication.translate("KioskHours", "现在不在办理时间，自助登记暂停。")]
        if nxt is not None:
            parts.append(QCoreApplication.translate("KioskHours", "下次开放：{0}（{1}）。").format(when(nxt, today), nxt.period.name))
        shown = day_hours(hours, cal, today) or (
            day_hours(hours, cal, nxt.day) if nxt is not None else "")
        if shown:
            parts.append(QCoreApplication.translate("KioskHours", "开放时间：{0}").format(shown))
        return "".join(parts), ""
    note = QCoreApplication.translate("KioskHours", "当前时段：{0} {1}").format(current.name, current.hours_text())
    closed = [i for i in catalog.items
              if not hours.is_open(cal, now, i.no, item_periods=i.periods)]
    if closed:
        nxt = hours.next_opening(cal, now + dt.timedelta(minutes=1))
        later = QCoreApplication.translate("KioskHours", "，其余{0}项事项{1}起办理").format(len(closed), when(nxt, today)) \
            if nxt is not None else ""
        note += QCoreApplication.translate("KioskHours", "，本时段可办{0}项事项{1}").format(len(catalog.items) - len(closed), later)
    return "", note
