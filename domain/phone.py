"""Phone numbers of applicants: mainland mobiles and landlines with area code."""

from __future__ import annotations

import re

from domain.errors import InvalidPhone

# re.ASCII: \d would otherwise match any script's digits (full-width, Arabic-Indic)
_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$", re.ASCII)
_FULL_WIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９＋－"}


def normalize(text: str) -> str:
    """Drop spaces and the +86 prefix that people type or paste."""
    t = text.translate(_FULL_WIDTH).strip().replace(" ", "").replace("—", "-")
    if t.startswith("+86"):
        t = t[3:]
    return t


def parse(text: str) -> str:
    """Return the normalized number or raise InvalidPhone."""
    t = normalize(text)
    if _MOBILE.match(t) or _LANDLINE.match(t):
        return t
    raise InvalidPhone("请输入11位手机号码，或带区号的固定电话", code="phone.invalid")


def is_mobile(text: str) -> bool:
    """Only mobiles receive progress and rating messages."""
    return bool(_MOBILE.match(normalize(text)))


def mask(text: str | None) -> str:
    """138****5678 on screens and in logs."""
    if not text:
        return ""
    t = normalize(text)
    if len(t) >= 7:
        return t[:3] + "*" * (len(t) - 7) + t[-4:]
    return "*" * len(t)
