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
