"""The hall display's settings (``display.json`` in its data folder), declared once.

A bad or missing value falls back to its default with a log line: a TV in a hall has
nobody in front of it to read an error dialog.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import pathlib
from typing import Any

log = logging.getLogger(__name__)

FILE_NAME = "display.json"
VOICES = ("auto", "qt", "espeak", "off")


@dataclasses.dataclass(frozen=True)
class DisplaySettings:
    # the hall's own line along the bottom (opening hours, what to bring …)
    notice: str = ""
    # auto: the system's voice, else espeak-ng, else silent; or qt | espeak | off
    voice: str = "auto"
    full_screen: bool = True
    # how often to look at the server when it has no long poll (seconds)
    poll_seconds: float = 1.0


def load(data_dir: pathlib.Path | str) -> DisplaySettings:
    """The settings in `data_dir`, repaired value by value."""
    p = pathlib.Path(data_dir) / FILE_NAME
    data: dict[str, Any] = {}
    if p.exists():
        try:
            data = json.loads(p.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("display settings unreadable (%s); using defaults", exc)
    base = DisplaySettings()
    values: dict[str, Any] = {}
    notice = data.get("notice", base.notice)
    values["notice"] = notice[:500] if isinstance(notice, str) else base.notice
    voice = data.get("voice", base.voice)
    values["voice"] = voice if voice in VOICES else base.voice
    full = data.get("full_screen", base.full_screen)
    values["full_screen"] = full if isinstance(full, bool) else base.full_screen
    poll = data.get("poll_seconds", base.poll_seconds)
    ok = isinstance(poll, int | float) and not isinstance(poll, bool) and 0.2 <= poll <= 60
    values["poll_seconds"] = float(poll) if ok else base.poll_seconds
    if values != {f.name: data.get(f.name, getattr(base, f.name))
                  for f in dataclasses.fields(base)}:
        log.warning("display settings: bad values replaced by defaults")
    return DisplaySettings(**values)
