"""Keyboard-wedge timing classifier and the serial (CR/CRLF) scanner."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.errors import ScannerError, ScannerProtocolError
from devices.scanner.serial_scanner import LineFramer, SerialScanner
from devices.scanner.wedge import Scan, Typing, WedgeClassifier


def feed_all(clf: WedgeClassifier, keys: str, start: float, gap: float) -> list:
    out = []
    for i, ch in enumerate(keys):
        out += clf.feed(ch, start + i * gap)
    return out


def test_fast_burst_with_enter_is_a_scan():
    clf = WedgeClassifier()
    assert feed_all(clf, "ZW2024001\r", 0, 8) == [Scan("ZW2024001", "ZW2024001\r")]
    assert not clf.pending


def test_slow_typing_is_handed_back():
    clf = WedgeClassifier()
    out = feed_all(clf, "abc", 0, 150)
    out += clf.flush(1000)
    assert "".join(e.raw for e in out) == "abc"
    assert all(isinstance(e, Typing) for e in out)


def test_short_fast_burst_is_typing():
    assert WedgeClassifier().feed("a", 0) == []
    clf = WedgeClassifier()
    assert feed_all(clf, "12345\r", 0, 5) == [Typing("12345\r")]


def test_lone_enter_and_flush():
    clf = WedgeClassifier()
    assert clf.feed("\r", 0) == [Typing("\r")]
    clf.feed("x", 10)
    assert clf.flush(30) == [] and clf.pending
    assert clf.flush(100) == [Typing("x")]


def test_prefix_makes_it_certain():
    clf = WedgeClassifier(prefix="]C")
    assert clf.feed("a", 0) == [Typing("a")]  # cannot start the prefix: back at once
    assert feed_all(clf, "]C123456\r", 100, 8) == [Scan("123456", "]C123456\r")]
    assert feed_all(clf, "123456\r", 200, 8) == [Typing("1")] + [Typing(c) for c in "23456\r"]


def test_no_suffix_scan_ends_by_pause():
    clf = WedgeClassifier(suffix="")
    assert feed_all(clf, "ABCDEFG", 0, 7) == []
    assert clf.flush(200) == [Scan("ABCDEFG", "ABCDEFG")]


def test_typing_then_scan_keeps_order():
    clf = WedgeClassifier(gap_ms=40)
    out = feed_all(clf, "hi", 0, 200) + feed_all(clf, "1234567\r", 1000, 7)
    assert out == [Typing("h"), Typing("i"), Scan("1234567", "1234567\r")]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("ab1234567890\r]C"), st.floats(0, 120)), max_size=60),
    st.sampled_from(["", "]C"]),
    st.sampled_from(["\r", "", "\r\n"]),
)
def test_no_key_is_lost_or_reordered(keys, prefix, suffix):
    clf = WedgeClassifier(prefix=prefix, suffix=suffix)
    t, out = 0.0, []
    for ch, gap in keys:
        t += gap
        out += clf.feed(ch, t)
    out += clf.flush(t + 1000)
    assert "".join(e.raw for e in out) == "".join(ch for ch, _ in keys)
    for e in out:
        if isinstance(e, Scan):
            assert len(e.code) >= 6 and e.raw == prefix + e.code + suffix


def test_line_framer():
    f = LineFramer()
    assert f.feed(b"ZW2024") == []
    assert f.feed(b"001\r\n20240518\r") == ["ZW2024001", "20240518"]
    assert f.feed(b"\nA1\n") == ["A1"]
    with pytest.raises(ScannerProtocolError):
        f.feed(b"\xff\xfe\r")
    assert f.feed(b"OK\r") == ["OK"]


def test_serial_scanner_end_to_end(scanner_sim):
    with SerialScanner(scanner_sim.port) as scanner:
        assert scanner.read_code(0.2) is None
        scanner_sim.noise()
        scanner_sim.scan("ZW2024001")
        assert scanner.read_code(2) == "ZW2024001"
        scanner_sim.scan("20240518")
        scanner_sim.scan("X")
        codes = scanner.codes(poll_s=0.1)
        assert [next(codes), next(codes)] == ["20240518", "X"]


def test_serial_scanner_unplug(scanner_sim):
    with SerialScanner(scanner_sim.port) as scanner:
        scanner_sim.unplug()
        start = time.monotonic()
        with pytest.raises(ScannerError) as err:
            scanner.read_code(3)
        assert err.value.code == "scanner.disconnected"
        assert time.monotonic() - start < 1
