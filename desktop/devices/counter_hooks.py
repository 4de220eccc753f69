"""Wiring the devices into the counter window, in one call: :func:`connect_counter`.

The counter stays device-agnostic: it has seams (``fill_from_card``, ``on_scanned``,
``show_message``, its status bar, the task runner's ``sig_written``) and this module
plugs the hub into them:

* a card read fills the form on screen, or on the search screen finds the citizen's
  cases (the shell's ``fill_from_card`` routes it; the search goes through
  ``sync.queries.by_id_number``); a failed read says "lift and replace the card";
* wedge scans and serial scans arrive as one signal, :attr:`ScannerHub.sig_scanned`;
* the status bar gets a light per device, a click opens the device settings;
* after a service (a case issued, accepted, refused or sent for supplement) the pad
  asks the citizen, and the rating becomes a ``rated`` event;
* a receipt that cannot print is held, with reprint / PDF offered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.devices.hub import DeviceHub
from desktop.devices.print_problem import offer_on_failure
from desktop.devices.printer import PrintJob
from desktop.devices.ratings import RatingController
from domain import lifecycle as lc
from domain.case import Case

log = logging.getLogger(__name__)

# States a write leaves a case in when the citizen's visit to the window ends.
RATE_AFTER = frozenset({lc.ISSUED, lc.ACCEPTED, lc.SUPPLEMENT, lc.REFUSED})


@dataclass
class CounterDevices:
    """What :func:`connect_counter` made; keep it on the shell."""

    hub: DeviceHub
    ratings: RatingController
    lights: QWidget
    settings_window: QWidget | None = None


def connect_counter(shell: Any, hub: DeviceHub) -> CounterDevices:
    """Plug ``hub`` into a ``desktop.counter.shell.CounterShell``; call once, after its
    ``__init__`` (the workspace may not exist yet: nothing here needs it)."""
    reader = hub.card_reader
    reader.sig_card_read.connect(shell.fill_from_card)
    reader.sig_card_error.connect(lambda _code, text: shell.show_message(text, "error"))

    # one "scanned" signal: the wedge filter feeds the hub, the counter listens to the hub
    try:
        shell.scanner.sig_scanned.disconnect(shell.on_scanned)
    except (RuntimeError, TypeError):
        log.debug("wedge filter was not connected to on_scanned")
    shell.scanner.sig_scanned.connect(hub.scanner.deliver_wedge)
    hub.scanner.sig_scanned.connect(shell.on_scanned)
    hub.sig_settings_applied.connect(lambda s: _apply_wedge(shell.scanner, s))
    if hub.settings is not None:
        _apply_wedge(shell.scanner, hub.settings)

    _place_screen_pad(shell, hub)
    lights = hub.lights()
    shell.statusBar().addPermanentWidget(lights)
    devices = CounterDevices(hub, _ratings(shell, hub), lights)
    lights.sig_settings_requested.connect(lambda: open_settings(shell, devices))
    offer_on_failure(hub.printer, shell)
    hub.printer.sig_print_failed.connect(
        lambda _job, _code, text: shell.show_message(text, "error"))
    return devices


def _place_screen_pad(shell: Any, hub: DeviceHub) -> None:
    """The screen pad on the citizen's monitor, else as a strip of the counter window."""
    from desktop.citizen_screen import CitizenScreen

    screen_pad = hub.pad.screen_pad
    placement = CitizenScreen(screen_pad.view, shell, getattr(shell, "citizen_slot", None),
                              parent=shell)
    placement.sig_dismissed.connect(hub.pad.cancel)
    screen_pad.attach(placement)


def _apply_wedge(scan_filter: Any, settings: Any) -> None:
    """The wedge filter's timing and prefix follow the device settings."""
    classifier = getattr(scan_filter, "classifier", None)
    if classifier is None:
        return
    classifier.gap_ms = float(settings.wedge_gap_ms)
    classifier.prefix = settings.scanner_prefix


def _ratings(shell: Any, hub: DeviceHub) -> RatingController:
    def actor() -> Any:
        return shell.state.session.actor

    ratings = RatingController(hub.pad, shell.runner, actor, shell)
    ratings.sig_rating_recorded.connect(
        lambda _case, level, counted: shell.show_message(
            QCoreApplication.translate("CounterShell", "已收到评价：{0}星").format(level)
            if counted else QCoreApplication.translate(
                "CounterShell", "本次服务已评价过，新的评价已记录但不重复计入"), "info"))

    def on_written(value: object) -> None:
        if isinstance(value, Case) and value.state in RATE_AFTER:
            ask_after_service(shell, ratings, value)

    shell.runner.sig_written.connect(on_written)
    return ratings


def ask_after_service(shell: Any, ratings: RatingController, case: Case) -> None:
    """Ask the citizen to rate the service just given on ``case`` (logged-in clerk)."""
    state = getattr(shell, "state", None)
    session = getattr(state, "session", None)
    if session is None or getattr(shell, "locked", False):
        return
    ratings.ask_for_rating(case.id, session.staff.no, session.staff.name)


def open_settings(shell: Any, devices: CounterDevices) -> QWidget:
    """Show the device settings screen (one window, raised when already open)."""
    from desktop.devices.settings_screen import DeviceSettingsScreen

    if devices.settings_window is None:
        devices.settings_window = DeviceSettingsScreen(devices.hub, runner=shell.runner)
    devices.settings_window.show()
    devices.settings_window.raise_()
    return devices.settings_window


def receipt_job(doc: str, case: Case, catalog: Any, *, today: Any, staff: Any = None,
                width_mm: int = 80) -> PrintJob:
    """A printing/ receipt as a job: ESC/POS for the printer, its PDF if paper fails.

    Building fonts and barcodes takes a moment: call it on the runner's I/O lane.
    """
    from printing import documents

    document = documents.build(doc, case, catalog, today=today, staff=staff)
    return PrintJob(title=f"{document.title} {case.case_number}",
                    data=documents.render(document, "escpos", width_mm=width_mm),
                    pdf=lambda: documents.render(document, "pdf"))


def attach_devices(shell: Any, hall_name: str = "") -> CounterDevices:
    """Start the hall's devices for a counter window and plug them in (app and demo).

    The shell's own shutdown stops them before its task runner, so no device thread
    outlives the replica connections it reports into.
    """
    hub = DeviceHub(shell.data_dir, hall_name=hall_name)
    hub.start()
    devices = connect_counter(shell, hub)
    shell.devices = devices
    return devices
