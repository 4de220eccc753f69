"""An ID-card reader on a pty that speaks the SAM protocol, with a control API.

The demo control window and the tests drive it: :meth:`present` a card, :meth:`remove`
it, make the next read :meth:`fail_next_read` (or leave reads unanswered with
``stall_reads``), switch to :meth:`set_mode` ``garbage``
or ``silent``, :meth:`unplug` / :meth:`replug`. ``split`` and ``stray`` make it behave
like a USB-CDC bridge that chunks frames and a reader that sends a stray byte.
"""

from __future__ import annotations

import logging
import random
import struct
import threading
import time
from typing import Literal

from devices.errors import IdCardProtocolError
from devices.idcard import codec
from devices.idcard.card import IdCard
from devices.idcard.samples import sample_card
from devices.idcard.text import encode_text
from devices.sim import PtySimulator

log = logging.getLogger(__name__)

Mode = Literal["ok", "garbage", "silent"]
SAM_ID_DATA = struct.pack("<HHIII", 5, 1, 20121115, 12345678, 1234567890)


class IdCardReaderSimulator(PtySimulator):
    """A reader: answers status, SAM id, find, select, read and additional address."""

    name = "idcard"

    def __init__(
        self,
        card: IdCard | str | None = None,
        *,
        link_path: str | None = None,
        tcp_port: int | None = None,
        split: bool = False,
        stray: bool = False,
        seed: int = 0,
    ) -> None:
        super().__init__(link_path, tcp_port=tcp_port)
        self.card: IdCard | None = sample_card(card) if isinstance(card, str) else card
        self.mode: Mode = "ok"
        self.split = split
        self.stray = stray
        self._fail_reads = 0
        self._frames = codec.FrameReader()
        self._rng = random.Random(seed)
        self._selected = False
        self.requests: list[tuple[int, int]] = []  # every command received, for tests
        self.additional_address = ""
        self.stall_reads = False  # read requests go unanswered (to unplug mid-read)
        self._state_lock = threading.Lock()

    # -- control API ----------------------------------------------------------------
    def present(self, card: IdCard | str) -> None:
        """Place a card (an :class:`IdCard` or a sample key such as ``"zhangsan"``)."""
        with self._state_lock:
            self.card = sample_card(card) if isinstance(card, str) else card
            self._selected = False

    def remove(self) -> None:
        """Lift the card."""
        with self._state_lock:
            self.card = None
            self._selected = False

    def fail_next_read(self, times: int = 1) -> None:
        """Answer the next ``times`` reads with 41 (read failed)."""
        with self._state_lock:
            self._fail_reads += times

    def set_mode(self, mode: Mode) -> None:
        """``ok``, ``garbage`` (random bytes instead of frames) or ``silent`` (no answer)."""
        self.mode = mode

    # -- protocol ---------------------------------------------------------------------
    def on_bytes(self, data: bytes) -> None:
        """Answer the host's frames."""
        self._frames.feed(data)
        while True:
            try:
                body = self._frames.next_body()
            except IdCardProtocolError:
                self._send(codec.encode_response(codec.SW_CHECKSUM))
                continue
            if body is None:
                return
            try:
                request = codec.parse_request(body)
            except IdCardProtocolError:
                self._send(codec.encode_response(codec.SW_LENGTH))
                continue
            self.requests.append(request.command)
            self._answer(request.command)

    def _answer(self, command: tuple[int, int]) -> None:
        if self.mode == "silent":
            return
        if self.stall_reads and command[0] == 0x30:
            return
        if self.mode == "garbage":
            self.write(bytes(self._rng.randrange(256) for _ in range(self._rng.randint(5, 40))))
            return
        self._send(self._response(command))

    def _response(self, command: tuple[int, int]) -> bytes:
        with self._state_lock:
            card = self.card
            if command in (codec.SAM_STATUS, codec.RESET_SAM):
                return codec.encode_response(codec.SW_OK)
            if command == codec.SAM_ID:
                return codec.encode_response(codec.SW_OK, SAM_ID_DATA)
            if command == codec.FIND_CARD:
                if card is None:
                    return codec.encode_response(codec.SW_NO_CARD)
                return codec.encode_response(codec.SW_CARD_FOUND, bytes(4))
            if command == codec.SELECT_CARD:
                if card is None:
                    return codec.encode_response(codec.SW_SELECT_FAILED)
                self._selected = True
                return codec.encode_response(codec.SW_OK, bytes(8))
            if command in (codec.READ_TEXT_PHOTO, codec.READ_TEXT_PHOTO_FINGERPRINT):
                if card is None or not self._selected:
                    return codec.encode_response(codec.SW_READ_FAILED)
                if self._fail_reads:
                    self._fail_reads -= 1
                    return codec.encode_response(codec.SW_READ_FAILED)
                fp = b"" if command == codec.READ_TEXT_PHOTO_FINGERPRINT else None
                data = codec.encode_read_data(encode_text(card), card.photo.ljust(1024, b"\0"), fp)
                return codec.encode_response(codec.SW_OK, data)
            if command == codec.READ_ADDITIONAL_ADDRESS:
                if not self.additional_address:
                    return codec.encode_response(codec.SW_NO_CONTENT)
                return codec.encode_response(codec.SW_OK, self.additional_address.encode("utf-16-le"))
            return codec.encode_response(codec.SW_UNKNOWN_COMMAND)

    def _send(self, frame: bytes) -> None:
        if self.stray:
            self.write(b"\x00")
        if not self.split:
            self.write(frame)
            return
        at = 0
        while at < len(frame):  # chunks like a USB-CDC bridge delivers them
            size = self._rng.randint(1, 64)
            self.write(frame[at : at + size])
            at += size
            time.sleep(0.001)
