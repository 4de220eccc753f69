"""Building and running the kiosk: `yichuang kiosk`, the demo, the tests, the bench.

`build` wires everything (catalog, runner, reader, printer, pages, flow) and shows
nothing; `run` is what `desktop.app.run(face="kiosk")` calls through
`desktop.kiosk.run`. Running the kiosk once marks the data folder as a kiosk, so the
autostart entry (or `yichuang` with no command) comes straight back to it.
"""

from __future__ import annotations

import logging
import pathlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop.kiosk import config, hardware
from desktop.kiosk.admin_page import AdminPage
from desktop.kiosk.flow import KioskFlow
from desktop.kiosk.identify_pages import IdentifyPage, PhonePage
from desktop.kiosk.item_page import ItemPage
from desktop.kiosk.progress_page import ProgressPage
from desktop.kiosk.registration import warm_slip
from desktop.kiosk.result_pages import ResultPage
from desktop.kiosk.service_pages import SearchPage, ServicesPage
from desktop.kiosk.start_page import StartPage
from desktop.kiosk.voice import Voice
from desktop.kiosk.window import KioskWindow
from desktop.queue.kiosk_waiting import attach_kiosk_queue
from desktop.reference_watch import ReferenceWatch

log = logging.getLogger(__name__)


class NoCatalog(RuntimeError):
    """The replica has no service items yet: nothing to offer."""

    code = "kiosk.no_catalog"


@dataclass
class Kiosk:
    """A built kiosk; `shutdown` stops its threads (devices first, then writes)."""

    window: KioskWindow
    flow: KioskFlow
    runner: Any
    reader: Any
    printer: hardware.SlipPrinter
    settings: config.KioskSettings
    sims: hardware.Simulators | None = None
    watch: ReferenceWatch | None = None  # follows catalog changes without a restart
    reader_url: str = ""

    def start_background(self) -> None:
        """What may wait until the window shows: the card reader, the printer, sync,
        and one slip laid out for nobody (fonts parsed, every first-use path of
        printing run) so the first citizen's slip starts within its budget."""
        self.reader.start(self.reader_url)
        self.printer.start()
        self.window.queue_link.start()
        paper, catalog = self.flow.paper_mm, self.flow.catalog
        self.runner.io(lambda: warm_slip(catalog, paper_mm=paper), None,
                       lambda exc: log.warning("slip warm-up failed: %r", exc))

    def shutdown(self) -> None:
        if self.watch is not None:
            self.watch.stop()
        self.window.queue_link.stop()
        self.flow.idle.remove()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.flow.scanner)
        if self.reader is not None:
            self.reader.stop()
            self.reader.shutdown()
        self.printer.shutdown()
        self.runner.shutdown()
        if self.sims is not None:
            self.sims.stop()


def load_catalog(data_dir: pathlib.Path, *, demo: bool) -> Any:
    """The catalog from the replica (seeded with the demo catalog in demo mode)."""
    return load_reference(data_dir, demo=demo)[0]


def load_reference(data_dir: pathlib.Path, *, demo: bool) -> tuple[Any, Any]:
    """The catalog and the working-day calendar (progress pages count days with it)."""
    from sync.demo_data import ensure_catalog
    from sync.replica import Replica
    from sync.store import calendar_of

    with Replica.in_dir(data_dir) as replica:
        if demo:
            ensure_catalog(replica)
        catalog = kiosk_catalog(replica)
        calendar = calendar_of(replica)
    if catalog is None or not catalog.items:
        raise NoCatalog("本机还没有事项目录：请先同步，或用 yichuang kiosk --demo 演示")
    return catalog, calendar


def kiosk_catalog(replica: Any) -> Any:
    """The items the hall offers at the kiosk (runs on a reader thread when reloading)."""
    from sync import reference

    catalog = reference.load_catalog(replica)
    return catalog.with_items(i for i in catalog.items if i.kiosk)


def kiosk_reference(replica: Any) -> tuple[Any, Any, Any]:
    """Catalog, opening periods and calendar, read together after a change."""
    from sync import reference

    return kiosk_catalog(replica), reference.load_hours(replica), reference.load_calendar(
        replica)


def _reloaded(flow: KioskFlow, loaded: tuple[Any, Any, Any]) -> None:
    catalog, hours, calendar = loaded
    flow.set_hours(hours, calendar)
    flow.set_catalog(catalog)


