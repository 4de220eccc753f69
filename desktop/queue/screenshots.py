"""Screenshot steps of the counter's queue strip, for desktop.screenshots.CounterTour.

A few citizens waiting (one aged over 70), a kiosk's help call, then F10: the strip shows
the ticket on call and the red kiosk notice; then the list of who waits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain import notices as dn
from domain.application import Actor


def _seed(store: Any) -> None:
    from sync import notices, queue

    me = store.replica.identity().terminal_id
    guide = Actor("guide", me)
    for prio in ("", "", "elderly", "", ""):
        queue.take(store, "Z1", guide, priority=prio, channel="kiosk")
    queue.take(store, "Z2", guide, channel="kiosk")
    notices.add(store.replica, dn.KIOSK_HELP, "自助登记机1号：有群众需要帮助")


def tour_steps(shell: Any, show: Callable[[Any], None]) -> list[tuple[str, Callable[[], None]]]:
    """(name, action) steps; `show(dialog)` paints a dialog over the window."""

    def call() -> None:
        shell.runner.write(_seed, lambda _x: shell.queue_panel.trigger("next"))

    def waiting() -> None:
        from desktop.queue.dialogs import WaitingDialog

        panel = shell.queue_panel
        rows = panel.view.waiting if panel.view else []
        show(WaitingDialog(rows, shell.state.catalog, shell.state.clock(), shell))

    return [("02a-queue-called", call), ("02b-queue-waiting", waiting)]


KIOSK_SIZES = {"1920x1080": (1920, 1080), "1366x768": (1366, 768), "1080x1920": (1080, 1920)}


def kiosk_waiting(save: Callable[[str, Any], None]) -> int:
    """The kiosk's start screen with people waiting in several zones, at three sizes
    (`save(name, widget)` grabs it); returns how many were saved."""
    import pathlib
    import tempfile

    from desktop.display.demo import seed_queue
    from desktop.kiosk import config, hardware
    from desktop.kiosk.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.demo_data import ensure_catalog
    from sync.replica import DB_NAME

    count = 0
    with tempfile.TemporaryDirectory(prefix="yc-kiosk-queue-") as tmp:
        d = pathlib.Path(tmp)
        runner = InlineTaskRunner(d / DB_NAME)
        runner.write(lambda store: (ensure_catalog(store.replica), seed_queue(store)))
        sims = hardware.Simulators()
        kiosk = build(d, demo=True, runner=runner, sims=sims,
                      settings=config.KioskSettings(full_screen=False, idle_seconds=600))
        try:
            for name, size in KIOSK_SIZES.items():
                kiosk.window.resize(*size)
                kiosk.window.show()
                kiosk.window.queue_link.widget.refresh()
                save(f"queue-waiting-{name}", kiosk.window)
                count += 1
        finally:
            kiosk.window.unlock()
            kiosk.window.close()
            kiosk.shutdown()
    return count
