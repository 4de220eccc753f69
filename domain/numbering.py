"""Case and slip numbers that terminals make without asking anyone.

Uniqueness comes from the terminal's own 4-digit code inside the number plus a daily
serial that only that terminal increments. Digits only (CODE128 set C prints them
densely) and a Damm check digit, which catches every single-digit error and every swap
of neighbouring digits — the misreads and mistypes a counter actually sees.

    case  : 1 YYMMDD TTTT SSSS C              16 digits
    slip  : 2 YYMMDD TTTT SSSS IIII C         20 digits (IIII = the item's short number)

The slip carries the item so a window can open the case before sync brings the
kiosk's registration (ARCHITECTURE.md, "Sync").
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from domain.errors import InvalidNumber

_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)

CASE_PREFIX = "1"
SLIP_PREFIX = "2"
CASE_LEN = 16
SLIP_LEN = 20
MAX_SERIAL = 9999


def damm(digits: str) -> str:
    """The Damm check digit of a digit string."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return str(interim)


def _check_terminal(code: str) -> None:
    if len(code) != 4 or not code.isdigit():
        raise InvalidNumber(f"终端编码应为4位数字: {code!r}", code="number.terminal_code")


def _check_serial(serial: int) -> None:
    if not 1 <= serial <= MAX_SERIAL:
        raise InvalidNumber(f"当日流水号超出范围: {serial}", code="number.serial_range")


def case_number(day: dt.date, terminal_code: str, serial: int) -> str:
    """The case number for the `serial`-th case a terminal opened on `day`."""
    _check_terminal(terminal_code)
    _check_serial(serial)
    body = f"{CASE_PREFIX}{day:%y%m%d}{terminal_code}{serial:04d}"
    return body + damm(body)


def slip_number(day: dt.date, terminal_code: str, serial: int, item_no: str) -> str:
    """The registration slip number; it names the service item too."""
    _check_terminal(terminal_code)
    _check_serial(serial)
    if len(item_no) != 4 or not item_no.isdigit():
        raise InvalidNumber(f"事项短号应为4位数字: {item_no!r}", code="number.item_no")
    body = f"{SLIP_PREFIX}{day:%y%m%d}{terminal_code}{serial:04d}{item_no}"
    return body + damm(body)


@dataclass(frozen=True)
class ParsedNumber:
    """What a scanned or typed number says."""

    kind: str  # "case" or "slip"
    number: str
    day: dt.date
    terminal_code: str
    serial: int
    item_no: str | None = None


def parse(text: str) -> ParsedNumber:
    """Validate a case or slip number (scanned or typed) and split it into its parts.

    Raises InvalidNumber with a message the clerk can act on: a wrong check digit most
    often means a typo or a misread.
    """
    number = text.strip()
    # isascii: str.isdigit() is true for other scripts' digits too, which the check
    # digit would accept and no look-up would ever find
    if not (number.isascii() and number.isdigit()):
        raise InvalidNumber("编号只能由数字组成", code="number.characters")
    if number[:1] == CASE_PREFIX and len(number) == CASE_LEN:
        kind = "case"
    elif number[:1] == SLIP_PREFIX and len(number) == SLIP_LEN:
        kind = "slip"
    else:
        raise InvalidNumber("不是办件编号或告知单编号（长度或首位不对）", code="number.format")
    if damm(number) != "0":
        raise InvalidNumber("编号校验位不正确，请重新扫描或核对输入", code="number.check_digit")
    try:
        day = dt.datetime.strptime(number[1:7], "%y%m%d").date()
    except ValueError:
        raise InvalidNumber("编号中的日期不存在", code="number.date") from None
    return ParsedNumber(
        kind=kind,
        number=number,
        day=day,
        terminal_code=number[7:11],
        serial=int(number[11:15]),
        item_no=number[15:19] if kind == "slip" else None,
    )


CASE_ID_NAMESPACE = uuid.UUID("6f1d2f0e-3c1b-4f5e-9a57-59c3b1a0e001")


def case_id_for_slip(slip: str) -> str:
    """The case id a registration slip stands for, the same on every terminal.

    A window that scans a kiosk slip before sync has brought the kiosk's registration
    opens the case under this id; when the registration arrives the two join.
    """
    return str(uuid.uuid5(CASE_ID_NAMESPACE, slip))


def looks_like_number(text: str) -> bool:
    """A cheap test used to route what the clerk typed: a number, or a name/ID search?"""
    t = text.strip()
    return (t.isascii() and t.isdigit() and len(t) in (CASE_LEN, SLIP_LEN)
            and t[0] in (CASE_PREFIX, SLIP_PREFIX))
