"""How the kiosk words an item's facts, translated (context "KioskText", written out in
every call because lupdate reads only literal contexts; counts go through
`KioskText.tr(…, n)`, the only form pyside6-lupdate reads as a plural).

One place, so a tile, the item page and the voice say the same thing; the slip itself
is worded by `printing` (the paper is always Chinese, the screen follows the language).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from domain.catalog import Catalog, ServiceItem


class KioskText(QObject):
    """The counted phrases ("1 working day", "2 originals")."""

    def working_days(self, n: int) -> str:
        return self.tr("%n个工作日", "", n)

    def originals(self, n: int) -> str:
        return self.tr("原件%n份", "", n)

    def copies(self, n: int) -> str:
        return self.tr("复印件%n份", "", n)


_counted: KioskText | None = None


def counted() -> KioskText:
    global _counted
    if _counted is None:
        _counted = KioskText()
    return _counted


def limit_short(item: ServiceItem) -> str:
    """For a tile: 即办 / 3个工作日."""
    if item.instant:
        return QCoreApplication.translate("KioskText", "即办件")
    return counted().working_days(item.promised_days)


def limit_long(item: ServiceItem) -> str:
    """For the item page: 承诺时限 N 个工作日 / 即办件 当场办结."""
    if item.instant:
        return QCoreApplication.translate("KioskText", "即办件，材料齐全当场办结")
    return QCoreApplication.translate(
        "KioskText", "承诺时限 {0} 个工作日（自受理次日起计算）").format(item.promised_days)


def fee(item: ServiceItem) -> str:
    """The catalog's fee text; 不收费 is translated, anything longer shown as stored."""
    if item.fee.strip() in ("", "不收费"):
        return QCoreApplication.translate("KioskText", "不收费")
    return item.fee


def department(catalog: Catalog, item: ServiceItem) -> str:
    dep = catalog.department(item.department)
    return dep.name if dep else item.department


def on_the_spot(item: ServiceItem) -> str:
    if item.instant:
        return QCoreApplication.translate("KioskText", "是，当场办结")
    return QCoreApplication.translate("KioskText", "否，受理后按承诺时限办结")


def material_line(m) -> str:
    """营业执照 原件1份 复印件1份 — counts in the screen's language."""
    parts = []
    if m.originals:
        parts.append(counted().originals(m.originals))
    if m.copies:
        parts.append(counted().copies(m.copies))
    return f"{m.name}  {' '.join(parts)}".strip()


def condition(m) -> str:
    if not m.condition:
        return ""
    return QCoreApplication.translate("KioskText", "（{0}需提供）").format(m.condition)


def printer_problem(code: str) -> str:
    """Why the kiosk stopped, for the citizen (the staff alert says the same)."""
    words = {
        "printer.paper_out": QCoreApplication.translate("KioskText", "打印机缺纸"),
        "printer.cover_open": QCoreApplication.translate("KioskText", "打印机盖未关好"),
        "printer.offline": QCoreApplication.translate("KioskText", "打印机脱机"),
        "printer.error": QCoreApplication.translate("KioskText", "打印机故障"),
    }
    return words.get(code, QCoreApplication.translate("KioskText", "打印机未连接"))
