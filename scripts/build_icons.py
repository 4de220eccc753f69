"""Render resources/icons/yichuang.svg to the PNG sizes and the Windows .ico.

The SVG is the source; the rasters are committed so the Windows and Debian builds need
no SVG renderer. Run after editing the SVG: `python scripts/build_icons.py`.
"""

from __future__ import annotations

import io
import os
import pathlib
import sys

ICONS = pathlib.Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: pathlib.Path, size: int) -> bytes:
    """PNG bytes of the SVG at size×size (Qt's SVG renderer, antialiased)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image

    svg = ICONS / "yichuang.svg"
    images = {}
    for size in sorted(set(PNG_SIZES) | set(ICO_SIZES)):
        png = render(svg, size)
        images[size] = Image.open(io.BytesIO(png))
        if size in PNG_SIZES:
            (ICONS / f"yichuang-{size}.png").write_bytes(png)
    largest = images[max(ICO_SIZES)]
    largest.save(ICONS / "yichuang.ico", format="ICO",
                 sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    print(f"wrote {len(PNG_SIZES)} PNGs and yichuang.ico into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
