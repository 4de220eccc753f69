"""The same figures on the supervisor's replica and at the city, to the case; every bad
rating opens its follow-up; slips rate once; the server rebuilds facts from its events."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
import sqlalchemy as sa

from desktop.report_sources import ReplicaSource, ServerSource, monthly_review
from desktop.supervisor.demo_data import seed_supervision
from domain import figures as fg
from domain import followups, numbering
from domain.application import Actor
from server import db, figure_rows
from sync import ratings as sr
from sync.demo_data import write_demo_cases
from sync.replica import Replica
from sync.store import CaseStore
from tests.support.converge import sync_all
from tests.support.terminal import Term

TODAY = dt.date.today()
PERIOD = fg.Period.of(TODAY - dt.timedelta(days=30), TODAY, TODAY)


def _server_figures(url: str, by: str, hall: str | None = "371100"):
    database = db.Database(url)
    try:
        with database.reader() as conn:
            return ServerSource(conn, hall).compute(PERIOD, by)
    finally:
        database.dispose()


def _evening_duty_cases(r: Replica) -> int:
    """Two cases accepted in the hall's evening period (延时服务), as the counter stamps
    them (domain.opening.stamp), and one the next morning that the kiosk registered at
    19:00: extended is the acceptance's word."""
    import random

    from domain import events as ev
    from domain.application import registration_payload
    from sync import reference
    from sync.demo_data import demo_person

    catalog = reference.load_catalog(r)
    clerk = Actor("S001", r.identity().terminal_id, "W01")
    item = next(i for i in catalog.items if not i.instant)
    store, rng = CaseStore(r), random.Random(12)
    day = TODAY - dt.timedelta(days=2)
    stamps = [({"period": "evening", "extended": True}, 18, {"period": "evening",
                                                             "extended": True}),
              ({"period": "evening", "extended": True}, 19, {"period": "evening",
                                                             "extended": True}),
              ({"period": "evening", "extended": True}, 19, {"period": "morning",
                                                             "extended": False})]
    for reg, hour, acc in stamps:
        when = dt.datetime.combine(day, dt.time(hour, 10), ev.CHINA_TZ)
        provided = {m.id: True for m in item.materials if m.required}
        _, case = store.open_case({**registration_payload(item, demo_person(rng),
                                                          provided=provided), **reg},
                                  clerk, now=when)
        later = when if acc["extended"] else when + dt.timedelta(hours=14)
        store.record(case.id, ev.ACCEPTED, acc, clerk, now=later)
    return sum(1 for _r, _h, acc in stamps if acc["extended"])


def test_replica_and_server_agree_to_the_case(server, hall_db, code_for, tmp_path):
    counter = Term(tmp_path / "counter", server.url, code_for())
    sup = Term(tmp_path / "sup", server.url, code_for())
    with Replica.in_dir(counter.dir) as r:
        write_demo_cases(r, 120, today=TODAY)
        seed_supervision(CaseStore(r), TODAY)
        extended = _evening_duty_cases(r)
    sync_all([counter.dir, sup.dir], rounds=2)
    for by in ("window", "staff", "day", "department", "zone", "hall"):  # hall last: used below
        with Replica.in_dir(sup.dir) as r:
            mine = ReplicaSource(r).compute(PERIOD, by)
        city = _server_figures(hall_db, by)
        assert mine == city, by
    _rows, total = mine
    assert total["accepted"] > 50 and total["consultations"] == 60
    assert total["accepted_extended"] == extended == 2  # issue 12: evening duty apart
    assert total["excluded_ratings"] == 1 and total["followups_opened"] >= 3
    # the queue's five days: every ticket, waits and service times, at both ends
    assert total["tickets"] == 40 and total["avg_wait_seconds"] > 0
    assert total["avg_service_seconds"] > 0
    # every hall at once: the same hall's numbers, groups named hall/window
    every, _ = _server_figures(hall_db, "hall", None)
    assert [r["accepted"] for r in every] == [total["accepted"]]
    # a server from before the facts table rebuilds them from its events table
    database = db.Database(hall_db)
    with database.writer() as conn:
        conn.execute(db.figure_facts.delete())
        assert figure_rows.backfill(conn) > 0
    database.dispose()
    assert _server_figures(hall_db, "hall") == mine


