"""docs/settings.md names every option the code declares (settings, devices, kiosk)."""

from __future__ import annotations

import dataclasses
import pathlib

DOC = (pathlib.Path(__file__).resolve().parents[2] / "docs" / "settings.md").read_text("utf-8")


def _documented(name: str) -> bool:
    return f"| `{name}` |" in DOC


def test_every_option_has_a_line():
    from desktop.devices.settings import DeviceSettings
    from desktop.kiosk.config import OPTIONS as KIOSK
    from desktop.settings import OPTIONS

    names = [o.name for o in OPTIONS] + [o.name for o in KIOSK]
    names += [f.name for f in dataclasses.fields(DeviceSettings)]
    missing = [n for n in names if not _documented(n)]
    assert not missing, f"add to docs/settings.md: {missing}"


def test_every_file_the_wizard_writes_is_described():
    for name in ("settings.json", "devices.json", "kiosk.json", "replica.sqlite3",
                 "server.toml"):
        assert name in DOC
