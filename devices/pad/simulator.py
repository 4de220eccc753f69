"""A rating pad on a pty: YC-PAD/1 (acks, keys, timeouts) or a generic keypad.

Control API for tests and the demo window: :meth:`press` a key now (or queue it for
the next request), :meth:`set_auto` to answer every request by itself after a delay,
:meth:`set_mode` ``silent``/``garbage``, :meth:`unplug`/:meth:`replug`. What the host
asked the pad to show is kept in :attr:`display` for the demo to draw.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from typing import Literal

from devices.errors import PadProtocolError
from devices.pad import ycpad_codec as c
from devices.pad.interface import Rating
from devices.sim import PtySimulator

log = logging.getLogger(__name__)

Protocol = Literal["yc-pad", "keypad"]


class RatingPadSimulator(PtySimulator):
    """One pad. With ``protocol="keypad"`` a press writes the level digit and CR."""

    name = "pad"

    def __init__(
        self,
        protocol: Protocol = "yc-pad",
        *,
        address: int = c.DEFAULT_ADDRESS,
        link_path: str | None = None,
        tcp_port: int | None = None,
    ) -> None:
        super().__init__(link_path, tcp_port=tcp_port)
        self.protocol = protocol
        self.address = address
        self.mode: Literal["ok", "silent", "garbage"] = "ok"
        self.display: dict[str, object] = {"screen": "idle"}
        self.received: list[c.Message] = []
        self._frames = c.FrameReader()
        self._queued: Rating | None = None
        self._auto: tuple[Rating, float] | None = None
        self._pending_until: float | None = None  # a request is open until then
        self._auto_at: float | None = None
        self._state = threading.Lock()

    # -- control API ----------------------------------------------------------------
    def press(self, level: int, reason: str | None = None) -> None:
        """Press a key: answers an open request now, else it answers the next one.

        A generic keypad has no requests: the key byte is sent at once.
        """
        rating = Rating(level, reason)
        if self.protocol == "keypad":
            self.write(f"{level}\r".encode())
            return
        with self._state:
            if self._pending_until is not None:
                self._answer_key(rating)
            else:
                self._queued = rating

    def set_auto(self, level: int | None, reason: str | None = None, delay: float = 0.3) -> None:
        """Answer every request with this key after ``delay`` s (None: wait for press())."""
        with self._state:
            self._auto = None if level is None else (Rating(level, reason), delay)

    def set_mode(self, mode: Literal["ok", "silent", "garbage"]) -> None:
        """``silent`` sends nothing (no acks), ``garbage`` answers with noise."""
        self.mode = mode

    @property
    def waiting_for_key(self) -> bool:
        """True while a rating request is open (the demo lights the keys)."""
        return self._pending_until is not None

    # -- protocol -------------------------------------------------------------------
    def on_bytes(self, data: bytes) -> None:
        """Answer the host's frames."""
        if self.protocol != "yc-pad":
            return
        self._frames.feed(data)
        while True:
            try:
                frame = self._frames.next_frame()
                if frame is None:
                    return
                if frame.address != self.address:
                    continue
                self._handle(c.decode_message(frame))
            except PadProtocolError as exc:
                self._send(c.Failure(exc.detail[:60]))

    def _send(self, msg: c.Message) -> None:
        if self.mode == "silent":
            return
        if self.mode == "garbage":
            self.write(bytes(random.randrange(256) for _ in range(12)))
            return
        self.write(c.encode_message(msg, self.address))

    def _handle(self, msg: c.Message) -> None:
        self.received.append(msg)
        with self._state:
            match msg:
                case c.Welcome(text):
                    self.display = {"screen": "welcome", "text": text}
                    self._send(c.Ack("W"))
                case c.ShowStaff(staff_no, name, stars):
                    self.display = {"screen": "staff", "staff_no": staff_no, "name": name,
                                    "stars": stars}
                    self._send(c.Ack("S"))
                case c.Thanks():
                    self.display = {"screen": "thanks"}
                    self._send(c.Ack("T"))
                case c.RequestRating(timeout_s):
                    self._send(c.Ack("R"))
                    self.display = {**self.display, "rating": True}
                    self._pending_until = time.monotonic() + timeout_s
                    if self._queued is not None:
                        rating, self._queued = self._queued, None
                        self._answer_key(rating)
                    elif self._auto is not None:
                        self._auto_at = time.monotonic() + self._auto[1]
                case _:
                    self._send(c.Failure("unexpected"))

    def _answer_key(self, rating: Rating) -> None:
        self._pending_until = self._auto_at = None
        self.display = {**self.display, "rating": False, "last": rating.level}
        self._send(c.Key(rating))

    def on_tick(self) -> None:
        """Send the auto key or the timeout when due."""
        now = time.monotonic()
        with self._state:
            if self._auto_at is not None and self._auto is not None and now >= self._auto_at:
                self._answer_key(self._auto[0])
            elif self._pending_until is not None and now >= self._pending_until:
                self._pending_until = self._auto_at = None
                self.display = {**self.display, "rating": False}
                self._send(c.TimedOut())
