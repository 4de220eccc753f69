"""The SAM frame codec and the text block against shared/protocols/idcard-reader.md."""

from __future__ import annotations

import datetime as dt

import pytest

from devices.errors import IdCardProtocolError
from devices.idcard import codec, idnumber
from devices.idcard.card import LONG_TERM
from devices.idcard.nations import NATIONS, nation_code, nation_name
from devices.idcard.samples import SAMPLE_CARDS, sample_card
from devices.idcard.text import decode_text, encode_text

H = bytes.fromhex

VECTOR_TEXT = H(
    "205F094E20002000200020002000200020002000200020002000200020003100300031003100390034003900"
    "31003200330031001753AC4E025E1D6733963A53FA5EFD56EF8D3100F7532000200020002000200020002000"
    "2000200020002000200020002000200020002000200020002000200020002000200031003100300031003000"
    "35003100390034003900310032003300310030003000320058001753AC4E025E6C51895B405C1D6733960652"
    "405C200020002000200020003200300031003500300031003000310032003000330035003000310030003100"
    "200020002000200020002000200020002000200020002000200020002000200020002000"
)


@pytest.mark.parametrize(
    ("command", "frame"),
    [
        (codec.RESET_SAM, "AA AA AA 96 69 00 03 10 FF EC"),
        (codec.SAM_STATUS, "AA AA AA 96 69 00 03 11 FF ED"),
        (codec.SAM_ID, "AA AA AA 96 69 00 03 12 FF EE"),
        (codec.FIND_CARD, "AA AA AA 96 69 00 03 20 01 22"),
        (codec.SELECT_CARD, "AA AA AA 96 69 00 03 20 02 21"),
        (codec.READ_TEXT_PHOTO, "AA AA AA 96 69 00 03 30 01 32"),
        (codec.READ_ADDITIONAL_ADDRESS, "AA AA AA 96 69 00 03 30 03 30"),
        (codec.READ_TEXT_PHOTO_FINGERPRINT, "AA AA AA 96 69 00 03 30 10 23"),
    ],
)
def test_requests_are_byte_exact(command, frame):
    assert codec.encode_request(command) == H(frame)
    assert codec.parse_request(codec.decode_frame(H(frame))).command == command


@pytest.mark.parametrize(
    ("sw3", "data", "frame"),
    [
        (0x90, b"", "AA AA AA 96 69 00 04 00 00 90 94"),
        (0x9F, bytes(4), "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"),
        (0x80, b"", "AA AA AA 96 69 00 04 00 00 80 84"),
        (0x90, bytes(8), "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"),
        (0x41, b"", "AA AA AA 96 69 00 04 00 00 41 45"),
    ],
)
def test_responses_are_byte_exact(sw3, data, frame):
    assert codec.encode_response(sw3, data) == H(frame)
    resp = codec.parse_response(codec.decode_frame(H(frame)))
    assert (resp.sw1, resp.sw2, resp.sw3, resp.data) == (0, 0, sw3, data)


def test_text_block_vector_both_ways():
    assert len(VECTOR_TEXT) == 256
    assert encode_text(SAMPLE_CARDS["zhangsan"]) == VECTOR_TEXT
    card = decode_text(VECTOR_TEXT)
    assert card.card_type == "resident"
    assert card.name == "张三"
    assert card.gender == "男"
    assert card.nation == "汉族"
    assert card.birth_date == dt.date(1949, 12, 31)
    assert card.address == "北京市朝阳区建国路1号"
    assert card.id_number == "11010519491231002X"
    assert card.authority == "北京市公安局朝阳分局"
    assert card.valid_from == dt.date(2015, 1, 1)
    assert card.valid_to == dt.date(2035, 1, 1)


def test_read_response_vector():
    data = codec.encode_read_data(VECTOR_TEXT, bytes(1024))
    frame = codec.encode_response(0x90, data)
    assert len(frame) == 1295
    assert frame[:14] == H("AA AA AA 96 69 05 08 00 00 90 01 00 04 00")
    assert frame[-1] == 0xD6
    assert frame[14:270] == VECTOR_TEXT  # text at offset 14, photo at 270
    payload = codec.split_read_data(codec.parse_response(codec.decode_frame(frame)).data)
    assert payload.text == VECTOR_TEXT
    assert payload.photo == bytes(1024)
    assert payload.fingerprint == b""


