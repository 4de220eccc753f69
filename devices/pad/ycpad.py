"""The YC-PAD/1 backend: our reference serial rating pad (and its simulator's wire).

Every host command must be acknowledged within ``ack_timeout`` (a pad that does not
ack is reported as ``pad.timeout``, so the counter falls back to the screen pad). A
rating request then waits for ``K`` or ``O``; the host keeps its own deadline of
``timeout_s`` plus a grace second in case the pad never sends ``O``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from devices.errors import PadError, PadProtocolError
from devices.pad import ycpad_codec as c
from devices.pad.interface import Rating, RatingPad
from devices.transport import Port, PortDevice, deadline_in

log = logging.getLogger(__name__)

GRACE_S = 1.0


class YcPad(PortDevice, RatingPad):
    """A YC-PAD/1 pad at ``address`` on a pyserial URL (9600 8N1 by default)."""

    def __init__(
        self,
        url: str,
        *,
        address: int = c.DEFAULT_ADDRESS,
        baudrate: int = 9600,
        ack_timeout: float = 1.0,
        hall_name: str = "",
        port_factory: Callable[..., Port] = Port,
    ) -> None:
        self.address = address
        self.ack_timeout = ack_timeout
        self.hall_name = hall_name
        self._init_port(url, error_cls=PadError, baudrate=baudrate, port_factory=port_factory)
        self._frames = c.FrameReader()

    # -- exchange ---------------------------------------------------------------------
    def _next_message(self, deadline: float) -> c.Message | None:
        """The next message addressed to us before the deadline, else None."""
        while True:
            try:
                frame = self._frames.next_frame()
            except PadProtocolError as exc:
                log.warning("pad sent a bad frame: %s", exc.detail)
                continue
            if frame is not None:
                if frame.address != self.address:
                    continue  # another pad on the same RS-485 bus
                try:
                    return c.decode_message(frame)
                except PadProtocolError as exc:
                    log.warning("pad sent an unusable message: %s", exc.detail)
                    continue
            chunk = self.port.read_some(deadline)
            if not chunk:
                return None
            self._frames.feed(chunk)

    def _command(self, message: c.Message) -> None:
        """Send one command and wait for its ack."""
        self._frames = c.FrameReader()
        self.port.discard_input()  # a key pressed before we asked does not count
        frame = c.encode_message(message, self.address)
        self.port.write(frame)
        letter = chr(frame[2])
        deadline = deadline_in(self.ack_timeout)
        while True:
            msg = self._next_message(deadline)
            if msg is None:
                raise PadError("timeout", f"no ack for {letter!r}")
            if isinstance(msg, c.Ack) and msg.command == letter:
                return
            if isinstance(msg, c.Failure):
                raise PadError("failure", msg.text)

    # -- RatingPad ----------------------------------------------------------------------
    def welcome(self) -> None:
        """Show the greeting (with the hall's name)."""
        self._command(c.Welcome(self.hall_name))

    def show_staff(
        self, staff_no: str, name: str, photo: bytes | None = None, stars: int | None = None
    ) -> None:
        """Show the staff member; YC-PAD/1 carries no photo."""
        self._command(c.ShowStaff(staff_no, name, stars or 0))

    def request_rating(self, timeout_s: float) -> Rating | None:
        """Ask for a key; the rating, or None on the pad's timeout, ours, or stop()."""
        self._stop.clear()
        try:
            self._command(c.RequestRating(max(1, round(timeout_s))))
            deadline = deadline_in(timeout_s + GRACE_S)
            while True:
                msg = self._next_message(deadline)
                if msg is None or isinstance(msg, c.TimedOut):
                    return None
                if isinstance(msg, c.Key):
                    return msg.rating
                if isinstance(msg, c.Failure):
                    raise PadError("failure", msg.text)
        except PadError as exc:
            if exc.kind == "cancelled":
                return None
            raise

    def thanks(self) -> None:
        """Show the thank-you screen."""
        self._command(c.Thanks())
