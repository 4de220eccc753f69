"""What the hall display shows and says for a call: "请 A1023 号到 3 号窗口办理".

The screen shows the number as printed on the slip; the voice reads it digit by digit
(A 1 0 2 3), the way a citizen compares it with the slip in their hand — a speech
engine left to itself says "一千零二十三", which nobody finds on their slip.
"""

from __future__ import annotations

from domain.catalog import Window


def window_label(window: Window | None, fallback: str = "") -> str:
    """The window's number without leading zeros ("03" → "3"), else its name."""
    if window is None:
        return fallback
    no = window.no.lstrip("0") or window.no
    return no if no.isdigit() else window.name


def call_text(number: str, window: Window | None, fallback: str = "") -> str:
    """The line on the display: 请 A1023 号到 3 号窗口办理."""
    where = window_label(window, fallback)
    if where.isdigit():
        return f"请 {number} 号到 {where} 号窗口办理"
    return f"请 {number} 号到{where}办理"


def spoken_number(number: str) -> str:
    """A1023 → "A 1 0 2 3": letters and digits one by one."""
    return " ".join(number.strip().upper())


def spoken_call(number: str, window: Window | None, fallback: str = "") -> str:
    """What the voice says once: 请 A 1 0 2 3 号，到 3 号窗口办理."""
    where = window_label(window, fallback)
    if where.isdigit():
        return f"请 {spoken_number(number)} 号，到 {where} 号窗口办理"
    return f"请 {spoken_number(number)} 号，到{where}办理"
