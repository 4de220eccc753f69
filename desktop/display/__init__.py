"""The hall display (叫号显示屏): the calls, the last calls, the waiting per zone, a notice
line and the clock, full screen on the hall's TV, and the calls spoken.

Entry point: :func:`run` (what `desktop.app.run(face="display")` calls);
`launch.build` wires one without showing it. Modules: `board` (what is shown, read from
the replica, no Qt), `window` and `widgets` (the screen), `speech` and `announcer`
(the voice), `chime`, `config` (display.json), `demo` (a morning's queue),
`screenshots`.
"""

from __future__ import annotations

import pathlib
from typing import Any


def run(data_dir: pathlib.Path | str, *, demo: bool = False, app: Any = None) -> int:
    """What `desktop.app.run(face="display")` calls; imports Qt only now."""
    from desktop.display.launch import run as run_display

    return run_display(data_dir, demo=demo, app=app)