def build(data_dir: pathlib.Path | str, *, demo: bool = False, runner: Any = None,
          sims: hardware.Simulators | None = None,
          settings: config.KioskSettings | None = None, start: bool = True) -> Kiosk:
    """Everything wired, nothing shown. `sims` replaces the configured devices.

    With `start=False` the devices, sync and the printing warm-up wait for
    `Kiosk.start_background` (`run` calls it once the window shows)."""
    from desktop.devices import settings as device_settings
    from desktop.devices.idcard import CardReaderService
    from desktop.tasks import TaskRunner
    from sync.replica import DB_NAME

    data_dir = pathlib.Path(data_dir)
    catalog, calendar = load_reference(data_dir, demo=demo)
    ks = settings or config.load(data_dir)
    devs = device_settings.load(data_dir)
    if demo and sims is None:
        sims = hardware.Simulators()
    reader_url = sims.reader_url if sims else devs.idcard_url
    printer_url = sims.printer_url if sims else devs.printer_url
    runner = runner or TaskRunner(data_dir / DB_NAME)
    window = KioskWindow(catalog.hall.name, locked=ks.full_screen and not demo)
    from desktop.about import install_about

    install_about(window, "kiosk", data_dir=data_dir, details={"hall": catalog.hall.name})
    for page in (StartPage(), ServicesPage(catalog), SearchPage(catalog), ItemPage(catalog),
                 IdentifyPage(demo=demo), PhonePage(), ResultPage(seconds=ks.done_seconds),
                 ProgressPage(), AdminPage(ks.admin_pin)):
        window.add_page(page)
    reader = CardReaderService(window)
    printer = hardware.SlipPrinter(printer_url, poll_seconds=ks.printer_poll_seconds,
                                   parent=window)
    voice = Voice(enabled=False, parent=window)
    flow = KioskFlow(window, runner, catalog, ks, printer, reader, voice,
                     paper_mm=devs.printer_width_mm, demo_reader=sims.reader if sims else None,
                     calendar=calendar)
    watch = ReferenceWatch(runner, parent=window)
    watch.sig_reference_changed.connect(lambda _v: runner.read(
        kiosk_reference, lambda loaded: _reloaded(flow, loaded), lambda _e: None))
    watch.start()
    runner.read(kiosk_reference, lambda loaded: flow.set_hours(loaded[1], loaded[2]),
                lambda _e: None)
    window.queue_link = attach_kiosk_queue(window, runner, data_dir)  # waiting counts, sync
    if ks.elderly_default:
        flow.set_elderly(True)
    window.show_page("start")
    kiosk = Kiosk(window, flow, runner, reader, printer, ks, sims, watch, reader_url)
    if start:
        kiosk.start_background()
    return kiosk


def application(lang: str) -> Any:
    """The app's QApplication (fonts, translators); a bare one if that setup fails.

    Screenshots and the bench must not depend on every detail of the counter's start-up.
    """
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop import app as desktop_app

    try:
        return desktop_app.create_application(lang)
    except Exception as exc:  # a broken translator must not cost the kiosk its pictures
        log.warning("application setup failed (%r); using a bare QApplication", exc)
    qapp = QApplication.instance() or QApplication(["yichuang"])
    qapp.setFont(QFont(desktop_app.load_fonts()))
    return qapp


def install_translation(app: Any, lang: str) -> bool:
    """Every catalog's translator for `lang` (the kiosk's own among them)."""
    from desktop import i18n

    return i18n.install(app, lang)


def run(data_dir: pathlib.Path | str, *, demo: bool = False, app: Any = None) -> int:
    """`yichuang kiosk [--demo]`: full screen until staff leave with the PIN.

    A citizen's language choice rebuilds the kiosk in that language (RESTART); the
    hall's own language comes back for the next citizen.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import RESTART, exit_when_ready, ready
    from desktop.i18n import current_language

    app = app or QApplication.instance()
    hall_language = lang = current_language()
    if not demo:
        config.mark_as_kiosk(data_dir)
    while True:
        install_translation(app, lang)
        try:
            kiosk = build(data_dir, demo=demo, start=False)
        except NoCatalog as exc:
            log.error("kiosk cannot start: %s", exc)
            print(f"错误: {exc}")
            return 2
        kiosk.flow.default_language = hall_language
        kiosk.flow.sig_exit_unlocked.connect(kiosk.window.close)
        kiosk.flow.sig_exit_unlocked.connect(app.quit)
        kiosk.flow.sig_rebuild_requested.connect(lambda _lang: app.exit(RESTART))
        kiosk.window.show_kiosk(kiosk.settings.full_screen and not demo)
        if exit_when_ready():  # the start page is on screen and takes a touch
            QTimer.singleShot(0, lambda w=kiosk.window: ready(w))
        else:
            QTimer.singleShot(0, kiosk.start_background)  # once the window is painted
        code = app.exec()
        kiosk.window.unlock()
        kiosk.window.hide()
        kiosk.shutdown()
        kiosk.window.deleteLater()
        if code != RESTART or not kiosk.flow.next_language:
            return int(code)
        lang = kiosk.flow.next_language
