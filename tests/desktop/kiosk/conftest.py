"""Kiosk tests: a real replica in tmp_path, the inline task runner, a fixed clock, and
the simulated ID-card reader and receipt printer on ptys (the kiosk's own threads)."""

from __future__ import annotations

import pytest


@pytest.fixture
def sims():
    from desktop.kiosk.hardware import Simulators

    s = Simulators()
    yield s
    s.stop()


@pytest.fixture
def kiosk_settings():
    from desktop.kiosk.config import KioskSettings

    return KioskSettings(full_screen=True, idle_seconds=600, printer_poll_seconds=1,
                         admin_pin="2580", kiosk_no=1)


@pytest.fixture
def kiosk(qtbot, data_dir, clock, sims, kiosk_settings):
    """The kiosk, built as `yichuang kiosk` builds it, shown windowed at 1080×1920."""
    from desktop.kiosk.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(data_dir / DB_NAME, clock=clock)
    k = build(data_dir, runner=runner, sims=sims, settings=kiosk_settings)
    qtbot.addWidget(k.window)
    k.window.resize(1080, 1920)
    k.window.show()
    yield k
    k.window.unlock()
    k.shutdown()


@pytest.fixture
def replica(data_dir):
    from sync.replica import Replica

    with Replica.in_dir(data_dir) as r:
        yield r
