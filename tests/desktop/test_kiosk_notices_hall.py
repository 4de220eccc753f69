"""A kiosk's help call reaches every counter and the supervisor within seconds, through
the same path as everything else (issues 9 and 11): a real `yichuang server`, a kiosk
replica, a counter window and the supervisor window each syncing in the background with
their own sync worker (interval 5 s). The call lights another terminal's counter bell
and appears on the supervisor's notices within one sync interval; resolving it at the
counter clears it at the supervisor and the kiosk; a printer fault resolved at the
supervisor clears the counter's bell."""

from __future__ import annotations

import pathlib
import time
from collections.abc import Iterator

import pytest

from domain import notices as dn
from sync import notices
from sync.client_cli import sync_once
from sync.replica import DB_NAME, Replica
from tests.support.fixtures import code_for, hall_db, server  # noqa: F401
from tests.support.terminal import Term

PW = "pw-hall-7"
INTERVAL_S = 5.0  # desktop.sync_status.SyncController's default
WITHIN_MS = int((INTERVAL_S + 3.0) * 1000)  # a round, plus a push and a pull on a busy box


@pytest.fixture
def db_url(tmp_path: pathlib.Path) -> str:  # (SQLite: the path is the same on PostgreSQL)
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


@pytest.fixture
def hall(qtbot, server, code_for, tmp_path) -> Iterator[dict]:  # noqa: F811
    """A kiosk (a replica), a counter window with 王丽 logged in, the supervisor window
    with 邹杰 logged in — each terminal enrolled at the server."""
    from desktop.counter.shell import CounterShell
    from desktop.settings import SettingsStore
    from desktop.supervisor.window import SupervisorWindow
    from desktop.tasks import InlineTaskRunner
    from server import admin, db

    database = db.Database(server.db_url)  # real passwords (the demo ones are disarmed)
    with database.writer() as conn:
        for rec in (admin.staff_record("S001", "1001", "王丽", "clerk", "W01", password=PW),
                    admin.staff_record("S068", "1068", "邹杰", "supervisor", None,
                                       password=PW)):
            admin.add_staff(conn, "371100", rec)
    database.dispose()
    kiosk = Term(tmp_path / "kiosk", server.url, code_for())
    counter_term = Term(tmp_path / "counter", server.url, code_for())
    sup_term = Term(tmp_path / "sup", server.url, code_for())
    shell = CounterShell(counter_term.dir, SettingsStore(counter_term.dir),
                         runner=InlineTaskRunner(counter_term.dir / DB_NAME))
    sup = SupervisorWindow(sup_term.dir, runner=InlineTaskRunner(sup_term.dir / DB_NAME))
    for w in (shell, sup):
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
    for w, no in ((shell, "1001"), (sup, "1068")):
        qtbot.waitUntil(lambda w=w: w.login.login_button.isEnabled(), timeout=5000)
        w.login.staff_no.setText(no)
        w.login.password.setText(PW)
        w.login.submit()
    qtbot.waitUntil(lambda: shell.working and sup.tabs is not None, timeout=5000)
    yield {"kiosk": kiosk, "shell": shell, "sup": sup}
    shell.shutdown()
    sup.shutdown()


def _bell(shell):
    return shell.queue_panel.parent().bell


def _sup_rows(sup) -> list[dict]:
    return [r for r in sup.notices.model.rows if r["kind"] in (dn.KIOSK_HELP, dn.KIOSK_PRINTER)]


def test_a_help_call_reaches_the_counter_and_the_supervisor_and_clears_everywhere(qtbot, hall):
    kiosk, shell, sup = hall["kiosk"], hall["shell"], hall["sup"]
    bell = _bell(shell)
    assert bell.text() == "无提醒" and not _sup_rows(sup)
    with Replica.in_dir(kiosk.dir) as r:  # the help button (desktop.kiosk.flow)
        nid = notices.add(r, dn.KIOSK_HELP, "1号自助登记机：群众请求帮助")
    assert sync_once(kiosk.dir)["ok"]
    pushed = time.monotonic()
    qtbot.waitUntil(lambda: bell.text() == "自助机提醒 1", timeout=WITHIN_MS)
    at_counter = time.monotonic() - pushed
    qtbot.waitUntil(lambda: [r["id"] for r in _sup_rows(sup)] == [nid], timeout=WITHIN_MS)
    at_supervisor = time.monotonic() - pushed
    print(f"help call: counter bell after {at_counter:.1f} s, supervisor after "
          f"{at_supervisor:.1f} s (sync interval {INTERVAL_S:.0f} s)")
    assert at_counter < INTERVAL_S + 3 and at_supervisor < INTERVAL_S + 3
    assert "#b3261e" in bell.styleSheet() and bell.toolTip() == "1号自助登记机：群众请求帮助"
    assert sup.tabs.tabText(sup.tabs.indexOf(sup.notices)) == "提醒 1"
    # the clerk goes to the kiosk and resolves it at the counter: gone everywhere
    actor = shell.state.session.actor
    shell.runner.write(lambda s: notices.mark(s.replica, nid, dn.RESOLVED, actor, "已到场"))
    qtbot.waitUntil(lambda: bell.text() == "无提醒", timeout=2000)
    qtbot.waitUntil(lambda: not _sup_rows(sup), timeout=WITHIN_MS * 2)
    assert sup.tabs.tabText(sup.tabs.indexOf(sup.notices)) == "提醒"
    assert sync_once(kiosk.dir)["ok"]
    with Replica.in_dir(kiosk.dir) as r:
        row = r.conn.execute("SELECT state, resolved_by FROM notices WHERE id=?",
                             (nid,)).fetchone()
        assert tuple(row) == (dn.DONE, "S001")


def test_a_printer_fault_resolved_at_the_supervisor_clears_the_counters_bell(qtbot, hall):
    kiosk, shell, sup = hall["kiosk"], hall["shell"], hall["sup"]
    bell = _bell(shell)
    with Replica.in_dir(kiosk.dir) as r:
        nid = notices.add(r, dn.KIOSK_PRINTER, "1号自助登记机：打印机缺纸")
    assert sync_once(kiosk.dir)["ok"]
    qtbot.waitUntil(lambda: bell.text() == "自助机提醒 1", timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: [r["id"] for r in _sup_rows(sup)] == [nid], timeout=WITHIN_MS)
    page = sup.notices
    sup.tabs.setCurrentWidget(page)
    proxy = page.view.model()
    page.view.selectRow(0)
    page.view.clicked.emit(proxy.index(0, 0))
    page.note.setText("已加纸")
    page.resolve.click()
    qtbot.waitUntil(lambda: not _sup_rows(sup), timeout=2000)
    qtbot.waitUntil(lambda: bell.text() == "无提醒", timeout=WITHIN_MS * 2)
    with Replica.in_dir(shell.data_dir) as r:
        row = r.conn.execute("SELECT state, resolved_by, note FROM notices WHERE id=?",
                             (nid,)).fetchone()
        assert tuple(row) == (dn.DONE, "S068", "已加纸")
