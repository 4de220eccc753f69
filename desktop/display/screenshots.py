"""`yichuang demo --face display --screenshot DIR`: the display in both orientations.

A throw-away standalone replica with the demo catalog and a morning's queue
(desktop.display.demo), painted at 1920×1080, 1080×1920 and 1366×768, then a new call
arriving (the banner flashes) and a window paused.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
import tempfile

log = logging.getLogger(__name__)

PANELS = {"landscape": (1920, 1080), "portrait": (1080, 1920), "small": (1366, 768)}


def _settle(ms: int = 60) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _shoot(data_dir: pathlib.Path, out: pathlib.Path) -> int:
    from desktop.display.demo import seed_queue
    from desktop.display.launch import build
    from desktop.display.speech import SpeechEngine
    from desktop.tasks import InlineTaskRunner
    from domain import tickets as tk
    from domain.application import Actor
    from domain.events import CHINA_TZ
    from sync import queue
    from sync.demo_data import ensure_catalog
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(data_dir / DB_NAME)
    runner.write(lambda store: (ensure_catalog(store.replica), seed_queue(store)))
    display = build(data_dir, demo=True, runner=runner, engine=SpeechEngine(), follow=False)
    w = display.window
    count = 0
    try:
        for name, size in PANELS.items():
            w.resize(*size)
            w.show()
            display.refresh()
            _settle(150)
            w.grab().save(str(out / f"display-{name}.png"))
            count += 1
        w.resize(*PANELS["landscape"])

        def call(store) -> None:  # type: ignore[no-untyped-def]
            me = store.replica.identity().terminal_id
            now = dt.datetime.now(CHINA_TZ)
            t = queue.take(store, "Z1", Actor("guide", me), now=now - dt.timedelta(minutes=3))
            queue.step(store, t.id, tk.CALLED, "W03", Actor("S003", me, "W03"), now=now)

        runner.write(call)
        display.refresh()
        _settle(150)
        w.grab().save(str(out / "display-landscape-new-call.png"))
        w.resize(*PANELS["portrait"])
        _settle(150)
        w.grab().save(str(out / "display-portrait-new-call.png"))
        count += 2
    finally:
        display.shutdown()
        w.close()
        w.deleteLater()
    return count


def save_screenshots(data_dir: pathlib.Path | str | None, out_dir: pathlib.Path | str,
                     lang: str | None = None) -> int:
    """Save the PNGs into `out_dir`; returns how many. `data_dir` is left untouched."""
    from desktop.kiosk.launch import application

    application(lang or "zh_CN")
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="yc-display-shots-") as tmp:
        count = _shoot(pathlib.Path(tmp), out)
    log.info("display screenshots: %d in %s", count, out)
    return count
