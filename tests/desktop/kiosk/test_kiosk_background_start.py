"""What waits until the kiosk's window shows (issue 17): the devices start, and one slip
is laid out for nobody so the first citizen's prints without parsing the fonts — a
slip that stores no case and reaches no printer."""

from __future__ import annotations

from sync import queries


def test_devices_wait_for_the_window_and_the_warm_up_stores_nothing(
        qtbot, data_dir, clock, sims, kiosk_settings, replica, monkeypatch):
    from desktop.kiosk import launch
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    warmed: list[int] = []
    real = launch.warm_slip
    monkeypatch.setattr(launch, "warm_slip", lambda *a, **kw: warmed.append(real(*a, **kw)))
    runner = InlineTaskRunner(data_dir / DB_NAME, clock=clock)
    k = launch.build(data_dir, runner=runner, sims=sims, settings=kiosk_settings, start=False)
    qtbot.addWidget(k.window)
    try:
        assert not k.printer._timer.isActive() and warmed == []  # nothing started yet
        before = queries.counts(replica)
        k.start_background()
        assert k.printer._timer.isActive()  # polling the printer now
        assert warmed and warmed[0] > 100  # ESC/POS bytes of a whole slip
        assert queries.counts(replica) == before  # no case, no outbox row
        qtbot.waitUntil(lambda: k.printer.state == "ready", timeout=5000)
        assert b"\x1d\x56" not in sims.printer.printed_bytes()  # no slip was cut
    finally:
        k.window.unlock()
        k.shutdown()
