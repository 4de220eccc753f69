"""The reviewer's face (后台审批): the department's queue, one case, its decision.

For reviewers and department heads, often in their department's office: on this PC's
replica (offline too) or against the server over the city network (`--server URL
--hall CODE`); both write through the same change log. Entry point: :func:`run`
(what `desktop.app.run(face="review")` calls).

Modules: `jobs` (replica work, Qt-free), `remote` (the server's back-office API,
Qt-free), `backend` (either, on the task runner), `login`, `queue_view`, `case_panel`,
`actions` (what may be done and the dialog each step asks), `shell` (the window),
`demo` (demo cases), `screenshots`.
"""

from __future__ import annotations

import pathlib
from typing import Any


def run(data_dir: pathlib.Path | str, *, demo: bool = False, app: Any = None,
        server: str | None = None, hall: str | None = None) -> int:
    """What `desktop.app.run(face="review")` calls; imports Qt only now."""
    from desktop.review.launch import run as run_review

    return run_review(pathlib.Path(data_dir), demo=demo, app=app, server=server, hall=hall)
