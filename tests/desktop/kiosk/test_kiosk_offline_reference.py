"""Issue 12's scenario end to end: a terminal is offline while the centre loads the 2027
calendar and a new catalog version; then it syncs.

Real server process, real replica, the kiosk as `yichuang kiosk` builds it (inline task
runner, simulated devices): the stored 2027 deadline is recomputed on the pull, the
kiosk offers the new item without a restart, and the case accepted before keeps its
catalog version and prints the materials the citizen was told.
"""

from __future__ import annotations

import datetime as dt
import json
import random

from domain import events as ev
from domain.application import Actor, registration_payload
from domain.calendar_file import decode, parse_schedule
from domain.catalog_file import parse_catalog
from printing.documents import build as build_paper
from server import calendar as server_calendar
from server import catalog as server_catalog
from server import db
from sync import reference
from sync.client_cli import sync_once
from sync.demo_data import demo_person
from sync.enrol import enrol
from sync.replica import DB_NAME, Replica
from sync.store import CaseStore, load_case
from tests.support.fixtures import code_for, db_url, hall_db, pg_cluster, server  # noqa: F401
from tests.support.servers import DEMO_CATALOG, ROOT

SAMPLE = ROOT / "docs" / "calendar" / "sample-2027.csv"
NEW_CODE = "11371100MB28451099000117999"
OLD_M1 = "建筑工程施工许可申请表"


def _centre_changes(url: str) -> None:
    """What the administrator does meanwhile: load 2027, publish catalog v2, enable."""
    demo = json.loads(DEMO_CATALOG.read_text("utf-8"))
    items = [{k: v for k, v in i.items() if k not in ("no", "zone")} for i in demo["items"]]
    item = next(i for i in items if i["code"] == _code("0201"))
    item["materials"][0]["name"] = "建筑工程施工许可申请表（电子证照）"
    new = {**items[2], "code": NEW_CODE, "name": "个体工商户设立登记（新）"}
    cf = parse_catalog(json.dumps({"level": "province", "departments": demo["departments"],
                                   "items": [*items, new]}, ensure_ascii=False, indent=1))
    database = db.Database(url)
    try:
        with database.writer() as conn:
            server_calendar.import_year(conn, parse_schedule(decode(SAMPLE.read_bytes())))
            assert server_catalog.import_standard(conn, cf)["version"] == 2
            server_catalog.enable(conn, "371100", [NEW_CODE], local={"zone": "Z1"})
    finally:
        database.dispose()


def _code(no: str) -> str:
    demo = json.loads(DEMO_CATALOG.read_text("utf-8"))
    return next(i["code"] for i in demo["items"] if i["no"] == no)


def _accept_0201(term, when: dt.datetime) -> str:
    with Replica.in_dir(term) as r:
        item = reference.load_catalog(r).item("0201")
        assert item.materials[0].name == OLD_M1
        actor = Actor("S001", r.identity().terminal_id, "W01")
        store = CaseStore(r)
        payload = registration_payload(item, demo_person(random.Random(3)),
                                       provided={m.id: True for m in item.materials})
        _, case = store.open_case(payload, actor, now=when)
        store.record(case.id, ev.ACCEPTED, {}, actor, now=when)
        return case.id


def _tiles(page, qtbot) -> list[str]:
    from desktop.kiosk.widgets import ItemTile

    qtbot.wait(50)
    return [t.item.name for t in page.findChildren(ItemTile) if t.isVisibleTo(page)]


def test_offline_terminal_catches_up_with_calendar_and_catalog(
        server, hall_db, code_for, tmp_path, qtbot, sims, kiosk_settings):  # noqa: F811
    from desktop.kiosk.launch import build
    from desktop.tasks import InlineTaskRunner

    term = tmp_path / "kiosk"
    enrol(term, server.url, code_for())
    assert sync_once(term)["ok"]
    when = dt.datetime(2027, 2, 3, 10, 0, tzinfo=ev.CHINA_TZ)
    old_case = _accept_0201(term, when)
    kiosk = build(term, runner=InlineTaskRunner(term / DB_NAME, clock=lambda: when),
                  sims=sims, settings=kiosk_settings)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1080, 1920)
    kiosk.window.show()
    try:
        services = kiosk.window.pages["services"]
        kiosk.flow.go("services")
        services.show_groups("zone", "Z1")
        assert "个体工商户设立登记（新）" not in _tiles(services, qtbot)
        with Replica.in_dir(term) as r:
            row = r.conn.execute("SELECT deadline, deadline_provisional FROM cases WHERE id=?",
                                 (old_case,)).fetchone()
        assert tuple(row) == ("2027-02-12", 1)  # counted on the statutory estimate

        _centre_changes(hall_db)  # the terminal is offline: nothing reaches it
        assert sync_once(term)["ok"]  # the link is back
        kiosk.watch.check()

        # the kiosk offers the new item, without a restart
        assert "个体工商户设立登记（新）" in _tiles(services, qtbot)
        with Replica.in_dir(term) as r:
            row = r.conn.execute("SELECT deadline, deadline_provisional FROM cases WHERE id=?",
                                 (old_case,)).fetchone()
            assert tuple(row) == ("2027-02-16", 0)  # recomputed on the loaded 2027
            case = load_case(r, old_case)
            catalog = reference.load_catalog(r)
            cal = reference.load_calendar(r)
        # the old case keeps its version and its materials, on screen and on paper
        assert case.catalog_version == "province:1"
        assert catalog.item("0201").version == "province:2"
        assert catalog.item("0201").materials[0].name == "建筑工程施工许可申请表（电子证照）"
        assert case.materials["M1"]["name"] == OLD_M1
        paper = build_paper("materials-receipt", case, catalog, today=when.date())
        text = "\n".join(paper.texts())
        assert OLD_M1 in text and "电子证照" not in text
        receipt = build_paper("acceptance-receipt", case, catalog, today=when.date(),
                              calendar=cal)
        assert "2027年2月16日" in "\n".join(receipt.texts())
        # a case registered now is under the new version
        new_case = _accept_0201_new(term, when)
        assert new_case.catalog_version == "province:2"
        assert new_case.materials["M1"]["name"].endswith("（电子证照）")
    finally:
        kiosk.window.unlock()
        kiosk.shutdown()


def _accept_0201_new(term, when):  # type: ignore[no-untyped-def]
    with Replica.in_dir(term) as r:
        item = reference.load_catalog(r).item("0201")
        actor = Actor("S001", r.identity().terminal_id, "W01")
        payload = registration_payload(item, demo_person(random.Random(4)),
                                       provided={m.id: True for m in item.materials})
        _, case = CaseStore(r).open_case(payload, actor, now=when)
        return case
