"""The screen pad's window: welcome, staff + five big buttons, reason, thanks.

Built for a citizen who may be elderly, standing, or in a hurry: five large buttons in
the national wording, colours from green to red, one question per page, no typing.
The view owns its own countdown (the citizen sees it); it answers through
``sig_answered`` and never writes anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from devices.pad.interface import REASONS, Rating

CTX = "ScreenPadView"
LEVEL_TEXT = {
    5: QT_TRANSLATE_NOOP("ScreenPadView", "非常满意"),
    4: QT_TRANSLATE_NOOP("ScreenPadView", "满意"),
    3: QT_TRANSLATE_NOOP("ScreenPadView", "基本满意"),
    2: QT_TRANSLATE_NOOP("ScreenPadView", "不满意"),
    1: QT_TRANSLATE_NOOP("ScreenPadView", "非常不满意"),
}
REASON_TEXT = {
    "attitude": QT_TRANSLATE_NOOP("ScreenPadView", "态度不好"),
    "slow": QT_TRANSLATE_NOOP("ScreenPadView", "时间太长"),
    "unskilled": QT_TRANSLATE_NOOP("ScreenPadView", "业务不熟"),
    "other": QT_TRANSLATE_NOOP("ScreenPadView", "其他"),
}
assert set(REASON_TEXT) == set(REASONS)
LEVEL_COLOURS = {5: "#1b7a3a", 4: "#3c9a4f", 3: "#b88a00", 2: "#d2691e", 1: "#b3261e"}
BACK_TO_WELCOME_MS = 4000
# Seconds for the reason step after a low level was pressed.
REASON_TIMEOUT_S = 20

_STYLE = """
ScreenPadView {{ background: #f4f7fb; }}
QLabel#hall {{ font-size: {hall}px; color: #29476b; }}
QLabel#headline {{ font-size: {headline}px; font-weight: bold; color: #1d3557; }}
QLabel#prompt {{ font-size: {prompt}px; color: #1d3557; }}
QLabel#staff {{ font-size: {staff}px; color: #1d3557; }}
QLabel#countdown {{ font-size: {countdown}px; color: #6b7a90; }}
QPushButton[role="level"] {{ font-size: {button}px; font-weight: bold; color: white;
    border: none; border-radius: {level_radius}px; min-height: {level_h}px;
    min-width: {level_w}px; }}
QPushButton[role="reason"] {{ font-size: {button}px; color: #1d3557; background: white;
    border: 2px solid #9fb3c8; border-radius: {reason_radius}px; min-height: {reason_h}px; }}
QPushButton[role="reason"]:pressed {{ background: #dbe7f3; }}
"""
# The citizen's own screen: big enough to press from a step back.
STYLE = _STYLE.format(hall=22, headline=44, prompt=30, staff=28, countdown=20, button=30,
                      level_radius=18, level_h=170, level_w=150, reason_radius=14,
                      reason_h=110)
# The same view as a strip of the clerk's window (one monitor): one line of big buttons.
COMPACT_STYLE = _STYLE.format(hall=14, headline=26, prompt=20, staff=18, countdown=14,
                              button=20, level_radius=12, level_h=72, level_w=110,
                              reason_radius=10, reason_h=48)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def _label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class ScreenPadView(QWidget):
    """Pages: welcome, rate, reason, thanks (also "already rated")."""

    sig_answered = Signal(object)
    """The citizen's Rating, or None when the countdown ran out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScreenPadView")
        self.setWindowTitle(self.tr("服务评价"))
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._level = 0
        self._left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.timeout.connect(lambda: self.show_welcome(self._hall))
        self._hall = ""
        self._staff_text = ""
        self.stack = QStackedWidget()
        self._page_boxes: list[QVBoxLayout] = []
        self.pages: dict[str, int] = {}
        self.level_buttons: dict[int, QPushButton] = {}
        self.reason_buttons: dict[str, QPushButton] = {}
        self._build()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        self.hall = _label("hall")
        outer.addWidget(self.hall)
        outer.addWidget(self.stack, 1)
        self.countdown = _label("countdown")
        outer.addWidget(self.countdown)
        self.welcome_title = _label("headline", self.tr("欢迎光临"))
        self._add_page("welcome", self.welcome_title,
                       _label("prompt", self.tr("办理结束后，请为我们的服务评价")))
        self._add_page("rate", *self._rate_widgets())
        self._add_page("reason", *self._reason_widgets())
        self.thanks_title = _label("headline")
        self.thanks_text = _label("prompt")
        self._add_page("thanks", self.thanks_title, self.thanks_text)
        self.show_welcome("")

    def _add_page(self, name: str, *widgets: QWidget) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        for w in widgets:
            box.addWidget(w)
            box.addSpacing(24)
        box.addStretch(1)
        self._page_boxes.append(box)
        self.pages[name] = self.stack.addWidget(page)

    def set_compact(self, on: bool) -> None:
        """A strip in the clerk's window (True) or a whole screen of its own (False)."""
        self.setStyleSheet(COMPACT_STYLE if on else STYLE)
        self.layout().setContentsMargins(*((16, 4, 16, 4) if on else (40, 24, 40, 24)))
        self.hall.setVisible(not on)  # the citizen is at this very window
        for i, button in enumerate(self.reason_buttons.values()):  # one row in a strip
            self.reason_grid.addWidget(button, 0 if on else i // 2, i if on else i % 2)
        for box in self._page_boxes:
            for i in range(box.count()):
                spacer = box.itemAt(i).spacerItem()
                if spacer is not None and spacer.sizeHint().height() in (6, 24):
                    spacer.changeSize(0, 6 if on else 24)
            box.invalidate()

    def _rate_widgets(self) -> list[QWidget]:
        self.staff_label = _label("staff")
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setSpacing(18)
        for level in (5, 4, 3, 2, 1):
            stars = "★" * level + "☆" * (5 - level)
            button = QPushButton(f"{_tr(LEVEL_TEXT[level])}\n{stars}")
            button.setProperty("role", "level")
            button.setStyleSheet(f"background: {LEVEL_COLOURS[level]};")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, lv=level: self._on_level(lv))
            buttons.addWidget(button)
            self.level_buttons[level] = button
        return [self.staff_label, _label("prompt", self.tr("请您对本次服务进行评价")), row]

    def _reason_widgets(self) -> list[QWidget]:
        grid_widget = QWidget()
        grid = self.reason_grid = QGridLayout(grid_widget)
        grid.setSpacing(18)
        for i, code in enumerate(REASON_TEXT):
            button = QPushButton(_tr(REASON_TEXT[code]))
            button.setProperty("role", "reason")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, c=code: self._on_reason(c))
            grid.addWidget(button, i // 2, i % 2)
            self.reason_buttons[code] = button
        return [_label("headline", self.tr("很抱歉给您带来不便")),
                _label("prompt", self.tr("请选择主要原因，我们会回访并整改")), grid_widget]

    # -- pages --------------------------------------------------------------------------
    @property
    def page(self) -> str:
        """The name of the page on show (tests and screenshots)."""
        index = self.stack.currentIndex()
        return next(name for name, i in self.pages.items() if i == index)

    def _go(self, name: str, seconds: int = 0) -> None:
        self._back.stop()
        self.stack.setCurrentIndex(self.pages[name])
        self._left = seconds
        if seconds:
            self._tick.start()
        else:
            self._tick.stop()
        self._show_left()

    def show_welcome(self, hall_name: str) -> None:
        """The resting page, with the hall's name."""
        self._hall = hall_name or self._hall
        self.hall.setText(self._hall)
        self._go("welcome")

    def set_staff(self, staff_no: str, name: str, stars: int | None = None) -> None:
        """Who served: name, number and (optionally) the star rating of the staff."""
        text = self.tr("为您服务的是：{0}（工号 {1}）").format(name, staff_no)
        if stars:
            text += "\n" + "★" * max(0, min(5, stars))
        self.staff_label.setText(text)

    def show_rating(self, timeout_s: int) -> None:
        """The five buttons, for ``timeout_s`` seconds."""
        self._level = 0
        self._go("rate", timeout_s)

    def show_thanks(self) -> None:
        """Thanks, then back to the welcome page."""
        self.thanks_title.setText(self.tr("感谢您的评价！"))
        self.thanks_text.setText(self.tr("您的意见是我们改进工作的动力"))
        self._go("thanks")
        self._back.start(BACK_TO_WELCOME_MS)

    def show_already_rated(self) -> None:
        """This service was rated before: one rating per service counts."""
        self.thanks_title.setText(self.tr("本次服务已评价"))
        self.thanks_text.setText(self.tr("每次服务只计一次评价，感谢您的参与"))
        self._go("thanks")
        self._back.start(BACK_TO_WELCOME_MS)

    # -- answers ------------------------------------------------------------------------
    def _on_level(self, level: int) -> None:
        if self.page != "rate":
            return  # a second tap after the answer went out
        self._level = level
        if level <= 2:
            self._go("reason", REASON_TIMEOUT_S)
        else:
            self._answer(Rating(level))

    def _on_reason(self, code: str) -> None:
        if self.page == "reason" and self._level:
            self._answer(Rating(self._level, code))

    def _answer(self, rating: Rating | None) -> None:
        self._tick.stop()
        if rating is None:
            self.show_welcome(self._hall)
        else:
            self.countdown.clear()
        self.sig_answered.emit(rating)

    def _on_tick(self) -> None:
        self._left -= 1
        self._show_left()
        if self._left > 0:
            return
        if self.page == "reason":  # the level was chosen: keep it, without a reason
            self._answer(Rating(self._level))
        elif self.page == "rate":
            self._answer(None)

    def _show_left(self) -> None:
        self.countdown.setText(self.tr("%n 秒后自动返回", "", self._left)
                               if self._left > 0 else "")
