"""`yichuang demo --face supervisor --screenshot DIR`: every tab of the supervisor face at
1366×768 and 1920×1080, on a throw-away replica of demo cases plus the supervisor's
material (desktop.supervisor.demo_data), logged in as the demo supervisor 1068."""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
import tempfile

log = logging.getLogger(__name__)

SIZES = {"": (1366, 768), "-1920": (1920, 1080)}
SUPERVISOR_NO, PASSWORD = "1068", "1234"


def _settle(ms: int = 60) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def seed(data_dir: pathlib.Path, today: dt.date) -> None:
    from desktop.demo_cases import write_clerk_cases
    from desktop.supervisor.demo_data import seed_supervision
    from sync.demo_data import ensure_catalog, write_demo_cases
    from sync.replica import Replica
    from sync.store import CaseStore

    with Replica.in_dir(data_dir) as replica:
        ensure_catalog(replica)
        write_demo_cases(replica, 400, today=today)
        store = CaseStore(replica)
        write_clerk_cases(store, today)
        seed_supervision(store, today)
        _sms_round(store, data_dir, today)
        _opening_hours(store, today)


def _opening_hours(store, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    """Yibin-style periods and today's duty roster (the overview lists who is on duty)."""
    import json

    from desktop.duty import demo_duty
    from domain.catalog_file import hours_rows
    from resources import ROOT
    from sync import reference

    example = ROOT.parent / "docs" / "hours" / "yibin-style.json"
    if not example.exists():  # an installed copy has no docs/
        return
    data = json.loads(example.read_text("utf-8"))
    data["duty"] = demo_duty(data["periods"], store.calendar, today)
    reference.store_rows(store.replica, hours_rows(data))


def _sms_round(store, data_dir: pathlib.Path, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    """The hall has SMS on: invitations went out through the simulator, two citizens
    replied, and the gateway is down now (the overview says so)."""
    import json

    from domain import events as ev
    from sync.sms import invitations
    from sync.sms.gateway import FolderGateway, drop_reply

    replica = store.replica
    row = replica.conn.execute("SELECT data FROM reference WHERE kind='hall' AND id='hall'"
                               ).fetchone()
    data = {**json.loads(row[0]), "sms": {"enabled": True}}
    with replica.transaction():
        replica.conn.execute("UPDATE reference SET data=? WHERE kind='hall' AND id='hall'",
                             (json.dumps(data, ensure_ascii=False),))
    replica.set_meta(invitations.STARTED, "2000-01-01T00:00:00+08:00")
    gw = FolderGateway(data_dir / "sms-simulator")
    now = dt.datetime.combine(today, dt.time(8, 30), ev.CHINA_TZ)
    from sync import reference

    hall = reference.load_catalog(replica).hall
    queued = invitations.queue_invitations(replica, invitations.SmsSettings(enabled=True),
                                           hall.name, now)
    invitations.send_due(replica, gw, now, limit=max(1, queued - 2))
    for n, msg in enumerate(gw.sent()[:2]):
        drop_reply(gw.folder, "1" if n else "满意", ref=msg["ref"])
    invitations.read_replies(store, gw, now + dt.timedelta(minutes=20))
    gw.offline = True  # the gateway went down: the last two wait, and say why
    invitations.send_due(replica, gw, now + dt.timedelta(minutes=25))


def save_screenshots(data_dir, out_dir, lang: str | None = None) -> int:  # type: ignore[no-untyped-def]
    """Save the PNGs into `out_dir`; returns how many. `data_dir` is left untouched."""
    from desktop.kiosk.launch import application
    from desktop.supervisor.window import SupervisorWindow
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    lang = lang or "zh_CN"
    application(lang)
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "zh_CN" else f"-{lang}"
    count = 0
    with tempfile.TemporaryDirectory(prefix="yc-sup-shots-") as tmp:
        folder = pathlib.Path(tmp)
        today = dt.date.today()
        seed(folder, today)
        runner = InlineTaskRunner(folder / DB_NAME)
        w = SupervisorWindow(folder, runner=runner)

        def save(name: str) -> None:
            nonlocal count
            _settle()
            w.grab().save(str(out / f"supervisor-{name}{suffix}.png"))
            count += 1

        try:
            w.resize(*SIZES[""])
            w.show()
            _settle(200)
            w.login.staff_no.setText("1001")
            w.login.password.setText(PASSWORD)
            w.login.submit()
            save("00-clerk-refused")
            w.login.staff_no.setText(SUPERVISOR_NO)
            w.login.password.setText(PASSWORD)
            w.login.submit()
            for size, (width, height) in SIZES.items():
                w.resize(width, height)
                _shoot_tabs(w, save, size)
        finally:
            w.shutdown()
            w.close()
            w.deleteLater()
    log.info("supervisor screenshots: %d in %s", count, out)
    return count


def _shoot_tabs(w, save, size: str) -> None:  # type: ignore[no-untyped-def]
    tabs = w.tabs
    tabs.setCurrentWidget(w.overview)
    save(f"01-overview{size}")
    tabs.setCurrentWidget(w.figures)
    from PySide6.QtCore import QDate

    f = w.figures
    f.preset.setCurrentIndex(f.preset.findData("custom"))
    start = QDate.currentDate().addDays(-29)
    f.start.setDate(start)
    f.end.setDate(QDate.currentDate())
    f.reload()
    save(f"02-figures-window{size}")
    w.figures.by.setCurrentIndex(w.figures.by.findData("staff"))
    save(f"03-figures-staff{size}")
    w.figures.by.setCurrentIndex(w.figures.by.findData("window"))
    view, model = w.figures.view, w.figures.model
    busiest = max(range(len(model.rows)), key=lambda i: model.rows[i]["accepted"], default=0)
    w._drill("window", model.rows[busiest]["group"]) if model.rows else None
    _settle(100)
    dialogs = [d for d in w.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QDialog)
               if d.isVisible()]
    if dialogs:
        _grab_dialog(w, dialogs[-1], save, f"04-drill-down{size}")
        dialogs[-1].close()
    del view
    tabs.setCurrentWidget(w.notices)
    if w.notices.model.rows:
        w.notices.view.selectRow(0)
        w.notices._select(w.notices.view.model().index(0, 0))
    save(f"05-notices{size}")
    tabs.setCurrentWidget(w.followups)
    if w.followups.model.rows:
        w.followups.view.selectRow(0)
        w.followups._select(w.followups.view.model().index(0, 0))
    if w.followups.appeal_model.rows:  # the appeal being decided, in full
        w.followups.appeal_view.selectRow(0)
        w.followups._select_appeal(w.followups.appeal_view.model().index(0, 0))
    save(f"06-followups{size}")
    tabs.setCurrentWidget(w.slip_box)
    w.slip_box.number.setText("20000000000000000000")
    w.slip_box.show_result(False, w.tr("编号校验位不正确，请重新扫描或核对输入"))
    save(f"07-slip-box{size}")
    tabs.setCurrentWidget(w.monthly)
    w.monthly.month.setCurrentIndex(0)
    w.monthly.sig_build.emit(w.monthly.month.currentData())
    _settle(300)
    save(f"08-monthly{size}")


def _grab_dialog(w, dialog, save, name: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter

    pix = w.grab()
    d = dialog.grab()
    p = QPainter(pix)
    p.fillRect(pix.rect(), QColor(0, 0, 0, 90))
    p.drawPixmap(QPoint((pix.width() - d.width()) // 2, 60), d)
    p.end()
    dialog.hide()
    w._grabbed = pix
    orig = w.grab
    w.grab = lambda: pix  # type: ignore[method-assign]
    try:
        save(name)
    finally:
        w.grab = orig  # type: ignore[method-assign]
