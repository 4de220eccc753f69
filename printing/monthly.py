"""月度绩效考核: a hall's month on A4 — the figures, a table per window and per member
of staff, charts, the overdue cases and the open follow-ups, page numbers, the date made.

Input is a plain `MonthlyReview` the caller fills from a replica or the server (printing
imports only the domain); the figures in it come from domain.figures, so the paper and
the supervisor's screen say the same. Charts are reportlab drawings (vector, no
extra library). Table cells are plain strings in the CJK font — a 160-row staff table of
Paragraphs would cost seconds — except cells with a character only the fallback font has.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as RLTable

from printing import fonts
from printing.pdf import _numbered_canvas, para, style

Row = Mapping[str, Any]
BLUE, GREEN, RED = colors.HexColor("#1f5fa8"), colors.HexColor("#2e8b57"), colors.HexColor(
    "#c0392b")


@dataclass(frozen=True)
class MonthlyReview:
    """Everything the paper shows; rows are domain.figures rows."""

    hall_name: str
    month: str  # YYYY-MM
    made_on: dt.date
    total: Row
    by_window: Sequence[Row]
    by_staff: Sequence[Row]
    by_day: Sequence[Row]
    by_department: Sequence[Row]
    overdue: Sequence[Row] = ()  # case_number, item_name, window, staff, deadline, days
    followups: Sequence[Row] = ()  # case_number, level, rated, assignee, due, state, overdue
    notes: Sequence[str] = field(default_factory=tuple)
    as_of: str = "9999-12-31"  # the day overdue and open follow-ups are taken on


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.1f}%"


def num(x: Any) -> str:
    return "—" if x is None else str(x)


def _cell(text: str) -> Any:
    """A plain string, unless the main font lacks a character (then a Paragraph)."""
    main = fonts._coverage()[0]
    if all(ord(ch) in main for ch in text):
        return text
    st = style("small")
    st.fontSize, st.leading, st.spaceAfter = 7.5, 9, 0
    return para(text, st)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
           width: float, *, red_rows: Sequence[int] = ()) -> RLTable:
    total = sum(widths)
    t = RLTable([list(headers), *[[_cell(c) for c in r] for r in rows]],
                colWidths=[width * w / total for w in widths], repeatRows=1)
    # one FONT command instead of FONTNAME + FONTSIZE + LEADING: every command is applied
    # to every cell, and a 300-row table has 3,000 of them
    st = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
          ("FONT", (0, 0), (-1, -1), fonts.MAIN, 7.5, 9),
          ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.91, 0.96)),
          ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
          ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
          ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
    st += [("TEXTCOLOR", (0, r + 1), (-1, r + 1), RED) for r in red_rows]
    t.setStyle(st)
    return t


PERFORMANCE_HEADERS = ("{group}", "受理", "办结", "按时办结率", "超期", "咨询", "评价",
                       "满意率", "差评", "回访已结", "回访未结", "取号", "平均等候(分)",
                       "平均办理(分)")


def performance_rows(rows: Sequence[Row], *, skip_empty: bool = True) -> list[list[str]]:
    """One line per window or member of staff: accepted, completed, on time, overdue,
    consultations, satisfaction, 差评 and their follow-up, queue tickets served there and
    their average wait and service minutes."""
    out = []
    for r in rows:
        busy = any(r[k] for k in ("accepted", "completed", "overdue", "consultations", "rated",
                                  "followups_open", "followups_closed", "tickets"))
        if skip_empty and not busy:
            continue
        out.append([r["label"], num(r["accepted"]), num(r["completed"]), pct(r["on_time_rate"]),
                    num(r["overdue"]), num(r["consultations"]), num(r["rated"]),
                    pct(r["satisfaction_rate"]), num(r["bad_ratings"]),
                    num(r["followups_closed"]), num(r["followups_open"]), num(r["tickets"]),
                    num(r["avg_wait_minutes"]), num(r["avg_service_minutes"])])
    return out


def _sum(row: Row, *keys: str) -> int | None:
    values = [row.get(k) for k in keys]
    return None if all(v is None for v in values) else sum(v or 0 for v in values)


def _summary(review: MonthlyReview, width: float) -> list[Any]:
    t = review.total
    pairs = [("受理件数", num(t["accepted"])), ("办结件数", num(t["completed"])),
             ("办结率", pct(t["completion_rate"])), ("即办率", pct(t["instant_rate"])),
             ("按时办结率", pct(t["on_time_rate"])), ("提前办结率", pct(t["early_rate"])),
             ("平均办理(工作日)", num(t["avg_working_days"])), ("超期(月末)", num(t["overdue"])),
             ("不予受理", num(t["refused"])), ("撤回", num(t["withdrawn"])),
             ("咨询", num(t["consultations"])), ("评价件数", num(t["rated"])),
             ("满意率", pct(t["satisfaction_rate"])), ("差评", num(t["bad_ratings"])),
             ("评价覆盖率", pct(t["rating_coverage"])), ("申诉剔除", num(t["excluded_ratings"])),
             ("回访新开", num(t["followups_opened"])), ("回访办结", num(t["followups_closed"])),
             ("回访未结", num(t["followups_open"])), ("回访超期", num(t["followups_overdue"])),
             ("窗口评价器", num(_sum(t, "rated_pad", "rated_screen"))),
             ("短信评价", num(t.get("rated_sms"))), ("评议箱", num(t.get("rated_slip"))),
             ("自助机评价", num(t.get("rated_kiosk"))),
             ("取号", num(t.get("tickets"))), ("平均等候(分钟)", num(t["avg_wait_minutes"])),
             ("平均办理(分钟)", num(t["avg_service_minutes"]))]
    cells = []
    for i in range(0, len(pairs), 4):
        line: list[str] = []
        for k, v in pairs[i:i + 4]:
            line += [k, v]
        cells.append(line + [""] * (8 - len(line)))
    tab = RLTable(cells, colWidths=[width * w for w in (0.15, 0.1) * 4])
    tab.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.MAIN), ("FONTSIZE", (0, 0), (-1, -1), 9),
                  ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                  *[("BACKGROUND", (c, 0), (c, -1), colors.Color(0.94, 0.95, 0.97))
                    for c in (0, 2, 4, 6)],
                  ("ALIGN", (1, 0), (-1, -1), "RIGHT")])
    return [tab]


def trend_chart(days: Sequence[Row], width: float, as_of: str = "9999") -> Drawing:
    """Accepted and completed per day of the month (a line each), up to the as-of day."""
    d = Drawing(width, 62 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 32, 28, width - 50, 62 * mm - 48
    chart.data = [[r[k] if str(r["group"]) <= as_of else None for r in days] or [0]
                  for k in ("accepted", "completed")]
    chart.categoryAxis.categoryNames = [str(r["group"])[-2:] for r in days] or [""]
    chart.categoryAxis.labels.fontName = fonts.MAIN
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontName = fonts.MAIN
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.lines[0].strokeColor, chart.lines[1].strokeColor = BLUE, GREEN
    chart.lines[0].strokeWidth = chart.lines[1].strokeWidth = 1.4
    for i, colour in ((0, BLUE), (1, GREEN)):  # a day alone draws no line: show points
        chart.lines[i].symbol = makeMarker("FilledCircle", size=2.2, fillColor=colour,
                                           strokeColor=colour)
    d.add(chart)
    d.add(_legend(width - 150, 62 * mm - 6, [(BLUE, "受理"), (GREEN, "办结")]))
    d.add(String(0, 62 * mm - 12, "每日受理与办结", fontName=fonts.MAIN, fontSize=10))
    return d


def _legend(x: float, y: float, pairs: Sequence[tuple[Any, str]]) -> Legend:
    lg = Legend()
    lg.x, lg.y, lg.fontName, lg.fontSize = x, y, fonts.MAIN, 8
    lg.alignment, lg.columnMaximum, lg.dx, lg.dy = "right", 1, 8, 8
    lg.colorNamePairs = list(pairs)
    return lg


def satisfaction_chart(windows: Sequence[Row], width: float, limit: int = 30) -> Drawing:
    """满意率 by window, lowest first (the windows that need attention), rated ones only."""
    rated = sorted((r for r in windows if r["rated"]),
                   key=lambda r: (r["satisfaction_rate"], -r["rated"]))[:limit]
    d = Drawing(width, 70 * mm)
    d.add(String(0, 70 * mm - 12, f"窗口满意率（最低的{len(rated)}个有评价的窗口）",
                 fontName=fonts.MAIN, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 32, 34, width - 40, 70 * mm - 56
    chart.data = [[round((r["satisfaction_rate"] or 0) * 100, 1) for r in rated] or [0]]
    chart.categoryAxis.categoryNames = [str(r["label"])[:6] for r in rated] or [""]
    chart.categoryAxis.labels.fontName = fonts.MAIN
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin = min([90.0, *chart.data[0]]) // 10 * 10
    chart.valueAxis.valueMax = 100
    chart.valueAxis.labels.fontName = fonts.MAIN
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BLUE
    d.add(chart)
    return d


def overdue_chart(departments: Sequence[Row], width: float, limit: int = 15) -> Drawing:
    """超期 by department, most first."""
    rows = sorted((r for r in departments if r["overdue"]), key=lambda r: -r["overdue"])[:limit]
    height = max(30 * mm, (len(rows) * 6 + 22) * mm / 2)
    d = Drawing(width, height)
    d.add(String(0, height - 12, "各部门超期件数（月末）", fontName=fonts.MAIN, fontSize=10))
    if not rows:
        d.add(String(0, height - 30, "本月末无超期办件", fontName=fonts.MAIN, fontSize=9))
        return d
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 120, 8, width - 140, height - 30
    chart.data = [[r["overdue"] for r in reversed(rows)]]
    chart.categoryAxis.categoryNames = [str(r["label"])[:12] for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = fonts.MAIN
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = fonts.MAIN
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = RED
    d.add(chart)
    return d


def _h(text: str) -> Paragraph:
    st = style("large")
    st.spaceBefore, st.spaceAfter = 8, 4
    return para(text, st)


def _listed(shown: int, total: int, which: str) -> list[Any]:
    """Say so when a list on paper is not the whole count (the heading is)."""
    if shown >= total:
        return []
    return [para(f"共{total}件，以下列出{which}{shown}件；全部清单见监察界面或导出。",
                 style("small"))]


def story(review: MonthlyReview, width: float) -> list[Any]:
    """The flowables of the paper, in order."""
    year, month = review.month.split("-")
    title = style("huge", "center")
    title.fontSize, title.leading = 18, 26
    out: list[Any] = [
        para(f"{review.hall_name}", style("large", "center")),
        para(f"{year}年{int(month)}月 月度绩效考核", title),
        para(f"统计期间：{review.month}-01 至月末（北京时间）　制表日期："
             f"{review.made_on.isoformat()}", style("small", "center")),
        Spacer(1, 3 * mm), _h("一、总体指标"), *_summary(review, width),
        Spacer(1, 4 * mm), trend_chart(review.by_day, width, review.as_of), Spacer(1, 2 * mm),
        satisfaction_chart(review.by_window, width),
        KeepTogether([overdue_chart(review.by_department, width)]),
    ]
    widths = (2.4, 0.8, 0.8, 1.1, 0.8, 0.8, 0.8, 1.0, 0.8, 1.0, 1.0, 0.8, 1.2, 1.2)
    heads = [h.format(group="窗口") for h in PERFORMANCE_HEADERS]
    out += [_h("二、各窗口"),
            _table(heads, performance_rows(review.by_window), widths, width)]
    heads[0] = "工作人员"
    out += [_h("三、各工作人员"), _table(heads, performance_rows(review.by_staff), widths, width)]
    n_overdue = max(len(review.overdue), review.total.get("overdue") or 0)
    out += [_h(f"四、超期办件（{n_overdue}件）"), *_listed(len(review.overdue), n_overdue,
                                                   "最早到期的")]
    if review.overdue:
        out.append(_table(("办件编号", "事项", "窗口", "经办人", "办结期限", "超期工作日"),
                          [[str(r.get(k, "")) for k in ("case_number", "item_name", "window",
                                                        "staff", "deadline", "days")]
                           for r in review.overdue], (2.2, 3.6, 1.8, 1.4, 1.3, 1.1), width))
    else:
        out.append(para("无。", style("normal")))
    n_open = max(len(review.followups), review.total.get("followups_open") or 0)
    out += [_h(f"五、未办结的差评回访整改（{n_open}件）"),
            *_listed(len(review.followups), n_open, "期限最早的")]
    if review.followups:
        out.append(_table(("办件编号", "评价", "被评价人", "责任人", "期限", "进度"),
                          [[str(r.get(k, "")) for k in ("case_number", "level", "rated",
                                                        "assignee", "due", "state")]
                           for r in review.followups], (2.2, 1.2, 1.8, 1.6, 1.3, 1.3), width,
                          red_rows=[i for i, r in enumerate(review.followups)
                                    if r.get("overdue")]))
    else:
        out.append(para("无。", style("normal")))
    for note in review.notes:
        out.append(para(note, style("small")))
    return out


def to_pdf(review: MonthlyReview) -> bytes:
    """The review as A4 PDF bytes, fonts embedded, 第i页/共n页 on every page."""
    fonts.register()
    buf = io.BytesIO()
    margin = 15 * mm
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin,
                            topMargin=16 * mm, bottomMargin=20 * mm,
                            title=f"{review.hall_name} {review.month} 月度绩效考核",
                            author=review.hall_name, creator="Yichuang",
                            initialFontName=fonts.MAIN)
    furniture = SimpleNamespace(
        footer=f"{review.hall_name}　{review.month} 月度绩效考核　制表 {review.made_on}",
        header=f"{review.hall_name}　{review.month} 月度绩效考核")
    doc.build(story(review, doc.width - 12), canvasmaker=_numbered_canvas(furniture))
    return buf.getvalue()
