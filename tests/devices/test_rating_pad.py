"""YC-PAD/1 codec vectors, the YC-PAD and generic keypad drivers over a pty."""

from __future__ import annotations

import threading
import time

import pytest

from devices.errors import PadError
from devices.pad import create_pad
from devices.pad import ycpad_codec as pc
from devices.pad.generic_keypad import DEFAULT_KEY_TABLE, GenericKeypad, parse_key_table
from devices.pad.interface import Rating
from devices.pad.simulator import RatingPadSimulator
from devices.pad.ycpad import YcPad

H = bytes.fromhex


def test_frames_are_byte_exact():
    assert pc.encode_message(pc.Welcome()) == H("02 01 57 00 56 03")
    assert pc.encode_message(pc.RequestRating(30)) == H("02 01 52 02 33 30 52 03")
    assert pc.encode_message(pc.Key(Rating(5))) == H("02 01 4B 01 35 7E 03")
    assert pc.encode_message(pc.Ack("T"), 0x07) == H("02 07 41 01 54 13 03")
    staff = pc.encode_message(pc.ShowStaff("007", "李明", 5))
    assert staff[:4] == H("02 01 53 0C") and staff[4:-2] == "007|李明|5".encode()


def test_decoding():
    frames = pc.decode_frames(b"\xff" + pc.encode_message(pc.Key(Rating(2, "slow"))) + b"\x00")
    assert pc.decode_message(frames[0]) == pc.Key(Rating(2, "slow"))
    assert pc.decode_message(pc.PadFrame(1, "K", "4|slow")) == pc.Key(Rating(4))  # no reason at 4
    for bad in (pc.PadFrame(1, "K", "7"), pc.PadFrame(1, "K", ""), pc.PadFrame(1, "Z"),
                pc.PadFrame(1, "S", "1|2"), pc.PadFrame(1, "R", "x")):
        with pytest.raises(pc.PadProtocolError):
            pc.decode_message(bad)


def test_rating_levels():
    assert Rating(5).label == "非常满意" and Rating(1, "attitude").reason == "attitude"
    with pytest.raises(ValueError):
        Rating(0)


def test_full_cycle_with_auto_key(pad_sim):
    pad_sim.set_auto(1, "attitude", delay=0.1)
    with YcPad(pad_sim.port, hall_name="某某政务服务中心") as pad:
        pad.welcome()
        assert pad_sim.display == {"screen": "welcome", "text": "某某政务服务中心"}
        pad.show_staff("007", "李明", None, 4)
        assert pad_sim.display["name"] == "李明"
        assert pad.request_rating(5) == Rating(1, "attitude")
        pad.thanks()
    assert [type(m).__name__ for m in pad_sim.received] == [
        "Welcome", "ShowStaff", "RequestRating", "Thanks"]


def test_press_while_waiting(pad_sim):
    with YcPad(pad_sim.port) as pad:
        threading.Timer(0.3, lambda: pad_sim.press(4)).start()
        assert pad.request_rating(5) == Rating(4)


def test_pad_timeout_returns_none(pad_sim):
    with YcPad(pad_sim.port) as pad:
        start = time.monotonic()
        assert pad.request_rating(1) is None
        assert 0.9 < time.monotonic() - start < 1.8


def test_stop_ends_the_wait(pad_sim):
    with YcPad(pad_sim.port) as pad:
        threading.Timer(0.3, pad.stop).start()
        start = time.monotonic()
        assert pad.request_rating(30) is None
        assert time.monotonic() - start < 1.0


def test_silent_pad_is_a_timeout(pad_sim):
    pad_sim.set_mode("silent")
    with YcPad(pad_sim.port, ack_timeout=0.3) as pad, pytest.raises(PadError) as err:
        pad.welcome()
    assert err.value.code == "pad.timeout"


def test_other_address_is_ignored():
    sim = RatingPadSimulator(address=2)
    with sim, YcPad(sim.port, ack_timeout=0.3) as pad, pytest.raises(PadError):
        pad.welcome()
    with RatingPadSimulator(address=2) as sim, YcPad(sim.port, address=2) as pad:
        pad.welcome()


def test_unplugged_pad(pad_sim):
    pad = YcPad(pad_sim.port).open()
    pad_sim.unplug()
    with pytest.raises(PadError) as err:
        pad.request_rating(2)
    assert err.value.code in ("pad.disconnected", "pad.timeout")
    pad.close()
    with pytest.raises(PadError) as err:
        pad.open()
    assert err.value.code == "pad.unavailable"


def test_keypad_default_table(keypad_sim):
    with create_pad("keypad", keypad_sim.port) as pad:
        pad.welcome()
        pad.show_staff("1", "x")
        threading.Timer(0.2, lambda: keypad_sim.press(3)).start()
        assert pad.request_rating(3) == Rating(3)
        assert pad.request_rating(0.3) is None


def test_keypad_custom_table_and_unmapped_keys(keypad_sim):
    table = parse_key_table("A=5, B=1, 0x43=3")
    assert table == {"A": 5, "B": 1, "C": 3}
    with GenericKeypad(keypad_sim.port, key_table=table) as pad:
        threading.Timer(0.2, lambda: keypad_sim.write(b"9\rX\rB\r")).start()
        assert pad.request_rating(3) == Rating(1)


def test_keypad_ignores_presses_before_the_request(keypad_sim):
    with GenericKeypad(keypad_sim.port) as pad:
        keypad_sim.press(5)
        time.sleep(0.1)
        assert pad.request_rating(0.3) is None


@pytest.mark.parametrize("text", ["", "1=9", "1", "=5", "0xZZ=3"])
def test_bad_key_tables(text):
    with pytest.raises(PadError) as err:
        parse_key_table(text)
    assert err.value.code == "pad.bad_key_table"


def test_default_table_covers_five_levels():
    assert sorted(DEFAULT_KEY_TABLE.values()) == [1, 2, 3, 4, 5]


def test_pad_over_tcp():
    with RatingPadSimulator(tcp_port=0) as sim, YcPad(sim.tcp_url) as pad:
        sim.set_auto(5, delay=0.05)
        pad.welcome()
        assert pad.request_rating(3) == Rating(5)
