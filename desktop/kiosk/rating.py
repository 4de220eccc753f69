"""The kiosk as a rating channel (好差评): rate a finished case from its progress page.

The same five buttons the counter's screen pad shows (`ScreenPadView`), placed by the
same `CitizenScreen` — here as a panel of the progress page, shown while the citizen
rates and gone again after the thanks. The answer is a ``rated`` event with channel
``kiosk`` (`desktop.devices.ratings.record_rating`, the counter's own writer code), so the
one-rating-per-service rule and the supervisor's figures treat it like any other.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.citizen_screen import CitizenScreen
from desktop.devices.ratings import record_rating
from desktop.devices.screen_pad_view import ScreenPadView
from desktop.kiosk.progress import Progress
from desktop.kiosk.registration import KIOSK_STAFF_ID
from devices.pad.interface import Rating
from domain.application import Actor
from domain.catalog import Catalog

log = logging.getLogger(__name__)

CHANNEL = "kiosk"
TIMEOUT_S = 45


def kiosk_rating(store: Any, case_id: str, rating: Rating) -> bool:
    """Write the rating in the kiosk's name (writer thread); True when it counts."""
    actor = Actor(KIOSK_STAFF_ID, store.replica.identity().terminal_id)
    return record_rating(store, case_id, rating, CHANNEL, actor)


class KioskRating(QObject):
    """Asks for a rating of one issued case on the progress page."""

    sig_rated = Signal(str, int, bool)
    """(case id, level, counted): the rating is in the replica."""

    def __init__(self, page: Any, runner: Any, catalog: Catalog,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.runner = runner
        self.catalog = catalog
        self.case_id = ""
        self.view = ScreenPadView()
        self.placement = CitizenScreen(self.view, None, page.rating_slot, second_screen=False,
                                       compact=False, parent=self)
        self.placement.sig_showing_changed.connect(page.make_room)
        self.view.sig_answered.connect(self._answered)
        self.view.stack.currentChanged.connect(
            lambda _i: self.view.page == "welcome" and self.placement.rest())

    def ask(self, progress: Progress | None) -> None:
        """Show the five buttons for the case on the page."""
        if progress is None or not progress.may_rate:
            return
        self.case_id = progress.case_id
        staff = self.catalog.staff_member(progress.staff_id) if progress.staff_id else None
        self.view.set_staff(staff.no if staff else "", staff.name if staff else "")
        self.placement.present()
        self.view.show_rating(TIMEOUT_S)

    def cancel(self) -> None:
        """The citizen left (home, idle): the buttons go, nothing is recorded."""
        self.case_id = ""
        self.view.show_welcome("")

    def _answered(self, rating: Rating | None) -> None:
        case_id = self.case_id
        if rating is None or not case_id:
            return

        def written(counted: bool) -> None:
            log.info("kiosk rating %d recorded (counted: %s)", rating.level, counted)
            if counted:
                self.view.show_thanks()
            else:
                self.view.show_already_rated()
            self.page.rated()
            self.sig_rated.emit(case_id, rating.level, counted)

        self.runner.write(lambda store: kiosk_rating(store, case_id, rating), written,
                          lambda exc: log.error("kiosk rating not stored: %r", exc))
