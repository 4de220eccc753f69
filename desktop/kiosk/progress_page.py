"""查询办理进度: scan the slip, or key in its number, and see how the case stands.

The slip promises this page. A scanner reads the slip's barcode wherever the kiosk is
(the flow routes a scan here); a citizen without a scanner at hand keys the 20-digit
slip number or the 16-digit case number on the keypad, which never moves under the
finger. The answer is masked (`progress.progress_of`) and goes when the citizen leaves.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from desktop.counter.countdown import describe
from desktop.kiosk.progress import Progress
from desktop.kiosk.start_page import Page
from desktop.kiosk.widgets import NumericKeypad, after_key, button, card, label
from desktop.messages import state_text
from domain import lifecycle as lc
from domain import numbering
from domain.workdays import WorkCalendar

MAX_DIGITS = numbering.SLIP_LEN


class ProgressPage(Page):
    """Keypad and display on one side, the case's state on the other."""

    key = "progress"

    sig_number_entered = Signal(str)
    """OK tapped (or a slip scanned) with a number: the flow looks it up."""
    sig_rate_requested = Signal(object)
    """The citizen wants to rate the service of an issued case (the Progress)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = ""
        self.shown: Progress | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 16)
        outer.setSpacing(16)
        outer.addWidget(label(self.tr("查询办理进度"), "title", align=Qt.AlignmentFlag.AlignCenter))
        outer.addWidget(label(self.tr("把告知单上的条形码对准扫码口，或输入告知单编号（20位）"
                                      "或办件编号（16位）"), "hint",
                              align=Qt.AlignmentFlag.AlignCenter))
        self.body_widget = QWidget()  # keypad and answer; the rating takes its place
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.body_widget)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(20)
        left = QVBoxLayout()
        self.display = label("", "display", wrap=False)
        self.display.setAccessibleName(self.tr("输入的编号"))
        left.addWidget(self.display)
        self.message = label("", "error")
        left.addWidget(self.message)
        self.result = self._result_card()
        left.addWidget(self.result, 1)
        self.rate_button = button(self.tr("为本次服务评价"), "primary")
        self.rate_button.clicked.connect(lambda: self.sig_rate_requested.emit(self.shown))
        self.rate_button.hide()
        left.addWidget(self.rate_button)
        # the rating buttons appear here (desktop.citizen_screen: a panel of this page)
        self.rating_slot = QVBoxLayout()
        outer.addLayout(self.rating_slot, 1)
        left.addStretch(0)
        row = QHBoxLayout()
        self.ok_button = button(self.tr("查询"), "primary")
        self.ok_button.clicked.connect(lambda: self.sig_number_entered.emit(self.typed))
        row.addWidget(self.ok_button, 1)
        left.addLayout(row)
        self.body.addLayout(left, 1)
        self.keypad = NumericKeypad(with_x=False)
        self.keypad.sig_key_pressed.connect(self.press)
        self.body.addWidget(self.keypad, 1)
        outer.addWidget(self.body_widget, 1)
        self._refresh()

    def _result_card(self) -> QWidget:
        form = QFormLayout()
        form.setContentsMargins(28, 20, 28, 20)
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(10)
        self.fields: dict[str, object] = {}
        for key, caption in (("item", self.tr("事项")), ("number", self.tr("编号")),
                             ("applicant", self.tr("申请人")), ("state", self.tr("办理状态")),
                             ("limit", self.tr("办理时限")), ("next", self.tr("下一步"))):
            value = label("", "value")
            form.addRow(label(caption, "field"), value)
            self.fields[key] = value
        frame = card(form)
        frame.hide()
        return frame

    def prompt(self) -> str:
        return self.tr("请扫描告知单上的条形码，或输入告知单编号")

    # -- typing ---------------------------------------------------------------------------
    def press(self, key: str) -> None:
        self.message.setText("")
        self.typed = after_key(self.typed, key, MAX_DIGITS)
        self._refresh()

    def _refresh(self) -> None:
        t = self.typed
        groups = [t[i:i + 4] for i in range(0, len(t), 4)]
        self.display.setText(" ".join(groups) or " ")
        self.ok_button.setEnabled(len(t) in (numbering.CASE_LEN, numbering.SLIP_LEN))

    def set_number(self, number: str) -> None:
        """What a scan read: shown as if typed."""
        self.typed = number[:MAX_DIGITS]
        self._refresh()

    # -- answers --------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.result.hide()
        self.rate_button.hide()
        self.message.setText(text)

    def show_progress(self, p: Progress, calendar: WorkCalendar, today: dt.date) -> None:
        self.message.setText("")
        f = self.fields
        f["item"].setText(p.item_name)
        f["number"].setText(p.number)
        f["applicant"].setText(f"{p.applicant}　{p.id_number}".strip())
        f["state"].setText(state_text(p.state))
        f["limit"].setText(self._limit(p, calendar, today))
        f["next"].setText(self._next(p))
        self.result.show()
        self.shown = p
        self.rate_button.setVisible(p.may_rate)

    def make_room(self, rating: bool) -> None:
        """While the citizen rates, the rating has the page (desktop.kiosk.rating)."""
        self.body_widget.setVisible(not rating)

    def rated(self) -> None:
        """The rating was stored: one per service, so the button goes."""
        self.rate_button.hide()

    def _limit(self, p: Progress, calendar: WorkCalendar, today: dt.date) -> str:
        if p.instant:
            return self.tr("即办件，材料齐全当场办结")
        if p.state == lc.SUPPLEMENT:
            return self.tr("等待补正材料，暂停计时")
        if p.deadline is None:
            return self.tr("受理后开始计算")
        shown = describe(calendar, p.deadline, today, 1)
        if not shown.deadline_text:
            return shown.text
        return self.tr("%1（%2前办结）").replace("%1", shown.text).replace(
            "%2", shown.deadline_text)

    def _next(self, p: Progress) -> str:
        if p.state == lc.REGISTERED:
            return self.tr("请按排队号到窗口，带齐告知单上的材料")
        if p.state == lc.SUPPLEMENT:
            return self.tr("请补齐以下材料后到窗口：%1").replace("%1", "、".join(p.missing))
        if p.state == lc.RESULT_READY:
            return self.tr("结果已出，请带身份证到窗口领取")
        if p.state in lc.FINAL:
            return self.tr("已结束，无需再办")
        return self.tr("正在办理，请留意短信通知")

    def reset(self) -> None:
        self.typed = ""
        self.shown = None
        self.message.setText("")
        self.result.hide()
        self.rate_button.hide()
        self._refresh()

    def set_landscape(self, landscape: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                               else QBoxLayout.Direction.TopToBottom)
