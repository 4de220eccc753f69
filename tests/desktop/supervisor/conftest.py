"""Supervisor face tests: a replica of demo cases, the clerk's back-dated cases and the
supervisor's material (consultations, bad ratings at every stage, appeals, notices),
built once and copied per test; the inline task runner; the fixed clock."""

from __future__ import annotations

import pathlib
import shutil

import pytest

from tests.desktop.conftest import NOW


@pytest.fixture(scope="session")
def hall_template(tmp_path_factory) -> pathlib.Path:
    from desktop.supervisor.screenshots import seed

    d = tmp_path_factory.mktemp("supervisor-template")
    seed(d, NOW.date())
    return d


@pytest.fixture
def sup_dir(tmp_path: pathlib.Path, hall_template: pathlib.Path) -> pathlib.Path:
    from sync.replica import DB_NAME

    shutil.copy(hall_template / DB_NAME, tmp_path / DB_NAME)
    return tmp_path


@pytest.fixture
def face(qtbot, sup_dir, clock):
    """The supervisor window, not logged in."""
    from desktop.supervisor.window import SupervisorWindow
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(sup_dir / DB_NAME, clock=clock)
    w = SupervisorWindow(sup_dir, runner=runner, clock=clock)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.shutdown()


def log_in(w, no: str, password: str = "1234") -> None:
    w.login.staff_no.setText(no)
    w.login.password.setText(password)
    w.login.submit()


@pytest.fixture
def boss(face):
    """Logged in as the demo supervisor 1068."""
    log_in(face, "1068")
    assert face.tabs is not None and face.stack.currentWidget() is face.tabs
    return face
