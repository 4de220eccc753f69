"""A case this counter does not keep in full (older than its snapshot, or past the hall's
retention window) is found on the server: the search says "更早的办件在服务器上",
fetches it and opens it (issue 16)."""

from __future__ import annotations

import datetime as dt
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from domain import events as ev
from sync.client_cli import sync_once
from sync.enrol import enrol
from sync.replica import DB_NAME
from tests.support.servers import ServerProcess, enrol_code, setup_hall
from tests.support.terminal import Term


@pytest.fixture
def hall(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    setup_hall(url)
    srv = ServerProcess(url, log_dir=tmp_path).start()
    yield url, srv
    srv.stop()


def _old_closed_case(url: str, srv: ServerProcess, d) -> tuple[str, str]:
    t = Term(d, srv.url, enrol_code(url), clock_offset=dt.timedelta(days=-300))
    cid = t.open_case(instant=True)
    t.step(cid, ev.ACCEPTED)
    t.step(cid, ev.ISSUED, {"method": "collected"})
    assert sync_once(t.dir)["ok"]
    from sync.replica import Replica

    with Replica.in_dir(t.dir) as r:
        number = r.conn.execute("SELECT case_number FROM cases WHERE id=?", (cid,)
                                ).fetchone()[0]
    return cid, number


def _counter(qtbot, data_dir, clock, url: str, srv: ServerProcess, template_dir):
    from desktop.counter.shell import CounterShell
    from desktop.settings import SettingsStore
    from desktop.tasks import InlineTaskRunner

    shutil.copy(template_dir / DB_NAME, data_dir / DB_NAME)
    enrol(data_dir, srv.url, enrol_code(url))  # a new PC of the hall: nothing of old
    runner = InlineTaskRunner(data_dir / DB_NAME, clock=clock)
    shell = CounterShell(data_dir, SettingsStore(data_dir), runner=runner, clock=clock)
    qtbot.addWidget(shell)
    shell.resize(1366, 768)
    shell.show()
    shell.login.staff_no.setText("1001")
    shell.login.password.setText("1234")
    shell.login.submit()
    assert shell.working
    return shell


def test_a_case_only_the_server_has_is_found_there_and_opened(qtbot, hall, tmp_path,
                                                              template_dir, clock):
    url, srv = hall
    cid, number = _old_closed_case(url, srv, tmp_path / "old-pc")
    d = tmp_path / "new-pc"
    d.mkdir()
    shell = _counter(qtbot, d, clock, url, srv, template_dir)
    ws = shell.workspace
    said: list[str] = []
    say = ws.search_bar.feedback.say
    ws.search_bar.feedback.say = lambda text, *a, **kw: (said.append(text), say(text, *a, **kw))
    held = []
    real_io = shell.runner.io
    shell.runner.io = lambda fn, done=None, err=None: held.append((fn, done, err))
    ws.search(number)
    assert said and said[-1].startswith("更早的办件在服务器上")
    for w, h in ((1366, 768), (1920, 1080)):
        shell.resize(w, h)
        shot = tmp_path / f"older-case-searching-{w}.png"
        shell.grab().save(str(shot))
        assert shot.stat().st_size > 0
    shell.runner.io = real_io
    fn, done, err = held.pop()
    real_io(fn, done, err)  # the server answers: stored, searched again, opened
    assert ws.stack.currentWidget() is ws.case_view
    assert ws.case_view.case.id == cid and ws.case_view.case.state == "issued"


def test_a_name_is_not_asked_for_and_an_unreachable_server_is_said(qtbot, hall, tmp_path,
                                                                   template_dir, clock):
    url, srv = hall
    d = tmp_path / "pc"
    d.mkdir()
    shell = _counter(qtbot, d, clock, url, srv, template_dir)
    ws = shell.workspace
    asked = []
    real_io = shell.runner.io
    shell.runner.io = lambda fn, done=None, err=None: (asked.append(fn),
                                                       real_io(fn, done, err))
    ws.search("张三丰")
    assert asked == [] and "没有找到" in ws.search_bar.feedback.text()
    srv.stop()
    from domain import idnumber

    body = "37110219680305201"
    ws.search(body + idnumber.check_char(body))  # an ID number: asked, and it is away
    assert len(asked) == 1 and "没有找到" in ws.search_bar.feedback.text()
