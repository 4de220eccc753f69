"""Data shipped with the app: seed catalog, holiday calendar, fonts, styles, translations."""

from __future__ import annotations

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent


def path(*parts: str) -> pathlib.Path:
    """A file inside resources/, wherever the package is installed."""
    return ROOT.joinpath(*parts)
