"""Shared fixtures for printing tests: the demo catalog, demo cases, poppler/zbar helpers.

Tools that are not Python packages (pdftotext, pdftoppm, pdffonts, zbarimg) are
looked up once; a test that needs a missing one is skipped and says which package
provides it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from domain.catalog import Catalog, catalog_from_dict
from printing.demo import DOC_STORY, demo_case
from printing.documents import build
from printing.model import Document
from resources import path as res

TODAY = dt.date(2025, 3, 14)
PACKAGES = {"pdftotext": "poppler-utils", "pdftoppm": "poppler-utils",
            "pdffonts": "poppler-utils", "pdfinfo": "poppler-utils", "zbarimg": "zbar-tools"}


def need(tool: str) -> str:
    """The tool's path, or skip the test naming the Debian package to install."""
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} not installed (apt-get install {PACKAGES[tool]})")
    return exe


def run(tool: str, *args: str | Path) -> str:
    return subprocess.run([need(tool), *map(str, args)], check=True, capture_output=True,
                          text=True, timeout=60).stdout


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return catalog_from_dict(json.loads(res("catalog", "demo.json").read_text("utf-8")))


@pytest.fixture(scope="session")
def make(catalog):
    """make(doc, long_list=False, **build kwargs) → Document of that doc's demo story."""
    def _make(doc: str, *, long_list: bool = False, settings=None, staff="1001") -> Document:
        case = demo_case(catalog, story=DOC_STORY[doc], long_list=long_list)
        return build(doc, case, catalog, settings, today=TODAY, staff=staff)
    return _make


class Poppler:
    """pdftotext / pdfinfo / pdffonts / pdftoppm / zbarimg on bytes, in a temp folder."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp

    def _file(self, data: bytes, name: str) -> Path:
        f = self.tmp / name
        f.write_bytes(data)
        return f

    def text(self, pdf: bytes) -> str:
        return run("pdftotext", "-raw", self._file(pdf, "t.pdf"), "-")

    def pages(self, pdf: bytes) -> int:
        info = run("pdfinfo", self._file(pdf, "i.pdf"))
        return int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])

    def fonts(self, pdf: bytes) -> str:
        return run("pdffonts", self._file(pdf, "f.pdf"))

    def png(self, pdf: bytes, dpi: int = 200, page: int = 1) -> Path:
        src = self._file(pdf, "r.pdf")
        run("pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
            "-singlefile", src, self.tmp / "page")
        return self.tmp / "page.png"

    def barcodes(self, png: Path) -> list[str]:
        """Every symbol zbarimg finds (exit 4 = none found, which is an answer too)."""
        need("zbarimg")
        out = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True,
                             text=True, timeout=60)
        return out.stdout.split()


@pytest.fixture
def poppler(tmp_path: Path) -> Poppler:
    return Poppler(tmp_path)
