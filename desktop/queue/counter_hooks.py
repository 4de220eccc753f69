"""Mounting the queue on the counter: one call from the shell, one key table.

`attach_queue(shell)` builds the queue panel and the kiosk-notice button and puts them
under the workspace's header; the shell's shortcut table takes `QUEUE_KEYS`. Nothing
else of the counter changes, so the counter's own screens stay theirs to rework.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from desktop.queue.keys import QUEUE_KEYS  # noqa: F401 (the shell's table, kept here too)
from desktop.queue.notices_bell import NoticeBell
from desktop.queue.panel import QueuePanel


class QueueStrip(QWidget):
    """The panel and the notice button side by side."""

    def __init__(self, panel: QueuePanel, bell: NoticeBell, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.panel, self.bell = panel, bell
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(panel, 1)
        row.addWidget(bell)


def attach_queue(shell: Any) -> QueuePanel:
    """Build the strip into the shell's workspace and wire it; returns the panel."""
    ws = shell.workspace
    panel = QueuePanel(shell.state, shell.runner, shell.data_dir)
    bell = NoticeBell(shell.runner, lambda: shell.state.session.actor
                      if shell.state.session is not None else None)
    strip = QueueStrip(panel, bell)
    lay = ws.layout()
    header = ws.findChild(QFrame, "header")
    lay.insertWidget(lay.indexOf(header) + 1 if header is not None else 0, strip)
    panel.sig_message.connect(shell.show_message)
    bell.sig_message.connect(shell.show_message)
    panel.sig_open_case.connect(ws.open_case_id)
    panel.sig_new_case.connect(ws.new_case)
    shell.scanner.sig_scanned.connect(lambda code: shell.working and panel.on_scanned(code))
    controller = getattr(shell, "sync_controller", None)
    if controller is not None:  # a round brought tickets or notices: show them now
        controller.sig_status_changed.connect(lambda _s: (panel.refresh(), bell.refresh()))
    shell.runner.sig_written.connect(lambda _v: bell.refresh())
    shell.login.sig_logged_in.connect(lambda *_: panel.refresh())
    # built during the first login, before its session is set: look once it is
    QTimer.singleShot(0, panel.refresh)
    bell.refresh()
    return panel
