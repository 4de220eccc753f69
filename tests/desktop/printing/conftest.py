"""Fixtures for the counter's printing: a real replica, a case written through the
store, the real counter window, and a QPrinter that prints into a PDF file.

QPrinter's PdfFormat output is Qt's own print path (the same QPainter-on-QPrinter code
a system printer gets), so tests exercise it without a printer installed.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import re
import shutil
import subprocess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from domain import events as ev
from domain.application import Actor, registration_payload
from domain.case import Case

NOW = dt.datetime(2025, 3, 14, 9, 41, tzinfo=ev.CHINA_TZ)


def need(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} not installed (apt-get install poppler-utils)")
    return exe


def pdf_text(path: pathlib.Path) -> str:
    return subprocess.run([need("pdftotext"), "-raw", str(path), "-"], check=True,
                          capture_output=True, text=True, timeout=30).stdout


def pdf_pages(path: pathlib.Path) -> int:
    info = subprocess.run([need("pdfinfo"), str(path)], check=True, capture_output=True,
                          text=True, timeout=30).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


class PdfPrinters:
    """A factory of QPrinters that write PDF files: one file per print job."""

    def __init__(self, folder: pathlib.Path) -> None:
        self.folder = folder
        self.files: list[pathlib.Path] = []

    def __call__(self):
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = self.folder / f"printed-{len(self.files) + 1}.pdf"
        printer.setOutputFileName(str(path))
        printer.setResolution(150)  # pages are images: 150 dpi keeps the test quick
        self.files.append(path)
        return printer


@pytest.fixture
def pdf_printers(tmp_path) -> PdfPrinters:
    folder = tmp_path / "printed"
    folder.mkdir()
    return PdfPrinters(folder)


@pytest.fixture
def counter(qtbot, tmp_path: pathlib.Path, pdf_printers):
    """The real counter window (inline task runner), a clerk logged in, printing connected."""
    from desktop.counter.shell import CounterShell
    from desktop.printing.counter_hooks import connect_printing
    from desktop.settings import SettingsStore
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(tmp_path / DB_NAME, clock=lambda: NOW)
    shell = CounterShell(tmp_path, SettingsStore(tmp_path), runner=runner, clock=lambda: NOW)
    qtbot.addWidget(shell)
    assert shell.state is not None, "the inline runner starts the counter at once"
    staff = next(s for s in shell.state.catalog.staff if s.role == "clerk" and s.window)
    shell._on_logged_in(staff, staff.window)
    if getattr(shell, "printing", None) is None:
        shell.printing = connect_printing(shell)
    shell.printing.flow.system_printer = pdf_printers
    yield shell
    shell.shutdown()


def write_case(counter, *, long_list: bool = False, steps=((ev.ACCEPTED, {}),)) -> Case:
    """A case opened and taken through `steps` by the counter's own store."""
    from desktop.counter import jobs
    from printing.demo import ITEM, demo_applicant, joint_item

    catalog = counter.state.catalog
    item = joint_item(catalog) if long_list else catalog.item(ITEM)
    provided = {m.id: True for m in item.materials if m.required}
    payload = registration_payload(item, demo_applicant(rare_name=False), provided=provided)
    actor: Actor = counter.state.session.actor
    # the back office's steps are its reviewer's (domain.roles): a clerk may not approve
    reviewer = next(s for s in catalog.staff
                    if s.role == "reviewer" and s.department == item.department)
    back = Actor.of(reviewer, actor.terminal_id)
    back_kinds = {ev.APPROVED, ev.REJECTED, ev.CLOCK_PAUSED, ev.CLOCK_RESUMED}

    def job(store):
        case = jobs.open_case(store, payload, actor)
        for kind, step in steps:
            _, case = store.record(case.id, kind, step, back if kind in back_kinds else actor)
        return case

    result: list[Case] = []
    errors: list[BaseException] = []
    counter.runner.write(job, result.append, errors.append)
    assert result, f"the inline runner writes at once ({errors})"
    return result[0]
