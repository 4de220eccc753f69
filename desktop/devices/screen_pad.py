"""The screen pad: the five levels as big buttons on the citizen's side of the counter.

It works everywhere, with no hardware: on the second monitor facing the citizen when
there is one, else as a panel of the clerk's window that goes away by itself once
answered (:class:`desktop.citizen_screen.CitizenScreen` decides, per question). :class:`ScreenPad` gives it the same
four blocking calls as every other pad (:class:`devices.pad.interface.RatingPad`), so
the pad service runs it on the pad's device thread exactly like a serial pad; the
window itself lives on the GUI thread and the two talk through queued signals and an
event. Never call :meth:`ScreenPad.request_rating` on the GUI thread: it would wait on
the very thread that has to draw the buttons.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal, Slot

from desktop.citizen_screen import CitizenScreen
from desktop.devices.screen_pad_view import REASON_TIMEOUT_S, ScreenPadView
from devices.pad.interface import Rating, RatingPad

log = logging.getLogger(__name__)

GRACE_S = 5.0


class _Bridge(QObject):
    """The Qt half of :class:`ScreenPad` (a QObject cannot also be an ABC).

    It lives on the GUI thread, so its slots run there whoever emits ``sig_show``.
    """

    sig_answered = Signal(object)
    sig_show = Signal(str, object)

    def __init__(self, pad: ScreenPad, parent: QObject) -> None:
        super().__init__(parent)
        self.pad = pad
        self.sig_show.connect(self.on_show)

    @Slot(str, object)
    def on_show(self, page: str, data: object) -> None:
        self.pad._show(page, data)

    @Slot(object)
    def on_answer(self, rating: object) -> None:
        self.pad._on_answer(rating)  # type: ignore[arg-type]


class ScreenPad(RatingPad):
    """The RatingPad calls for a :class:`ScreenPadView`; blocking calls off the GUI thread.

    Create it on the GUI thread. ``sig_answered`` (Rating or None) fires on the GUI
    thread when the citizen answered or the view timed out.
    """

    def __init__(self, view: ScreenPadView | None = None, *, hall_name: str = "",
                 second_screen: bool = True) -> None:
        self.view = view or ScreenPadView()
        self.hall_name = hall_name
        self.placement = CitizenScreen(self.view, second_screen=second_screen)
        self._answer: Rating | None = None
        self._answered = threading.Event()
        self.bridge = _Bridge(self, self.view)
        self.sig_answered = self.bridge.sig_answered
        self._sig_show = self.bridge.sig_show
        self.view.sig_answered.connect(self.bridge.on_answer)
        # the view rests on its welcome page: a panel gives the clerk's screen back
        self.view.stack.currentChanged.connect(self._on_page)

    @property
    def second_screen(self) -> bool:
        """Full screen on a monitor facing the citizen when there is one (a setting)."""
        return self.placement.second_screen

    @second_screen.setter
    def second_screen(self, on: bool) -> None:
        self.placement.second_screen = on

    def attach(self, placement: CitizenScreen) -> None:
        """Show the view where `placement` says (the counter's window; GUI thread)."""
        placement.second_screen = self.placement.second_screen
        self.placement = placement

    # -- RatingPad (any thread but the GUI's for request_rating) ----------------------
    def welcome(self) -> None:
        """Greet with the hall's name."""
        self._sig_show.emit("welcome", self.hall_name)

    def show_staff(self, staff_no: str, name: str, photo: bytes | None = None,
                   stars: int | None = None) -> None:
        """Who served the citizen, shown above the buttons."""
        self._sig_show.emit("staff", (staff_no, name, stars))

    def request_rating(self, timeout_s: float) -> Rating | None:
        """Show the buttons and wait for a press; None on timeout or :meth:`stop`."""
        self._answered.clear()
        self._answer = None
        self._sig_show.emit("rate", int(timeout_s))
        if not self._answered.wait(timeout_s + REASON_TIMEOUT_S + GRACE_S):
            self._sig_show.emit("welcome", self.hall_name)  # the view missed its timer
            return None
        return self._answer

    def thanks(self) -> None:
        """Thank the citizen; the view goes back to the welcome page by itself."""
        self._sig_show.emit("thanks", None)

    def already_rated(self) -> None:
        """This service was rated before: say so instead of asking again."""
        self._sig_show.emit("already", None)

    def stop(self) -> None:
        """End a waiting request (the clerk cancelled); it returns None."""
        self._answer = None
        self._answered.set()
        self._sig_show.emit("welcome", self.hall_name)

    # -- GUI thread ---------------------------------------------------------------------
    def _show(self, page: str, data: object) -> None:
        if page != "welcome":
            self.placement.present()
        if page == "welcome":
            self.view.show_welcome(str(data or ""))
        elif page == "staff":
            staff_no, name, stars = data  # type: ignore[misc]
            self.view.set_staff(staff_no, name, stars)
        elif page == "rate":
            self.view.show_rating(int(data))  # type: ignore[arg-type]
        elif page == "thanks":
            self.view.show_thanks()
        elif page == "already":
            self.view.show_already_rated()

    def _on_answer(self, rating: Rating | None) -> None:
        self._answer = rating
        self._answered.set()
        self.sig_answered.emit(rating)

    def _on_page(self, _index: int) -> None:
        if self.view.page == "welcome":
            self.placement.rest()
