"""The CJK fonts every paper is set in, and per-character fallback between them.

WenQuanYi Micro Hei (a TTC: reportlab needs `subfontIndex`) covers GBK but not CJK
Extension A, where real names live (王䶮). Droid Sans Fallback covers most of those. A
character neither font has must never become a silent blank box: `missing_glyphs`
finds it so that `documents.build` can warn (naming the code point) or refuse.

Fonts are parsed once per process (about 0.3 s for both) and cached.
"""

from __future__ import annotations

import functools
import pathlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from PIL import ImageFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from resources import path as resource_path

MAIN = "WQYMicroHei"
FALLBACK = "DroidSansFallback"


@dataclass(frozen=True)
class FontFile:
    """A font shipped in resources/fonts/, and which face of a collection to use."""

    name: str
    path: pathlib.Path
    index: int = 0


FONTS = (
    FontFile(MAIN, resource_path("fonts", "wqy-microhei.ttc"), 0),
    FontFile(FALLBACK, resource_path("fonts", "DroidSansFallbackFull.ttf"), 0),
)


class MissingFont(RuntimeError):
    """A font file is not where the package says: the install is broken."""

    code = "printing.font_missing"


@functools.cache
def _ttfonts() -> tuple[TTFont, ...]:
    loaded = []
    for f in FONTS:
        if not f.path.exists():
            raise MissingFont(f"字体文件缺失: {f.path}")
        font = TTFont(f.name, str(f.path), subfontIndex=f.index)
        pdfmetrics.registerFont(font)
        loaded.append(font)
    return tuple(loaded)


def register() -> str:
    """Register both fonts with reportlab; returns the name of the main one.

    Neither font has a bold face; mapping bold to the regular face keeps `<b>` markup
    from failing (headings are set larger instead).
    """
    _ttfonts()
    for name in (MAIN, FALLBACK):
        registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return MAIN


@functools.cache
def _coverage() -> tuple[frozenset[int], ...]:
    return tuple(frozenset(f.face.charToGlyph) for f in _ttfonts())


def _is_layout_char(ch: str) -> bool:
    # Line breaks and blanks are never drawn as glyphs, so they cannot be missing.
    return ch in "\n\r\t "


def font_for(ch: str) -> str | None:
    """The first font that has a glyph for `ch`, or None."""
    cp = ord(ch)
    for f, cov in zip(FONTS, _coverage(), strict=True):
        if cp in cov:
            return f.name
    return None


def missing_glyphs(text: str) -> list[str]:
    """Characters in `text` that no shipped font can draw, in order, without repeats."""
    main, fallback = _coverage()
    seen: dict[str, None] = {}
    for ch in text:
        cp = ord(ch)
        if cp in main or cp in fallback or _is_layout_char(ch):
            continue
        seen.setdefault(ch, None)
    return list(seen)


def runs(text: str) -> Iterator[tuple[str, str]]:
    """Split text into (font name, chunk) runs; uncovered chars stay in the main font."""
    current = MAIN
    chunk: list[str] = []
    for ch in text:
        name = font_for(ch) or MAIN
        if name != current and chunk:
            yield current, "".join(chunk)
            chunk = []
        current = name
        chunk.append(ch)
    if chunk:
        yield current, "".join(chunk)


def markup(text: str) -> str:
    """Paragraph markup with a font switch around every run the main font lacks."""
    out = []
    for name, chunk in runs(text):
        body = escape(chunk).replace("\n", "<br/>")
        out.append(body if name == MAIN else f'<font name="{name}">{body}</font>')
    return "".join(out)


def codepoint(ch: str) -> str:
    """U+4DAE form, for messages that must name a character a reader can look up."""
    return f"U+{ord(ch):04X}"


@functools.cache
def pil_font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """The same font for Pillow, for receipt previews and raster lines."""
    f = next(f for f in FONTS if f.name == name)
    return ImageFont.truetype(str(f.path), size, index=f.index)
