"""Wiring printing into the counter window, in one call: :func:`connect_printing`.

The counter stays printer-agnostic. It has seams and this module plugs into them:

* after a step is stored (``Workspace.sig_case_written``) each paper of that step
  (`papers.papers_after`) goes where the hall's ``paper_actions`` setting says: into
  the preview (Enter prints them all), straight to its printer, or only into the
  case's archive;
* the case view's history gets the case's kept papers with 补打 / 预览 and a
  打印… menu (``CaseView.add_history_panel`` / ``CaseView.sig_case_shown``);
* receipts go to the devices layer's printer when the shell has ``devices`` (set by
  ``desktop.devices.counter_hooks.connect_counter``), looked up at print time so the
  order in which the two are connected does not matter;
* the flow's sentences go to the status bar (``shell.show_message``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.printing.flow import FolderPrinter, PrintFlow, default_printer
from desktop.printing.papers import papers_after, step_of
from desktop.printing.papers_panel import PapersPanel
from desktop.printing.preview import PreviewDialog
from desktop.settings import (
    ARCHIVE,
    DEFAULT_PAPER_ACTIONS,
    PREVIEW,
    PRINT,
    VIRTUAL_PRINTER,
    CounterSettings,
)
from domain.case import Case

log = logging.getLogger(__name__)


@dataclass
class CounterPrinting:
    """What :func:`connect_printing` made; kept on the shell as ``shell.printing``."""

    flow: PrintFlow
    panel: PapersPanel | None
    offer_after_steps: bool = True
    actions: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PAPER_ACTIONS))

    def offer_after(self, case: Case, parent: QWidget | None = None) -> PreviewDialog | None:
        """The papers of the step just stored on `case`, each as the hall chose: the
        preview (returned; None when no paper of the step is previewed), printed at
        once, or kept only."""
        if not self.offer_after_steps:
            return None
        docs = papers_after(step_of(case), case)
        shown = [d for d in docs if self.actions.get(d, PREVIEW) == PREVIEW]
        for doc in docs:
            action = self.actions.get(doc, PREVIEW)
            if action == PRINT:
                self.flow.print_now(doc, case)
            elif action == ARCHIVE:
                self.flow.keep_only(doc, case)
        if not shown:
            return None
        dialog = PreviewDialog(self.flow, case, shown, parent)
        dialog.show()
        return dialog


def receipt_printer_of(shell: Any) -> Any:
    """The devices layer's printer service of the shell, when devices are connected."""
    devices = getattr(shell, "devices", None)
    hub = getattr(devices, "hub", None)
    return getattr(hub, "printer", None)


def a4_printer(name: str, data_dir: Any, *, demo: bool = False) -> Any:
    """The QPrinter factory for A4 papers: the `a4_printer` setting, or for the demo on a
    PC without any printer the virtual one (PDF files into <data folder>/printed)."""
    import pathlib

    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    folder = FolderPrinter(pathlib.Path(data_dir) / "printed")
    if name == VIRTUAL_PRINTER:
        return folder
    if name:
        def named() -> QPrinter | None:
            info = QPrinterInfo.printerInfo(name)
            return None if info.isNull() else QPrinter(info, QPrinter.PrinterMode.HighResolution)

        return named
    if demo:
        return lambda: default_printer() or folder()
    return default_printer


def connect_printing(shell: Any, **flow_options: Any) -> CounterPrinting:
    """Plug printing into a ``desktop.counter.shell.CounterShell`` whose workspace exists
    (call it where the shell builds its workspace, after start-up)."""
    settings: CounterSettings = getattr(shell, "settings", CounterSettings())
    flow_options.setdefault("system_printer", a4_printer(
        settings.a4_printer, shell.data_dir, demo=getattr(shell, "demo", False)))
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
    printing = CounterPrinting(flow, panel, actions=dict(settings.paper_actions))
    workspace.sig_case_written.connect(lambda case: printing.offer_after(case, shell))
    shell.runner.io(warm_printing, None, lambda exc: log.warning("printing warm-up: %r", exc))
    return printing


def warm_printing() -> None:
    """Import the paper code and parse the CJK fonts now, in the background at the first
    login: the clerk's first receipt or notice after start costs what every other does
    (the fonts alone take ~0.3 s)."""
    from printing import documents, fonts  # noqa: F401 - imported to have it ready

    fonts.register()
    fonts.font_for("一")  # the fonts' coverage tables
