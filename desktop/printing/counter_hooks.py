"""Wiring printing into the counter window, in one call: :func:`connect_printing`.

The counter stays printer-agnostic. It has seams and this module plugs into them:

* after a step is stored (``Workspace.sig_case_written``) the papers of that step
  (`papers.papers_after`) are offered in the preview — Enter prints them all;
* the case view's history gets the case's kept papers with 补打 / 预览 and a
  打印… menu (``CaseView.add_history_panel`` / ``CaseView.sig_case_shown``);
* receipts go to the devices layer's printer when the shell has ``devices`` (set by
  ``desktop.devices.counter_hooks.connect_counter``), looked up at print time so the
  order in which the two are connected does not matter;
* the flow's sentences go to the status bar (``shell.show_message``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.printing.flow import PrintFlow
from desktop.printing.papers import papers_after, step_of
from desktop.printing.papers_panel import PapersPanel
from desktop.printing.preview import PreviewDialog
from domain.case import Case

log = logging.getLogger(__name__)


@dataclass
class CounterPrinting:
    """What :func:`connect_printing` made; kept on the shell as ``shell.printing``."""

    flow: PrintFlow
    panel: PapersPanel | None
    offer_after_steps: bool = True

    def offer_after(self, case: Case, parent: QWidget | None = None) -> PreviewDialog | None:
        """The papers of the step just stored on `case`, previewed (None: no paper)."""
        if not self.offer_after_steps:
            return None
        docs = papers_after(step_of(case), case)
        if not docs:
            return None
        dialog = PreviewDialog(self.flow, case, docs, parent)
        dialog.show()
        return dialog


def receipt_printer_of(shell: Any) -> Any:
    """The devices layer's printer service of the shell, when devices are connected."""
    devices = getattr(shell, "devices", None)
    hub = getattr(devices, "hub", None)
    return getattr(hub, "printer", None)


def connect_printing(shell: Any, **flow_options: Any) -> CounterPrinting:
    """Plug printing into a ``desktop.counter.shell.CounterShell`` whose workspace exists
    (call it where the shell builds its workspace, after start-up)."""
    flow = PrintFlow(shell.runner, shell.data_dir, shell.state,
                     receipt_printer=lambda: receipt_printer_of(shell), parent=shell,
                     **flow_options)
    flow.sig_message.connect(shell.show_message)
    workspace = shell.workspace
    panel = None
    case_view = getattr(workspace, "case_view", None)
    if case_view is not None and hasattr(case_view, "add_history_panel"):
        panel = PapersPanel(flow)
        case_view.add_history_panel(panel)
        case_view.sig_case_shown.connect(panel.show_case)
    else:
        log.warning("the case view has no papers slot: reprint only from the CLI")
    printing = CounterPrinting(flow, panel)
    workspace.sig_case_written.connect(lambda case: printing.offer_after(case, shell))
    return printing
