"""The kiosk's look: one style sheet computed from a scale, so elderly mode is one number.

Sizes are in pixels on purpose: a kiosk screen is a known 1080×1920 or 1920×1080 panel
read from arm's length (~60 cm), where 30 px body text is about the size of print in
a newspaper headline column; elderly mode multiplies everything by `ELDERLY_SCALE`.
Widgets carry a `role` property and the sheet styles roles, so no widget sets a font.
"""

from __future__ import annotations

NORMAL_SCALE = 1.0
ELDERLY_SCALE = 1.3

BLUE = "#0b4da2"
BLUE_DARK = "#083a7a"
BLUE_LIGHT = "#e8f0fb"
RED = "#c8161d"
ORANGE = "#e06c00"
GREEN = "#1a7f37"
INK = "#1d2733"
GREY = "#5b6776"
PAPER = "#f3f6fb"
LINE = "#cfd9e6"

# Smallest touch target, in px at scale 1 (well above the 9 mm guideline on a 21.5" panel).
TOUCH = 96


def px(value: float, scale: float) -> int:
    return round(value * scale)


def sheet(scale: float = NORMAL_SCALE, landscape: bool = False, fit: float = 1.0) -> str:
    """The style sheet for a scale (1.0 normal, 1.3 elderly), a panel shape, and how
    much smaller than a kiosk panel the window is (`fit`, 1.0 on a real panel).

    A landscape panel has 1080 px of height for header, page and footer, so heights
    shrink there (widths do not). The header and footer never take the elderly scale:
    they must fit 1080 px of width in portrait whatever the mode. `fit` shrinks
    everything alike, so the demo on a 1366×768 laptop shows the whole page.
    """
    def s(v: float) -> int:
        return px(v, scale * fit)

    def h(v: float) -> int:  # a height: smaller on a landscape panel
        return px(v * (0.8 if landscape else 1.0), scale * fit)

    def f(v: float) -> int:  # header and footer: the window's size only
        return px(v, fit)

    return f"""
QWidget#kioskRoot {{ background: {PAPER}; color: {INK}; }}
QWidget#header {{ background: {BLUE}; }}
QLabel#hallName {{ color: white; font-size: {f(34)}px; font-weight: bold; }}
QLabel#clock {{ color: white; font-size: {f(30)}px; }}
QWidget#banner {{ background: {RED}; }}
QLabel#bannerText {{ color: white; font-size: {s(30)}px; font-weight: bold; }}
QWidget#footer {{ background: white; border-top: 1px solid {LINE}; }}
QLabel {{ color: {INK}; font-size: {s(30)}px; }}
QLabel[role="title"] {{ font-size: {h(54)}px; font-weight: bold; color: {BLUE_DARK}; }}
QLabel[role="subtitle"] {{ font-size: {s(36)}px; font-weight: bold; }}
QLabel[role="hint"] {{ font-size: {s(27)}px; color: {GREY}; }}
QLabel[role="field"] {{ font-size: {s(28)}px; color: {GREY}; }}
QLabel[role="value"] {{ font-size: {s(32)}px; }}
QLabel[role="confirm"] {{ font-size: {s(30)}px; color: {GREEN}; font-weight: bold; }}
QLabel[role="big"] {{ font-size: {s(60)}px; font-weight: bold; color: {BLUE_DARK}; }}
QLabel[role="slip"] {{ font-size: {s(76)}px; font-weight: bold; color: {INK};
    font-family: monospace; }}
QLabel[role="huge"] {{ font-size: {h(150)}px; font-weight: bold; color: {BLUE}; }}
QLabel[role="error"] {{ font-size: {s(30)}px; color: {RED}; font-weight: bold; }}
QLabel[role="display"] {{ font-size: {s(50)}px; font-family: monospace; background: white;
    border: 3px solid {BLUE}; border-radius: 14px; padding: {s(12)}px; }}
QLabel[role="badge"] {{ font-size: {s(24)}px; color: white; background: {GREEN};
    border-radius: 8px; padding: 2px 10px; }}
QLabel[role="badgePromised"] {{ font-size: {s(24)}px; color: white; background: {BLUE};
    border-radius: 8px; padding: 2px 10px; }}
QFrame[role="card"] {{ background: white; border: 1px solid {LINE}; border-radius: 18px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QPushButton {{ font-size: {s(32)}px; min-height: {h(TOUCH)}px; border-radius: 16px;
    padding: 0 {s(24)}px; background: white; border: 2px solid {LINE}; color: {INK}; }}
QPushButton:pressed {{ background: {BLUE_LIGHT}; }}
QPushButton:disabled {{ color: #9aa5b1; background: #eceff3; border-color: #dde3ea; }}
QPushButton[role="primary"] {{ background: {BLUE}; color: white; border: none;
    font-size: {s(40)}px; font-weight: bold; min-height: {h(120)}px; }}
QPushButton[role="primary"]:pressed {{ background: {BLUE_DARK}; }}
QPushButton[role="primary"]:disabled {{ background: #9fb3cc; color: #eef2f7; }}
QPushButton[role="start"] {{ background: {BLUE}; color: white; border: none;
    font-size: {s(56)}px; font-weight: bold; min-height: {h(200)}px; border-radius: 28px; }}
QPushButton[role="start"]:disabled {{ background: #9fb3cc; }}
QPushButton[role="header"] {{ background: transparent; color: white; border: 2px solid white;
    font-size: {f(30)}px; min-height: {f(76)}px; min-width: {f(150)}px; }}
QPushButton[role="header"]:checked {{ background: white; color: {BLUE}; font-weight: bold; }}
QPushButton[role="language"] {{ background: transparent; color: white; border: 2px solid white;
    font-size: {f(26)}px; min-height: {f(76)}px; padding: 0 {f(14)}px; }}
QPushButton[role="help"] {{ background: {ORANGE}; color: white; border: none;
    font-size: {f(30)}px; font-weight: bold; min-height: {f(76)}px; }}
QPushButton[role="nav"] {{ font-size: {f(32)}px; min-width: {f(220)}px; min-height: {f(88)}px; }}
QPushButton[role="zone"] {{ font-size: {s(28)}px; min-height: {h(84)}px; text-align: left;
    padding-left: {s(18)}px; }}
QPushButton[role="zone"]:checked {{ background: {BLUE}; color: white; border-color: {BLUE}; }}
QPushButton[role="tile"] {{ text-align: left; padding: {s(16)}px; min-height: {h(150)}px;
    border: 2px solid {LINE}; border-radius: 18px; background: white; }}
QPushButton[role="tile"]:pressed {{ border-color: {BLUE}; background: {BLUE_LIGHT}; }}
QLabel[role="tileName"] {{ font-size: {s(34)}px; font-weight: bold; color: {INK};
    background: transparent; }}
QLabel[role="tileInfo"] {{ font-size: {s(24)}px; color: {GREY}; background: transparent; }}
QPushButton[role="key"] {{ font-size: {s(48)}px; font-weight: bold; min-height: {h(110)}px;
    min-width: {s(110)}px; }}
QPushButton[role="letter"] {{ font-size: {s(38)}px; font-weight: bold; min-height: {h(96)}px;
    min-width: {s(72)}px; padding: 0; }}
QPushButton[role="keyAction"] {{ font-size: {s(32)}px; min-height: {h(96)}px;
    background: {BLUE_LIGHT}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ width: {s(22)}px; background: transparent; }}
QScrollBar::handle:vertical {{ background: #b8c4d4; border-radius: {s(10)}px;
    min-height: {s(80)}px; }}
"""
