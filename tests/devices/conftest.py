"""Fixtures for device tests: simulators on ptys (and TCP), and the CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from devices.idcard.simulator import IdCardReaderSimulator
from devices.pad.simulator import RatingPadSimulator
from devices.printer.simulator import PrinterSimulator
from devices.scanner.simulator import ScannerSimulator

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs ptys (POSIX)")


@pytest.fixture
def idcard_sim():
    sim = IdCardReaderSimulator("zhangsan").start()
    yield sim
    sim.stop()


@pytest.fixture
def pad_sim():
    sim = RatingPadSimulator().start()
    yield sim
    sim.stop()


@pytest.fixture
def keypad_sim():
    sim = RatingPadSimulator("keypad").start()
    yield sim
    sim.stop()


@pytest.fixture
def printer_sim():
    sim = PrinterSimulator(tcp_port=0).start()
    yield sim
    sim.stop()


@pytest.fixture
def scanner_sim():
    sim = ScannerSimulator().start()
    yield sim
    sim.stop()


def run_cli(*args: str, timeout: float = 10.0) -> subprocess.CompletedProcess[str]:
    """``python -m devices.cli ARGS`` from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "devices.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture
def cli():
    """The CLI runner (a fixture so test modules need not import conftest)."""
    return run_cli
