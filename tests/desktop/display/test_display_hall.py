"""The display as a terminal of the hall: a real server, a counter calling through it,
and the display hearing of each call by its long poll, showing and speaking it."""

from __future__ import annotations

import pytest

from domain.application import Actor
from sync import queue, queue_claim
from sync.client_cli import sync_once
from sync.replica import Replica
from sync.store import CaseStore
from tests.desktop.display.test_display_calls import FakeEngine
from tests.support.servers import ServerProcess, enrol_code, setup_hall
from tests.support.terminal import Term


@pytest.fixture
def hall(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    setup_hall(url)
    proc = ServerProcess(url, log_dir=tmp_path).start()
    yield proc, url
    proc.stop()


def test_every_call_reaches_the_display_through_sync(qtbot, hall, tmp_path):
    from desktop.display.config import DisplaySettings
    from desktop.display.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    server, url = hall
    guide = Term(tmp_path / "guide", server.url, enrol_code(url))
    counter = Term(tmp_path / "counter", server.url, enrol_code(url))
    screen = Term(tmp_path / "display", server.url, enrol_code(url))
    with Replica.in_dir(guide.dir) as r:
        me = r.identity().terminal_id
        numbers = [queue.take(CaseStore(r), "Z1", Actor("guide", me)).number for _ in range(3)]
    assert sync_once(guide.dir)["ok"]

    engine = FakeEngine()
    display = build(screen.dir, runner=InlineTaskRunner(screen.dir / DB_NAME), engine=engine,
                    settings=DisplaySettings(full_screen=False))
    qtbot.addWidget(display.window)
    display.window.show()
    display.feed.start()
    try:
        for i, number in enumerate(numbers):
            window = ("W01", "W02", "W03")[i]
            got = queue_claim.call_next(counter.dir, window, "S001")
            assert got.number == number
            qtbot.waitUntil(lambda n=number: display.window.banner.shown == n, timeout=10000)
        qtbot.waitUntil(lambda: len(engine.log) == 9, timeout=10000)
        said = [step[1] for step in engine.log if step[0] == "say"]
        assert said[::2] == [f"请 {' '.join(n)} 号，到 {w} 号窗口办理"
                             for n, w in zip(numbers, "123", strict=True)]
        assert [t.number.text() for t in display.window.tiles.tiles if t.isVisible()] == \
            numbers[::-1]
        assert display.window.online is True
        server.stop()  # the display says so when its server is gone
        qtbot.waitUntil(lambda: display.window.online is False, timeout=15000)
        assert display.window.offline.text() == "与服务器的连接中断"
    finally:
        display.shutdown()
