"""The card photo: 1024 bytes of WLT that only the vendor's library decodes.

No open decoder exists. The raw bytes always stay on the record; :func:`photo_png`
tries the vendor library through ctypes (``WltRS.dll`` on Windows, ``libwltu.so`` on
Linux; both export ``GetBmp(path, interface)`` that turns ``x.wlt`` into ``x.bmp``)
and otherwise draws a placeholder, so a screen always has something 102×126 to show.
Some vendor builds refuse to decode without their reader attached: that is a
placeholder too, never an error.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import logging
import os
import sys
import tempfile
import threading
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 102, 126
LIBRARY_NAMES = ("WltRS.dll",) if sys.platform == "win32" else ("libwltu.so", "wltu")
_lock = threading.Lock()  # vendor libraries are not known to be reentrant


@dataclass(frozen=True)
class Photo:
    """A PNG to show and whether it is the real photo or the placeholder."""

    png: bytes
    decoded: bool


@cache
def placeholder_png(width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A grey head-and-shoulders silhouette, the size of a decoded card photo."""
    img = Image.new("RGB", (width, height), (232, 236, 240))
    draw = ImageDraw.Draw(img)
    grey = (160, 168, 178)
    cx = width // 2
    head = width * 0.22
    draw.ellipse((cx - head, height * 0.18, cx + head, height * 0.18 + 2.3 * head), fill=grey)
    draw.ellipse((cx - width * 0.42, height * 0.68, cx + width * 0.42, height * 1.35), fill=grey)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@cache
def _load_library(extra_dirs: tuple[str, ...] = ()) -> ctypes.CDLL | None:
    candidates = [os.path.join(d, n) for d in extra_dirs for n in LIBRARY_NAMES]
    candidates += [n for n in LIBRARY_NAMES if "." in n]
    found = ctypes.util.find_library("wltu")
    if found:
        candidates.append(found)
    loader = ctypes.WinDLL if sys.platform == "win32" else ctypes.CDLL  # type: ignore[attr-defined]
    for name in candidates:
        try:
            lib = loader(name)
            lib.GetBmp.argtypes = (ctypes.c_char_p, ctypes.c_int)
            lib.GetBmp.restype = ctypes.c_int
            return lib
        except (OSError, AttributeError):
            continue
    return None


def vendor_decoder_available(extra_dirs: tuple[str, ...] = ()) -> bool:
    """True when a vendor WLT library could be loaded."""
    return _load_library(tuple(extra_dirs)) is not None


def decode_wlt(wlt: bytes, extra_dirs: tuple[str, ...] = ()) -> bytes | None:
    """PNG bytes of the decoded photo, or None when no vendor library decodes it."""
    lib = _load_library(tuple(extra_dirs))
    if lib is None or len(wlt) != 1024:
        return None
    with _lock, tempfile.TemporaryDirectory(prefix="yc-wlt-") as tmp:
        src = os.path.join(tmp, "zp.wlt")
        with open(src, "wb") as fh:
            fh.write(wlt)
        bmp = os.path.join(tmp, "zp.bmp")
        for interface in (2, 1):  # USB first, then serial: vendors check for a reader
            try:
                lib.GetBmp(src.encode(sys.getfilesystemencoding()), interface)
            except OSError as exc:  # a crash inside the vendor code, reported by ctypes
                log.warning("vendor photo decoder failed: %s", exc)
                return None
            if os.path.exists(bmp):
                try:
                    with Image.open(bmp) as img:
                        out = io.BytesIO()
                        img.convert("RGB").save(out, "PNG")
                        return out.getvalue()
                except OSError:
                    return None
    return None


def photo_png(wlt: bytes, extra_dirs: tuple[str, ...] = ()) -> Photo:
    """The photo to show: decoded by the vendor library when possible, else a placeholder."""
    png = decode_wlt(wlt, extra_dirs) if wlt else None
    if png is not None:
        return Photo(png, True)
    return Photo(placeholder_png(), False)
