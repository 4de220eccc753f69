"""Driver of a serial ID-card reader: one read on demand, or a watch loop for a worker.

Blocking by design (the desktop runs it in a worker thread); every exchange has a
deadline (about 1 s for find/select, 3 s for a read) and :meth:`IdCardReader.stop`
ends a blocked call within ~50 ms. :meth:`IdCardReader.watch` is the loop a counter
runs all day: it polls every 300 ms, reports a card once while it stays, tells the
clerk to lift and replace the card after a failed read, and reopens an unplugged
reader with backoff — a clerk never has to restart anything.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from devices.errors import IdCardError, IdCardProtocolError
from devices.idcard import codec
from devices.idcard.card import IdCard
from devices.idcard.text import decode_text
from devices.transport import Backoff, Port, PortDevice, deadline_in

log = logging.getLogger(__name__)

BAUDRATE = 115200


# -- events of the watch loop (the desktop turns each into a signal) --------------------
@dataclass(frozen=True)
class ReaderOnline:
    """The reader answers (at start and after it came back)."""


@dataclass(frozen=True)
class ReaderOffline:
    """The reader is unplugged, silent or talking garbage; ``error.code`` says which."""

    error: IdCardError


@dataclass(frozen=True)
class CardRead:
    """A card was placed and read (reported once while it stays)."""

    card: IdCard


@dataclass(frozen=True)
class CardRemoved:
    """The card that was read has been lifted."""


@dataclass(frozen=True)
class ReadFailed:
    """A card is there but could not be read: the clerk should lift and replace it."""

    error: IdCardError


ReaderEvent = ReaderOnline | ReaderOffline | CardRead | CardRemoved | ReadFailed


class IdCardReader(PortDevice):
    """A SAM-protocol reader on a pyserial URL (COM3, /dev/ttyUSB0, a pty, socket://…)."""

    def __init__(
        self,
        url: str,
        *,
        find_timeout: float = 1.0,
        read_timeout: float = 3.0,
        poll_interval: float = 0.3,
        dedup_s: float = 3.0,
        port_factory: Callable[..., Port] = Port,
    ) -> None:
        self.url = url
        self.find_timeout = find_timeout
        self.read_timeout = read_timeout
        self.poll_interval = max(0.3, poll_interval)  # readers dislike faster polling
        self.dedup_s = dedup_s
        self._init_port(url, error_cls=IdCardError, baudrate=BAUDRATE, port_factory=port_factory)
        self._current: IdCard | None = None  # the card on the reader, already reported
        self._misses = 0  # consecutive "no card" answers
        self._awaiting_lift = False  # a read failed: wait for the card to go away
        self._last_seen: tuple[str, float] | None = None  # (id number, monotonic time)

    # -- lifecycle ------------------------------------------------------------------
    # -- one exchange -----------------------------------------------------------------
    def _transact(self, command: tuple[int, int], timeout: float) -> codec.Response:
        """Send one request and return the first good response before the deadline."""
        self.port.discard_input()  # a late answer to a timed-out request must not count
        self.port.take_received_flag()
        self.port.write(codec.encode_request(command))
        deadline = deadline_in(timeout)
        frames = codec.FrameReader()
        bad_frames = 0
        while True:
            try:
                body = frames.next_body()
            except IdCardProtocolError:
                bad_frames += 1
                continue
            if body is not None:
                return codec.parse_response(body)
            chunk = self.port.read_some(deadline)
            if not chunk:
                if bad_frames or self.port.take_received_flag():
                    raise IdCardProtocolError(
                        f"no valid frame from {self.url} ({frames.discarded} stray bytes)"
                    )
                raise IdCardError("timeout", f"{self.url} did not answer in {timeout:.1f} s")
            frames.feed(chunk)

    def _timeout(self, base: float, deadline: float | None) -> float:
        if deadline is None:
            return base
        return max(0.2, min(base, deadline - time.monotonic()))

    # -- commands ---------------------------------------------------------------------
    def sam_status(self, deadline: float | None = None) -> None:
        """Check the reader's security module; ``idcard.sam_failed`` if it is not OK."""
        resp = self._transact(codec.SAM_STATUS, self._timeout(self.find_timeout, deadline))
        if resp.sw3 != codec.SW_OK:
            raise IdCardError("sam_failed", resp.status_name, sw3=resp.sw3)

    def sam_id(self) -> str:
        """The SAM id printed on the reader's label (for the settings screen)."""
        resp = self._transact(codec.SAM_ID, self.find_timeout)
        if resp.sw3 != codec.SW_OK:
            raise IdCardError("status", resp.status_name, sw3=resp.sw3)
        return codec.decode_sam_id(resp.data)

    def find_card(self, deadline: float | None = None) -> bool:
        """True when a card is on the reader."""
        resp = self._transact(codec.FIND_CARD, self._timeout(self.find_timeout, deadline))
        if resp.sw3 == codec.SW_CARD_FOUND:
            return True
        if resp.sw3 == codec.SW_NO_CARD:
            return False
        raise IdCardError("status", f"find: {resp.status_name}", sw3=resp.sw3)

    def select_card(self, deadline: float | None = None) -> None:
        """Select the found card; ``idcard.select_failed`` when it will not."""
        resp = self._transact(codec.SELECT_CARD, self._timeout(self.find_timeout, deadline))
        if resp.sw3 != codec.SW_OK:
            raise IdCardError("select_failed", resp.status_name, sw3=resp.sw3)

    def read_selected(self, deadline: float | None = None) -> IdCard:
        """Read text and photo of the selected card; ``idcard.read_failed`` on failure."""
        try:
            resp = self._transact(codec.READ_TEXT_PHOTO, self._timeout(self.read_timeout, deadline))
            if resp.sw3 != codec.SW_OK:
                raise IdCardError("read_failed", resp.status_name, sw3=resp.sw3)
            payload = codec.split_read_data(resp.data)
            return decode_text(payload.text, payload.photo, payload.fingerprint)
        except IdCardProtocolError as exc:
            if exc.kind == "unsupported_card":
                raise
            raise IdCardError("read_failed", exc.detail) from exc

    def read_additional_address(self) -> str:
        """The address written after issue (moved house); '' when there is none."""
        resp = self._transact(codec.READ_ADDITIONAL_ADDRESS, self.read_timeout)
        if resp.sw3 == codec.SW_NO_CONTENT:
            return ""
        if resp.sw3 != codec.SW_OK:
            raise IdCardError("read_failed", resp.status_name, sw3=resp.sw3)
        try:
            return resp.data.decode("utf-16-le").strip(" \x00")
        except UnicodeDecodeError as exc:
            raise IdCardError("read_failed", "additional address is not UTF-16") from exc

    def read_card(self, deadline: float | None = None) -> IdCard:
        """Find, select and read the card on the reader once (``idcard.no_card`` if none)."""
        if not self.find_card(deadline):
            raise IdCardError("no_card")
        self.select_card(deadline)
        card = self.read_selected(deadline)
        log.info("read %s card %s", card.card_type, card.masked_id)
        return card

    def wait_for_card(self, seconds: float) -> IdCard:
        """Poll until a card is read or ``seconds`` pass (``idcard.no_card``).

        Errors other than "no card" end the wait at once: a silent or garbled reader
        will not get better by asking again, and the caller has a clerk waiting.
        """
        deadline = deadline_in(seconds)
        while True:
            try:
                return self.read_card(deadline)
            except IdCardError as exc:
                if exc.kind != "no_card" or time.monotonic() + self.poll_interval > deadline:
                    raise
            if self._stop.wait(self.poll_interval):
                raise IdCardError("cancelled")

    # -- the watch loop ---------------------------------------------------------------
    def watch(self) -> Iterator[ReaderEvent]:
        """Yield reader and card events until :meth:`stop`; never raises device errors.

        A stop requested before the loop starts is honoured (the flag is not reset
        here), so a worker that is cancelled early never runs forever.
        """
        backoff = Backoff()
        online: bool | None = None
        while not self._stop.is_set():
            try:
                if not self.port.is_open:
                    self.port.open()
                    self.sam_status()
                if online is not True:
                    online = True
                    backoff.reset()
                    yield ReaderOnline()
                yield from self._poll_once()
                delay = self.poll_interval
            except IdCardError as exc:
                if exc.kind == "cancelled":
                    break
                self.port.close()
                self._forget_card()
                if online is not False:
                    online = False
                    log.warning("ID-card reader offline: %s", exc.code)
                    yield ReaderOffline(exc)
                delay = backoff.next_delay()
            if self._stop.wait(delay):
                break
        self.port.close()

    def _forget_card(self) -> None:
        self._current = None
        self._misses = 0
        self._awaiting_lift = False

    def _poll_once(self) -> Iterator[ReaderEvent]:
        if not self.find_card():
            self._misses += 1
            if self._misses >= 2:  # one miss may be a flicker while the card is moved
                if self._current is not None:
                    yield CardRemoved()
                self._current = None
                self._awaiting_lift = False
            return
        misses, self._misses = self._misses, 0
        if self._awaiting_lift or (self._current is not None and misses == 0):
            return  # same card still lying there, or a failed one not yet lifted
        try:
            self.select_card()
            card = self.read_selected()
        except IdCardError as exc:
            if exc.kind in ("select_failed", "read_failed", "unsupported_card"):
                self._awaiting_lift = True
                yield ReadFailed(exc)
                return
            raise
        now = time.monotonic()
        seen = self._last_seen
        self._last_seen = (card.id_number, now)
        repeat = self._current is not None and self._current.id_number == card.id_number
        recent = seen is not None and seen[0] == card.id_number and now - seen[1] < self.dedup_s
        self._current = card
        if not (repeat or recent):
            log.info("card placed: %s %s", card.card_type, card.masked_id)
            yield CardRead(card)