def test_read_with_fingerprint_has_three_lengths():
    fp = bytes(range(256)) * 2
    data = codec.encode_read_data(VECTOR_TEXT, bytes(1024), fp)
    frame = codec.encode_response(0x90, data)
    assert frame[16:272] == VECTOR_TEXT  # the text starts at offset 16
    payload = codec.split_read_data(codec.parse_response(codec.decode_frame(frame)).data)
    assert (payload.text, payload.fingerprint) == (VECTOR_TEXT, fp)


def test_long_term_bytes():
    card = sample_card("ayguli")
    block = encode_text(card)
    assert block[204:208] == H("7F 95 1F 67")
    assert block[208:220] == " ".encode("utf-16-le") * 6
    assert decode_text(block).valid_to == LONG_TERM


def test_every_sample_round_trips_and_has_a_valid_number():
    for key, card in SAMPLE_CARDS.items():
        assert decode_text(encode_text(card), card.photo) == card, key
        if card.card_type in ("resident", "hk_mo_tw", "foreign_2023"):
            assert idnumber.is_valid(card.id_number), key


def test_card_type_letters():
    assert encode_text(sample_card("chendawen"))[248:250] == b"J\0"
    assert encode_text(sample_card("smith"))[248:250] == b"I\0"
    assert encode_text(sample_card("williamson"))[248:250] == b"Y\0"
    j = decode_text(encode_text(sample_card("chendawen")))
    assert (j.card_type, j.nation, j.pass_number, j.issue_count) == ("hk_mo_tw", "", "H12345678", 1)
    i = decode_text(encode_text(sample_card("smith")))
    assert (i.english_name, i.nationality, i.name) == ("SMITH, JOHN", "CAN", "史密斯")
    y = decode_text(encode_text(sample_card("williamson")))
    assert y.english_name == "WILLIAMSON-FITZGERALD, ALEXANDER JAMES HENRY"  # spans 52 and 220


def test_unknown_card_letter_is_a_typed_error():
    block = bytearray(VECTOR_TEXT)
    block[248:250] = "Q".encode("utf-16-le")
    with pytest.raises(IdCardProtocolError) as err:
        decode_text(bytes(block))
    assert err.value.code == "idcard.unsupported_card"


def test_nations():
    assert len(NATIONS) == 58
    assert nation_name("01") == "汉族"
    assert nation_name("56") == "基诺族"
    assert nation_name("98") == "外国血统中国籍人士"
    assert nation_name("") == "" and nation_name("77") == ""
    assert nation_code("维吾尔族") == "05" and nation_code("汉") == "01"


@pytest.mark.parametrize(
    "number", ["11010519491231002X", "440524188001010014", "110105198001010024", "810000199001010019"]
)
def test_id_numbers_from_the_protocol_are_valid(number):
    assert idnumber.is_valid(number)
    assert idnumber.is_valid(number.lower())


def test_id_number_rejects_bad_check_and_date():
    assert not idnumber.is_valid("110105194912310021")
    assert not idnumber.is_valid("110105194913310029")
    assert idnumber.mask("11010519491231002X") == "1101**********002X"


def test_sam_id_format():
    import struct

    data = struct.pack("<HHIII", 5, 1, 20121115, 12345678, 1234567890)
    assert codec.decode_sam_id(data) == "05.01-20121115-0012345678-1234567890"


def test_frame_reader_skips_stray_bytes_and_joins_chunks():
    frame = codec.encode_response(0x9F, bytes(4))
    reader = codec.FrameReader()
    stream = b"\x00\xaa\x13" + frame + b"\xaa\xaa" + frame
    for i in range(len(stream)):
        reader.feed(stream[i : i + 1])
    bodies = []
    while (body := reader.next_body()) is not None:
        bodies.append(body)
    assert bodies == [H("00 00 9F 00 00 00 00")] * 2
    assert reader.discarded == 5


def test_frame_reader_recovers_after_a_bad_checksum():
    good = codec.encode_response(0x90)
    bad = bytearray(good)
    bad[-1] ^= 0xFF
    reader = codec.FrameReader()
    reader.feed(bytes(bad) + good)
    with pytest.raises(IdCardProtocolError):
        reader.next_body()
    assert reader.next_body() == H("00 00 90")


def test_repr_masks_personal_data():
    text = repr(sample_card("zhangsan"))
    assert "张三" not in text and "11010519491231002X" not in text and "建国路" not in text


def test_json_dict_for_cli():
    d = sample_card("chendawen").to_json_dict()
    assert d["id_number"] == "8100**********0019"
    assert d["pass_number"] == "H12345678" and d["issue_count"] == 1
    assert sample_card("ayguli").to_json_dict(show_id=True)["valid_to"] == "长期"
