"""The first page: today and this month at a glance, what is red or yellow across the
hall, the windows and who was last at each, and who is waiting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.counter.history import when_text
from desktop.duty import duty_text
from desktop.messages import calendar_warning_text, state_text
from desktop.supervisor.tables import RowsModel, make_view, row_at, shown

CARDS = (("accepted", "受理", "int"), ("completed", "办结", "int"),
         ("completion_rate", "办结率", "rate"), ("instant_rate", "即办率", "rate"),
         ("on_time_rate", "按时办结率", "rate"), ("overdue", "超期", "int"),
         ("satisfaction_rate", "满意率", "rate"), ("bad_ratings", "差评", "int"),
         ("consultations", "咨询", "int"), ("followups_open", "回访未结", "int"))


class Card(QFrame):
    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent, objectName="figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        self.title = QLabel(title, objectName="cardTitle")
        self.today = QLabel("—", objectName="cardValue")
        self.month = QLabel("", objectName="cardSub")
        for w in (self.title, self.today, self.month):
            lay.addWidget(w)

    def show_values(self, today: str, month: str, red: bool = False) -> None:
        self.today.setText(today)
        self.today.setStyleSheet("font-size: 20px; font-weight: bold;" +
                                 (" color: #b00020;" if red else ""))
        self.month.setText(self.tr("本月 {v}").format(v=month))


class OverviewPage(QWidget):
    """Cards (today, and this month under each), red/yellow cases, windows now."""

    sig_open_case = Signal(str)
    """A case was double-clicked (its id)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.headline = QLabel("", objectName="headline")
        lay.addWidget(self.headline)
        # the supervisor is who asks the administrator for next year's holiday schedule
        self.calendar = QLabel("", objectName="calendarBanner")
        self.calendar.setWordWrap(True)
        self.calendar.hide()
        lay.addWidget(self.calendar)
        grid = QGridLayout()
        self.cards: dict[str, Card] = {}
        titles = {"accepted": self.tr("今日受理"), "completed": self.tr("今日办结"),
                  "completion_rate": self.tr("办结率"), "instant_rate": self.tr("即办率"),
                  "on_time_rate": self.tr("按时办结率"), "overdue": self.tr("超期（当前）"),
                  "satisfaction_rate": self.tr("满意率"), "bad_ratings": self.tr("差评"),
                  "consultations": self.tr("咨询"), "followups_open": self.tr("回访未结")}
        for i, (key, _t, _k) in enumerate(CARDS):
            card = self.cards[key] = Card(titles[key])
            grid.addWidget(card, i // 5, i % 5)
        lay.addLayout(grid)
        row = QHBoxLayout()
        left = QVBoxLayout()
        self.due_label = QLabel(self.tr("超期（红）与一个工作日内到期（黄）的办件"))
        left.addWidget(self.due_label)
        self.due_model = RowsModel([
            ("case_number", self.tr("办件编号"), "text"), ("item_name", self.tr("事项"), "text"),
            ("state_text", self.tr("状态"), "text"), ("deadline", self.tr("办结期限"), "text"),
            ("staff_text", self.tr("经办人"), "text")],
            colour=lambda r: "#f6c1c1" if r.get("red") else "#fff1b8")
        self.due_view = make_view(self.due_model)
        self.due_view.doubleClicked.connect(self._open)
        left.addWidget(self.due_view)
        row.addLayout(left, 3)
        right = QVBoxLayout()
        self.windows_label = QLabel(self.tr("窗口（今日最近办理）"))
        right.addWidget(self.windows_label)
        self.win_model = RowsModel([
            ("window", self.tr("窗口"), "text"), ("staff", self.tr("工作人员"), "text"),
            ("last", self.tr("最近办理"), "text"), ("status", self.tr("状态"), "text")],
            colour=lambda r: "#d9f2e3" if r.get("open") else None)
        right.addWidget(make_view(self.win_model))
        self.waiting = QLabel("")
        self.waiting.setWordWrap(True)
        right.addWidget(self.waiting)
        self.duty = QLabel("", objectName="dutyText")  # today's duty roster (值班表)
        self.duty.setWordWrap(True)
        right.addWidget(self.duty)
        row.addLayout(right, 2)
        lay.addLayout(row, 1)

    def show_overview(self, ov: Any, catalog: Any) -> None:
        for key, _t, kind in CARDS:
            red = key in ("overdue", "bad_ratings", "followups_open") and bool(ov.today.get(key))
            self.cards[key].show_values(shown(ov.today.get(key), kind),
                                        shown(ov.month.get(key), kind), red)
        self.headline.setText(self.tr("超期 {red} 件，临近到期 {yellow} 件，超期回访 {f} 件，"
                                      "待处理提醒 {n} 条").format(
            red=len(ov.red), yellow=len(ov.yellow), f=ov.followups_red, n=ov.notices_open))
        rows = []
        for red, group in ((True, ov.red), (False, ov.yellow)):
            for r in group:
                s = catalog.staff_member(r.get("staff_id") or "")
                rows.append({**r, "red": red, "state_text": state_text(r.get("state")),
                             "staff_text": f"{s.name}（{s.no}）" if s else ""})
        self.due_model.set_rows(rows)
        self.win_model.set_rows([{**w, "status": self.tr("办理中") if w["open"] else (
            self.tr("今日未办理") if not w["last"] else self.tr("空闲"))} for w in ov.windows])
        waiting = "，".join(f"{z} {n}" for z, n in ov.waiting) or self.tr("无")
        text = self.tr("自助登记后等候受理：{w}").format(w=waiting)
        if ov.sms:
            text += "\n" + self.tr("短信评价：已发 {sent}，待发 {waiting}，回复 {replies}（计入评价 {rated}）"
                                    ).format(**ov.sms)
            if ov.sms["waiting"] and ov.sms["error"]:
                text += self.tr("；短信网关暂不可用，待发短信会自动重发")
        self.waiting.setText(text)
        calendar = calendar_warning_text(ov.calendar)
        self.calendar.setText(calendar or "")
        self.calendar.setVisible(bool(calendar))
        duty = duty_text(ov.duty, ov.periods, catalog)
        self.duty.setText(duty)
        self.duty.setVisible(bool(duty))

    def _open(self, index) -> None:
        row = row_at(self.due_view, self.due_model, index)
        if row:
            self.sig_open_case.emit(row["id"])


def when(iso: str) -> str:
    return when_text(iso) if iso else ""
