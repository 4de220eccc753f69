"""`yichuang demo --face kiosk --screenshot DIR`: a PNG of every kiosk step, both panels.

A whole registration is driven through the real flow — simulated reader and printer on
ptys, a throw-away replica with the demo catalog — so the pictures show what a citizen
would see, including the slip the printer simulator drew and the stopped kiosk.
"""

from __future__ import annotations

import logging
import pathlib
import tempfile
from collections.abc import Callable

log = logging.getLogger(__name__)

PANELS = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
DEMO_SEARCH = "jhdj"  # 结婚登记
DEMO_ITEM = "0101"  # 企业设立登记: a promised item with conditional materials
ELDERLY_ITEM = "0701"  # 老年优待证办理


def _wait(signal, timeout_ms: int = 8000) -> None:
    """Run the event loop until `signal` fires (or the timeout): no processEvents loop."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _settle(ms: int = 50) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _shoot_panel(data_dir: pathlib.Path, out: pathlib.Path, panel: str,
                 save: Callable[[str, object], None]) -> None:
    from desktop.kiosk import config, hardware, rating_page
    from desktop.kiosk.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    sims = hardware.Simulators()
    settings = config.KioskSettings(full_screen=False, idle_seconds=600, done_seconds=120)
    kiosk = build(data_dir, demo=True, runner=InlineTaskRunner(data_dir / DB_NAME), sims=sims,
                  settings=settings)
    w, flow = kiosk.window, kiosk.flow
    try:
        w.resize(*PANELS[panel])
        w.show()
        _settle(200)
        save(f"{panel}-01-start", w)
        flow.go("services")
        save(f"{panel}-02-services", w)
        flow.go("search")
        w.pages["search"].set_query(DEMO_SEARCH)
        save(f"{panel}-03-search", w)
        flow.choose(flow.catalog.item(DEMO_ITEM), "services")
        save(f"{panel}-04-item", w)
        flow.begin_identify(flow.session.item)
        save(f"{panel}-05-identify", w)
        w.pages["identify"].show_keypad(True)
        for key in "11010519491231002":
            w.pages["identify"].press(key)
        save(f"{panel}-06-identify-keypad", w)
        w.pages["identify"].show_keypad(False)
        sims.reader.present("wangfang")
        _wait(w.sig_page_changed)
        for key in "1381234":
            w.pages["phone"].press(key)
        save(f"{panel}-07-phone", w)
        w.pages["phone"].sig_phone_entered.emit("")
        save(f"{panel}-08-printing", w)
        _wait(flow.sig_slip_printed)
        _settle()
        save(f"{panel}-09-done", w)
        (out / f"kiosk-{panel}-09-slip.png").write_bytes(sims.printer.render_png())
        rating_page.shoot(kiosk, panel, save)
        sims.reader.remove()
        flow.reset()
        flow.set_elderly(True)
        save(f"{panel}-10-elderly-start", w)
        flow.choose(flow.catalog.item(ELDERLY_ITEM), "services")
        save(f"{panel}-11-elderly-item", w)
        flow.go("services")
        save(f"{panel}-12-elderly-services", w)
        flow.reset()
        flow.set_elderly(False)
        _stopped_printer(kiosk, sims, panel, save)
        sims.printer.set_state("ok")
        _wait_ready(flow)
        _opening_hours(kiosk, data_dir, panel, save)
    finally:
        w.unlock()
        w.close()
        kiosk.shutdown()
        w.deleteLater()


def _stopped_printer(kiosk, sims, panel: str, save) -> None:
    """Out of paper mid-registration: the number on screen, then the stopped kiosk."""
    w, flow = kiosk.window, kiosk.flow
    sims.printer.set_state("paper_out")
    flow.choose(flow.catalog.item(DEMO_ITEM), "services")
    flow.begin_identify(flow.session.item)
    flow.on_id_typed("11010519491231002X")
    w.pages["phone"].sig_phone_entered.emit("")
    _wait(flow.sig_slip_not_printed)
    _settle()
    save(f"{panel}-13-not-printed", w)
    flow.reset()
    save(f"{panel}-14-stopped", w)
    w.toast(w.tr("已通知工作人员，请稍候，马上有人过来帮您。"))
    flow.ask_for_help()
    save(f"{panel}-15-help", w)


def _wait_ready(flow, timeout_ms: int = 8000) -> None:
    """Until the printer poll has seen the paper back (the kiosk resumes by itself)."""
    from PySide6.QtCore import QElapsedTimer

    timer = QElapsedTimer()
    timer.start()
    while flow.blocked and timer.elapsed() < timeout_ms:
        _settle(50)


def _opening_hours(kiosk, data_dir: pathlib.Path, panel: str, save) -> None:
    """Yibin-style periods: the evening offers a few items; after 20:00 it is closed."""
    import datetime as dt
    import json

    from domain.catalog_file import hours_rows
    from domain.events import CHINA_TZ
    from resources import ROOT
    from sync import reference
    from sync.replica import Replica

    example = ROOT.parent / "docs" / "hours" / "yibin-style.json"
    data = json.loads(example.read_text("utf-8")) if example.exists() else {"periods": [
        {"id": "eve", "name": "晚间延时服务", "days": ["workday"], "start": "17:00",
         "end": "20:00", "extended": True, "items": ["0101", "0102", "0106"]}]}
    with Replica.in_dir(data_dir) as replica:
        reference.store_rows(replica, hours_rows(data))
        hours, cal = reference.load_hours(replica), reference.load_calendar(replica)
    w, flow = kiosk.window, kiosk.flow
    monday = dt.date(2026, 11, 23)
    flow.clock = lambda: dt.datetime.combine(monday, dt.time(18, 30), CHINA_TZ)
    flow.set_hours(hours, cal)
    flow.reset()
    save(f"{panel}-16-evening-start", w)
    flow.go("services")
    save(f"{panel}-17-evening-services", w)
    flow.reset()
    flow.clock = lambda: dt.datetime.combine(monday, dt.time(20, 30), CHINA_TZ)
    flow.apply_hours(force=True)
    save(f"{panel}-18-closed", w)


def save_screenshots(data_dir: pathlib.Path | str | None, out_dir: pathlib.Path | str,
                     lang: str | None = None) -> int:
    """Save the PNGs into `out_dir`; returns how many. `data_dir` is left untouched."""
    from desktop.kiosk.launch import application, install_translation

    lang = lang or "zh_CN"
    app = application(lang)
    install_translation(app, lang)
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    count = 0

    def save(name: str, widget) -> None:
        nonlocal count
        _settle(30)
        path = out / f"kiosk-{name}.png"
        widget.grab().save(str(path))
        count += 1

    for panel in PANELS:
        with tempfile.TemporaryDirectory(prefix="yc-kiosk-shots-") as tmp:
            _shoot_panel(pathlib.Path(tmp), out, panel, save)
    log.info("kiosk screenshots: %d in %s", count, out)
    return count
