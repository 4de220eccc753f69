"""The page base class and the start screen.

Every page can say what it wants from the citizen (`prompt`, spoken in elderly mode),
forget what was entered (`reset`, on idle and after each registration) and rearrange
itself for a portrait or landscape panel (`set_landscape`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from desktop.kiosk.widgets import button, card, label


class Page(QWidget):
    """What the shell needs from a page."""

    # the page's name in screenshots and tests
    key = "page"
    # whether the footer (back / home) shows on this page
    has_footer = True

    def prompt(self) -> str:
        """What the voice says when the page opens."""
        return ""

    def enter(self) -> None:
        """Called each time the page is shown."""

    def reset(self) -> None:
        """Forget anything entered (idle timeout, new citizen)."""

    def set_landscape(self, landscape: bool) -> None:
        """Rearrange for a 1920×1080 (True) or 1080×1920 (False) panel."""


class StartPage(Page):
    """Three steps and one big button; says so when the kiosk is stopped."""

    key = "start"
    has_footer = False
    SHORT = 900  # below this height a note and the steps do not both fit

    sig_start_requested = Signal()
    """The citizen tapped "start"."""
    sig_progress_requested = Signal()
    """The citizen wants to see how a case stands (查询办理进度)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = self.outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 50, 60, 50)
        outer.setSpacing(36)
        outer.addStretch(1)
        outer.addWidget(label(self.tr("自助登记"), "title", align=Qt.AlignmentFlag.AlignCenter))
        outer.addWidget(label(self.tr("不用排长队问路：选好事项，刷身份证，取走告知单，"
                                      "上面写着去哪个窗口、带什么材料"), "hint",
                              align=Qt.AlignmentFlag.AlignCenter))
        self.step_cards: list[QWidget] = []
        self.steps = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.steps.setSpacing(28)
        for n, (head, text) in enumerate((
            (self.tr("选择事项"), self.tr("按服务区或部门找，也可按拼音首字母搜索")),
            (self.tr("放身份证"), self.tr("把身份证放到读卡区，或用数字键输入号码")),
            (self.tr("取告知单"), self.tr("排队号、办理窗口、所需材料和办理时限")),
        ), start=1):
            box = QVBoxLayout()
            box.setContentsMargins(28, 24, 28, 28)
            box.addWidget(label(str(n), "big", align=Qt.AlignmentFlag.AlignCenter))
            box.addWidget(label(head, "subtitle", align=Qt.AlignmentFlag.AlignCenter))
            box.addWidget(label(text, "hint", align=Qt.AlignmentFlag.AlignCenter))
            self.step_cards.append(card(box))
            self.steps.addWidget(self.step_cards[-1], 1)
        outer.addLayout(self.steps)
        outer.addSpacing(20)
        self.start_button = button(self.tr("开始登记"), "start")
        self.start_button.clicked.connect(self.sig_start_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button, 4)
        row.addStretch(1)
        outer.addLayout(row)
        # the slip promises this: "scan it here to see how your case stands"
        self.progress_button = button(self.tr("查询办理进度（扫描告知单）"))
        self.progress_button.clicked.connect(self.sig_progress_requested)
        again = QHBoxLayout()
        again.addStretch(1)
        again.addWidget(self.progress_button, 2)
        again.addStretch(1)
        outer.addLayout(again)
        self.blocked_label = label("", "error", align=Qt.AlignmentFlag.AlignCenter)
        self.blocked_label.hide()
        outer.addWidget(self.blocked_label)
        self.note_label = label("", "subtitle", align=Qt.AlignmentFlag.AlignCenter)
        self.note_label.hide()
        outer.addWidget(self.note_label)
        outer.addWidget(label(self.tr("需要帮忙？请点右上角「需要帮助」，工作人员会过来。"),
                              "hint", align=Qt.AlignmentFlag.AlignCenter))
        outer.addStretch(2)

    def prompt(self) -> str:
        return self.tr("您好，请点击开始登记")

    def set_blocked(self, reason: str) -> None:
        """Stop (reason) or resume ('') taking registrations."""
        self.start_button.setEnabled(not reason)
        self.start_button.setText(self.tr("暂停自助登记") if reason else self.tr("开始登记"))
        self.blocked_label.setText(reason)
        self.blocked_label.setVisible(bool(reason))
        self._fit()

    def set_note(self, text: str) -> None:
        """What the current opening period offers (empty: no note)."""
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        """The three steps go while registration is stopped (beside the point then), and
        on a short screen while a note needs the room."""
        short = self.height() < self.SHORT
        show = not self.blocked_label.text() and not (self.note_label.text() and short)
        for c in self.step_cards:
            c.setVisible(show)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def set_landscape(self, landscape: bool) -> None:
        self.steps.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                else QBoxLayout.Direction.TopToBottom)
        # 1080 px (or a laptop's 768) of height: the steps, both buttons and the hints
        self.outer.setSpacing(14 if landscape else 36)
        self.outer.setContentsMargins(60, 16 if landscape else 50, 60, 16 if landscape else 50)
