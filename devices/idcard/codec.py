"""SAM serial frames of the second-generation ID-card reader (pure, no I/O).

``AA AA AA 96 69 | LEN_H LEN_L | body | CHK`` where LEN counts the body and CHK, and
CHK is the XOR of LEN and body. A request body is ``CMD PARA [DATA]``, a response body
``SW1 SW2 SW3 [DATA]``. See shared/protocols/idcard-reader.md for the vectors.

Readers send stray bytes and USB bridges split frames, so decoding is incremental
(:class:`FrameReader`): scan for the preamble, wait for LEN, then for the frame,
then check the XOR. Everything here raises only :class:`IdCardProtocolError`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import reduce

from devices.errors import IdCardProtocolError

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
HEADER_LEN = 7  # preamble + LEN
#: Longest frame we wait for (a text+photo+fingerprint read is 2,314); more is garbage.
MAX_LEN = 0x1000

# (CMD, PARA) of the commands we send.
RESET_SAM = (0x10, 0xFF)
SAM_STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
READ_ADDITIONAL_ADDRESS = (0x30, 0x03)
READ_TEXT_PHOTO_FINGERPRINT = (0x30, 0x10)

# SW3 status codes.
SW_OK = 0x90
SW_CARD_FOUND = 0x9F
SW_NO_CARD = 0x80
SW_SELECT_FAILED = 0x81
SW_READ_FAILED = 0x41
SW_SAM_FAILED = 0x60
SW_NO_CONTENT = 0x91
SW_CHECKSUM = 0x10
SW_LENGTH = 0x11
SW_UNKNOWN_COMMAND = 0x21

STATUS_NAMES = {
    SW_OK: "success",
    SW_CARD_FOUND: "card found",
    SW_NO_CARD: "no card",
    SW_SELECT_FAILED: "select failed",
    SW_READ_FAILED: "read failed",
    SW_SAM_FAILED: "SAM self-test failed",
    SW_NO_CONTENT: "no content",
    SW_CHECKSUM: "checksum error (reader side)",
    SW_LENGTH: "length error (reader side)",
    SW_UNKNOWN_COMMAND: "unknown command",
}


def xor(data: bytes) -> int:
    """XOR of all bytes (the frame check)."""
    return reduce(lambda a, b: a ^ b, data, 0)


def encode_frame(body: bytes) -> bytes:
    """Wrap a body in preamble, length and XOR."""
    length = len(body) + 1
    if length > 0xFFFF:
        raise ValueError("frame body too long")
    head = length.to_bytes(2, "big")
    return PREAMBLE + head + body + bytes([xor(head + body)])


def encode_request(command: tuple[int, int], data: bytes = b"") -> bytes:
    """A host → reader frame, e.g. ``encode_request(FIND_CARD)``."""
    return encode_frame(bytes(command) + data)


def encode_response(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    """A reader → host frame (what the simulator sends)."""
    return encode_frame(bytes((sw1, sw2, sw3)) + data)


@dataclass(frozen=True)
class Request:
    """A decoded host → reader frame."""

    command: tuple[int, int]
    data: bytes = b""


@dataclass(frozen=True)
class Response:
    """A decoded reader → host frame."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    @property
    def status_name(self) -> str:
        """Human name of SW3 for logs."""
        return STATUS_NAMES.get(self.sw3, f"status {self.sw3:02X}")


def decode_frame(frame: bytes) -> bytes:
    """The body of exactly one complete frame; raises on anything else."""
    reader = FrameReader()
    reader.feed(frame)
    body = reader.next_body()
    if body is None or reader.pending or reader.discarded:
        raise IdCardProtocolError("not exactly one frame")
    return body


def parse_response(body: bytes) -> Response:
    """Split a response body into SW1 SW2 SW3 and data."""
    if len(body) < 3:
        raise IdCardProtocolError(f"response body of {len(body)} bytes")
    return Response(body[0], body[1], body[2], bytes(body[3:]))


