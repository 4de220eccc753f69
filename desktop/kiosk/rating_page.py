"""好差评 at the kiosk: a citizen scans the slip (or keys its number) and rates the
service in one tap — the channel `kiosk`, once per service (sync.ratings.rate_by_slip),
a bad rating opening its follow-up like any other.

Mounted from outside the registration flow (`mount`): the page, a "评价服务" button in
the header, and a scan of a slip on the start screen opening the page with the number
already in. The registration pages do not know it exists.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from desktop import messages
from desktop.kiosk.start_page import Page
from desktop.kiosk.widgets import BACKSPACE, CLEAR, NumericKeypad, button, card, label
from domain import numbering
from domain.application import Actor
from domain.ratings import LEVELS

log = logging.getLogger(__name__)

KIOSK_STAFF = "kiosk"
MAX_DIGITS = 20
DONE_MS = 6000


class RatingPage(Page):
    """Number (scan or keypad) → five levels → thanks."""

    key = "rating"

    sig_number_entered = Signal(str)
    """The slip's number, to look its case up."""
    sig_level_chosen = Signal(str, int)
    """(slip number, level 1–5)."""
    sig_done = Signal()
    """The thanks were shown long enough: back to the start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 24, 60, 24)
        outer.setSpacing(16)
        outer.addWidget(label(self.tr("评价服务"), "title", align=Qt.AlignmentFlag.AlignCenter))
        self.stages = QStackedWidget()
        outer.addWidget(self.stages, 1)
        self.stages.addWidget(self._scan_stage())
        self.stages.addWidget(self._level_stage())
        self.stages.addWidget(self._done_stage())
        self._done_timer = QTimer(self, singleShot=True, interval=DONE_MS)
        self._done_timer.timeout.connect(self.sig_done)

    # -- stage 1: the number -------------------------------------------------------------
    def _scan_stage(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setSpacing(14)
        lay.addWidget(label(self.tr("请把告知单上的条码对准扫描口，或用数字键输入告知单编号"),
                            "hint", align=Qt.AlignmentFlag.AlignCenter))
        self.display = label("", "display", wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.display)
        self.scan_error = label("", "error", align=Qt.AlignmentFlag.AlignCenter)
        self.scan_error.hide()
        lay.addWidget(self.scan_error)
        self.keypad = NumericKeypad(with_x=False)
        self.keypad.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.keypad.sig_key_pressed.connect(self.press)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keypad, 3)
        row.addStretch(1)
        lay.addLayout(row, 1)
        self.next_button = button(self.tr("下一步"), "primary")
        self.next_button.clicked.connect(self._submit_number)
        lay.addWidget(self.next_button)
        return w

    def press(self, key: str) -> None:
        if key == CLEAR:
            self.number = ""
        elif key == BACKSPACE:
            self.number = self.number[:-1]
        elif key.isdigit() and len(self.number) < MAX_DIGITS:
            self.number += key
        self._error("")
        self._refresh()

    def _error(self, text: str) -> None:
        self.scan_error.setText(text)
        self.scan_error.setVisible(bool(text))

    def _refresh(self) -> None:
        self.display.setText(self.number or self.tr("（告知单编号）"))
        self.next_button.setEnabled(bool(self.number))

    def _submit_number(self) -> None:
        if self.number:
            self.sig_number_entered.emit(self.number)

    def scanned(self, code: str) -> None:
        """A slip's barcode: straight to the levels once its case is found."""
        self.number = "".join(ch for ch in code if ch.isdigit())[:MAX_DIGITS]
        self._refresh()
        self._submit_number()

    def show_number_error(self, text: str) -> None:
        self.stages.setCurrentIndex(0)
        self._error(text)

    # -- stage 2: the level --------------------------------------------------------------
    def _level_stage(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setSpacing(20)
        self.case_text = label("", "subtitle", align=Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.case_text)
        lay.addWidget(label(self.tr("您对这次服务满意吗？请点选一项"), "hint",
                            align=Qt.AlignmentFlag.AlignCenter))
        self.level_buttons: dict[int, Any] = {}
        for level in (5, 4, 3, 2, 1):
            b = button(self._level_name(level), "primary")  # the same for all: no nudging
            b.setMinimumHeight(110)
            b.clicked.connect(lambda _=False, lv=level: self._choose(lv))
            lay.addWidget(b)
            self.level_buttons[level] = b
        lay.addStretch(1)
        return w

    def _level_name(self, level: int) -> str:
        names = {5: self.tr("非常满意"), 4: self.tr("满意"), 3: self.tr("基本满意"),
                 2: self.tr("不满意"), 1: self.tr("非常不满意")}
        return names.get(level, LEVELS.get(level, ""))

    def ask_level(self, case_number: str, item_name: str) -> None:
        if item_name and case_number:
            text = self.tr("{item}（办件 {number}）").format(item=item_name, number=case_number)
        elif item_name:
            text = self.tr("{item}（告知单 {number}）").format(item=item_name, number=self.number)
        else:
            text = self.tr("告知单 {number}").format(number=self.number)
        self.case_text.setText(text)
        for b in self.level_buttons.values():
            b.setEnabled(True)
        self.stages.setCurrentIndex(1)

    def _choose(self, level: int) -> None:
        for b in self.level_buttons.values():
            b.setEnabled(False)  # one tap, one rating
        self.sig_level_chosen.emit(self.number, level)

    # -- stage 3: thanks (or why not) -----------------------------------------------------
    def _done_stage(self) -> QWidget:
        box = QVBoxLayout()
        box.setContentsMargins(40, 60, 40, 60)
        self.done_text = label("", "big", align=Qt.AlignmentFlag.AlignCenter)
        self.done_hint = label("", "hint", align=Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.done_text)
        box.addWidget(self.done_hint)
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(card(box))
        lay.addStretch(1)
        return w

    def show_done(self, ok: bool, text: str = "") -> None:
        self.done_text.setText(self.tr("感谢您的评价！") if ok else self.tr("未能记录评价"))
        self.done_hint.setText(text or self.tr("您的意见会用于改进大厅的服务"))
        self.done_text.setProperty("role", "big" if ok else "error")
        self.done_text.style().polish(self.done_text)
        self.stages.setCurrentIndex(2)
        self._done_timer.start()

    # -- Page ------------------------------------------------------------------------------
    def prompt(self) -> str:
        return self.tr("请扫描告知单条码，然后评价服务")

    def enter(self) -> None:
        if self.stages.currentIndex() == 0:
            self._refresh()

    def reset(self) -> None:
        self._done_timer.stop()
        self.number = ""
        self._error("")
        self.stages.setCurrentIndex(0)
        self._refresh()


# --- the wiring: page, header button, scans, the writer ------------------------------------

def look_up(replica: Any, number: str) -> tuple[str, str, str | None]:
    """(case number, item name, why it cannot be rated or None) — reader thread."""
    from sync import ratings as sr

    _cid, case = sr.case_for_slip(replica, number)
    if case is None:
        return "", "", None  # a slip this kiosk has not seen yet: still rated by its id
    if case.rating is not None:
        return case.case_number, case.item_name, "already"
    return case.case_number, case.item_name, None


def rate(store: Any, number: str, level: int) -> Any:
    """The rating, channel `kiosk` (writer thread)."""
    from sync import ratings as sr

    actor = Actor(KIOSK_STAFF, store.replica.identity().terminal_id, None)
    return sr.rate_by_slip(store, number, level, "kiosk", actor)


class RatingController:
    """Connects the page to the kiosk: the header button, scans, the runner."""

    def __init__(self, window: Any, flow: Any, runner: Any, page: RatingPage,
                 scans: Any = None) -> None:
        self.w, self.flow, self.runner, self.page = window, flow, runner, page
        page.sig_number_entered.connect(self.look_up)
        page.sig_level_chosen.connect(self.rate)
        page.sig_done.connect(flow.reset)
        self.scans = scans
        if scans is not None:
            scans.sig_scanned.connect(self.on_scan)

    def open(self) -> None:
        if self.flow.busy:
            return  # a slip is printing for the citizen on screen
        self.page.reset()
        self.w.show_page("rating")

    def on_scan(self, code: str) -> None:
        """A slip scanned on the start screen or this page (never mid-registration)."""
        if self.w.current.key not in ("start", "rating") or self.flow.busy:
            return
        if self.w.current.key != "rating":
            self.open()
        self.page.scanned(code)

    def look_up(self, number: str) -> None:
        try:
            numbering.parse(number)
        except numbering.InvalidNumber as exc:
            self.page.show_number_error(messages.error_text(exc))
            return

        def done(res: tuple[str, str, str | None]) -> None:
            case_number, item, why = res
            if why == "already":
                self.page.show_done(False, QCoreApplication.translate(
                    "RatingPage", "这件事项已经评价过了，每次服务只计一次评价"))
            else:
                self.page.ask_level(case_number, item)

        self.runner.read(lambda r: look_up(r, number), done,
                         lambda exc: self.page.show_number_error(messages.error_text(exc)))

    def rate(self, number: str, level: int) -> None:
        def done(_res: Any) -> None:
            log.info("kiosk rating recorded (level %d)", level)
            self.page.show_done(True)

        self.runner.write(lambda store: rate(store, number, level), done,
                          lambda exc: self.page.show_done(False, messages.error_text(exc)))


def mount(window: Any, flow: Any, runner: Any) -> RatingController:
    """Add the rating page to a built kiosk: the page, a header button, slip scans."""
    from PySide6.QtWidgets import QApplication

    from desktop.scan_filter import ScanFilter

    page = window.add_page(RatingPage())
    scans = ScanFilter(parent=window)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(scans)
        window.destroyed.connect(lambda *_: app.removeEventFilter(scans))
    ctl = RatingController(window, flow, runner, page, scans)
    # the entry sits on the start screen, under the start button (the header has no
    # room left on a portrait panel: the hall's name would be cut)
    rate_button = button(QCoreApplication.translate("RatingPage", "评价服务"), "nav")
    rate_button.clicked.connect(ctl.open)
    start = window.pages["start"]
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label(QCoreApplication.translate(
        "RatingPage", "办完了？扫描告知单条码，或点这里评价"), "hint", wrap=False))
    row.addWidget(rate_button)
    row.addStretch(1)
    lay = start.layout()
    lay.insertLayout(lay.indexOf(start.blocked_label), row)
    window.rate_button = rate_button
    window.rating = ctl
    return ctl


def shoot(kiosk: Any, panel: str, save: Any) -> None:
    """Screenshots of the rating page (after a registration, its slip rated)."""
    w, flow = kiosk.window, kiosk.flow
    reg = flow.last
    flow.reset()
    w.rating.open()
    page = w.current
    for ch in (reg.slip_number if reg is not None else "2611230001000101"):
        page.press(ch)
    save(f"{panel}-19-rating-number", w)
    page.next_button.click()
    save(f"{panel}-20-rating-levels", w)
    page.level_buttons[4].click()
    save(f"{panel}-21-rating-thanks", w)
    flow.reset()
