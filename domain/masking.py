"""Masking personal data in free text: what a log line or a traceback may say.

Resident ID numbers keep their first and last four characters, mobiles their first three
and last four (as on screen); a name that appears as a JSON or Python key's value
(`"name": "张三"`) keeps its first character. Case numbers (16 digits) and slip numbers
(20 digits) are not personal and stay readable. Pure: the log filters on the server and
the desktop (sync.logmask) and the crash handler call it.
"""

from __future__ import annotations

import re

_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_NAME_RE = re.compile(r"""(["']name["']\s*[:=]\s*["'])([^"'\\]{1,60})(["'])""")


def _name(m: re.Match[str]) -> str:
    v = m.group(2)
    return m.group(1) + v[:1] + "*" * (len(v) - 1) + m.group(3)


def mask_text(text: str) -> str:
    """3201**********123X, 138****5678, "name": "张*" — the same as on screen."""
    text = _ID_RE.sub(lambda m: m.group(1) + "*" * 10 + m.group(2), text)
    text = _PHONE_RE.sub(lambda m: m.group(1) + "****" + m.group(2), text)
    return _NAME_RE.sub(_name, text)