def parse_request(body: bytes) -> Request:
    """Split a request body into (CMD, PARA) and data."""
    if len(body) < 2:
        raise IdCardProtocolError(f"request body of {len(body)} bytes")
    return Request((body[0], body[1]), bytes(body[2:]))


class FrameReader:
    """Incremental frame decoder: feed bytes as they arrive, take bodies out.

    Bytes before a preamble are skipped and counted in ``discarded``. A frame whose
    length or XOR is wrong raises once and is skipped by one byte, so the next good
    frame is still found.
    """

    def __init__(self) -> None:
        self._buf = bytearray()
        self.discarded = 0

    def feed(self, data: bytes) -> None:
        """Append received bytes."""
        self._buf += data

    @property
    def pending(self) -> int:
        """Bytes held waiting for the rest of a frame."""
        return len(self._buf)

    def _skip(self, n: int) -> None:
        del self._buf[:n]
        self.discarded += n

    def _sync(self) -> bool:
        """Drop bytes before the first preamble; False if no whole preamble yet."""
        at = self._buf.find(PREAMBLE)
        if at < 0:
            # keep a tail that may be the start of a preamble split across reads
            keep = next(
                (k for k in range(len(PREAMBLE) - 1, 0, -1) if self._buf.endswith(PREAMBLE[:k])),
                0,
            )
            self._skip(len(self._buf) - keep)
            return False
        self._skip(at)
        return True

    def next_body(self) -> bytes | None:
        """The next complete, verified body, or None until more bytes arrive."""
        if not self._sync() or len(self._buf) < HEADER_LEN:
            return None
        length = int.from_bytes(self._buf[5:7], "big")
        if length < 3 or length > MAX_LEN:
            self._skip(1)
            raise IdCardProtocolError(f"implausible frame length {length}")
        end = HEADER_LEN + length
        if len(self._buf) < end:
            return None
        frame = bytes(self._buf[:end])
        if xor(frame[5:-1]) != frame[-1]:
            self._skip(1)
            raise IdCardProtocolError("frame checksum mismatch")
        del self._buf[:end]
        return frame[HEADER_LEN:-1]


@dataclass(frozen=True)
class ReadPayload:
    """The parts of a 30 01 / 30 10 answer."""

    text: bytes
    photo: bytes
    fingerprint: bytes = b""


def split_read_data(data: bytes) -> ReadPayload:
    """Split the data of a read answer by its length header (two or three lengths)."""
    if len(data) >= 4:
        tl, pl = struct.unpack(">HH", data[:4])
        if 4 + tl + pl == len(data):
            return ReadPayload(data[4 : 4 + tl], data[4 + tl :])
    if len(data) >= 6:
        tl, pl, fl = struct.unpack(">HHH", data[:6])
        if 6 + tl + pl + fl == len(data):
            return ReadPayload(data[6 : 6 + tl], data[6 + tl : 6 + tl + pl], data[6 + tl + pl :])
    raise IdCardProtocolError(f"read answer of {len(data)} bytes does not match its lengths")


def encode_read_data(text: bytes, photo: bytes, fingerprint: bytes | None = None) -> bytes:
    """The data of a read answer (the simulator's side of :func:`split_read_data`)."""
    if fingerprint is None:
        return struct.pack(">HH", len(text), len(photo)) + text + photo
    head = struct.pack(">HHH", len(text), len(photo), len(fingerprint))
    return head + text + photo + fingerprint


def decode_sam_id(data: bytes) -> str:
    """The SAM id as printed on the reader: ``05.01-20121115-0012345678-1234567890``."""
    if len(data) < 16:
        raise IdCardProtocolError(f"SAM id of {len(data)} bytes")
    a, b, c, d, e = struct.unpack("<HHIII", data[:16])
    return f"{a:02d}.{b:02d}-{c:08d}-{d:010d}-{e:010d}"
