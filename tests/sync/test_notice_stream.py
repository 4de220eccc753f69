"""Notices are streams: raised at a kiosk, seen and resolved by a named person at a
counter, and every terminal of the hall (and a new one) ends up knowing the same."""

from __future__ import annotations

import sqlalchemy as sa

from domain import notices as dn
from domain.application import Actor
from server import db
from sync import notices
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support.converge import assert_converged, sync_all
from tests.support.terminal import Term


def test_help_call_reaches_the_counter_and_its_resolution_comes_back(server, hall_db, code_for,
                                                                     tmp_path):
    kiosk = Term(tmp_path / "kiosk", server.url, code_for())
    counter = Term(tmp_path / "counter", server.url, code_for())
    with Replica.in_dir(kiosk.dir) as r:
        nid = notices.add(r, dn.KIOSK_HELP, "自助登记机1号：有群众需要帮助")
        assert notices.add(r, dn.KIOSK_HELP, "again") is None  # one open call per kiosk
    sync_all([kiosk.dir, counter.dir], rounds=1)
    with Replica.in_dir(counter.dir) as r:
        seen = notices.unseen(r)
        assert [n["id"] for n in seen] == [nid] and seen[0]["kind"] == dn.KIOSK_HELP
        me = r.identity().terminal_id
        done = notices.mark(r, nid, dn.RESOLVED, Actor("S005", me, "W03"), note="已到场协助")
        assert done.state == dn.DONE and done.resolved_by == "S005"
    sync_all([counter.dir, kiosk.dir])
    with Replica.in_dir(kiosk.dir) as r:
        row = r.conn.execute("SELECT state, resolved_by, note FROM notices WHERE id=?",
                             (nid,)).fetchone()
        assert tuple(row) == (dn.DONE, "S005", "已到场协助")
        assert notices.count_unseen(r) == 0
    assert_converged(hall_db, [kiosk.dir, counter.dir])
    database = db.Database(hall_db)
    with database.reader() as conn:
        row = conn.execute(sa.select(db.cases.c.stream, db.cases.c.state)
                           .where(db.cases.c.id == nid)).one()
    database.dispose()
    assert tuple(row) == ("notice", dn.DONE)


def test_a_new_terminal_gets_open_notices_in_its_snapshot(server, hall_db, code_for, tmp_path):
    kiosk = Term(tmp_path / "kiosk", server.url, code_for())
    with Replica.in_dir(kiosk.dir) as r:
        nid = notices.add(r, dn.KIOSK_PRINTER, "自助登记机1号：缺纸，已暂停自助登记")
    assert sync_once(kiosk.dir)["ok"]
    late = Term(tmp_path / "late", server.url, code_for())  # bootstraps from a snapshot
    with Replica.in_dir(late.dir) as r:
        assert [n["id"] for n in notices.open_notices(r)] == [nid]
