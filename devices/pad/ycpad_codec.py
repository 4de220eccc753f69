"""YC-PAD/1 frames (pure): ``STX ADDR CMD LEN PAYLOAD XOR ETX``.

XOR covers ADDR through PAYLOAD; PAYLOAD is UTF-8 of at most 255 bytes. Host → pad:
``W`` welcome, ``S`` show staff ``"staff_no|name|stars"``, ``R`` request rating
``"timeout_s"``, ``T`` thanks. Pad → host: ``A`` ack (payload: the command letter),
``K`` key ``"level"`` or ``"level|reason"``, ``O`` timed out, ``E`` error ``"text"``.
Only :class:`PadProtocolError` escapes from decoding (fuzzed).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

from devices.errors import PadProtocolError
from devices.pad.interface import Rating

STX, ETX = 0x02, 0x03
MAX_PAYLOAD = 255
DEFAULT_ADDRESS = 0x01


@dataclass(frozen=True)
class PadFrame:
    """One frame: the bus address, the command letter and the decoded payload."""

    address: int
    command: str
    payload: str = ""


# -- typed messages ---------------------------------------------------------------------
@dataclass(frozen=True)
class Welcome:
    """Host → pad: greet (payload: the hall's name)."""

    text: str = ""


@dataclass(frozen=True)
class ShowStaff:
    """Host → pad: who is serving."""

    staff_no: str
    name: str
    stars: int = 0


@dataclass(frozen=True)
class RequestRating:
    """Host → pad: wait up to ``timeout_s`` for a key."""

    timeout_s: int


@dataclass(frozen=True)
class Thanks:
    """Host → pad: show the thank-you screen."""


@dataclass(frozen=True)
class Ack:
    """Pad → host: the command letter it acknowledges."""

    command: str


@dataclass(frozen=True)
class Key:
    """Pad → host: a key was pressed."""

    rating: Rating


@dataclass(frozen=True)
class TimedOut:
    """Pad → host: nobody pressed a key in time."""


@dataclass(frozen=True)
class Failure:
    """Pad → host: the pad failed (text for the log)."""

    text: str


Message = Welcome | ShowStaff | RequestRating | Thanks | Ack | Key | TimedOut | Failure


def _xor(data: bytes) -> int:
    return reduce(lambda a, b: a ^ b, data, 0)


def _clean(field: str) -> str:
    return field.replace("|", "/")  # the separator cannot appear inside a field


def encode_frame(address: int, command: str, payload: str = "") -> bytes:
    """Build a frame; a payload longer than 255 UTF-8 bytes is cut at a character."""
    raw = payload.encode("utf-8")
    while len(raw) > MAX_PAYLOAD:
        payload = payload[:-1]
        raw = payload.encode("utf-8")
    cmd = command.encode("ascii")
    if len(cmd) != 1 or not 0 <= address <= 0xFF:
        raise ValueError("command must be one ASCII letter, address one byte")
    body = bytes((address,)) + cmd + bytes((len(raw),)) + raw
    return bytes((STX,)) + body + bytes((_xor(body), ETX))


def encode_message(message: Message, address: int = DEFAULT_ADDRESS) -> bytes:
    """The frame for a typed message."""
    match message:
        case Welcome(text):
            return encode_frame(address, "W", text)
        case ShowStaff(staff_no, name, stars):
            return encode_frame(address, "S", f"{_clean(staff_no)}|{_clean(name)}|{stars}")
        case RequestRating(timeout_s):
            return encode_frame(address, "R", str(int(timeout_s)))
        case Thanks():
            return encode_frame(address, "T")
        case Ack(command):
            return encode_frame(address, "A", command)
        case Key(rating):
            text = f"{rating.level}|{rating.reason}" if rating.reason else str(rating.level)
            return encode_frame(address, "K", text)
        case TimedOut():
            return encode_frame(address, "O")
        case Failure(text):
            return encode_frame(address, "E", text)
    raise TypeError(f"not a YC-PAD message: {message!r}")


def _int(text: str, what: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise PadProtocolError(f"{what} {text!r} is not a number")
    return int(text)


def decode_message(frame: PadFrame) -> Message:
    """The typed message of a frame; unknown letters and bad payloads raise."""
    cmd, payload = frame.command, frame.payload
    if cmd == "W":
        return Welcome(payload)
    if cmd == "S":
        parts = payload.split("|")
        if len(parts) != 3:
            raise PadProtocolError("show-staff payload needs three fields")
        return ShowStaff(parts[0], parts[1], _int(parts[2], "stars"))
    if cmd == "R":
        return RequestRating(_int(payload, "timeout"))
    if cmd == "T":
        return Thanks()
    if cmd == "A":
        return Ack(payload)
    if cmd == "K":
        level, _, reason = payload.partition("|")
        try:
            return Key(Rating(_int(level, "level"), reason or None))
        except ValueError as exc:
            raise PadProtocolError(str(exc)) from exc
    if cmd == "O":
        return TimedOut()
    if cmd == "E":
        return Failure(payload)
    raise PadProtocolError(f"unknown command {cmd!r}")


class FrameReader:
    """Incremental decoder: skips noise before STX, checks LEN, XOR and ETX."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self.discarded = 0

    def feed(self, data: bytes) -> None:
        """Append received bytes."""
        self._buf += data

    def _skip(self, n: int) -> None:
        del self._buf[:n]
        self.discarded += n

    def next_frame(self) -> PadFrame | None:
        """The next complete frame, None until more bytes arrive; raises on a bad one."""
        at = self._buf.find(STX)
        if at < 0:
            self._skip(len(self._buf))
            return None
        self._skip(at)
        if len(self._buf) < 4:
            return None
        end = 4 + self._buf[3] + 2
        if len(self._buf) < end:
            return None
        frame = bytes(self._buf[:end])
        if frame[-1] != ETX or _xor(frame[1:-2]) != frame[-2]:
            self._skip(1)
            raise PadProtocolError("bad ETX or checksum")
        del self._buf[:end]
        command = chr(frame[2])
        try:
            payload = frame[4:-2].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PadProtocolError("payload is not UTF-8") from exc
        return PadFrame(frame[1], command, payload)


def decode_frames(data: bytes) -> list[PadFrame]:
    """All complete frames in ``data`` (strict: a bad frame raises)."""
    reader = FrameReader()
    reader.feed(data)
    out = []
    while (frame := reader.next_frame()) is not None:
        out.append(frame)
    return out
