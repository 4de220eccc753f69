"""The ID-card driver end to end over a pty against the simulator."""

from __future__ import annotations

import queue
import threading
import time

import pytest

from devices.errors import IdCardError
from devices.idcard import codec
from devices.idcard.driver import (
    CardRead,
    CardRemoved,
    IdCardReader,
    ReaderOffline,
    ReaderOnline,
    ReadFailed,
)
from devices.idcard.samples import SAMPLE_CARDS
from devices.idcard.simulator import IdCardReaderSimulator


@pytest.mark.parametrize("key", sorted(SAMPLE_CARDS))
def test_reads_every_sample_card(key):
    with IdCardReaderSimulator(key) as sim, IdCardReader(sim.port) as reader:
        assert reader.read_card() == SAMPLE_CARDS[key]


def test_chunked_frames_and_stray_bytes():
    sim = IdCardReaderSimulator("wangfang", split=True, stray=True)
    with sim, IdCardReader(sim.port) as reader:
        reader.sam_status()
        assert reader.read_card() == SAMPLE_CARDS["wangfang"]
        assert reader.sam_id() == "05.01-20121115-0012345678-1234567890"
        assert reader.read_additional_address() == ""


def test_command_cycle(idcard_sim):
    with IdCardReader(idcard_sim.port) as reader:
        reader.read_card()
    assert idcard_sim.requests == [codec.FIND_CARD, codec.SELECT_CARD, codec.READ_TEXT_PHOTO]


def test_no_card(idcard_sim):
    idcard_sim.remove()
    with IdCardReader(idcard_sim.port) as reader, pytest.raises(IdCardError) as err:
        reader.read_card()
    assert err.value.code == "idcard.no_card"


def test_failed_read_asks_to_replace_the_card(idcard_sim):
    idcard_sim.fail_next_read()
    with IdCardReader(idcard_sim.port) as reader, pytest.raises(IdCardError) as err:
        reader.read_card()
    assert err.value.code == "idcard.read_failed"


def test_silent_reader_times_out_in_about_a_second(idcard_sim):
    idcard_sim.set_mode("silent")
    with IdCardReader(idcard_sim.port) as reader:
        start = time.monotonic()
        with pytest.raises(IdCardError) as err:
            reader.find_card()
    assert err.value.code == "idcard.timeout"
    assert 0.9 < time.monotonic() - start < 1.6


def test_garbage_is_a_protocol_error(idcard_sim):
    idcard_sim.set_mode("garbage")
    with IdCardReader(idcard_sim.port, find_timeout=0.5) as reader, pytest.raises(IdCardError) as e:
        reader.find_card()
    assert e.value.code == "idcard.protocol"


def test_missing_port_is_unavailable():
    with pytest.raises(IdCardError) as err:
        IdCardReader("/dev/yichuang-no-such-port").open()
    assert err.value.code == "idcard.unavailable"


def test_unplug_mid_read_fails_fast(idcard_sim):
    idcard_sim.stall_reads = True
    result: queue.Queue = queue.Queue()
    reader = IdCardReader(idcard_sim.port).open()

    def read():
        try:
            result.put(reader.read_card())
        except IdCardError as exc:
            result.put(exc)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + 2
    while codec.READ_TEXT_PHOTO not in idcard_sim.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    start = time.monotonic()
    idcard_sim.unplug()
    err = result.get(timeout=3)
    assert isinstance(err, IdCardError) and err.code == "idcard.disconnected"
    assert time.monotonic() - start < 1.0  # not the 3 s read timeout
    reader.close()


def test_stop_cancels_a_blocked_read(idcard_sim):
    idcard_sim.set_mode("silent")
    reader = IdCardReader(idcard_sim.port, read_timeout=3).open()
    threading.Timer(0.2, reader.stop).start()
    start = time.monotonic()
    with pytest.raises(IdCardError) as err:
        reader.find_card()
    assert err.value.code == "idcard.cancelled"
    assert time.monotonic() - start < 0.6
    reader.close()


class Watcher:
    """Runs reader.watch() on a thread and collects events."""

    def __init__(self, url: str) -> None:
        self.reader = IdCardReader(url, poll_interval=0.3, dedup_s=0.5)
        self.events: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for event in self.reader.watch():
            self.events.put(event)

    def next(self, timeout: float = 4.0):
        return self.events.get(timeout=timeout)

    def quiet_for(self, seconds: float) -> list:
        time.sleep(seconds)
        out = []
        while not self.events.empty():
            out.append(self.events.get_nowait())
        return out

    def stop(self) -> float:
        start = time.monotonic()
        self.reader.stop()
        self.thread.join(3)
        assert not self.thread.is_alive()
        return time.monotonic() - start


def test_watch_reports_a_card_once_then_its_removal(idcard_sim):
    w = Watcher(idcard_sim.port)
    try:
        assert w.next() == ReaderOnline()
        first = w.next()
        assert isinstance(first, CardRead) and first.card.id_number == "11010519491231002X"
        assert w.quiet_for(1.2) == []  # the card stays: no second report
        idcard_sim.remove()
        assert w.next() == CardRemoved()
        idcard_sim.present("chendawen")
        again = w.next()
        assert isinstance(again, CardRead) and again.card.card_type == "hk_mo_tw"
    finally:
        assert w.stop() < 1.5


def test_watch_read_failure_waits_for_the_card_to_be_lifted(idcard_sim):
    idcard_sim.remove()
    w = Watcher(idcard_sim.port)
    try:
        assert w.next() == ReaderOnline()
        idcard_sim.fail_next_read()
        idcard_sim.present("zhangsan")
        failed = w.next()
        assert isinstance(failed, ReadFailed) and failed.error.code == "idcard.read_failed"
        assert w.quiet_for(1.0) == []  # no retry while the failed card lies there
        idcard_sim.remove()
        time.sleep(0.9)
        idcard_sim.present("zhangsan")
        assert isinstance(w.next(), CardRead)
    finally:
        w.stop()


def test_watch_survives_unplug_and_silence(idcard_sim):
    w = Watcher(idcard_sim.port)
    try:
        assert w.next() == ReaderOnline()
        assert isinstance(w.next(), CardRead)
        idcard_sim.unplug()
        offline = w.next()
        assert isinstance(offline, ReaderOffline) and offline.error.code == "idcard.disconnected"
        time.sleep(0.7)
        idcard_sim.remove()
        idcard_sim.replug()
        assert w.next(timeout=6) == ReaderOnline()
        idcard_sim.set_mode("silent")
        silent = w.next()
        assert isinstance(silent, ReaderOffline) and silent.error.code == "idcard.timeout"
        idcard_sim.set_mode("ok")
        idcard_sim.present("smith")
        assert w.next(timeout=8) == ReaderOnline()
        card = w.next()
        assert isinstance(card, CardRead) and card.card.card_type == "foreign_2017"
    finally:
        w.stop()


def test_reader_over_tcp_and_its_unplug():
    with IdCardReaderSimulator("williamson", tcp_port=0) as sim:
        url = sim.tcp_url
        assert url.startswith("socket://127.0.0.1:")
        with IdCardReader(url) as reader:
            assert reader.read_card() == SAMPLE_CARDS["williamson"]
            sim.unplug()
            with pytest.raises(IdCardError) as err:
                reader.find_card()
            assert err.value.code in ("idcard.disconnected", "idcard.timeout")
        with pytest.raises(IdCardError) as err:
            IdCardReader(url).open()
        assert err.value.code == "idcard.unavailable"
        sim.replug()
        with IdCardReader(url) as reader:
            assert reader.read_card().card_type == "foreign_2023"
