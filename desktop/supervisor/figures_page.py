"""Tables by window, staff, department, item (and hall, zone, day, month) for a period,
sortable, with drill-down to the cases and charts beside them; Excel and CSV export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import state_text
from desktop.supervisor import charts
from desktop.supervisor.ratings_page import level_text
from desktop.supervisor.tables import RowsModel, export, make_view, row_at

# every figure of domain.figures a supervisor reads in the table (and its exports); the
# titles are collected in the page's own translation context and read back with self.tr
FIGURE_COLUMNS = (
    ("label", QT_TRANSLATE_NOOP("FiguresPage", "名称"), "text"),
    ("accepted", QT_TRANSLATE_NOOP("FiguresPage", "受理"), "int"),
    ("completed", QT_TRANSLATE_NOOP("FiguresPage", "办结"), "int"),
    ("completion_rate", QT_TRANSLATE_NOOP("FiguresPage", "办结率"), "rate"),
    ("instant_rate", QT_TRANSLATE_NOOP("FiguresPage", "即办率"), "rate"),
    ("accepted_extended", QT_TRANSLATE_NOOP("FiguresPage", "延时服务受理"), "int"),
    ("on_time_rate", QT_TRANSLATE_NOOP("FiguresPage", "按时办结率"), "rate"),
    ("early_rate", QT_TRANSLATE_NOOP("FiguresPage", "提前办结率"), "rate"),
    ("avg_working_days", QT_TRANSLATE_NOOP("FiguresPage", "平均工作日"), "num"),
    ("overdue", QT_TRANSLATE_NOOP("FiguresPage", "超期"), "int"),
    ("refused", QT_TRANSLATE_NOOP("FiguresPage", "不予受理"), "int"),
    ("withdrawn", QT_TRANSLATE_NOOP("FiguresPage", "撤回"), "int"),
    ("consultations", QT_TRANSLATE_NOOP("FiguresPage", "咨询"), "int"),
    ("rated", QT_TRANSLATE_NOOP("FiguresPage", "评价"), "int"),
    ("satisfaction_rate", QT_TRANSLATE_NOOP("FiguresPage", "满意率"), "rate"),
    ("bad_ratings", QT_TRANSLATE_NOOP("FiguresPage", "差评"), "int"),
    ("rating_coverage", QT_TRANSLATE_NOOP("FiguresPage", "评价覆盖率"), "rate"),
    ("excluded_ratings", QT_TRANSLATE_NOOP("FiguresPage", "申诉剔除"), "int"),
    ("followups_open", QT_TRANSLATE_NOOP("FiguresPage", "回访未结"), "int"),
    ("followups_overdue", QT_TRANSLATE_NOOP("FiguresPage", "回访超期"), "int"),
    ("avg_wait_minutes", QT_TRANSLATE_NOOP("FiguresPage", "平均等候(分)"), "num"),
    ("avg_service_minutes", QT_TRANSLATE_NOOP("FiguresPage", "平均办理(分)"), "num"),
)
GROUPS = ("window", "staff", "department", "item", "zone", "day", "hall")


class FiguresPage(QWidget):
    """A period, a grouping, the table, the charts."""

    sig_reload = Signal(object, str)
    """(Period fields as (start, end), by): the window runs the query."""
    sig_drill = Signal(str, str)
    """(by, group key): show the cases behind a row."""
    sig_message = Signal(str, str)

    def __init__(self, today: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.today = today
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.by = QComboBox()
        names = {"window": self.tr("按窗口"), "staff": self.tr("按工作人员"),
                 "department": self.tr("按部门"), "item": self.tr("按事项"),
                 "zone": self.tr("按服务区"), "day": self.tr("按日"), "hall": self.tr("全厅")}
        for g in GROUPS:
            self.by.addItem(names[g], g)
        self.preset = QComboBox()
        for key, text in (("month", self.tr("本月")), ("last", self.tr("上月")),
                          ("today", self.tr("今日")), ("custom", self.tr("自定义"))):
            self.preset.addItem(text, key)
        self.start, self.end = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for w in (self.start, self.end):
            w.setDisplayFormat("yyyy-MM-dd")
        self.refresh = QPushButton(self.tr("刷新"))
        self.to_xlsx = QPushButton(self.tr("导出Excel"))
        self.to_csv = QPushButton(self.tr("导出CSV"))
        for w in (QLabel(self.tr("统计")), self.by, self.preset, self.start, QLabel("—"),
                  self.end, self.refresh):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.to_xlsx)
        bar.addWidget(self.to_csv)
        lay.addLayout(bar)
        self.note = QLabel(self.tr("双击一行查看办件"))
        lay.addWidget(self.note)
        split = QSplitter()
        cols = [(k, self.tr(t), kind) for k, t, kind in FIGURE_COLUMNS]
        self.model = RowsModel(cols)
        self.view = make_view(self.model)
        self.view.doubleClicked.connect(self._drill)
        split.addWidget(self.view)
        self.chart_box = QWidget()
        self.chart_lay = QVBoxLayout(self.chart_box)
        self.chart_lay.setContentsMargins(0, 0, 0, 0)
        split.addWidget(self.chart_box)
        split.setSizes([700, 420])
        lay.addWidget(split, 1)
        self.preset.currentIndexChanged.connect(self._preset)
        self.refresh.clicked.connect(self.reload)
        self.by.currentIndexChanged.connect(self.reload)
        self.to_xlsx.clicked.connect(lambda: self._export("xlsx"))
        self.to_csv.clicked.connect(lambda: self._export("csv"))
        self._preset()

    def _preset(self) -> None:
        key = self.preset.currentData()
        t = self.today
        start, end = t.replace(day=1), t
        if key == "last":
            end = start - dt.timedelta(days=1)
            start = end.replace(day=1)
        elif key == "today":
            start = t
        custom = key == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            self.start.setDate(QDate(start.year, start.month, start.day))
            self.end.setDate(QDate(end.year, end.month, end.day))
            self.reload()

    def period(self) -> tuple[dt.date, dt.date]:
        s, e = self.start.date(), self.end.date()
        return dt.date(s.year(), s.month(), s.day()), dt.date(e.year(), e.month(), e.day())

    def reload(self) -> None:
        self.sig_reload.emit(self.period(), self.by.currentData())

    def show_rows(self, rows: list[dict], total: dict, trend: list[dict] | None,
                  windows: list[dict] | None, departments: list[dict] | None) -> None:
        self.model.set_rows(rows)
        self.note.setText(self.tr("{n} 行；全厅：受理 {a}，办结 {c}，满意率 {s}。双击一行查看办件")
                          .format(n=len(rows), a=total["accepted"], c=total["completed"],
                                  s="—" if total["satisfaction_rate"] is None else
                                  f"{total['satisfaction_rate'] * 100:.1f}%"))
        while self.chart_lay.count():
            w = self.chart_lay.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        as_of = min(self.period()[1], self.today).isoformat()
        if trend is not None:
            self.chart_lay.addWidget(charts.trend(trend, as_of))
        if windows is not None:
            self.chart_lay.addWidget(charts.satisfaction(windows))
        if departments is not None:
            self.chart_lay.addWidget(charts.overdue(departments))

    def _drill(self, index) -> None:
        row = row_at(self.view, self.model, index)
        if row is not None:
            self.sig_drill.emit(self.by.currentData(), row["group"])

    def _export(self, fmt: str) -> None:
        s, e = self.period()
        name = f"figures-{self.by.currentData()}-{s}-{e}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), name,
                                              "Excel (*.xlsx)" if fmt == "xlsx" else "CSV (*.csv)")
        if path:
            out = export(self.model, path, sheet=f"{s}~{e}")
            self.sig_message.emit(self.tr("已导出 {path}").format(path=str(out)), "info")


class CasesDialog(QDialog):
    """The cases behind one row; double-click one for its history."""

    sig_open_case = Signal(str)

    def __init__(self, title: str, rows: list[dict[str, Any]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        self.model = RowsModel([
            ("case_number", self.tr("办件编号"), "text"), ("item_name", self.tr("事项"), "text"),
            ("state_text", self.tr("状态"), "text"), ("accepted_at", self.tr("受理时间"), "text"),
            ("deadline", self.tr("办结期限"), "text"), ("rating_text", self.tr("评价"), "text")])
        self.model.set_rows([{**r, "state_text": state_text(r.get("state")),
                              "rating_text": level_text(r.get("rating")),
                              "accepted_at": (r.get("accepted_at") or "")[:16].replace("T", " ")}
                             for r in rows])
        self.view = make_view(self.model)
        self.view.doubleClicked.connect(self._open)
        lay.addWidget(QLabel(self.tr("{n} 件").format(n=len(rows))))
        lay.addWidget(self.view)
        buttons = QHBoxLayout()
        xlsx = QPushButton(self.tr("导出Excel"))
        xlsx.clicked.connect(self._export)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(xlsx)
        buttons.addWidget(close)
        lay.addLayout(buttons)

    def _open(self, index) -> None:
        row = row_at(self.view, self.model, index)
        if row:
            self.sig_open_case.emit(row["id"])

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), "cases.xlsx",
                                              "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            export(self.model, path)
