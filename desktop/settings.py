"""Terminal settings: declared once, with types, defaults and a version.

Settings live in ``settings.json`` in the terminal's data folder so that several
terminals can run side by side on one PC (demo, tests). Every option is declared here,
once; nothing else reads the JSON. Other layers receive a frozen dataclass built at
start-up (`CounterSettings`), never this module's dict, so a setting cannot be changed
behind a screen's back. Old files are upgraded by numbered hooks (Picard's lesson).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import pathlib
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"
VERSION = 2


@dataclasses.dataclass(frozen=True)
class Option:
    """One setting: its type and default decide how a bad stored value is repaired."""

    name: str
    type: type
    default: Any
    doc: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    """Allowed values of a str option, or of each value of a dict option."""


PREVIEW, PRINT, ARCHIVE = "preview", "print", "archive"
PAPER_ACTIONS = (PREVIEW, PRINT, ARCHIVE)
DEFAULT_PAPER_ACTIONS: dict[str, str] = {
    # the legal notices the clerk has just worded (what is missing, why refused): a look
    "acceptance-notice": PREVIEW,
    "supplement-notice": PREVIEW,
    "refusal-notice": PREVIEW,
    # receipts and the papers that only restate the step: straight to the printer
    "acceptance-receipt": PRINT,
    "materials-receipt": PRINT,
    "pickup-slip": PRINT,
    "completion-notice": PRINT,
    "mailing-sheet": PRINT,
    "slip": PRINT,
}
"""What happens to each paper after a step: shown first, printed at once, or only kept."""

VIRTUAL_PRINTER = "pdf-folder"
"""`a4_printer` value: A4 papers become PDF files in <data folder>/printed (the demo's)."""

OPTIONS: tuple[Option, ...] = (
    Option("language", str, "zh_CN", "UI language: zh_CN or en"),
    Option("face", str, "counter", "what `yichuang start` opens: counter, kiosk, supervisor, "
           "reviewer or display (chosen in the set-up wizard)"),
    Option("window_id", str, "", "the window (counter) this PC serves; chosen at first login"),
    Option("last_staff_no", str, "", "pre-filled at the login screen"),
    Option("idle_lock_minutes", int, 5, "lock the screen after this many idle minutes (0 = never)",
           0, 240),
    Option("warn_working_days", int, 1, "yellow when the deadline is this near (working days)",
           0, 30),
    Option("countdown_refresh_seconds", int, 60, "how often the countdowns are recomputed",
           5, 3600),
    Option("scanner_min_length", int, 6, "shortest code accepted as a scan", 3, 64),
    Option("paper_actions", dict, DEFAULT_PAPER_ACTIONS,
           "per paper after a step: preview, print (at once) or archive (keep the PDF only)",
           choices=PAPER_ACTIONS),
    Option("a4_printer", str, "",
           "A4 printer name; empty = the system's default; 'pdf-folder' = PDF files into "
           "the data folder's 'printed' (a PC without a printer, the demo)"),
    Option("font_size", int, 14, "the base text size of the counter, in pixels", 10, 28),
)
_BY_NAME = {o.name: o for o in OPTIONS}


@dataclasses.dataclass(frozen=True)
class CounterSettings:
    """What the counter screens read; built from the file at start-up."""

    language: str = "zh_CN"
    face: str = "counter"
    window_id: str = ""
    last_staff_no: str = ""
    idle_lock_minutes: int = 5
    warn_working_days: int = 1
    countdown_refresh_seconds: int = 60
    scanner_min_length: int = 6
    paper_actions: dict[str, str] = dataclasses.field(
        default_factory=lambda: dict(DEFAULT_PAPER_ACTIONS))
    a4_printer: str = ""
    font_size: int = 14

    def paper_action(self, doc: str) -> str:
        """preview | print | archive for one paper (a paper not listed is previewed)."""
        return self.paper_actions.get(doc, PREVIEW)


def _upgrade_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    # version 1 stored the idle lock in seconds under another name
    if "idle_lock_seconds" in data:
        data["idle_lock_minutes"] = max(1, int(data.pop("idle_lock_seconds")) // 60)
    return data


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}


def _coerce(option: Option, value: Any) -> Any:
    """A stored value of the wrong type or out of range falls back to the default."""
    if option.type is dict:
        if not isinstance(value, dict):
            log.warning("setting %s: bad value, using default", option.name)
            return dict(option.default)
        good = {str(k): v for k, v in value.items() if not option.choices or v in option.choices}
        return {**option.default, **good}
    try:
        v = option.type(value)
    except (TypeError, ValueError):
        log.warning("setting %s: bad value, using default", option.name)
        return option.default
    if option.type is int:
        if option.minimum is not None and v < option.minimum:
            return option.minimum
        if option.maximum is not None and v > option.maximum:
            return option.maximum
    return v


class SettingsStore:
    """Reads and writes ``settings.json``; hands out frozen snapshots."""

    def __init__(self, data_dir: pathlib.Path | str) -> None:
        self.path = pathlib.Path(data_dir) / FILE_NAME
        self._values: dict[str, Any] = {o.name: _coerce(o, o.default) for o in OPTIONS}
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("settings unreadable (%s); using defaults", exc)
            return
        version = int(data.pop("version", 1))
        while version < VERSION:
            data = UPGRADES[version](data)
            version += 1
        for name, value in data.items():
            if name in _BY_NAME:
                self._values[name] = _coerce(_BY_NAME[name], value)

    def get(self, name: str) -> Any:
        return self._values[name]

    def set(self, name: str, value: Any) -> None:
        """Change and save at once: a terminal may be switched off at any moment."""
        self._values[name] = _coerce(_BY_NAME[name], value)
        self.save()

    def update(self, **values: Any) -> None:
        for name, value in values.items():
            self._values[name] = _coerce(_BY_NAME[name], value)
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": VERSION, **self._values}, ensure_ascii=False,
                                  indent=1), "utf-8")
        tmp.replace(self.path)

    def snapshot(self) -> CounterSettings:
        return CounterSettings(**{k: dict(v) if isinstance(v, dict) else v
                                  for k, v in self._values.items()})
