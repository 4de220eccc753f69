"""The logged-in counter: header (search, who, lock), calendar banner, the two pages.

Page "办件受理" stacks the results/home page, the reception editor and the case view;
page "我的办件" is the list with countdowns. Everything the clerk scans or types goes
through `search()`, which routes it on the reader pool (jobs.lookup) and opens what it
found — or, for a kiosk slip this terminal has not seen yet, a new case under the
slip's own case id so the kiosk's registration joins it when sync catches up.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.counter import jobs
from desktop.counter.case_view import CaseView
from desktop.counter.item_picker import ItemPicker
from desktop.counter.my_cases import MyCasesView
from desktop.counter.reception import ReceptionView
from desktop.counter.search import ResultsPage, SearchBar
from desktop.counter.session import CounterState
from desktop.feedback import INFO
from desktop.messages import error_text
from desktop.tasks import TaskRunner
from domain import lifecycle as lc
from domain.case import Case
from domain.catalog import ServiceItem
from domain.errors import UnknownItem

log = logging.getLogger(__name__)

HOME, RECEPTION, CASE = range(3)


class Workspace(QWidget):
    """Header + banner + pages; the shell owns login, lock and the status bar."""

    sig_message = Signal(str, str)
    """(text, level) for the status bar: info | error."""
    sig_lock_requested = Signal()
    """The clerk pressed the lock button (F12)."""
    sig_case_written = Signal(object)
    """A case was written here (the lists refresh)."""

    def __init__(self, state: CounterState, runner: TaskRunner, refresh_seconds: int = 60,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        header = QFrame(objectName="header")
        hl = QHBoxLayout(header)
        self.brand = QLabel(self.tr("一窗"), objectName="brand")
        self.search_bar = SearchBar()
        self.who = QLabel("", objectName="who")
        self.lock_button = QPushButton(self.tr("锁屏 (F12)"))
        self.lock_button.clicked.connect(self.sig_lock_requested)
        hl.addWidget(self.brand)
        hl.addWidget(self.search_bar, 1)
        hl.addWidget(self.who)
        hl.addWidget(self.lock_button)
        lay.addWidget(header)
        lay.addWidget(self.search_bar.feedback)
        self.banner = QLabel("", objectName="calendarBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        lay.addWidget(self.banner)
        self.tabs = QTabWidget(objectName="pages")
        self.stack = QStackedWidget()
        self.results = ResultsPage(state)
        self.reception = ReceptionView(state, runner)
        self.case_view = CaseView(state, runner)
        for w in (self.results, self.reception, self.case_view):
            self.stack.addWidget(w)
        self.my_cases = MyCasesView(state, runner, refresh_seconds)
        self.tabs.addTab(self.stack, self.tr("办件受理"))
        self.tabs.addTab(self.my_cases, self.tr("我的办件 (F4)"))
        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(12, 8, 12, 8)
        bl.addWidget(self.tabs)
        lay.addWidget(body, 1)
        self._connect()
        # made now, while the clerk logs in, not at the first scan
        self.case_view.prepare()
        runner.warm_readers(jobs.warm_lookup)
        QTimer.singleShot(0, self._lay_out_case_page)
        # then one case painted for nobody (CaseView.rehearse); a failure costs nothing
        runner.read(jobs.newest_case, self.case_view.rehearse,
                    lambda exc: log.warning("case view rehearsal: %r", exc))

    def _lay_out_case_page(self) -> None:
        """Lay the (hidden) case page out at the size it will have, so the first scan
        only fills it in."""
        self.case_view.resize(self.stack.size())
        self.case_view.ensurePolished()
        self.case_view.layout().activate()

    def _connect(self) -> None:
        self.search_bar.sig_search.connect(self.search)
        self.search_bar.sig_new_case.connect(self.new_case)
        self.results.sig_open_case.connect(self.open_case_id)
        self.my_cases.sig_open_case.connect(self.open_case_id)
        self.reception.sig_change_item.connect(self.new_case)
        self.reception.sig_message.connect(self.sig_message)
        self.case_view.sig_message.connect(self.sig_message)
        self.reception.sig_saved.connect(self._on_saved)
        self.case_view.sig_saved.connect(self._on_saved)
        self.case_view.sig_receive.connect(self.receive)
        self.reception.clear_button.clicked.connect(lambda: self.stack.setCurrentIndex(HOME))
        self.tabs.currentChanged.connect(lambda i: i == 1 and self.my_cases.reload())

    # --- session ------------------------------------------------------------------
    def start_session(self) -> None:
        s = self.state.session
        assert s is not None
        window = s.window.name if s.window else self.tr("未指定窗口")
        self.who.setText(f"{s.staff.name}（{s.staff.no}）　{window}")
        self.reset()
        self.runner.read(jobs.item_usage, self._got_usage, lambda _exc: None)

    def _got_usage(self, usage: dict[str, int]) -> None:
        self.state.item_usage = usage

    def reset(self) -> None:
        """A new clerk: nothing of the previous one's citizens stays on screen."""
        self.reception.clear()
        self.results.show_rows("", [])
        self.my_cases.clear()
        self.search_bar.field.clear()
        self.stack.setCurrentIndex(HOME)
        self.tabs.setCurrentIndex(0)
        self.search_bar.focus()

    def set_banner(self, text: str | None) -> None:
        self.banner.setText(f"⚠ {text}" if text else "")
        self.banner.setVisible(bool(text))

    def reference_changed(self) -> None:
        """A new catalog or calendar is in the state: redraw the deadlines on screen (the
        item picker opens on the new catalog by itself)."""
        if self.tabs.currentIndex() == 1:
            self.my_cases.reload()

    # --- finding ------------------------------------------------------------------
    def search(self, text: str) -> None:
        """A scan or a typed search, routed on the reader pool."""
        self.tabs.setCurrentIndex(0)
        self.runner.read(lambda r: jobs.lookup(r, text), self._found, self._search_failed)

    def _search_failed(self, exc: BaseException) -> None:
        self.search_bar.feedback.say(error_text(exc))
        QApplication.beep()
        self.search_bar.focus()

    def _found(self, found: jobs.Lookup) -> None:
        self.search_bar.feedback.clear()
        if found.kind != "none":
            self.search_bar.field.clear()  # no ID number left in plain sight
        if found.kind == "case" and found.case is not None:
            self.show_case(found.case)
        elif found.kind == "list":
            self.stack.setCurrentIndex(HOME)
            self.results.show_rows(self.tr("找到%n件：%1", "", len(found.rows)).replace(
                "%1", _masked_query(found.text)), found.rows)
        elif found.kind == "new_slip" and found.slip is not None:
            self._new_from_slip(found)
        else:
            self._ask_server(found)

    # --- what this terminal keeps as rows only, or never had: on the server -------------
    def _ask_server(self, found: jobs.Lookup) -> None:
        """Not here in full: "更早的办件在服务器上", and fetch it (sync.lookup)."""
        from sync.lookup import askable

        if not found.rows and not askable(found.text):  # a name: the server keeps none
            self._not_found(found)
            return
        self.search_bar.feedback.say(self.tr("更早的办件在服务器上，正在查找：{text}").format(
            text=_masked_query(found.text)), INFO)
        data_dir = self.runner.replica_path.parent
        self.runner.io(lambda: jobs.fetch_older(data_dir, found),
                       lambda answer: self._fetched(found, answer),
                       lambda _exc: self._not_found(found, offline=True))

    def _fetched(self, found: jobs.Lookup, answer: dict | None) -> None:
        if not answer or not answer.get("streams"):
            self._not_found(found)
            return
        self.runner.write(lambda store: jobs.store_older(store, answer),
                          lambda _n: self.search(found.text), self._search_failed)

    def _not_found(self, found: jobs.Lookup, offline: bool = False) -> None:
        text = _masked_query(found.text)
        if offline and (found.rows or found.kind == "older"):
            message = self.tr("此办件的详细记录在服务器上，现在连不上服务器：{text}")
        else:
            message = self.tr("没有找到：{text}")
        self.search_bar.feedback.say(message.format(text=text))
        self.search_bar.focus()

    def _new_from_slip(self, found: jobs.Lookup) -> None:
        """A kiosk slip whose registration has not synced yet: open it from the slip."""
        assert found.slip is not None and found.slip.item_no is not None
        try:
            item = self.state.catalog.item(found.slip.item_no)
        except UnknownItem as exc:
            self.search_bar.feedback.say(error_text(exc))
            return
        self.start_reception(item, slip=found.slip.number)
        self.sig_message.emit(self.tr("告知单尚未同步到本终端：已按告知单开立办件，同步后自动合并"),
                              "info")

    def open_case_id(self, case_id: str) -> None:
        self.runner.read(lambda r: jobs.load(r, case_id), self._loaded, self._search_failed)

    def _loaded(self, case: Case | None) -> None:
        if case is not None:
            self.show_case(case)

    def show_case(self, case: Case) -> None:
        self.search_bar.feedback.clear()  # the clerk has moved on from that search
        self.tabs.setCurrentIndex(0)
        if case.state == lc.REGISTERED:
            self.receive(case)
            return
        self.case_view.show_case(case)
        self.stack.setCurrentIndex(CASE)
        self.case_view.setFocus()

    def receive(self, case: Case) -> None:
        try:
            self.reception.start_registered(case)
        except UnknownItem as exc:
            self.search_bar.feedback.say(error_text(exc))
            return
        self.stack.setCurrentIndex(RECEPTION)

    # --- new case -----------------------------------------------------------------
    def new_case(self) -> None:
        s = self.state.session
        zone = s.window.zone if s and s.window else None
        picker = ItemPicker(self.state.catalog, zone, self, usage=self.state.item_usage)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen():
            item = picker.chosen()
            assert item is not None
            slip = self.reception.slip if self.stack.currentIndex() == RECEPTION else ""
            self.start_reception(item, slip=slip)

    def start_reception(self, item: ServiceItem, slip: str = "") -> None:
        self.search_bar.feedback.clear()
        self.tabs.setCurrentIndex(0)
        self.reception.start_new(item, slip=slip)
        self.stack.setCurrentIndex(RECEPTION)

    def _on_saved(self, case: Case, text: str) -> None:
        if case.history and len(case.history) <= 3:  # a case opened here just now
            usage = self.state.item_usage
            usage[case.item_no] = usage.get(case.item_no, 0) + 1
        self.sig_message.emit(text, "info")
        self.sig_case_written.emit(case)
        self.show_case(case)

    # --- keys ---------------------------------------------------------------------
    def trigger(self, key: str) -> None:
        """F5–F9 act on whatever is on screen."""
        page = self.stack.currentIndex() if self.tabs.currentIndex() == 0 else -1
        if page == RECEPTION:
            action = {"F5": self.reception.accept_case, "F6": self.reception.request_supplement,
                      "F7": self.reception.refuse}.get(key)
            if action:
                action()
        elif page == CASE:
            self.case_view.trigger(key)

    def show_my_cases(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.my_cases.table.setFocus()


def _masked_query(text: str) -> str:
    """Never echo a full ID number into the status bar."""
    from domain import idnumber

    return idnumber.mask(text) if len(idnumber.normalize(text)) == 18 else text
