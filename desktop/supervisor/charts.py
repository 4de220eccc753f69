"""Charts where people would rather look than read (QtCharts: already a dependency
through PySide6-Addons, drawn by Qt itself so it works offscreen and in screenshots).

Trend by day (accepted, completed), 满意率 by window (lowest first), 超期 by department.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

Row = dict[str, Any]


def _small() -> QFont:
    f = QFont()
    f.setPointSizeF(7.5)
    return f


def _view(chart: QChart) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.setMargins(chart.margins() * 0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def short_window(name: str) -> str:
    """"11号个人住房信息综合查询窗口" → "11号": windows are known by number."""
    m = re.match(r"^(\d+号)", name)
    return m.group(1) if m else name[:4]


def short_department(name: str) -> str:
    """The whole name without the level prefix (市/区/县): a department is read by its
    name, and two cut to the same first characters could not be told apart."""
    for prefix in ("市", "区", "县"):
        name = name.removeprefix(prefix)
    return name


def trend(days: Sequence[Row], as_of: str) -> QChartView:
    """Accepted and completed per day, up to the as-of day."""
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("charts", "每日受理与办结"))
    top = 1
    accepted = QCoreApplication.translate("charts", "受理")
    completed = QCoreApplication.translate("charts", "办结")
    for key, name, colour in (("accepted", accepted, "#1f5fa8"),
                              ("completed", completed, "#2e8b57")):
        s = QLineSeries()
        s.setName(name)
        s.setColor(QColor(colour))
        s.setPointsVisible(True)
        for i, r in enumerate(days):
            if str(r["group"]) <= as_of:
                s.append(QPointF(i + 1, r[key]))
                top = max(top, r[key])
        chart.addSeries(s)
    x, y = QCategoryAxis(), QValueAxis()
    x.setRange(1, max(len(days), 2))
    x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    step = max(1, round(len(days) / 7))
    for i in range(0, len(days), step):
        x.append(str(days[i]["group"])[5:], i + 1)  # MM-DD: the date, not an index
    x.setLabelsFont(_small())
    y.setRange(0, top * 1.1)
    y.setLabelFormat("%d")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in chart.series():
        s.attachAxis(x)
        s.attachAxis(y)
    return _view(chart)


def satisfaction(windows: Sequence[Row], limit: int = 15) -> QChartView:
    """满意率 of the rated windows, lowest first."""
    rated = sorted((r for r in windows if r["rated"]),
                   key=lambda r: (r["satisfaction_rate"], -r["rated"]))[:limit]
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("charts", "窗口满意率（最低的有评价窗口）"))
    bars = QBarSet(QCoreApplication.translate("charts", "满意率 %"))
    bars.setColor(QColor("#1f5fa8"))
    for r in rated:
        bars.append(round((r["satisfaction_rate"] or 0) * 100, 1))
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    cats = QBarCategoryAxis()
    cats.append([short_window(str(r["label"])) for r in rated] or [""])
    cats.setLabelsFont(_small())
    cats.setTruncateLabels(False)
    y = QValueAxis()
    low = min([90.0, *(bars.at(i) for i in range(bars.count()))])
    y.setRange(low // 10 * 10, 100)
    chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cats)
    series.attachAxis(y)
    chart.legend().hide()
    return _view(chart)


def overdue(departments: Sequence[Row], limit: int = 10) -> QChartView:
    """超期 by department, most first."""
    rows = sorted((r for r in departments if r["overdue"]), key=lambda r: -r["overdue"])[:limit]
    rows.reverse()
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("charts", "各部门超期件数"))
    bars = QBarSet(QCoreApplication.translate("charts", "超期"))
    bars.setColor(QColor("#c0392b"))
    for r in rows:
        bars.append(r["overdue"])
    series = QHorizontalBarSeries()
    series.append(bars)
    chart.addSeries(series)
    cats = QBarCategoryAxis()
    none = QCoreApplication.translate("charts", "无超期")
    cats.append([short_department(str(r["label"])) for r in rows] or [none])
    cats.setLabelsFont(_small())
    cats.setTruncateLabels(False)  # Qt would cut every name to "…" on a narrow chart
    x = QValueAxis()
    x.setRange(0, max([1, *(r["overdue"] for r in rows)]))
    x.setLabelFormat("%d")
    chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(cats)
    series.attachAxis(x)
    chart.legend().hide()
    return _view(chart)
