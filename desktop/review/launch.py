"""Building and running the reviewer face: `yichuang review [--server URL --hall CODE]`,
`yichuang demo --face review`, the tests and the screenshots.

`build` wires the backend and the window and shows nothing; `run` shows it and runs the
event loop. On a replica a sync controller carries the decisions out (an enrolled
terminal), as at the counter.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
from collections.abc import Callable
from typing import Any

from domain import events as ev

log = logging.getLogger(__name__)


def build(data_dir: pathlib.Path, *, server: str | None = None, hall: str | None = None,
          runner: Any = None, clock: Callable[[], dt.datetime] | None = None) -> Any:
    """The ReviewShell, on the replica in `data_dir` or against `server`."""
    from desktop.review.backend import LocalBackend, ServerBackend
    from desktop.review.remote import BackofficeClient
    from desktop.review.shell import ReviewShell
    from desktop.tasks import TaskRunner
    from sync.replica import DB_NAME

    clock = clock or (lambda: dt.datetime.now(ev.CHINA_TZ))
    runner = runner or TaskRunner(data_dir / DB_NAME, clock=clock)
    if server:
        if not hall:
            raise ValueError("连接审批服务器须指定大厅代码（--hall）")
        backend: Any = ServerBackend(runner, BackofficeClient(server, hall))
    else:
        backend = LocalBackend(runner, lambda: clock().date())
    shell = ReviewShell(data_dir, backend, clock=clock)
    runner.setParent(shell)
    if not server:
        _attach_sync(shell, data_dir)
    return shell


def _attach_sync(shell: Any, data_dir: pathlib.Path) -> None:
    """The sync status in the status bar, woken after each decision (enrolled terminals)."""
    try:
        from desktop import sync_status
    except ImportError:
        return
    from PySide6.QtCore import QTimer

    controller = sync_status.SyncController(data_dir, parent=shell)
    widget = sync_status.SyncStatusWidget(controller, parent=shell)
    shell.statusBar().addPermanentWidget(widget)
    shell.runner.sig_written.connect(lambda _value: controller.wake())
    shell.sync_controller = controller
    QTimer.singleShot(0, controller.start)


def run(data_dir: pathlib.Path, *, demo: bool = False, app: Any = None,
        server: str | None = None, hall: str | None = None) -> int:
    """Show the reviewer face until its window closes."""
    from PySide6.QtWidgets import QApplication

    app = app or QApplication.instance()
    if demo and not server:
        from desktop.review.demo import seed_replica

        seed_replica(data_dir)
    try:
        shell = build(data_dir, server=server, hall=hall)
    except ValueError as exc:
        print(f"错误: {exc}")
        return 2
    shell.show_for_screen()
    code = app.exec()
    controller = getattr(shell, "sync_controller", None)
    if controller is not None:
        controller.stop()
    shell.shutdown()
    return int(code)
