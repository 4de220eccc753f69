"""Look-ups the screens need, on a real replica file."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from domain import events as ev
from domain import numbering
from domain.application import Actor, Person, registration_payload
from domain.catalog import catalog_from_dict
from domain.errors import DomainError, InvalidIdNumber, InvalidNumber
from resources import path
from sync import queries
from sync.replica import Replica
from sync.store import CaseStore

CHINA = ev.CHINA_TZ
ZHANG = "11010519491231002X"
LI = "110105198001010024"


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), CHINA)


@pytest.fixture(scope="module")
def catalog():
    return catalog_from_dict(json.loads(path("catalog", "demo.json").read_text("utf-8")))


@pytest.fixture
def hall(tmp_path, catalog):
    """A replica with a handful of cases in known states (promised item 0101: 1 day)."""
    r = Replica(tmp_path / "replica.sqlite3")
    cs = CaseStore(r)
    tid = r.identity().terminal_id
    clerk, other = Actor("S001", tid, "W01"), Actor("S002", tid, "W01")

    def open_(name, id_no, when, who=clerk, item="0101", slip=""):
        it = catalog.item(item)
        p = registration_payload(it, Person(name, id_no),
                                 provided={m.id: True for m in it.materials}, slip_number=slip)
        return cs.open_case(p, who, now=when)[1]

    cases = {}
    # accepted Mon 3 Mar → due Tue 4 Mar
    cases["early"] = c = open_("张三", ZHANG, at("2025-03-03"))
    cs.record(c.id, ev.ACCEPTED, {}, clerk, now=at("2025-03-03"))
    # accepted Fri 7 Mar → due Mon 10 Mar
    cases["late"] = c = open_("张三", ZHANG, at("2025-03-07"),
                              slip=numbering.slip_number(dt.date(2025, 3, 7), "0001", 1, "0101"))
    cs.record(c.id, ev.ACCEPTED, {}, clerk, now=at("2025-03-07"))
    # paused: supplement awaited
    cases["paused"] = c = open_("李四", LI, at("2025-03-04"))
    cs.record(c.id, ev.ACCEPTED, {}, clerk, now=at("2025-03-04"))
    cs.record(c.id, ev.SUPPLEMENT_REQUESTED, {"missing": ["章程"]}, clerk, now=at("2025-03-04"))
    # instant item issued: final
    cases["done"] = c = open_("李四", LI, at("2025-03-05"), item="0801")
    cs.record(c.id, ev.ACCEPTED, {}, clerk, now=at("2025-03-05"))
    cs.record(c.id, ev.ISSUED, {"method": "collected"}, clerk, now=at("2025-03-05"))
    # another clerk's case
    cases["other"] = c = open_("王五", "440524188001010014", at("2025-03-03"), who=other)
    cs.record(c.id, ev.ACCEPTED, {}, other, now=at("2025-03-03"))
    yield r, cases
    r.close()


def ids(rows):
    return [r["id"] for r in rows]


def test_by_case_and_slip_number(hall):
    r, cases = hall
    row, = queries.by_number(r, cases["late"].case_number)
    assert row["id"] == cases["late"].id and row["deadline"] == "2025-03-10"
    row, = queries.by_number(r, "  " + cases["late"].slip_number + "\n")
    assert row["id"] == cases["late"].id
    unknown = numbering.case_number(dt.date(2025, 3, 3), "0777", 1)
    assert queries.by_number(r, unknown) == []


def test_bad_check_digit_raises_and_stores_nothing(hall):
    r, cases = hall
    before = queries.counts(r)
    good = cases["early"].case_number
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    for fn in (queries.by_number, queries.search):
        with pytest.raises(InvalidNumber) as info:
            fn(r, bad)
        assert info.value.code == "number.check_digit"
    assert queries.counts(r) == before


def test_by_id_number_newest_first(hall):
    r, cases = hall
    assert ids(queries.by_id_number(r, ZHANG)) == [cases["late"].id, cases["early"].id]
    assert ids(queries.by_id_number(r, ZHANG.lower())) == [cases["late"].id, cases["early"].id]
    assert ids(queries.by_id_number(r, ZHANG, limit=1)) == [cases["late"].id]
    with pytest.raises(InvalidIdNumber):
        queries.by_id_number(r, ZHANG[:-1] + "1")


def test_search_routes_what_was_typed(hall):
    r, cases = hall
    assert ids(queries.search(r, cases["done"].case_number)) == [cases["done"].id]
    assert ids(queries.search(r, LI)) == [cases["done"].id, cases["paused"].id]
    assert ids(queries.search(r, " 王五 ")) == [cases["other"].id]
    assert queries.search(r, "   ") == []
    assert queries.search(r, "赵六") == []
    with pytest.raises(DomainError) as info:
        queries.search(r, "12345")
    assert info.value.code == "search.partial_number"
    with pytest.raises(InvalidIdNumber):
        queries.search(r, "110105198001010025")


def test_my_cases_most_urgent_first(hall):
    r, cases = hall
    mine = queries.my_cases(r, "S001")
    assert ids(mine) == [cases["early"].id, cases["late"].id, cases["paused"].id]
    assert [m["deadline"] for m in mine] == ["2025-03-04", "2025-03-10", None]
    everything = queries.my_cases(r, "S001", include_final=True)
    assert set(ids(everything)) == {cases[k].id for k in ("early", "late", "paused", "done")}
    assert ids(queries.my_cases(r, "S002")) == [cases["other"].id]
    assert queries.my_cases(r, "S999") == []


def test_overdue_and_open_cases(hall):
    r, cases = hall
    assert queries.overdue(r, dt.date(2025, 3, 4)) == []  # due today is not overdue
    assert set(ids(queries.overdue(r, dt.date(2025, 3, 5)))) == {cases["early"].id,
                                                                  cases["other"].id}
    assert len(queries.overdue(r, dt.date(2025, 3, 11))) == 3  # paused and issued never
    open_ = ids(queries.open_cases(r))
    assert cases["done"].id not in open_ and open_[-1] == cases["paused"].id
    assert len(open_) == 4


def test_counts(hall):
    r, _ = hall
    c = queries.counts(r)
    # 2 + 2 + 3 + 3 + 2 steps; nothing pushed yet
    assert c == {"events": 12, "cases": 5, "pending": 12, "conflicts": 0}
