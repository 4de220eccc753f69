"""A scripted walk through the counter that saves one PNG per main screen.

Used by `yichuang demo --screenshot DIR` (docs, reviews, and our own eyes on layout at
1366×768 and 1920×1080). Steps wait for the task helper to be idle, act like a clerk
would (through the same methods the keys call), and grab the window; dialogs are shown
non-modally and painted over the window so each PNG shows the whole screen.
"""

from __future__ import annotations

import logging
import pathlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QToolTip

log = logging.getLogger(__name__)

def _valid(body: str) -> str:
    from domain.idnumber import check_char

    return body + check_char(body)


DEMO_CARD = {"name": "赵文博", "gender": "男", "nation": "汉", "birth_date": "1986-04-12",
             "address": "山东省日照市东港区北京路166号", "id_number": _valid("37110219860412531"),
             "card_type": "resident"}


class CounterTour(QObject):
    """Runs the steps one after the other, each once the background work is done."""

    def __init__(self, shell, out_dir: pathlib.Path, lang: str | None = None) -> None:
        super().__init__(shell)
        self.shell = shell
        self.out = out_dir
        self.suffix = "" if lang in (None, "zh_CN") else f"-{lang}"
        self.exit_code = 0
        self.saved: list[pathlib.Path] = []
        self.dialog: QDialog | None = None
        self.steps: list[tuple[str, Callable[[], None]]] = self._plan()

    def start(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        self.shell.show_for_screen()
        QTimer.singleShot(50, self._next)

    # --- the walk -----------------------------------------------------------------
    def _plan(self) -> list[tuple[str, Callable[[], None]]]:
        from desktop.queue.screenshots import tour_steps as queue_steps

        s = self.shell
        ws = lambda: s.workspace  # noqa: E731 (created after start-up)
        return [
            ("", lambda: None),
            ("01-login", lambda: s.login.staff_no.setText("1001")),
            ("", self._login),
            ("02-home", lambda: None),
            *queue_steps(s, self._show),
            ("03-search-id-number", self._search_citizen),
            ("04-item-picker", self._item_picker),
            ("05-new-case", self._new_case),
            ("06-supplement-dialog", self._supplement_dialog),
            ("07-my-cases", lambda: ws().show_my_cases()),
            ("07-status-hall-node", self._hall_node_status),
            ("07b-status-first-download", self._first_download_status),
            ("", self._real_status),
            ("08-case-history", self._history_case),
            ("09-issue-dialog", self._issue_dialog),
            ("10-review-dialog", self._review_dialog),
            ("10a-extend-dialog", self._extend_dialog),
            ("10b-tolerance-dialog", self._tolerance_dialog),
            ("13-search-not-found", self._search_not_found),
            ("14-accept-refused", self._accept_refused),
            ("15-print-preview", self._print_preview),
            ("16-rating-strip", self._rating_strip),
            ("", self._rating_done),
            ("11-lock-screen", s.lock),
            ("12-my-cases-1920", self._full_hd),
            ("17-new-case-1920", self._new_case),
            ("18-rating-strip-1920", self._rating_strip),
            ("", self._rating_done),
            ("20-opening-period-1920", self._opening_hours),
            ("21-status-hall-node-1920", self._hall_node_status),
            ("21b-status-first-download-1920", self._first_download_status),
            ("", self._real_status),
            ("22-outside-hours-1920", self._outside_hours),
            ("23-duty-tooltip-1920", self._duty_tooltip),
            ("", QToolTip.hideText),
            ("19-large-text", self._large_text),
            ("", self._normal_text),
            ("", lambda: s.resize(1366, 768)),
            ("24-outside-hours", self._outside_hours),
            ("25-duty-tooltip", self._duty_tooltip),
            ("", QToolTip.hideText),
        ]

    def _next(self) -> None:
        if not self.shell.runner.idle() or self.shell.state is None or (
                not self.shell.login.login_button.isEnabled() and not self.shell.working):
            QTimer.singleShot(30, self._next)
            return
        if getattr(self, "_pending", None):
            name = self._pending
            self._pending = None
            self._capture(name)
        if not self.steps:
            log.info("screenshots saved: %d", len(self.saved))
            QApplication.instance().quit()
            return
        name, action = self.steps.pop(0)
        self._close_dialog()
        try:
            action()
        except Exception:
            log.exception("screenshot step %s failed", name)
            self.exit_code = 1
        self._pending = name or None
        QTimer.singleShot(250, self._next)

    def _capture(self, name: str) -> None:
        pix = self.shell.grab()
        tip = next((w for w in QApplication.topLevelWidgets()
                    if w.inherits("QTipLabel") and w.isVisible()), None)
        if tip is not None:  # a tooltip is a window of its own: paint it above its label
            painter = QPainter(pix)
            at = self.shell.period_label.mapTo(self.shell, QPoint(0, 0))
            painter.drawPixmap(QPoint(min(at.x(), pix.width() - tip.width()),
                                      max(0, at.y() - tip.height() - 2)), tip.grab())
            painter.end()
        if self.dialog is not None:
            d = self.dialog.grab()
            painter = QPainter(pix)
            painter.fillRect(pix.rect(), QColor(0, 0, 0, 90))
            painter.drawPixmap(QPoint((pix.width() - d.width()) // 2,
                                      max(40, (pix.height() - d.height()) // 3)), d)
            painter.end()
        path = self.out / f"{name}{self.suffix}.png"
        if not pix.save(str(path)):
            self.exit_code = 1
        self.saved.append(path)

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.show()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    # --- steps --------------------------------------------------------------------
    def _login(self) -> None:
        self.shell.login.password.setText("1234")
        self.shell.login.submit()

    def _search_citizen(self) -> None:
        from desktop.demo_cases import CITIZEN

        self.shell.workspace.search_bar.field.setText(CITIZEN.id_number)
        self.shell.workspace.search(CITIZEN.id_number)

    def _item_picker(self) -> None:
        from desktop.counter.item_picker import ItemPicker

        picker = ItemPicker(self.shell.state.catalog, "Z1", self.shell)
        picker.filter.setText("bdc")
        self._show(picker)

    def _new_case(self) -> None:
        ws = self.shell.workspace
        ws.start_reception(self.shell.state.catalog.item("0301"))
        ws.reception.fill_from_card(DEMO_CARD)
        ws.reception.form.applicant.phone.setText("13906337788")
        ws.reception.form.applicant.phone.editingFinished.emit()
        ws.reception.materials.tick_all_required()
        ws.reception.materials.set_tick("M3", False)

    def _supplement_dialog(self) -> None:
        from desktop.counter.dialogs import SupplementDialog

        self._new_case()
        self._show(SupplementDialog(self.shell.workspace.reception.materials.missing(),
                                    self.shell))

    def _history_case(self) -> None:
        ws = self.shell.workspace
        ws.my_cases.scope.setCurrentIndex(1)  # includes finished cases
        QTimer.singleShot(150, self._open_richest)

    def _open_richest(self) -> None:
        model = self.shell.workspace.my_cases.model
        issued = [cid for cid in model.ids if model.rows[cid].get("rating")]
        if issued:
            self.shell.workspace.open_case_id(issued[0])

    def _issue_dialog(self) -> None:
        from desktop.counter.dialogs import IssueDialog

        d = IssueDialog(True, {"name": "李建国", "address": "日照市东港区海曲中路80号"}, self.shell)
        d.mail.setChecked(True)
        d.tracking.setText("EA204519385CN")
        self._show(d)

    def _review_dialog(self) -> None:
        from desktop.counter.dialogs import ReviewDialog

        d = ReviewDialog(self.shell.state.catalog, False, self.shell.runner, self.shell)
        d.opinion.setPlainText("材料齐全，符合条件，同意。")
        self._show(d)

    def _opening_hours(self) -> None:
        """Yibin-style periods loaded: the status bar shows the period (or that none is
        open), the calendar banner above says what the calendar lacks."""
        import json

        from domain.catalog_file import hours_rows
        from resources import ROOT
        from sync import reference

        example = ROOT.parent / "docs" / "hours" / "yibin-style.json"
        if not example.exists():  # an installed copy has no docs/
            return
        from desktop.duty import demo_duty

        data = json.loads(example.read_text("utf-8"))
        state = self.shell.state  # and today's duty roster
        data["duty"] = demo_duty(data["periods"], state.calendar, state.today())
        rows = hours_rows(data)
        self.shell.runner.write(lambda store: reference.store_rows(store.replica, rows),
                                lambda _n: self.shell.reference_watch.check())

    def _hall_node_status(self) -> None:
        """The status bar of a township counter syncing with its hall node while the
        node's WAN to the city is down (the demo itself runs standalone)."""
        import json

        from sync.status import SyncStatus, server_fields

        info = {"role": "node", "hall_name": "河口镇便民服务中心", "reaches_city": False,
                "city_contact": "2026-03-02T09:15:00+08:00", "upstream_pending": 412}
        self._fake_status(SyncStatus(mode="enrolled", online=True, pending=0,
                                     last_success="2026-03-05T16:42:00+08:00",
                                     **server_fields("http://192.168.1.5:8470",
                                                     json.dumps(info))))

    def _fake_status(self, status: object) -> None:
        """Show a status this standalone demo cannot have; `_real_status` puts its own back."""
        from desktop.sync_status import SyncStatusWidget

        w = self.shell.findChild(SyncStatusWidget)
        if w is not None:
            if not hasattr(self, "_own_status"):
                self._own_status = getattr(w, "shown", None)
            w.set_status(status)

    def _real_status(self) -> None:
        from desktop.sync_status import SyncStatusWidget

        w = self.shell.findChild(SyncStatusWidget)
        own = self.__dict__.pop("_own_status", None)
        if w is not None and own is not None:
            w.set_status(own)

    def _first_download_status(self) -> None:
        """A new counter of a big city hall downloading the hall's data page by page."""
        from sync.status import SyncStatus

        self._fake_status(SyncStatus(mode="enrolled", online=True, syncing=True,
                                     bootstrap_done=21500, bootstrap_total=52919))

    def _extend_dialog(self) -> None:
        """延期 at the window: the department's head approves with their password."""
        from desktop.counter.law_dialogs import ExtendDialog

        d = ExtendDialog(self.shell.state.catalog, "D01", 10, self.shell.runner, self.shell)
        d.days.setValue(10)
        d.reason.setPlainText("申请人经营场所涉及特殊食品工艺，需组织专家论证")
        self._show(d)

    def _tolerance_dialog(self) -> None:
        """容缺受理: the missing non-key materials and the dates promised."""
        from desktop.counter.law_dialogs import ToleranceDialog

        item = self.shell.state.catalog.item("0201")
        self._show(ToleranceDialog(list(item.tolerable_materials()), self.shell.state.today(),
                                   self.shell))

    def _outside_hours(self) -> None:
        """Registering in the lunch gap (outside every period): a warning above the form,
        never a block."""
        import datetime as dt

        state = self.shell.state
        real, day = state.clock, state.today()
        while not state.calendar.is_working_day(day):
            day += dt.timedelta(days=1)
        state.clock = lambda: dt.datetime.combine(day, dt.time(12, 20), real().tzinfo)
        try:
            self._new_case()
        finally:
            state.clock = real

    def _duty_tooltip(self) -> None:
        """Who is on duty today, in the period's tooltip (the status bar's right end)."""
        label = self.shell.period_label
        QToolTip.showText(label.mapToGlobal(QPoint(0, -10)), label.toolTip(), label)

    def _full_hd(self) -> None:
        self.shell.login.password.setText("1234")
        self.shell.login.submit()
        self.shell.resize(1920, 1080)
        QTimer.singleShot(0, lambda: self.shell.workspace.show_my_cases())

    # --- states added for issue 15 -------------------------------------------------
    def _search_not_found(self) -> None:
        """A search that finds nothing says so under the search field."""
        self.shell.workspace.search_bar.field.setText("王不存在")
        self.shell.workspace.search("王不存在")

    def _accept_refused(self) -> None:
        """受理 with materials missing: the refusal beside the buttons."""
        self._new_case()
        self.shell.workspace.reception.accept_case()

    def _print_preview(self) -> None:
        """The acceptance notice's preview, at the size a 1366×768 screen gives it."""
        from PySide6.QtCore import QRect, QSize

        from desktop.printing.preview import PreviewDialog
        from desktop.screen_fit import fitted

        case = self.shell.workspace.case_view.case
        if case is None:
            return
        dialog = PreviewDialog(self.shell.printing.flow, case,
                               ["acceptance-notice", "acceptance-receipt"], self.shell)
        dialog.setWindowModality(dialog.windowModality().NonModal)
        dialog.resize(fitted(QSize(1080, 820), QRect(0, 0, 1366, 768 - 40)))
        self._show(dialog)

    def _rating_strip(self) -> None:
        """One monitor: the five buttons as a strip of the counter window."""
        from desktop.citizen_screen import CitizenScreen
        from desktop.devices.screen_pad_view import ScreenPadView

        view = ScreenPadView()
        self.placement = CitizenScreen(view, self.shell, self.shell.citizen_slot,
                                       second_screen=False)
        session = self.shell.state.session
        view.set_staff(session.staff.no, session.staff.name)
        self.placement.present()
        view.show_rating(30)

    def _rating_done(self) -> None:
        placement = getattr(self, "placement", None)
        if placement is not None:
            placement.rest()

    def _large_text(self) -> None:
        """The text size setting at 18 px (设置 → 字号), on a 1366×768 counter."""
        from desktop.app import apply_font_size

        self.shell.resize(1366, 768)
        apply_font_size(QApplication.instance(), 18)
        self._new_case()

    def _normal_text(self) -> None:
        from desktop.app import apply_font_size

        apply_font_size(QApplication.instance(), self.shell.settings_store.get("font_size"))
