"""The hall display's look: read from across the hall, so big, high contrast, calm.

Sizes follow the panel's shorter side (1080 px on both a 1920×1080 and a 1080×1920
TV), so one sheet serves both orientations and any resolution; widgets carry a `role`
and the sheet styles roles.
"""

from __future__ import annotations

NAVY = "#0a2342"
NAVY_LIGHT = "#123463"
GOLD = "#ffd34d"
WHITE = "#ffffff"
MUTED = "#a9bedb"
RED = "#ff6b6b"
GREEN = "#7ee0a1"
LINE = "#2a4f80"


def sheet(short_side: int, flash: bool = False) -> str:
    """The style sheet for a panel whose shorter side is `short_side` px."""
    k = max(0.4, short_side / 1080)

    def s(v: float) -> int:
        return max(8, round(v * k))

    hero_bg = GOLD if flash else NAVY_LIGHT
    hero_ink = NAVY if flash else GOLD
    return f"""
QWidget#displayRoot {{ background: {NAVY}; }}
QLabel {{ color: {WHITE}; font-size: {s(30)}px; }}
QLabel[role="hall"] {{ font-size: {s(44)}px; font-weight: bold; }}
QLabel[role="clock"] {{ font-size: {s(40)}px; color: {MUTED}; }}
QLabel[role="heading"] {{ font-size: {s(28)}px; color: {MUTED}; font-weight: bold; }}
QFrame#hero {{ background: {hero_bg}; border-radius: {s(18)}px; }}
QLabel[role="heroNumber"] {{ font-size: {s(150)}px; font-weight: bold; color: {hero_ink}; }}
QLabel[role="heroText"] {{ font-size: {s(54)}px; font-weight: bold; color: {hero_ink}; }}
QFrame#tile {{ background: {NAVY_LIGHT}; border: {s(2)}px solid {LINE};
              border-radius: {s(12)}px; }}
QLabel[role="tileNumber"] {{ font-size: {s(64)}px; font-weight: bold; color: {GOLD}; }}
QLabel[role="tileWindow"] {{ font-size: {s(34)}px; color: {WHITE}; }}
QLabel[role="tileState"] {{ font-size: {s(24)}px; color: {GREEN}; }}
QFrame#panel {{ background: {NAVY_LIGHT}; border-radius: {s(12)}px; }}
QLabel[role="row"] {{ font-size: {s(30)}px; }}
QLabel[role="rowNumber"] {{ font-size: {s(32)}px; font-weight: bold; color: {GOLD}; }}
QLabel[role="rowMuted"] {{ font-size: {s(24)}px; color: {MUTED}; }}
QLabel[role="empty"] {{ font-size: {s(30)}px; color: {MUTED}; }}
QFrame#notice {{ background: {WHITE}; }}
QLabel[role="notice"] {{ font-size: {s(34)}px; color: {NAVY}; font-weight: bold; }}
QLabel[role="offline"] {{ font-size: {s(26)}px; color: {RED}; }}
"""
