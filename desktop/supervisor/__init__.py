"""The supervisor face (大厅管理员 / 监察): the hall's figures, overdue and due cases,
notices, 差评回访整改 and 申诉复核, the slip box, and the monthly review.

Same shape as desktop/counter and desktop/kiosk: `window` is the main window, the pages
are modules of their own, `jobs` holds the Qt-free background work, `screenshots` the
demo walk. Entry point: :func:`run` (what `desktop.app.run(face="supervisor")` calls).
"""

from __future__ import annotations

import pathlib
from typing import Any


def run(data_dir: pathlib.Path | str, *, demo: bool = False, app: Any = None) -> int:
    """`yichuang supervisor [--demo]`: until the window closes."""
    from PySide6.QtWidgets import QApplication

    from desktop.supervisor.window import SupervisorWindow

    app = app or QApplication.instance()
    data_dir = pathlib.Path(data_dir)
    window = SupervisorWindow(data_dir)
    if demo:
        from desktop.demo import seed

        window.runner.write(seed)
    window.show_for_screen()
    code = app.exec()
    window.shutdown()
    return int(code)
