"""The hall display: a call appears big and is spoken (chime, then twice), a recall is
spoken again, calls never talk over each other, start-up announces nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QObject, QTimer

from desktop.display.speech import SpeechEngine
from domain import tickets as tk
from domain.application import Actor
from sync import queue
from tests.desktop.conftest import NOW


class FakeEngine(SpeechEngine):
    """Records what it is asked to play; each step takes `ms`; overlapping is an error."""

    name = "fake"

    def __init__(self, ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ms, self.log, self.active, self.overlaps = ms, [], False, 0

    def _start(self, step: tuple) -> None:
        self.overlaps += self.active
        self.active = True
        self.log.append(step)
        QTimer.singleShot(self.ms, self._end)

    def _end(self) -> None:
        self.active = False
        self.sig_done.emit()

    def chime(self) -> None:
        self._start(("chime",))

    def say(self, text: str) -> None:
        self._start(("say", text))


@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def display(qtbot, data_dir, clock, engine):
    from desktop.display.config import DisplaySettings
    from desktop.display.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(data_dir / DB_NAME, clock=clock)
    d = build(data_dir, runner=runner, engine=engine, follow=False, clock=clock,
              settings=DisplaySettings(notice="办事请携带身份证原件", full_screen=False))
    qtbot.addWidget(d.window)
    d.window.resize(1920, 1080)
    d.window.show()
    yield d
    d.shutdown()


def write(display, fn):  # type: ignore[no-untyped-def]
    out = []
    display.runner.write(fn, out.append)
    display.refresh()
    return out[0] if out else None


def take(store, zone: str = "Z1", minutes_ago: int = 5) -> tk.Ticket:  # type: ignore[no-untyped-def]
    me = store.replica.identity().terminal_id
    return queue.take(store, zone, Actor("guide", me), now=NOW - dt.timedelta(minutes=minutes_ago))


def call(store, t: tk.Ticket, window: str, kind: str = tk.CALLED, sec: int = 0):  # type: ignore[no-untyped-def]
    me = store.replica.identity().terminal_id
    return queue.step(store, t.id, kind, window, Actor("S001", me, window),
                      now=NOW + dt.timedelta(seconds=sec))


def test_a_call_is_shown_big_and_spoken_chime_then_twice(qtbot, display, engine):
    w = display.window
    first = write(display, lambda s: take(s))
    write(display, lambda s: call(s, first, "W01"))
    qtbot.waitUntil(lambda: len(engine.log) == 3, timeout=3000)
    engine.log.clear()

    t = write(display, lambda s: take(s, minutes_ago=2))
    with qtbot.waitSignal(w.banner.sig_painted, timeout=3000) as painted:
        write(display, lambda s: call(s, t, "W03", sec=10))
    assert painted.args == [t.number]
    assert w.banner.text.text() == "请到 3 号窗口"
    spoken = f"请 {' '.join(t.number)} 号，到 3 号窗口办理"
    qtbot.waitUntil(lambda: len(engine.log) == 3, timeout=3000)
    assert engine.log == [("chime",), ("say", spoken), ("say", spoken)]
    numbers = [tile.number.text() for tile in w.tiles.tiles if tile.isVisible()]
    assert numbers == [t.number, first.number]  # both windows are calling now
    assert "办事请携带身份证原件" in w.notice_line.full

    write(display, lambda s: call(s, t, "W03", tk.RECALLED, sec=40))  # 重呼: said again
    qtbot.waitUntil(lambda: len(engine.log) == 6, timeout=3000)
    assert engine.log[3:] == [("chime",), ("say", spoken), ("say", spoken)]


def test_calls_close_together_queue_and_never_overlap(qtbot, display, engine):
    engine.ms = 30
    tickets_ = [write(display, lambda s, m=m: take(s, minutes_ago=m)) for m in (9, 8, 7)]
    for i, (t, window) in enumerate(zip(tickets_, ("W01", "W02", "W03"), strict=True)):
        write(display, lambda s, t=t, window=window, i=i: call(s, t, window, sec=i))
    qtbot.waitUntil(lambda: len(engine.log) == 9, timeout=5000)
    assert engine.overlaps == 0
    said = [step[1] for step in engine.log if step[0] == "say"]
    assert [x.split("号")[0] for x in said[::2]] == [
        f"请 {' '.join(t.number)} " for t in tickets_]
    assert display.window.banner.shown == tickets_[-1].number


def test_start_up_announces_nothing_the_hall_already_heard(qtbot, data_dir, clock, engine):
    from desktop.display.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(data_dir / DB_NAME, clock=clock)
    out = []
    runner.write(lambda s: call(s, take(s), "W02"), out.append)
    d = build(data_dir, runner=runner, engine=engine, follow=False, clock=clock)
    qtbot.addWidget(d.window)
    qtbot.wait(50)
    assert engine.log == []
    assert d.window.banner.shown == out[0].number  # shown, not said again
    d.shutdown()


def test_a_paused_window_is_on_the_notice_line(qtbot, display):
    from domain import window_state as ws

    def pause(store):  # type: ignore[no-untyped-def]
        me = store.replica.identity().terminal_id
        sid = ws.window_stream_id("", "W05", NOW.date().isoformat())
        store.record(sid, ws.PAUSED, {"window": "W05", "reason": "meeting"},
                     Actor("S005", me, "W05"), now=NOW)

    write(display, pause)
    assert "5号综合受理窗口暂停服务（会议）" in display.window.notice_line.full


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_the_display_fits_its_panel(qtbot, display, size):
    w = display.window
    w.resize(*size)
    qtbot.wait(20)
    assert (w.width(), w.height()) == size
    assert w.landscape is (size[0] > size[1])
