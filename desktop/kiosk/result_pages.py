"""The end of a registration: printing, "take your slip", or the number on screen.

When the printer cannot print, the registration is already stored: the citizen gets
the slip number on screen, big and in groups of four, to read out at the window (the
window opens the case from the number; the kiosk's record joins it on sync).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from desktop.kiosk.registration import Registration, group_digits
from desktop.kiosk.start_page import Page
from desktop.kiosk.widgets import button, card, label

PRINTING, DONE, NOT_PRINTED, FAILED = "printing", "done", "not_printed", "failed"


class ResultPage(Page):
    """One page, four moods; counts down back to the start once there is a result."""

    key = "result"
    has_footer = False

    sig_finished = Signal()
    """The citizen tapped "done", or the countdown ran out."""

    def __init__(self, *, seconds: int = 20, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = PRINTING
        self.seconds = seconds
        self.left = 0
        outer = self.outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 40, 60, 40)
        outer.setSpacing(22)
        outer.addStretch(1)
        self.headline = label("", "title", align=Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.headline)
        self.problem = label("", "error", align=Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.problem)
        box = QVBoxLayout()
        box.setContentsMargins(36, 28, 36, 28)
        box.setSpacing(10)
        self.queue_caption = label(self.tr("您的排队号"), "subtitle",
                                   align=Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.queue_caption)
        self.queue_no = label("", "huge", align=Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.queue_no)
        self.where = label("", "subtitle", align=Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.where)
        self.slip_caption = label(self.tr("登记号（请记下，到窗口时报给工作人员）"), "field",
                                  align=Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.slip_caption)
        self.slip_no = label("", "slip", align=Qt.AlignmentFlag.AlignCenter)
        self.slip_no.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        box.addWidget(self.slip_no)
        self.card = card(box)
        outer.addWidget(self.card)
        self.detail = label("", "value", align=Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.detail)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.done_button = button(self.tr("完成"), "primary")
        self.done_button.clicked.connect(self.sig_finished)
        row.addWidget(self.done_button, 3)
        row.addStretch(1)
        outer.addLayout(row)
        self.countdown = label("", "hint", align=Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.countdown)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    def prompt(self) -> str:
        if self.mode == PRINTING:
            return self.tr("正在打印，请稍候")
        if self.mode == DONE:
            return self.tr("请取走告知单，您的排队号是{0}，请到{1}").format(
                self.queue_no.text(), self.where.text())
        if self.mode == NOT_PRINTED:
            return self.tr("告知单没有打印出来，请记下屏幕上的登记号，到窗口办理")
        return self.tr("登记没有成功，请到服务台找工作人员")

    def show_printing(self) -> None:
        self._set(PRINTING, self.tr("正在登记并打印，请稍候…"))

    def show_done(self, reg: Registration) -> None:
        self._show_reg(reg)
        self._set(DONE, self.tr("请取走告知单"))
        self.detail.setText(self.tr("告知单上有所需材料和办理时限，请按排队号到窗口办理。"))

    def show_not_printed(self, reg: Registration, problem: str) -> None:
        """Stored but not printed: the number on screen is all the citizen gets."""
        self._show_reg(reg)
        self._set(NOT_PRINTED, self.tr("已登记，但告知单没有打印出来"))
        self.problem.setText(problem + self.tr("，已通知工作人员"))
        self.slip_no.setText(group_digits(reg.slip_number))
        self.detail.setText(self.tr("请用手机拍下或记下登记号，到窗口出示；"
                                    "所需材料请看窗口的一次性告知。"))

    def show_failed(self, text: str) -> None:
        self.queue_no.setText("")
        self.where.setText("")
        self._set(FAILED, self.tr("登记没有成功"))
        self.problem.setText(text)
        self.detail.setText(self.tr("请到服务台，工作人员会帮您登记。"))

    def _show_reg(self, reg: Registration) -> None:
        self.queue_no.setText(reg.queue_no)
        self.where.setText(self.tr("请到 {0}").format(reg.where) if reg.where else "")

    def _set(self, mode: str, headline: str) -> None:
        self.mode = mode
        self.headline.setText(headline)
        printing = mode == PRINTING
        if mode != NOT_PRINTED:
            self.problem.setText("")
            self.slip_no.setText("")
        if printing:
            self.queue_no.setText("")
            self.where.setText("")
            self.detail.setText("")
        self.card.setVisible(not printing and mode != FAILED)
        self.slip_caption.setVisible(mode == NOT_PRINTED)
        self.slip_no.setVisible(mode == NOT_PRINTED)
        self.problem.setVisible(mode in (NOT_PRINTED, FAILED))
        self.done_button.setVisible(not printing)
        # a citizen copying a 20-digit number needs longer than one taking a slip
        self.left = 0 if printing else self.seconds * (3 if mode == NOT_PRINTED else 1)
        self._tick_text()
        if printing:
            self._timer.stop()
        else:
            self._timer.start()

    def _tick(self) -> None:
        self.left -= 1
        self._tick_text()
        if self.left <= 0:
            self._timer.stop()
            self.sig_finished.emit()

    def _tick_text(self) -> None:
        self.countdown.setText(self.tr("%n 秒后返回首页", "", self.left) if self.left > 0
                               else "")

    def set_landscape(self, landscape: bool) -> None:
        # 1080 px of height must hold the queue number at elderly size too
        self.outer.setContentsMargins(60, 16 if landscape else 40, 60, 16 if landscape else 40)
        self.outer.setSpacing(10 if landscape else 22)

    def reset(self) -> None:
        self._timer.stop()
        self.left = 0
        self.mode = PRINTING
