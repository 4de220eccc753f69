"""What every builder looks up from a case: dates, deadline, where to go, masked data.

Collected in one place so that every paper words the same fact the same way (a
deadline on the slip and on the notice must never disagree) and so that masking of
personal data is decided once, here, not in each builder.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass

from domain import idnumber, phone
from domain.case import Case
from domain.catalog import Catalog, ServiceItem, Staff
from domain.errors import UnknownItem
from domain.events import recorded_date
from domain.lifecycle import PAUSE_LABELS
from domain.workdays import WorkCalendar
from printing.settings import HallPrintSettings
from resources import path as resource_path

ID_TYPE_LABELS = {
    "resident": "居民身份证", "hk_mo_tw": "港澳台居民居住证", "foreign_2017": "外国人永久居留身份证",
    "foreign_2023": "外国人永久居留身份证", "passport": "护照", "other": "其他证件",
}
DELIVERY_LABELS = {"window": "窗口领取", "mail": "EMS邮寄送达", "online": "网上送达"}


@functools.cache
def default_calendar() -> WorkCalendar:
    """The calendar that ships with the app; the desktop passes the pulled one."""
    data = json.loads(resource_path("calendar", "cn.json").read_text(encoding="utf-8"))
    return WorkCalendar.from_dict(data)


def cn_date(day: dt.date) -> str:
    """2025年3月14日: how dates are written on official papers."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_datetime(iso: str) -> str:
    """An event timestamp in China time, to the minute."""
    if not iso:
        return ""
    t = dt.datetime.fromisoformat(iso)
    day = recorded_date(iso)
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone(dt.timedelta(hours=8)))
    return f"{cn_date(day)} {t:%H:%M}"


@dataclass(frozen=True)
class Context:
    """One build's inputs, with the look-ups done."""

    doc: str
    case: Case
    catalog: Catalog
    settings: HallPrintSettings
    today: dt.date
    staff_no: str
    calendar: WorkCalendar
    decided: dt.date  # the day of the decision the paper records (printed as its date)
    reprint_on: dt.date | None = None  # 补打: the day of the reprint

    @property
    def number(self) -> str:
        """The case number; a kiosk case not yet at a window has only its slip number."""
        return self.case.case_number or self.case.slip_number

    @property
    def item(self) -> ServiceItem | None:
        """The catalog item; None when the catalog no longer has it (the case's own
        snapshot of name and limits still prints)."""
        try:
            return self.catalog.item(self.case.item_code or self.case.item_no)
        except UnknownItem:
            return None

    @property
    def department(self) -> str:
        item = self.item
        if item is None:
            return ""
        dep = self.catalog.department(item.department)
        return dep.name if dep else item.department

    def id_text(self, person: dict | None) -> str:
        """证件 type and number, masked unless this doc is set to print it whole."""
        if not person:
            return ""
        number = str(person.get("id_number", ""))
        if self.doc not in self.settings.full_id_docs:
            number = idnumber.mask(number)
        label = ID_TYPE_LABELS.get(str(person.get("id_type") or "resident"), "证件")
        return f"{label} {number}".strip()

    def phone_text(self, person: dict | None, *, whole: bool = False) -> str:
        """Masked phone; whole only where the paper's purpose needs it (the courier)."""
        tel = str((person or {}).get("phone", ""))
        return tel if whole else phone.mask(tel)

    def go_to(self) -> str:
        """Where the citizen goes next: the case's window, else the item's zone."""
        window = self.catalog.window(self.case.window_id)
        if window is not None:
            return window.name
        item = self.item
        zone = self.catalog.zone(item.zone) if item else None
        if zone is None:
            return "请留意大厅叫号屏"
        nos = [w.no for w in self.catalog.windows_of_zone(zone.id) if w.comprehensive]
        where = f"{zone.name}（{zone.prefix}区）"
        return f"{where} {'、'.join(str(int(n)) for n in nos)}号窗口" if nos else where

    def time_limit(self) -> str:
        """The promise as the slip states it, before acceptance starts the clock."""
        c = self.case
        if c.instant:
            return "即办件：材料齐全的，当场办结"
        legal = f"（法定{c.legal_days}个工作日）" if c.legal_days else ""
        return f"承诺{c.promised_days}个工作日办结{legal}，自受理次日起计算"

    def deadline_text(self) -> str:
        """The promised date once accepted; the state of the clock otherwise."""
        c = self.case
        if c.instant:
            return "即办件，当场办结"
        d = c.deadline(self.calendar)
        if d is None:
            return self.time_limit()
        if d.paused or d.day is None:
            why = next((p.reason for p in c.pauses if p.end is None), "supplement")
            if why == "supplement":
                return f"补正期间暂停计时，补齐后剩余{d.days_left_when_paused}个工作日"
            return (f"{PAUSE_LABELS.get(why, '特别程序')}期间暂停计时，结束后剩余"
                    f"{d.days_left_when_paused}个工作日")
        note = "（节假日安排尚未公布，以公告为准）" if d.provisional else ""
        return f"{cn_date(d.day)}前办结（{d.days_allowed}个工作日）{note}"

    def accepted_text(self) -> str:
        return cn_datetime(self.case.accepted_at) or "尚未受理"

    def staff_text(self) -> str:
        return f"经办人工号：{self.staff_no}" if self.staff_no else ""


def step_day(case: Case, *kinds: str) -> dt.date | None:
    """The day of the last step of these kinds that took effect (not a conflict)."""
    for step in reversed(case.history):
        if step.kind in kinds and not step.conflict:
            return recorded_date(step.recorded_at)
    return None


def staff_name(catalog: Catalog, staff_id: str) -> str:
    """王丽 for S001; the id itself when the catalog does not know it."""
    member = catalog.staff_member(staff_id) if staff_id else None
    return member.name if member else staff_id


def staff_number(staff: Staff | str | None, catalog: Catalog, case: Case) -> str:
    """The 工号 printed on paper; falls back to the case's clerk when the caller gives none."""
    if isinstance(staff, Staff):
        return staff.no
    # who printed, else the case's clerk, else whoever took its last step
    key = staff or case.staff_id or (case.history[-1].staff_id if case.history else "")
    if not key:
        return ""
    member = catalog.staff_member(key)
    return member.no if member else key
