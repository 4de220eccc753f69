"""The self-service kiosk (自助登记机): pick a service, identify, take the slip.

A touch screen at the hall's entrance with an ID-card reader and a receipt printer. It
answers "where do I go and what do I bring?" with a printed registration slip, offline
like everything else. Entry point: :func:`run` (what
`desktop.app.run(face="kiosk")` calls); `launch.build` wires one without showing it.

Modules: `config` (kiosk settings), `registration` (the Qt-free write + slip bytes),
`alerts` (notices for the counters), `hardware` (reader and printer behind one seam),
`window` (the full-screen shell: lock, idle reset, elderly mode), `flow` (the steps)
and the pages.
"""

from __future__ import annotations

import pathlib
from typing import Any


def run(data_dir: pathlib.Path | str, *, demo: bool = False, app: Any = None) -> int:
    """What `desktop.app.run(face="kiosk")` calls; imports Qt only now."""
    from desktop.kiosk.launch import run as run_kiosk

    return run_kiosk(data_dir, demo=demo, app=app)
