"""The Port: deadlines, stop, and typed errors (pyserial's loop:// as the device)."""

from __future__ import annotations

import threading
import time

import pytest

from devices.errors import IdCardError, PadError
from devices.transport import Backoff, Port, deadline_in


def test_loop_round_trip():
    with Port("loop://", error_cls=PadError) as port:
        port.write(b"hello")
        assert port.read_exact(5, deadline_in(1)) == b"hello"
        assert port.take_received_flag() and not port.take_received_flag()


def test_deadline_raises_the_devices_timeout():
    with Port("loop://", error_cls=IdCardError) as port:
        port.write(b"ab")
        start = time.monotonic()
        with pytest.raises(IdCardError) as err:
            port.read_exact(3, deadline_in(0.3))
        assert err.value.code == "idcard.timeout"
        assert 0.25 < time.monotonic() - start < 0.6


def test_stop_cancels_a_wait():
    stop = threading.Event()
    with Port("loop://", error_cls=PadError, stop_event=stop) as port:
        threading.Timer(0.1, stop.set).start()
        with pytest.raises(PadError) as err:
            port.read_some(deadline_in(5))
        assert err.value.code == "pad.cancelled"


def test_discard_input():
    with Port("loop://", error_cls=PadError) as port:
        port.write(b"stale")
        time.sleep(0.05)
        assert port.discard_input() == b"stale"
        assert port.read_some(deadline_in(0.1)) == b""


def test_bad_urls_are_unavailable():
    for url in ("nosuchscheme://x", "/dev/yichuang-none", "socket://127.0.0.1:1"):
        with pytest.raises(PadError) as err:
            Port(url, error_cls=PadError).open()
        assert err.value.code == "pad.unavailable"


def test_closed_port_is_disconnected():
    port = Port("loop://", error_cls=PadError)
    with pytest.raises(PadError) as err:
        port.write(b"x")
    assert err.value.code == "pad.disconnected"
    port.close()  # idempotent


def test_backoff():
    b = Backoff(0.5, 4)
    assert [b.next_delay() for _ in range(5)] == [0.5, 1, 2, 4, 4]
    b.reset()
    assert b.next_delay() == 0.5
