"""GB 11643 citizen ID numbers: check character and masking for logs and screens.

A copy of the rule ``domain/`` also has, because devices/ imports nothing of ours: the
reader uses it to flag a misread number and the simulator to build valid sample cards.
"""

from __future__ import annotations

import datetime as dt

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("need 17 ASCII digits")
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def is_valid(number: str) -> bool:
    """True for an 18-character number with a right check character and a real date."""
    if len(number) != 18 or not number[:17].isascii() or not number[:17].isdigit():
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return check_char(number[:17]) == number[17].upper()


def mask(number: str) -> str:
    """``1101**********002X``: first and last four kept, for logs and the CLI.

    Short or odd values (a foreign card number) keep at most a third of their length.
    """
    keep = 4 if len(number) >= 12 else len(number) // 3
    if keep == 0:
        return "*" * len(number)
    return number[:keep] + "*" * (len(number) - 2 * keep) + number[-keep:]


def mask_name(name: str) -> str:
    """``张*`` / ``J*** S****``: the first character of each word kept."""
    return " ".join(w[:1] + "*" * (len(w) - 1) for w in name.split(" ")) if name else ""
