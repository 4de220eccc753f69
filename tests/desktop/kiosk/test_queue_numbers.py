"""Queue numbers: zone prefix + kiosk digit + daily serial, unique without a network."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import queue
from domain.queue import InvalidQueueNumber, counter_key, parse_queue_number, queue_number


def test_format_is_prefix_kiosk_serial():
    assert queue_number("A", 1, 23) == "A1023"
    assert queue_number("c", 0, 1) == "C0001"
    assert queue_number("A", 1, 1000) == "A11000"  # grows a digit, stays unique


def test_parse_round_trips():
    for prefix, kiosk, serial in (("A", 1, 23), ("HK", 9, 999), ("B", 2, 1234)):
        parsed = parse_queue_number(queue_number(prefix, kiosk, serial))
        assert (parsed.prefix, parsed.kiosk_no, parsed.serial) == (prefix, kiosk, serial)
        assert str(parsed) == queue_number(prefix, kiosk, serial)


@pytest.mark.parametrize("args", [("", 1, 1), ("A1", 1, 1), ("ABC", 1, 1), ("A", 10, 1),
                                  ("A", -1, 1), ("A", 1, 0)])
def test_bad_parts_are_refused(args):
    with pytest.raises(InvalidQueueNumber):
        queue_number(*args)


@pytest.mark.parametrize("text", ["", "A", "A12", "1A023", "A1000", "ABC1023"])
def test_bad_numbers_do_not_parse(text):
    with pytest.raises(InvalidQueueNumber):
        parse_queue_number(text)


def test_unique_across_kiosks_zones_and_serials():
    zones = ["A", "B", "C", "HK"]
    numbers = [queue_number(z, k, s) for z in zones for k in range(10) for s in range(1, 1200)]
    assert len(numbers) == len(set(numbers))


def test_counter_key_restarts_each_day_per_zone():
    d1, d2 = dt.date(2026, 11, 23), dt.date(2026, 11, 24)
    keys = {counter_key(d, z) for d in (d1, d2) for z in ("Z1", "Z2")}
    assert len(keys) == 4
    assert queue.counter_key(d1, "Z1") == "queue:2026-11-23:Z1"


def test_replica_counters_number_per_zone_and_day(data_dir, clock):
    """Through the kiosk's own write: serials per zone, restarting the next day."""
    from desktop.kiosk.registration import person_from_typed, register
    from sync import reference
    from sync.replica import Replica
    from sync.store import CaseStore

    with Replica.in_dir(data_dir) as replica:
        store = CaseStore(replica, clock=clock)
        catalog = reference.load_catalog(replica)
        person = person_from_typed("11010519491231002X")
        a, c = catalog.item("0101"), catalog.item("0301")
        got = [register(store, catalog, item, person, kiosk_no=3).queue_no
               for item in (a, a, c, a, c)]
        assert got == ["A3001", "A3002", "C3001", "A3003", "C3002"]
        tomorrow = clock() + dt.timedelta(days=1)
        assert register(store, catalog, a, person, kiosk_no=3, now=tomorrow).queue_no == "A3001"
