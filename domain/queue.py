"""Queue numbers (排队号) that kiosks hand out without asking anyone.

A hall's calling screen and its windows call numbers by zone: the zone's letter, so a
citizen knows which area to wait in, then the number. Several kiosks issue numbers for
the same zone while the network is down, so each puts its own digit after the letter
and counts its own daily serial per zone:

    A 1 023    zone prefix "A", kiosk 1, the 23rd number of the day for that zone

Two kiosks of one hall never collide (different digit), two zones never collide
(different prefix), and the serial restarts every day (the caller keys its counter by
day + zone). Past 999 the serial simply grows a digit ("A11000"): still unique, since
the prefix is letters and the kiosk digit has a fixed place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.errors import DomainError

SERIAL_DIGITS = 3
MAX_PREFIX_LEN = 2


class InvalidQueueNumber(DomainError):
    """A prefix, kiosk number or serial that cannot make (or be) a queue number."""


@dataclass(frozen=True)
class QueueNumber:
    """The parts of a queue number, as a calling screen or a window reads them."""

    prefix: str
    kiosk_no: int
    serial: int

    def __str__(self) -> str:
        return queue_number(self.prefix, self.kiosk_no, self.serial)


def _check_prefix(prefix: str) -> str:
    p = prefix.strip().upper()
    if not (1 <= len(p) <= MAX_PREFIX_LEN and p.isascii() and p.isalpha()):
        raise InvalidQueueNumber(f"服务区排队号前缀应为1到2个字母: {prefix!r}",
                                 code="queue.prefix")
    return p


def _check_kiosk(kiosk_no: int) -> int:
    if not 0 <= int(kiosk_no) <= 9:
        raise InvalidQueueNumber(f"自助机编号应为0到9的一位数字: {kiosk_no!r}",
                                 code="queue.kiosk_no")
    return int(kiosk_no)


def queue_number(prefix: str, kiosk_no: int, serial: int) -> str:
    """The number printed big on the slip and called at the zone: "A1023".

    `serial` comes from a counter the caller keeps per day and zone (see `counter_key`).
    """
    p = _check_prefix(prefix)
    k = _check_kiosk(kiosk_no)
    if serial < 1:
        raise InvalidQueueNumber(f"排队流水号应从1开始: {serial}", code="queue.serial")
    return f"{p}{k}{serial:0{SERIAL_DIGITS}d}"


def parse_queue_number(text: str) -> QueueNumber:
    """Split a queue number read off a slip or typed at a window."""
    t = text.strip().upper()
    letters = len(t) - len(t.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    rest = t[letters:]
    if not 1 <= letters <= MAX_PREFIX_LEN or len(rest) < 1 + SERIAL_DIGITS or not rest.isdigit():
        raise InvalidQueueNumber(f"不是排队号: {text!r}", code="queue.format")
    serial = int(rest[1:])
    if serial < 1:
        raise InvalidQueueNumber(f"不是排队号: {text!r}", code="queue.format")
    return QueueNumber(prefix=t[:letters], kiosk_no=int(rest[0]), serial=serial)


def counter_key(day: dt.date, zone_id: str) -> str:
    """The name of the replica counter that numbers a zone's queue on one day.

    The day is part of the name, so a new day starts at 1 without a reset job (a kiosk
    left running overnight, or started after a week off, needs no housekeeping).
    """
    return f"queue:{day.isoformat()}:{zone_id}"
