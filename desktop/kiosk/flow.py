"""The kiosk's flow: from the start screen to the slip in the citizen's hand.

start → services | search → item → identify (card or keypad) → phone → result

Writes go through the task runner's writer (`desktop.tasks`), the slip's bytes are
built on its I/O lane, the printer and the card reader have their own device threads:
the screen never waits on a disk or a wire. What a citizen entered lives in one
`Session` and nowhere else, so "discard it" (idle, done, home) is one assignment.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop import messages
from desktop.i18n import current_language
from desktop.kiosk import hardware, texts
from desktop.kiosk import hours as kiosk_hours
from desktop.kiosk.config import KioskSettings
from desktop.kiosk.rating import KioskRating
from desktop.kiosk.registration import (
    Registration,
    person_from_card,
    person_from_typed,
    register,
    slip_bytes,
)
from desktop.kiosk.start_page import Page
from desktop.kiosk.window import IdleWatch, KioskWindow
from desktop.scan_filter import ScanFilter
from domain import events as ev
from domain import idnumber
from domain import phone as phone_rules
from domain.application import Person
from domain.catalog import Catalog, ServiceItem
from domain.errors import DomainError
from domain.events import CHINA_TZ
from domain.opening import Hours
from domain.workdays import WorkCalendar
from sync import notices

log = logging.getLogger(__name__)

BACK = {"services": "start", "search": "services", "identify": "item", "phone": "identify",
        "progress": "start"}


@dataclass
class Session:
    """One citizen's choices; replaced, never edited, when they leave."""

    item: ServiceItem | None = None
    came_from: str = "services"
    person: Person | None = None


