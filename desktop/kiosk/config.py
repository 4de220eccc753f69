"""The kiosk's settings, declared once with types and defaults.

They live in ``kiosk.json`` beside ``settings.json`` until the options join
`desktop.settings.OPTIONS` (the declarations below are in that module's `Option` form so
the move is a copy). Device ports and the paper width are the terminal's device
settings (`desktop.devices.settings`, ``devices.json``), shared with the counter.

Its presence with ``kiosk_mode`` true is what makes a data folder
a kiosk: `yichuang` with no command, or the autostart entry after a power cut, then
opens the kiosk and nothing else.

The default admin PIN is ``2580`` (the middle column of a keypad); a hall sets its own
in ``kiosk.json`` (4–8 digits) when it installs the kiosk.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import pathlib
from typing import Any

from desktop.settings import Option

log = logging.getLogger(__name__)

FILE_NAME = "kiosk.json"
DEFAULT_PIN = "2580"

OPTIONS: tuple[Option, ...] = (
    Option("kiosk_mode", bool, False, "this data folder is a kiosk: start it with no command"),
    Option("kiosk_no", int, 1, "the kiosk's digit in queue numbers (A1023); unique per hall",
           0, 9),
    Option("admin_pin", str, DEFAULT_PIN, "PIN that lets staff leave the kiosk"),
    Option("idle_seconds", int, 60, "back to the start screen after this long untouched",
           15, 600),
    Option("done_seconds", int, 20, "how long the 'take your slip' screen stays", 5, 120),
    Option("printer_poll_seconds", int, 3, "printer status poll while stopped", 1, 60),
    Option("elderly_default", bool, False, "start in elderly mode (big text, voice)"),
    Option("voice", bool, True, "speak prompts in elderly mode where a voice exists"),
    Option("full_screen", bool, True, "full screen and locked (off only for testing)"),
)
_BY_NAME = {o.name: o for o in OPTIONS}


@dataclasses.dataclass(frozen=True)
class KioskSettings:
    """What the kiosk screens read; built at start-up and never changed behind them."""

    kiosk_mode: bool = False
    kiosk_no: int = 1
    admin_pin: str = DEFAULT_PIN
    idle_seconds: int = 60
    done_seconds: int = 20
    printer_poll_seconds: int = 3
    elderly_default: bool = False
    voice: bool = True
    full_screen: bool = True


def _coerce(option: Option, value: Any) -> Any:
    """A stored value of the wrong type or out of range falls back to a safe value."""
    if option.type is bool:
        return value if isinstance(value, bool) else option.default
    try:
        v = option.type(value)
    except (TypeError, ValueError):
        log.warning("kiosk setting %s: bad value, using default", option.name)
        return option.default
    if option.type is int:
        lo = option.minimum if option.minimum is not None else v
        hi = option.maximum if option.maximum is not None else v
        v = min(max(v, lo), hi)
    if option.name == "admin_pin" and not (v.isascii() and v.isdigit() and 4 <= len(v) <= 8):
        log.warning("kiosk admin PIN must be 4-8 digits; using the default")
        return option.default
    return v


def path_in(data_dir: pathlib.Path | str) -> pathlib.Path:
    return pathlib.Path(data_dir) / FILE_NAME


def read(data_dir: pathlib.Path | str) -> dict[str, Any]:
    """The stored values merged over the defaults; an unreadable file gives defaults."""
    values = {o.name: o.default for o in OPTIONS}
    p = path_in(data_dir)
    if p.exists():
        try:
            data = json.loads(p.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("kiosk settings unreadable (%s); using defaults", exc)
            data = {}
        for name, value in data.items():
            if name in _BY_NAME:
                values[name] = _coerce(_BY_NAME[name], value)
    return values


def load(data_dir: pathlib.Path | str) -> KioskSettings:
    """The frozen snapshot the kiosk runs on."""
    return KioskSettings(**read(data_dir))


def save(data_dir: pathlib.Path | str, **changes: Any) -> KioskSettings:
    """Change some values and write the file at once (atomic replace)."""
    values = read(data_dir)
    for name, value in changes.items():
        if name not in _BY_NAME:
            raise KeyError(f"unknown kiosk setting: {name}")
        values[name] = _coerce(_BY_NAME[name], value)
    p = path_in(data_dir)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": 1, **values}, ensure_ascii=False, indent=1), "utf-8")
    tmp.replace(p)
    return KioskSettings(**values)


def is_kiosk(data_dir: pathlib.Path | str) -> bool:
    """True when this data folder was set up as a kiosk (start it with no command)."""
    return bool(read(data_dir)["kiosk_mode"])


def mark_as_kiosk(data_dir: pathlib.Path | str) -> None:
    """Remember that this folder is a kiosk, so a restart comes straight back to it."""
    if not is_kiosk(data_dir):
        save(data_dir, kiosk_mode=True)
