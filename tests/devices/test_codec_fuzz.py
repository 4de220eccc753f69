"""Every codec under random, truncated and corrupted input: only typed protocol errors."""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devices.errors import (
    IdCardProtocolError,
    PadProtocolError,
    PrinterProtocolError,
    ProtocolError,
    ScannerProtocolError,
)
from devices.idcard import codec
from devices.idcard.card import IdCard
from devices.idcard.samples import SAMPLE_CARDS
from devices.idcard.text import decode_text, encode_text
from devices.pad import ycpad_codec as pc
from devices.pad.generic_keypad import decode_keys
from devices.pad.interface import Rating
from devices.printer import status as ps
from devices.printer.render import ReceiptRenderer
from devices.scanner.serial_scanner import LineFramer

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
READ_FRAME = codec.encode_response(
    0x90, codec.encode_read_data(encode_text(SAMPLE_CARDS["zhangsan"]), bytes(1024))
)


def drain_idcard(data: bytes, chunk: int) -> list[bytes]:
    reader = codec.FrameReader()
    bodies = []
    for i in range(0, len(data), chunk):
        reader.feed(data[i : i + chunk])
        while True:
            try:
                body = reader.next_body()
            except IdCardProtocolError:
                continue
            if body is None:
                break
            bodies.append(body)
    return bodies


@FUZZ
@given(st.binary(max_size=600), st.integers(1, 64))
def test_idcard_frames_random_bytes(data, chunk):
    for body in drain_idcard(data, chunk):
        with contextlib.suppress(IdCardProtocolError):
            codec.parse_response(body)


@FUZZ
@given(st.integers(0, len(READ_FRAME) - 1), st.integers(1, 255), st.integers(1, 97))
def test_idcard_corrupted_read_frame_is_caught(pos, flip, chunk):
    bad = bytearray(READ_FRAME)
    bad[pos] ^= flip
    bodies = drain_idcard(bytes(bad) + codec.encode_response(0x90), chunk)
    # the corrupted frame never passes as a good one
    assert READ_FRAME[7:-1] not in bodies
    if pos not in (5, 6):  # a grown LEN swallows what follows: the driver's deadline ends that
        assert bodies and bodies[-1] == b"\x00\x00\x90"


@FUZZ
@given(st.integers(0, len(READ_FRAME) - 1))
def test_idcard_truncated_frame_waits(cut):
    assert drain_idcard(READ_FRAME[:cut], 50) == []


@FUZZ
@given(st.binary(min_size=0, max_size=300))
def test_idcard_text_block_random(block):
    with contextlib.suppress(IdCardProtocolError):
        decode_text(block)


@FUZZ
@given(st.binary(min_size=256, max_size=256), st.sampled_from(["", "J", "I", "Y"]))
def test_idcard_text_block_random_per_type(block, letter):
    block = bytearray(block)
    block[248:250] = (letter or " ").encode("utf-16-le")
    with contextlib.suppress(IdCardProtocolError):
        decode_text(bytes(block))


@FUZZ
@given(st.binary(max_size=40))
def test_idcard_split_read_and_sam_id(data):
    for fn in (codec.split_read_data, codec.decode_sam_id):
        with contextlib.suppress(IdCardProtocolError):
            fn(data)


cjk = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=15)
dates = st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))


@FUZZ
@given(cjk, st.sampled_from(["男", "女"]), dates, dates, st.one_of(dates, st.just("长期")),
       st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), max_size=35))
def test_idcard_text_round_trip(name, gender, birth, start, end, address):
    card = IdCard("resident", name, gender, "汉族", birth, address, "11010519491231002X",
                  "某公安局", start, end, nation_code="01")
    assert decode_text(encode_text(card)) == card


# -- pad --------------------------------------------------------------------------------
def drain_pad(data: bytes) -> None:
    reader = pc.FrameReader()
    reader.feed(data)
    while True:
        try:
            frame = reader.next_frame()
        except PadProtocolError:
            continue
        if frame is None:
            return
        with contextlib.suppress(PadProtocolError):
            pc.decode_message(frame)


@FUZZ
@given(st.binary(max_size=400))
def test_pad_random_bytes(data):
    drain_pad(data)
    decode_keys(data)


messages = st.one_of(
    st.builds(pc.Welcome, st.text(max_size=40)),
    st.builds(pc.ShowStaff, st.text(max_size=10), st.text(max_size=20), st.integers(0, 5)),
    st.builds(pc.RequestRating, st.integers(0, 999)),
    st.just(pc.Thanks()),
    st.builds(pc.Ack, st.sampled_from("WSRT")),
    st.builds(pc.Key, st.builds(Rating, st.integers(1, 5), st.sampled_from([None, "slow"]))),
    st.just(pc.TimedOut()),
    st.builds(pc.Failure, st.text(max_size=30)),
)


@FUZZ
@given(messages, st.integers(0, 255), st.integers(0, 40), st.integers(1, 255))
def test_pad_round_trip_and_corruption(msg, address, pos, flip):
    frame = pc.encode_message(msg, address)
    decoded = pc.decode_message(pc.decode_frames(frame)[0])
    if isinstance(msg, pc.ShowStaff):  # "|" cannot travel inside a field
        msg = pc.ShowStaff(msg.staff_no.replace("|", "/"), msg.name.replace("|", "/"), msg.stars)
    if isinstance(msg, pc.Welcome | pc.Failure):  # long text is cut to 255 UTF-8 bytes
        assert type(decoded) is type(msg)
        assert (msg.text).startswith(decoded.text)  # type: ignore[union-attr]
    else:
        assert decoded == msg
    bad = bytearray(frame)
    bad[pos % len(bad)] ^= flip
    drain_pad(bytes(bad))
    drain_pad(frame[: pos % len(frame)])


# -- scanner ----------------------------------------------------------------------------
@FUZZ
@given(st.lists(st.binary(max_size=80), max_size=10))
def test_scanner_line_framer_random(chunks):
    framer = LineFramer()
    for chunk in chunks:
        try:
            codes = framer.feed(chunk)
        except ScannerProtocolError:
            continue
        assert all(c.isascii() and c and "\r" not in c and "\n" not in c for c in codes)


# -- printer ----------------------------------------------------------------------------
@FUZZ
@given(st.binary(min_size=0, max_size=5))
def test_printer_status_random(data):
    try:
        status = ps.decode_status_bytes(data)
    except PrinterProtocolError:
        return
    assert isinstance(status.ready, bool)


@FUZZ
@given(st.sampled_from(sorted(ps.STATES)))
def test_printer_status_round_trip(name):
    status = ps.STATES[name]
    assert ps.decode_status(*ps.encode_status(status)) == status


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_receipt_renderer_survives_any_bytes(data):
    renderer = ReceiptRenderer(None, width=384)
    renderer.feed(data)
    renderer.image()


def test_protocol_errors_are_device_errors():
    for cls in (IdCardProtocolError, PadProtocolError, ScannerProtocolError, PrinterProtocolError):
        assert issubclass(cls, ProtocolError)
        assert cls("x").code.endswith(".protocol")
