"""Counter tests: a real replica in tmp_path, the inline task runner, a fixed clock.

The catalog is imported once per session into a template replica and copied per test
(hashing and pinyin are the slow part). Qt runs offscreen.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from domain.events import CHINA_TZ

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=CHINA_TZ)  # a Monday


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory) -> pathlib.Path:
    from sync.demo_data import ensure_catalog
    from sync.replica import Replica

    d = tmp_path_factory.mktemp("template")
    with Replica.in_dir(d) as replica:
        replica.identity()
        ensure_catalog(replica)
    return d


@pytest.fixture
def data_dir(tmp_path: pathlib.Path, template_dir: pathlib.Path) -> pathlib.Path:
    from sync.replica import DB_NAME

    shutil.copy(template_dir / DB_NAME, tmp_path / DB_NAME)
    return tmp_path


@pytest.fixture
def clock():
    return lambda: NOW


@pytest.fixture
def counter(qtbot, data_dir, clock):
    """The counter window with an inline task runner, not logged in yet."""
    from desktop.counter.shell import CounterShell
    from desktop.settings import SettingsStore
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(data_dir / DB_NAME, clock=clock)
    shell = CounterShell(data_dir, SettingsStore(data_dir), runner=runner, clock=clock)
    qtbot.addWidget(shell)
    shell.resize(1366, 768)
    shell.show()
    yield shell
    shell.shutdown()


def _login(shell, no: str = "1001", password: str = "1234") -> None:
    shell.login.staff_no.setText(no)
    shell.login.password.setText(password)
    shell.login.submit()


@pytest.fixture
def login():
    """login(shell, staff_no, password) as a clerk would type it."""
    return _login


@pytest.fixture
def clerk(counter):
    """The counter with 王丽 (1001, window W01) logged in."""
    _login(counter)
    assert counter.working
    return counter


@pytest.fixture
def replica(clerk):
    """The inline runner's own connection (same thread), for assertions."""
    return clerk.runner._replica
