"""A terminal offline while the centre changes the calendar (and the catalog), then syncing.

Real server process, real replica files: the terminal counts a 2027 deadline on the
statutory estimate while 2027 is not loaded; the administrator loads the year; on the
pull that brings it, the stored deadline is recomputed in the same transaction, and the
overdue list answers on the right day.
"""

from __future__ import annotations

import datetime as dt
import random

from domain import events as ev
from domain.application import Actor, registration_payload
from domain.calendar_file import decode, parse_schedule
from server import calendar as server_calendar
from server import db
from sync import queries, reference
from sync.client_cli import sync_once
from sync.demo_data import demo_person
from sync.enrol import enrol
from sync.replica import Replica
from sync.store import CaseStore
from tests.support.servers import ROOT

SAMPLE = ROOT / "docs" / "calendar" / "sample-2027.csv"
D = dt.date.fromisoformat


def _accept(data_dir, item_no: str, when: dt.datetime) -> str:
    with Replica.in_dir(data_dir) as r:
        item = reference.load_catalog(r).item(item_no)
        actor = Actor("S001", r.identity().terminal_id, "W01")
        store = CaseStore(r)
        payload = registration_payload(item, demo_person(random.Random(1)),
                                       provided={m.id: True for m in item.materials})
        _, case = store.open_case(payload, actor, now=when)
        store.record(case.id, ev.ACCEPTED, {}, actor, now=when)
        return case.id


def _row(data_dir, case_id: str) -> dict:
    with Replica.in_dir(data_dir) as r:
        return dict(r.conn.execute("SELECT * FROM cases WHERE id=?", (case_id,)).fetchone())


def _overdue(data_dir, today: str) -> set[str]:
    with Replica.in_dir(data_dir) as r:
        return {row["id"] for row in queries.overdue(r, D(today))}


def test_calendar_loaded_while_offline_recomputes_deadlines(server, hall_db, code_for,
                                                           tmp_path):
    term = tmp_path / "t1"
    enrol(term, server.url, code_for())
    assert sync_once(term)["ok"]
    # accepted Wed 3 Feb 2027, 3 working days (item 0201): 2027 is not loaded, so the
    # statutory estimate counts: Thu 4; 5–10 Feb off (除夕..初三 and two make-up days);
    # Thu 11, Fri 12
    case_id = _accept(term, "0201", dt.datetime(2027, 2, 3, 10, 0, tzinfo=ev.CHINA_TZ))
    row = _row(term, case_id)
    assert (row["deadline"], row["deadline_provisional"]) == ("2027-02-12", 1)
    assert case_id in _overdue(term, "2027-02-15")
    assert sync_once(term)["ok"]

    # the terminal goes offline (no sync) while the centre loads 2027
    database = db.Database(hall_db)
    try:
        with database.writer() as conn:
            server_calendar.import_year(conn, parse_schedule(decode(SAMPLE.read_bytes())))
    finally:
        database.dispose()
    assert _row(term, case_id)["deadline"] == "2027-02-12"  # nothing known yet

    out = sync_once(term)
    assert out["ok"]
    # the sample notice: Thu 4; 5–13 Feb off, Sun 14; Mon 15, Tue 16 — no longer provisional
    row = _row(term, case_id)
    assert (row["deadline"], row["deadline_provisional"]) == ("2027-02-16", 0)
    assert case_id not in _overdue(term, "2027-02-15")
    assert case_id in _overdue(term, "2027-02-17")
    with Replica.in_dir(term) as r:
        cal = reference.load_calendar(r)
        assert 2027 in cal.years and 2026 in cal.years  # 2026 kept, not replaced
        # a case accepted now counts on the new year at once (no restart)
        assert CaseStore(r).calendar.years == cal.years
