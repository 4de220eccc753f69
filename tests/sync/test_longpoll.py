"""The long poll: a parked request wakes when the caller's hall changes, not another's."""

from __future__ import annotations

import threading
import time

from domain.application import Actor
from server import admin, db
from sync import queue
from sync.client import SyncClient
from sync.client_cli import sync_once
from sync.longpoll import ChangeFollower, wait_for_change
from sync.replica import Replica
from sync.store import CaseStore
from tests.support.servers import enrol_code
from tests.support.terminal import Term


def take(term: Term) -> str:
    with Replica.in_dir(term.dir) as r:
        me = r.identity().terminal_id
        return queue.take(CaseStore(r), "Z1", Actor("guide", me)).number


def parked(term: Term, timeout: float) -> tuple[threading.Thread, dict]:
    out: dict = {}

    def run() -> None:
        client = SyncClient(term.dir)
        t0 = time.monotonic()
        try:
            out["changed"] = wait_for_change(client, timeout)
        finally:
            out["waited"] = time.monotonic() - t0
            client.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, out


def test_a_parked_request_wakes_on_its_halls_change_only(server, hall_db, code_for, tmp_path):
    display = Term(tmp_path / "display", server.url, code_for())
    guide = Term(tmp_path / "guide", server.url, code_for())
    thread, out = parked(display, 1.0)
    thread.join(10)
    assert out["changed"] is False and out["waited"] >= 0.9  # nothing new: timed out

    database = db.Database(hall_db)
    with database.writer() as conn:
        admin.add_hall(conn, "371121", "五莲县政务服务中心")
    database.dispose()
    sync_once(display.dir)  # the new hall's row is not the display's business …
    other = Term(tmp_path / "other", server.url, enrol_code(hall_db, "371121"))
    thread, out = parked(display, 2.0)
    time.sleep(0.3)
    with Replica.in_dir(other.dir) as r:  # … and neither is a ticket of that hall
        me = r.identity().terminal_id
        CaseStore(r).record("x" * 36, "ticket.taken", {"number": "A0001", "zone": "Z1"},
                            Actor("guide", me))
    sync_once(other.dir)
    thread.join(10)
    assert out["changed"] is False

    thread, out = parked(display, 20.0)
    time.sleep(0.3)
    take(guide)
    assert sync_once(guide.dir)["ok"]
    thread.join(25)
    assert out["changed"] is True and out["waited"] < 15  # woke long before its timeout


def test_the_follower_hears_a_new_ticket_without_polling(server, code_for, tmp_path):
    display = Term(tmp_path / "display", server.url, code_for())
    guide = Term(tmp_path / "guide", server.url, code_for())
    rounds: list = []
    got = threading.Event()

    def on_round(rep) -> None:  # type: ignore[no-untyped-def]
        rounds.append(rep)
        if rep.pulled:
            got.set()

    follower = ChangeFollower(display.dir, on_round, poll_s=60.0, wait_s=20.0)
    follower.start()
    try:
        time.sleep(0.5)
        number = take(guide)
        assert sync_once(guide.dir)["ok"]
        assert got.wait(15), "the display never heard of the new ticket"
        with Replica.in_dir(display.dir) as r:
            row = r.conn.execute("SELECT number, state FROM tickets").fetchone()
        assert tuple(row) == (number, "waiting")
    finally:
        follower.stop()
