"""The law's rules on a real replica: numbering at the window, roles before anything is
written, the back office's queue, and the overdue 容缺 promises the supervisor chases."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from domain import events as ev
from domain import roles
from domain.application import Actor, Person, registration_payload
from domain.catalog import catalog_from_dict
from domain.idnumber import check_char
from resources import path
from sync import queries, reference
from sync.replica import Replica
from sync.schema import MIGRATIONS
from sync.store import CaseStore, load_case

CATALOG = catalog_from_dict(json.loads(path("catalog", "demo.json").read_text("utf-8")))
T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ev.CHINA_TZ)
PERSON = Person("李建国", "37110219680305201" + check_char("37110219680305201"))


@pytest.fixture
def store(tmp_path):
    r = Replica(tmp_path / "replica.sqlite3")
    reference.import_catalog(r, json.loads(path("catalog", "demo.json").read_text("utf-8")))
    yield CaseStore(r, clock=lambda: T0)
    r.close()


def actor(store, no: str, window: str | None = None) -> Actor:
    return Actor.of(CATALOG.staff_member(no), store.replica.identity().terminal_id, window)


def kiosk_case(store, item_no: str = "0105"):
    item = CATALOG.item(item_no)
    slip = store.next_slip_number(T0.date(), item.no)
    payload = registration_payload(item, PERSON, slip_number=slip, channel="kiosk")
    _, case = store.open_case(payload, Actor("kiosk", store.replica.identity().terminal_id,
                                             role="kiosk"), now=T0, assign_case_number=False)
    return case


@pytest.mark.parametrize(("kind", "payload"), [
    (ev.SUPPLEMENT_REQUESTED, {"missing": ["营业执照"]}),
    (ev.REFUSED, {"reason": "不属于本机关职权范围"}),
    (ev.WITHDRAWN, {"reason": "申请人撤回"}),
])
def test_a_kiosk_case_is_numbered_at_its_first_window_step(store, kind, payload):
    case = kiosk_case(store)
    assert case.case_number == ""
    _, after = store.record(case.id, kind, payload, actor(store, "1001", "W01"))
    assert after.case_number.startswith("1261123") and len(after.case_number) == 16
    row = queries.by_number(store.replica, after.case_number)
    assert [r["id"] for r in row] == [case.id]
    # later steps keep it
    _, again = store.record(case.id, ev.RATED, {"level": 5}, actor(store, "1001", "W01"))
    assert again.case_number == after.case_number


def test_a_step_the_role_may_not_take_is_refused_before_anything_is_written(store):
    item = CATALOG.item("0105")  # 市场监管局 (D01)
    payload = registration_payload(item, PERSON,
                                   provided={m.id: True for m in item.materials})
    clerk = actor(store, "1001", "W01")
    _, case = store.open_case(payload, clerk)
    store.record(case.id, ev.ACCEPTED, {}, clerk)
    store.record(case.id, ev.SUBMITTED_FOR_REVIEW, {}, clerk)
    before = queries.counts(store.replica)["events"]
    for who in ("1001", "1054"):  # a clerk; a 不动产登记中心 reviewer
        with pytest.raises(roles.Forbidden):
            store.record(case.id, ev.APPROVED, {}, actor(store, who))
    assert queries.counts(store.replica)["events"] == before
    _, case = store.record(case.id, ev.APPROVED, {}, actor(store, "1050"))
    assert case.state == "approved"


def test_the_department_of_an_older_case_comes_from_the_catalog(store):
    item = CATALOG.item("0105")
    payload = registration_payload(item, PERSON, provided={m.id: True for m in item.materials})
    del payload["department"]  # as an older terminal registered it
    clerk = actor(store, "1001", "W01")
    _, case = store.open_case(payload, clerk)
    assert case.department == ""
    store.record(case.id, ev.ACCEPTED, {}, clerk)
    store.record(case.id, ev.SUBMITTED_FOR_REVIEW, {}, clerk)
    assert [r["id"] for r in queries.review_queue(store.replica, "D01")] == [case.id]
    with pytest.raises(roles.Forbidden):
        store.record(case.id, ev.APPROVED, {}, actor(store, "1054"))
    store.record(case.id, ev.APPROVED, {}, actor(store, "1050"))


def test_review_queue_of_a_department_and_its_head(store):
    clerk = actor(store, "1001", "W01")
    ids = {}
    for item_no in ("0105", "0101", "0301"):
        item = CATALOG.item(item_no)
        payload = registration_payload(item, PERSON, provided={m.id: True for m in item.materials})
        _, case = store.open_case(payload, clerk)
        store.record(case.id, ev.ACCEPTED, {}, clerk)
        store.record(case.id, ev.SUBMITTED_FOR_REVIEW, {}, clerk)
        ids[item_no] = case.id
    assert {r["id"] for r in queries.review_queue(store.replica, "D01")} == {ids["0105"],
                                                                              ids["0101"]}
    assert [r["id"] for r in queries.review_queue(store.replica, "D05")] == [ids["0301"]]
    store.record(ids["0105"], ev.APPROVED, {}, actor(store, "1050"))
    assert [r["id"] for r in queries.review_queue(store.replica, "D01")] == [ids["0101"]]
    store.record(ids["0101"], ev.EXTENSION_REQUESTED, {"days": 5, "reason": "需核查"},
                 actor(store, "1050"))
    row = queries.review_queue(store.replica, "D01", head=True)[0]
    assert row["extension_pending"] == 1
    store.record(ids["0101"], ev.EXTENDED, {"days": 5, "reason": "需核查",
                                            "approved_by": "S070"}, actor(store, "1070"))
    assert queries.review_queue(store.replica, "D01", head=True)[0]["extension_pending"] == 0
    assert [r["id"] for r in queries.decided_by_department(store.replica, "D01")] == [
        ids["0105"]]


def test_overdue_promises_for_the_supervisor(store):
    clerk = actor(store, "1001", "W01")
    item = CATALOG.item("0105")
    provided = {m.id: m.id != "M6" for m in item.materials if m.required}
    payload = registration_payload(item, PERSON, provided=provided)
    _, case = store.open_case(payload, clerk)
    due = (T0.date() + dt.timedelta(days=5)).isoformat()
    _, case = store.record(case.id, ev.ACCEPTED, {"promises": [{"material": "M6", "due": due}]},
                           clerk)
    assert queries.overdue_promises(store.replica, T0.date() + dt.timedelta(days=5)) == []
    late = queries.overdue_promises(store.replica, T0.date() + dt.timedelta(days=6))
    assert [(r["id"], r["promise_due"]) for r in late] == [(case.id, due)]
    store.record(case.id, ev.PROMISE_FULFILLED, {"materials": ["M6"]}, clerk)
    assert queries.overdue_promises(store.replica, T0.date() + dt.timedelta(days=6)) == []
    assert load_case(store.replica, case.id).open_promises == []


def test_migration_gives_older_rows_their_items_department(tmp_path):
    db = tmp_path / "replica.sqlite3"
    conn = sqlite3.connect(db)
    for statement in "".join(MIGRATIONS[:2]).split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO reference (kind, id, data) VALUES ('item', '0301', ?)",
                 (json.dumps({"no": "0301", "department": "D05"}),))
    conn.execute("INSERT INTO cases (id, item_no, state) VALUES ('old', '0301', 'in_review')")
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()
    with Replica(db) as r:
        assert [x["id"] for x in queries.review_queue(r, "D05")] == ["old"]


def test_connections_opening_a_new_replica_at_once_migrate_it_once(tmp_path):
    """The writer and the sync worker open a fresh terminal's replica together: each
    migration runs once, and neither fails with "table already exists"."""
    import threading

    for n in range(15):
        path = tmp_path / f"r{n}.sqlite3"
        errors: list[BaseException] = []
        start = threading.Barrier(4)

        def open_it(p=path, errs=errors, barrier=start) -> None:
            barrier.wait()
            try:
                Replica(p).close()
            except BaseException as exc:
                errs.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert errors == []
        with Replica(path) as r:
            assert r.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
