"""Resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2) and their masking.

A bad number is rejected with the reason, never stored silently (DOMAIN.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from domain.errors import InvalidIdNumber

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


@dataclass(frozen=True)
class IdNumberInfo:
    """What an ID number tells about its holder."""

    number: str
    birth_date: dt.date
    gender: str  # "男" or "女"
    region: str


def check_char(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    return CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def normalize(text: str) -> str:
    """Strip blanks and full-width forms, upper-case the x, so pasted numbers work."""
    table = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９Ｘｘ"}
    return text.translate(table).strip().replace(" ", "").upper()


def parse(text: str, *, today: dt.date | None = None) -> IdNumberInfo:
    """Validate an 18-character ID number and return what it encodes.

    Raises InvalidIdNumber with a message a clerk can act on.
    """
    number = normalize(text)
    if len(number) != 18:
        raise InvalidIdNumber(f"身份证号码应为18位，实际为{len(number)}位", code="id.length")
    # isascii: str.isdigit() also accepts other scripts' digits (٣, ²), which would be
    # stored as they are or crash int()
    if (not number.isascii() or not number[:17].isdigit()
            or not (number[17].isdigit() or number[17] == "X")):
        raise InvalidIdNumber("身份证号码只能由数字组成，末位可为X", code="id.characters")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidIdNumber("身份证号码中的出生日期不存在", code="id.birth_date") from None
    if birth.year < 1850 or (today is not None and birth > today):
        raise InvalidIdNumber("身份证号码中的出生日期不合理", code="id.birth_date")
    expected = check_char(number[:17])
    if number[17] != expected:
        raise InvalidIdNumber("身份证号码校验位不正确，请核对", code="id.check_digit")
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return IdNumberInfo(number=number, birth_date=birth, gender=gender, region=number[:6])


def is_valid(text: str) -> bool:
    """True when `parse` would accept the number."""
    try:
        parse(text)
    except InvalidIdNumber:
        return False
    return True


def mask(number: str | None) -> str:
    """Show the first 4 and last 4 characters only: 3201**********123X.

    Works for any document number so that a foreign or odd number is masked too.
    """
    if not number:
        return ""
    n = len(number)
    if n <= 8:
        keep = max(1, n // 4)
        return number[:keep] + "*" * (n - 2 * keep) + number[n - keep :]
    return number[:4] + "*" * (n - 8) + number[-4:]


def mask_name(name: str | None) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧**娜: enough for the clerk to confirm, not to identify."""
    if not name:
        return ""
    if len(name) == 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