class KioskFlow(QObject):
    """Connects the pages, the runner and the devices; owns the session."""

    sig_registered = Signal(object)
    """A registration was stored (the Registration)."""
    sig_slip_printed = Signal(object)
    """Its slip went to a ready printer (the Registration)."""
    sig_slip_not_printed = Signal(object, str)
    """Stored but not printed: (Registration, printer code); the number is on screen."""
    sig_blocked_changed = Signal(str)
    """The kiosk stopped ('printer.paper_out'…) or resumed ('') taking registrations."""
    sig_session_reset = Signal()
    """Whatever was entered has been discarded."""
    sig_exit_unlocked = Signal()
    """Staff entered the PIN: the application may quit."""
    sig_rebuild_requested = Signal(str)
    """The kiosk should come back in this language (launch.run rebuilds it)."""

    def __init__(self, window: KioskWindow, runner: Any, catalog: Catalog,
                 settings: KioskSettings, printer: hardware.SlipPrinter, reader: Any,
                 voice: Any, *, paper_mm: int = 80, demo_reader: Any = None,
                 calendar: Any = None) -> None:
        super().__init__(window)
        self.w = window
        self.runner = runner
        self.catalog = catalog
        self.settings = settings
        self.printer = printer
        self.reader = reader
        self.voice = voice
        self.paper_mm = paper_mm
        self.demo_reader = demo_reader
        self.calendar = calendar
        self.language = current_language()
        self.default_language = self.language
        self.next_language = ""  # set when the kiosk is rebuilt in another language
        self.session = Session()
        self.blocked = ""  # printer code while registrations are stopped
        self.busy = False  # a registration is being written / printed
        self.last: Registration | None = None
        self._new_catalog: Catalog | None = None  # waits until the citizen is done
        self.all_items = catalog  # what the hall offers at the kiosk, at any hour
        self.hours = Hours()
        self.calendar: WorkCalendar | None = None
        self.closed = ""  # why registrations stop outside the opening periods
        self.clock = getattr(runner, "clock", None) or (lambda: dt.datetime.now(ev.CHINA_TZ))
        self._hours_timer = QTimer(self, interval=30_000)
        self._hours_timer.timeout.connect(self.apply_hours)
        self.idle = IdleWatch(settings.idle_seconds, self)
        self.idle.sig_timed_out.connect(self.on_idle)
        # a slip held to a keyboard-wedge scanner: its progress, from any page but a
        # registration in progress (the keys would otherwise go nowhere on a touch screen)
        self.scanner = ScanFilter(parent=self)
        self.scanner.sig_scanned.connect(self.on_scanned)
        QApplication.instance().installEventFilter(self.scanner)
        self._connect()

    def page(self, key: str) -> Page:
        return self.w.pages[key]

    def _connect(self) -> None:
        p = self.w.pages
        p["start"].sig_start_requested.connect(lambda: self.go("services"))
        p["start"].sig_progress_requested.connect(lambda: self.go("progress"))
        p["progress"].sig_number_entered.connect(self.query_progress)
        self.rating = KioskRating(p["progress"], self.runner, self.catalog, self)
        p["progress"].sig_rate_requested.connect(self.rating.ask)
        p["services"].sig_item_chosen.connect(lambda i: self.choose(i, "services"))
        p["services"].sig_search_requested.connect(lambda: self.go("search"))
        p["search"].sig_item_chosen.connect(lambda i: self.choose(i, "search"))
        p["item"].sig_register_requested.connect(self.begin_identify)
        p["identify"].sig_id_typed.connect(self.on_id_typed)
        p["identify"].sig_demo_card_requested.connect(self.place_demo_card)
        p["phone"].sig_phone_entered.connect(self.on_phone)
        p["result"].sig_finished.connect(self.reset)
        p["admin"].sig_unlocked.connect(self.on_unlocked)
        p["admin"].sig_cancelled.connect(self.reset)
        self.w.sig_back_requested.connect(self.back)
        self.w.sig_home_requested.connect(self.reset)
        self.w.sig_help_requested.connect(self.ask_for_help)
        self.w.sig_elderly_toggled.connect(self.set_elderly)
        self.w.sig_admin_requested.connect(lambda: self.go("admin"))
        self.w.sig_language_requested.connect(self.switch_language)
        self.w.sig_page_changed.connect(self._on_page_changed)
        self.printer.sig_state_changed.connect(self.on_printer_state)
        if self.reader is not None:
            self.reader.sig_card_read.connect(self.on_card)
            self.reader.sig_card_error.connect(self.on_card_error)

    # -- navigation -------------------------------------------------------------------
    def go(self, key: str) -> None:
        self.w.show_page(key)

    def _on_page_changed(self, page: Page) -> None:
        self.idle.arm(page.key not in ("start", "result"))
        if self.w.elderly:
            self.voice.say(page.prompt())

    def back(self) -> None:
        key = self.w.current.key
        target = self.session.came_from if key == "item" else BACK.get(key, "start")
        if target == "start":
            self.reset()
        else:
            self.go(target)

    def choose(self, item: ServiceItem, came_from: str) -> None:
        self.session = Session(item=item, came_from=came_from)
        self.page("item").show_item(item)
        self.go("item")

    def begin_identify(self, item: ServiceItem) -> None:
        if self.blocked or self.busy or self.closed:
            return
        self.session.item = item
        identify = self.page("identify")
        identify.reset()
        identify.set_summary(self.tr("办理：{0}").format(item.name))
        self.go("identify")

    # -- identify -----------------------------------------------------------------------
    def on_card(self, card: dict) -> None:
        if self.w.current.key != "identify":
            return  # a card put down elsewhere is not consent to register
        try:
            self._identified(person_from_card(card), read=True)
        except DomainError as exc:
            self.page("identify").show_card_error(messages.error_text(exc))

    def on_card_error(self, _code: str, text: str) -> None:
        if self.w.current.key == "identify":
            self.page("identify").show_card_error(text)

    def on_id_typed(self, number: str) -> None:
        try:
            self._identified(person_from_typed(number))
        except DomainError as exc:
            self.page("identify").show_typed_error(messages.error_text(exc))

    def _identified(self, person: Person, *, read: bool = False) -> None:
        self.session.person = person
        item = self.session.item
        phone_page = self.page("phone")
        phone_page.reset()
        phone_page.set_summary(self.tr("办理：{0}").format(item.name if item else ""))
        # the citizen sees the card was read, and whose: masked, in a public hall
        who = f"{idnumber.mask_name(person.name) if read else ''}　" \
              f"{idnumber.mask(person.id_number)}".strip()
        phone_page.set_confirmation(self.tr("已读取：%1").replace("%1", who) if read
                                    else self.tr("证件号码：%1").replace("%1", who))
        self.go("phone")

    def place_demo_card(self) -> None:
        if self.demo_reader is not None:
            self.demo_reader.present("wangfang")

    def on_phone(self, typed: str) -> None:
        person = self.session.person
        if person is None:
            self.reset()
            return
        if typed:
            try:
                typed = phone_rules.parse(typed)
            except DomainError as exc:
                self.page("phone").show_error(messages.error_text(exc))
                return
            person = dataclasses.replace(person, phone=typed)
        self.submit(person)

    # -- progress ------------------------------------------------------------------------
    def on_scanned(self, code: str) -> None:
        """A slip scanned anywhere but in the middle of a registration shows its progress."""
        if self.w.current.key in ("identify", "phone", "admin") or self.busy:
            return
        self.go("progress")
        self.page("progress").set_number(code)
        self.query_progress(code)

    def query_progress(self, number: str) -> None:
        from desktop.kiosk.progress import progress_of

        calendar, page = self.calendar, self.page("progress")
        self.runner.read(lambda replica: progress_of(replica, number, calendar),
                         self._progress_found,
                         lambda exc: page.show_error(messages.error_text(exc)))

    def _progress_found(self, found: Any) -> None:
        page = self.page("progress")
        if found is None:
            page.show_error(self.tr("本机没有查到这个编号的办件：刚登记的请稍后再查，"
                                    "或到服务台询问"))
            return
        page.show_progress(found, self.calendar, dt.datetime.now(CHINA_TZ).date())

    # -- register and print ---------------------------------------------------------------
    def submit(self, person: Person) -> None:
        item = self.session.item
        if item is None or self.busy:
            return
        self.busy = True
        self.session = Session()  # personal data leaves the screen's memory here
        result = self.page("result")
        result.show_printing()
        self.go("result")
        kiosk_no = self.settings.kiosk_no
        catalog = self.catalog
        self.runner.write(lambda store: register(store, catalog, item, person, kiosk_no=kiosk_no),
                          self._registered, self._register_failed)

    def _registered(self, reg: Registration) -> None:
        self.last = reg
        log.info("kiosk registration %s queue %s item %s", reg.slip_number, reg.queue_no,
                 reg.item.no)
        self.sig_registered.emit(reg)
        catalog, paper = self.catalog, self.paper_mm
        self.runner.io(lambda: slip_bytes(reg, catalog, paper_mm=paper),
                       lambda data: self.printer.print_slip(
                           data, lambda: self._printed(reg), lambda c: self._not_printed(reg, c)),
                       lambda exc: self._not_printed(reg, getattr(exc, "code", "printing.error")))

    def _register_failed(self, exc: BaseException) -> None:
        log.error("kiosk registration failed: %r", exc)
        self.busy = False
        self.page("result").show_failed(messages.error_text(exc))

    def _printed(self, reg: Registration) -> None:
        self.busy = False
        self.page("result").show_done(reg)
        self.sig_slip_printed.emit(reg)
        self._speak_result()

    def _not_printed(self, reg: Registration, code: str) -> None:
        self.busy = False
        problem = (self.tr("本机没有连接打印机") if code == hardware.NONE
                   else texts.printer_problem(code))
        self.page("result").show_not_printed(reg, problem)
        self.sig_slip_not_printed.emit(reg, code)
        self._speak_result()

    def _speak_result(self) -> None:
        if self.w.elderly and self.w.current.key == "result":
            self.voice.say(self.w.current.prompt())

    # -- the printer stops and resumes the kiosk --------------------------------------------
    def on_printer_state(self, state: str) -> None:
        if state in (hardware.READY, hardware.NONE):
            if self.blocked:
                self.blocked = ""
                self._apply_block(self._block_reason())
                self.runner.write(lambda store: notices.resolve(store.replica, notices.KIOSK_PRINTER))
            return
        if state == self.blocked:
            return
        self.blocked = state
        self._apply_block(self._block_reason())
        note = f"自助登记机{self.settings.kiosk_no}号：{texts.printer_problem(state)}，已暂停自助登记"
        self.runner.write(lambda store: notices.add(store.replica, notices.KIOSK_PRINTER, note))

    def _block_reason(self) -> str:
        """The printer's problem first (staff must act), else the hours."""
        if self.blocked:
            return self.tr("{0}，暂停自助登记。工作人员正在处理，请到服务台登记。").format(
                texts.printer_problem(self.blocked))
        return self.closed

    def _apply_block(self, reason: str) -> None:
        self.page("start").set_blocked(reason)
        self.page("item").set_blocked(reason)
        # the banner over every page is for a fault staff must fix; the hours are said
        # on the start page, where a citizen is sent back to
        self.w.set_blocked(reason if self.blocked else "")
        self.sig_blocked_changed.emit(self.blocked)

    # -- help, elderly mode, idle, exit ------------------------------------------------------
    def ask_for_help(self) -> None:
        note = f"自助登记机{self.settings.kiosk_no}号：有群众需要帮助"
        self.runner.write(lambda store: notices.add(store.replica, notices.KIOSK_HELP, note))
        text = self.tr("已通知工作人员，请稍候，马上有人过来帮您。")
        self.w.toast(text)
        if self.w.elderly:
            self.voice.say(text)

    def set_elderly(self, on: bool) -> None:
        if on == self.w.elderly:
            return
        self.w.set_elderly(on)
        self.voice.enabled = on and self.settings.voice
        self.idle.set_seconds(self.settings.idle_seconds * (2 if on else 1))
        if on:
            self.voice.say(self.w.current.prompt())
        else:
            self.voice.stop()

    def switch_language(self, lang: str) -> None:
        """Rebuild the kiosk in `lang` (desktop.kiosk.launch.run does it); the start page
        returns in the hall's own language after this citizen."""
        if self.busy or lang == self.language:
            return
        self.next_language = lang
        self.sig_rebuild_requested.emit(lang)

    def on_idle(self) -> None:
        log.info("idle on %s: back to the start", self.w.current.key)
        self.reset()

    def reset(self) -> None:
        """Discard the citizen's entries everywhere and show the start screen."""
        if self.busy:
            return  # a slip is printing: the result page comes back by itself
        self.session = Session()
        if self.language != self.default_language:  # the next citizen: the hall's language
            self.switch_language(self.default_language)
            return
        self.rating.cancel()
        for page in self.w.pages.values():
            page.reset()
        if self.w.elderly and not self.settings.elderly_default:
            self.set_elderly(False)
        self._apply_catalog()
        self.apply_hours(force=True)
        self.w.show_page("start")
        self.sig_session_reset.emit()

    # -- a new catalog version arrives ---------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        """Offer the new version: at once on the start and choice screens, otherwise
        when the citizen on screen is done (a list never changes under a finger)."""
        self._new_catalog = catalog
        if not self.busy and self.w.current.key in ("start", "services", "search"):
            self._apply_catalog()

    def _apply_catalog(self) -> None:
        catalog, self._new_catalog = self._new_catalog, None
        if catalog is None:
            return
        self.all_items = catalog
        log.info("kiosk catalog updated: %d items", len(catalog.items))
        self.apply_hours(force=True)

    # -- opening periods -------------------------------------------------------------------
    def set_hours(self, hours: Hours, calendar: WorkCalendar) -> None:
        """The hall's periods (and the calendar that says which days are holidays)."""
        self.hours, self.calendar = hours, calendar
        self.apply_hours(force=True)
        if hours.restricted:
            self._hours_timer.start()
        else:
            self._hours_timer.stop()

    def apply_hours(self, force: bool = False) -> None:
        """Offer what the current period offers; stop outside every period. Never under
        a citizen's finger: between citizens only (or when forced before anyone came)."""
        if not force and (self.busy or self.w.current.key not in ("start", "services",
                                                                     "search")):
            return
        cal = self.calendar
        now = self.clock()
        catalog = self.all_items if cal is None else kiosk_hours.offered(
            self.all_items, self.hours, cal, now)
        closed, note = ("", "") if cal is None else kiosk_hours.status(
            self.hours, cal, now, self.all_items)
        if [i.no for i in catalog.items] != [i.no for i in self.catalog.items] or force:
            self.catalog = catalog
            for key in ("services", "search", "item"):
                self.page(key).set_catalog(catalog)
        self.page("start").set_note(note)
        if closed != self.closed:
            self.closed = closed
            self._apply_block(self._block_reason())

    def on_unlocked(self) -> None:
        log.info("kiosk unlocked by PIN")
        self.w.unlock()
        self.sig_exit_unlocked.emit()
