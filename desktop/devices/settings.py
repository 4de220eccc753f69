"""Device settings of one terminal: a frozen dataclass, stored as ``devices.json``.

Declared once here with types and defaults, like :mod:`desktop.settings`; the
ports and the scanner's timing and prefix live only here. Every service receives a :class:`DeviceSettings` snapshot; the settings screen
saves a new one and the hub restarts only the devices whose settings changed.

A stored value of the wrong type falls back to its default rather than stopping the
counter: a bad settings file must never keep a hall from working.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import pathlib
from typing import Any

log = logging.getLogger(__name__)

FILE_NAME = "devices.json"
VERSION = 1

#: Values of ``pad_backend``: the screen pad needs no hardware and is the default.
PAD_BACKENDS = ("screen", "yc-pad", "keypad", "none")
PRINTER_WIDTHS = (58, 80)


@dataclasses.dataclass(frozen=True)
class DeviceSettings:
    """Ports (pyserial URLs; empty = not configured) and per-device options."""

    idcard_url: str = ""
    pad_backend: str = "screen"
    pad_url: str = ""
    pad_address: int = 1
    #: key→level table of a generic keypad (``devices.pad.generic_keypad.parse_key_table``)
    pad_key_table: str = "5=5,4=4,3=3,2=2,1=1"
    pad_timeout_s: int = 30
    #: the screen pad goes to the second monitor when there is one
    screen_pad_second_screen: bool = True
    scanner_url: str = ""  # a USB-CDC / RS-232 scanner; the keyboard wedge needs none
    scanner_prefix: str = ""
    scanner_suffix: str = "\r"
    wedge_gap_ms: int = 40
    printer_url: str = ""
    printer_width_mm: int = 80

    def replace(self, **changes: Any) -> DeviceSettings:
        """A copy with ``changes`` (repaired like loaded values)."""
        return from_dict({**dataclasses.asdict(self), **changes})

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with the file version."""
        return {"version": VERSION, **dataclasses.asdict(self)}


_FIELDS = {f.name: f for f in dataclasses.fields(DeviceSettings)}
_DEFAULTS = DeviceSettings()


def _repair(name: str, value: Any) -> Any:
    default = getattr(_DEFAULTS, name)
    kind = type(default)
    if kind is bool:
        return value if isinstance(value, bool) else default
    try:
        v = kind(value)
    except (TypeError, ValueError):
        log.warning("device setting %s: bad value, using the default", name)
        return default
    if name == "pad_backend" and v not in PAD_BACKENDS:
        return default
    if name == "printer_width_mm" and v not in PRINTER_WIDTHS:
        return default
    if name == "pad_address":
        return min(255, max(0, v))
    if name == "pad_timeout_s":
        return min(300, max(5, v))
    if name == "wedge_gap_ms":
        return min(200, max(5, v))
    return v.strip() if isinstance(v, str) and name.endswith("_url") else v


def from_dict(data: dict[str, Any]) -> DeviceSettings:
    """Settings from a (possibly old or hand-edited) dict; unknown keys are ignored."""
    return DeviceSettings(**{k: _repair(k, v) for k, v in data.items() if k in _FIELDS})




def load(data_dir: pathlib.Path | str) -> DeviceSettings:
    """The terminal's device settings; defaults (every device unconfigured) if none."""
    data_dir = pathlib.Path(data_dir)
    path = data_dir / FILE_NAME
    if not path.exists():
        return DeviceSettings()
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("device settings unreadable (%s); using defaults", exc)
        return DeviceSettings()
    data.pop("version", None)  # version 1 is the first; upgrades go here when needed
    return from_dict(data)


def save(data_dir: pathlib.Path | str, settings: DeviceSettings) -> None:
    """Write atomically: a terminal may be switched off at any moment."""
    path = pathlib.Path(data_dir) / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings.to_dict(), ensure_ascii=False, indent=1), "utf-8")
    tmp.replace(path)
