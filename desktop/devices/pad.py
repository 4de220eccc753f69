"""The window's rating pad on its device thread, with the screen pad as the fallback.

Whatever the backend (YC-PAD/1, a generic keypad, the screen pad), one ask is the same
four calls — welcome, show_staff, request_rating, thanks — run as one job on the pad's
thread. A serial pad that fails mid-ask (unplugged, silent) turns its light red and
the same ask goes on on the screen pad, so the citizen can still rate; the rating then
carries the channel it really came from (``pad`` or ``screen``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from desktop.devices import messages
from desktop.devices.screen_pad import ScreenPad
from desktop.devices.settings import DeviceSettings
from desktop.devices.state import DeviceService, DeviceState
from devices.errors import DeviceError, PadError
from devices.pad import create_pad
from devices.pad.generic_keypad import parse_key_table
from devices.pad.interface import Rating, RatingPad

log = logging.getLogger(__name__)

CHANNEL_PAD = "pad"
CHANNEL_SCREEN = "screen"


@dataclass(frozen=True)
class PadAnswer:
    """What one ask produced: a rating (or None on timeout) and its channel."""

    rating: Rating | None
    channel: str
    fell_back: str = ""  # the error code of the serial pad when the screen pad stood in


def hardware_pad(settings: DeviceSettings, hall_name: str = "") -> RatingPad | None:
    """The serial pad the settings name, or None (screen pad or no pad)."""
    if settings.pad_backend not in ("yc-pad", "keypad") or not settings.pad_url:
        return None
    table = parse_key_table(settings.pad_key_table) if settings.pad_backend == "keypad" else None
    return create_pad(settings.pad_backend, settings.pad_url, key_table=table,
                      address=settings.pad_address, hall_name=hall_name)


def run_ask(pad: RatingPad, staff_no: str, staff_name: str, timeout_s: float) -> Rating | None:
    """The four calls of one ask (device thread)."""
    with pad:
        pad.welcome()
        pad.show_staff(staff_no, staff_name)
        rating = pad.request_rating(timeout_s)
        if rating is not None:
            pad.thanks()
        return rating


class PadService(DeviceService):
    """Asks the citizen for a rating on the configured pad; answers on the GUI thread."""

    device = "pad"
    _sig_fault = Signal(str)  # from the device thread: the serial pad failed (code)

    def __init__(self, screen_pad: ScreenPad | None = None, parent: QObject | None = None,
                 *, hall_name: str = "") -> None:
        super().__init__(parent)
        self.hall_name = hall_name
        self.screen_pad = screen_pad or ScreenPad(hall_name=hall_name)
        self.settings = DeviceSettings()
        self._current: RatingPad | None = None
        self._sig_fault.connect(self._on_fault)

    def configure(self, settings: DeviceSettings) -> None:
        """Use the pad the settings name; the light shows which one."""
        self.settings = settings
        self.screen_pad.second_screen = settings.screen_pad_second_screen
        if settings.pad_backend == "none":
            self._set_status(DeviceState.OFF, self.tr("未使用评价器"))
        elif hardware_pad(settings) is None:
            self._set_status(DeviceState.OK, self.tr("屏幕评价"))
        else:
            self._set_status(DeviceState.OK, self.tr("评价器：{0}").format(settings.pad_url))

    @property
    def asking(self) -> bool:
        """True while a rating request is open."""
        return self._current is not None

    def ask(self, staff_no: str, staff_name: str,
            on_answer: Callable[[PadAnswer], None]) -> None:
        """Ask for a rating; ``on_answer`` runs on the GUI thread (rating None: no answer)."""
        if self.settings.pad_backend == "none":
            on_answer(PadAnswer(None, ""))
            return
        timeout = float(self.settings.pad_timeout_s)
        try:
            serial_pad = hardware_pad(self.settings, self.hall_name)
        except PadError as exc:  # a bad key table: the screen pad stands in
            self._on_fault(exc.code)
            serial_pad = None
        self._current = serial_pad or self.screen_pad

        def job() -> PadAnswer:
            if serial_pad is not None:
                try:
                    return PadAnswer(run_ask(serial_pad, staff_no, staff_name, timeout),
                                     CHANNEL_PAD)
                except DeviceError as exc:
                    log.warning("rating pad failed (%s): the screen pad stands in", exc.code)
                    self._sig_fault.emit(exc.code)
                    self._current = self.screen_pad
                    fell_back = exc.code
            else:
                fell_back = ""
            rating = run_ask(self.screen_pad, staff_no, staff_name, timeout)
            return PadAnswer(rating, CHANNEL_SCREEN, fell_back)

        def done(answer: PadAnswer) -> None:
            self._current = None
            if answer.channel == CHANNEL_PAD:
                self.configure(self.settings)  # it answered: green again
            on_answer(answer)

        def failed(exc: BaseException) -> None:
            self._current = None
            log.error("rating ask failed: %r", exc)
            on_answer(PadAnswer(None, ""))

        self.thread.submit(job, done, failed, stop=self.cancel)

    def cancel(self) -> None:
        """End an open request (the clerk moved on); it answers None."""
        pad = self._current
        if pad is not None:
            pad.stop()

    def show_already_rated(self) -> None:
        """Tell the citizen this service was rated already (screen pad; serial: thanks)."""
        self.screen_pad.already_rated()

    @Slot(str)
    def _on_fault(self, code: str) -> None:
        self._set_status(DeviceState.FAULT, messages.message(code)
                         + self.tr("（已改用屏幕评价）"))

    def test(self, settings: DeviceSettings, on_done: Callable[[str], None],
             on_error: Callable[[str, str], None]) -> None:
        """Greet on the pad the settings name (the welcome must be acknowledged)."""

        def job() -> None:
            pad = hardware_pad(settings, self.hall_name)
            if pad is None:
                self.screen_pad.welcome()
                return
            with pad:
                pad.welcome()

        def failed(exc: BaseException) -> None:
            code = exc.code if isinstance(exc, DeviceError) else "pad.unknown"
            on_error(code, messages.message(code))

        self.thread.submit(job, lambda _: on_done(self.tr("评价器已应答欢迎指令")), failed)