def test_bad_rating_opens_its_followup_and_a_slip_rates_once(tmp_path):
    with Replica(tmp_path / "r.sqlite3") as r:
        write_demo_cases(r, 40, today=TODAY)
        store = CaseStore(r)
        me = r.identity().terminal_id
        row = r.conn.execute("SELECT * FROM cases WHERE state='issued' AND rating IS NULL "
                             "LIMIT 1").fetchone()
        case, fid = sr.record_rating(store, row["id"], 2, "pad", Actor("S001", me, "W01"))
        f = sr.projection.load_stream(r, fid)
        assert isinstance(f, followups.Followup) and f.case_id == row["id"] and f.level == 2
        assert f.due > TODAY.isoformat() or f.due == TODAY.isoformat()
        assert f.rated_window_id == "W01"
        # a second rating does not count and opens nothing
        _case, fid2 = sr.record_rating(store, row["id"], 1, "sms", Actor("system", me))
        assert fid2 is None
        # the slip box: a kiosk slip not seen here yet is rated under the slip's case id
        slip = numbering.slip_number(TODAY, "0001", 7, "0101")
        case, _ = sr.rate_by_slip(store, slip, 5, "slip", Actor("S068", me))
        assert case.id == numbering.case_id_for_slip(slip) and case.rating["channel"] == "slip"
        with pytest.raises(sr.AlreadyRated):
            sr.rate_by_slip(store, slip, 1, "slip", Actor("S068", me))
        with pytest.raises(numbering.InvalidNumber):
            sr.rate_by_slip(store, slip[:-1] + str((int(slip[-1]) + 1) % 10), 5, "slip",
                            Actor("S068", me))


def test_replica_backfill_gives_the_same_figures(tmp_path):
    with Replica(tmp_path / "r.sqlite3") as r:
        write_demo_cases(r, 80, today=TODAY)
        before = ReplicaSource(r).compute(PERIOD, "window")
        r.conn.execute("DELETE FROM figure_facts")
        r.set_meta("figure_facts_backfilled", None)
        assert ReplicaSource(r).compute(PERIOD, "window") == before
        review = monthly_review(ReplicaSource(r), TODAY.strftime("%Y-%m"), TODAY)
        assert review.total["accepted"] >= 0 and len(review.by_day) >= 28


def test_server_refuses_an_unknown_hall(hall_db):
    database = db.Database(hall_db)
    with database.reader() as conn, pytest.raises(fg.FigureError, match="没有这个大厅"):
        ServerSource(conn, "999999")
    with database.reader() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(db.figure_facts)).scalar() == 0
    database.dispose()


def test_a_process_that_only_writes_keeps_the_facts_rows(tmp_path):
    """The counter's process never imports the figures, yet every step it records must
    update its stream's facts row (the projector registry loads every table's owner,
    not only the first one imported)."""
    import subprocess
    import sys

    code = f"""
import pathlib, sys
from sync.replica import Replica
from sync.store import CaseStore
from sync.demo_data import write_demo_cases
from domain import consultations
from domain.application import Actor
from domain.ids import uuid7
r = Replica(pathlib.Path({str(tmp_path / 'r.sqlite3')!r}))
write_demo_cases(r, 3)  # cases: their `cases` rows' owner is imported, the facts' is not
CaseStore(r).record(uuid7(), consultations.RECORDED, consultations.payload(5, "answered"),
                    Actor("S001", r.identity().terminal_id, "W01"))
print(dict(r.conn.execute("SELECT stream, COUNT(*) FROM figure_facts GROUP BY stream")))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=pathlib.Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "{'case': 3, 'consultation': 1}"
