"""Demo cases for the reviewer face: the demo reviewer 叶子豪 (1050, 市场监管局) finds cases
overdue, due soon and far off, one paused for an expert review, one whose extension waits
for the head 孔德明 (1070), a decided one; and a house sale (买方 and 卖方) for 不动产.

Written through the same CaseStore as everything else, back-dated, on top of the hall's
usual demo mix (sync.demo_data) so the counter's demo shows the same hall.
"""

from __future__ import annotations

import datetime as dt
import pathlib

from desktop.demo_cases import write_accepted_case
from domain import events as ev
from domain.application import Actor, Person
from domain.idnumber import check_char
from sync import reference
from sync.store import CaseStore

DEMO_REVIEWER = "1050"
DEMO_HEAD = "1070"
MARKER = "review_demo"


def _person(name: str, body: str, role: str = "") -> Person:
    return Person(name, body + check_char(body), phone="13806330000", role=role)


def _at(today: dt.date, days_ago: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9, 10 + minute),
                               ev.CHINA_TZ)


def write_review_cases(store: CaseStore, today: dt.date) -> int:
    """About eight cases in the back office's hands, back-dated (see the module text)."""
    catalog = reference.load_catalog(store.replica)
    tid = store.replica.identity().terminal_id
    who = {no: Actor.of(catalog.staff_member(no), tid, catalog.staff_member(no).window)
           for no in ("1001", DEMO_REVIEWER)}
    clerk, reviewer = who["1001"], who[DEMO_REVIEWER]
    plan = [
        # item, person, days ago accepted, steps after submission (kind, payload, actor)
        ("0105", _person("孙立新", "37110219790312403"), 16, []),
        ("0101", _person("周海波", "37110219830618212"), 1, []),
        ("0105", _person("吴晓丽", "37112119900505324"), 2, []),
        ("0105", _person("郑国强", "37110319750101115"), 6, [
            (ev.CLOCK_PAUSED, {"reason": "新型食品加工工艺，需组织专家评审",
                               "pause_reason": "expert_review"}, reviewer)]),
        ("0102", _person("冯雪梅", "37112219881130226"), 1, [
            (ev.EXTENSION_REQUESTED, {"days": 5, "reason": "变更事项涉及前置审批，需征求相关部门意见"},
             reviewer)]),
        ("0106", _person("陈志远", "37110219700815331"), 4, [
            (ev.REJECTED, {"reason": "全体投资人承诺书未经全体投资人签字，且企业存在未结清债务"},
             reviewer)]),
    ]
    with store.replica.transaction():
        for item_no, person, days_ago, steps in plan:
            t = _at(today, days_ago)
            write_accepted_case(store, catalog.item(item_no), person, clerk, t, [
                (ev.SUBMITTED_FOR_REVIEW, {}, clerk, t + dt.timedelta(minutes=8)),
                *((kind, payload, actor, t + dt.timedelta(hours=2, minutes=i * 30))
                  for i, (kind, payload, actor) in enumerate(steps))])
        # a house sale: buyer and seller, for 不动产登记中心's reviewer (1054)
        item = catalog.item("0301")
        buyer = _person("李建国", "37110219680305201", "buyer")
        seller = _person("赵淑芬", "37110219620914302", "seller")
        t = _at(today, 1)
        write_accepted_case(store, item, buyer, clerk, t, [
            (ev.SUBMITTED_FOR_REVIEW, {}, clerk, t + dt.timedelta(minutes=8))],
            parties=(buyer, seller))
        store.replica.set_meta(MARKER, today.isoformat())
    return len(plan) + 1


def seed(store: CaseStore) -> dict[str, int]:
    """The demo catalog, the hall's mix and the clerk's cases, then the back office's."""
    from desktop.demo import seed as seed_counter

    done = seed_counter(store)
    if not store.replica.get_meta(MARKER):
        done["review"] = write_review_cases(store, store.clock().date())
    return done


def seed_replica(data_dir: pathlib.Path) -> dict[str, int]:
    """`yichuang demo --face review` / `review --demo`: seed before the window opens."""
    from sync.replica import Replica

    with Replica.in_dir(data_dir) as replica:
        return seed(CaseStore(replica))
