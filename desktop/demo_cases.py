"""Demo cases for the demo clerk (王丽, 1001): one of every countdown colour.

`sync.demo_data.write_demo_cases` gives the hall a realistic mix; the screenshots and a
first look at the counter also need the logged-in clerk to own cases that are due
today, overdue, paused, provisional and far off, and a citizen with several cases.
Written through the same CaseStore as everything else, at back-dated times.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from domain import events as ev
from domain.application import Actor, Person, registration_payload
from domain.idnumber import check_char
from sync import reference
from sync.store import CaseStore

DEMO_STAFF = "S001"
REVIEWER = "S050"  # 市场监管局 (D01)
REVIEWER_D03 = "S052"  # 市自然资源和规划局
HEAD_D12 = "S081"  # 市民政局's head


def _person(name: str, body: str, phone: str, address: str = "") -> Person:
    return Person(name=name, id_number=body + check_char(body), phone=phone, address=address)


CITIZEN = _person("李建国", "37110219680305201", "13806331234", "日照市东港区海曲中路80号")
OTHERS = [
    _person("张秀英", "37110319750811302", "13963311111"),
    _person("王海燕", "37112119820117402", "15863322222"),
    _person("刘明", "37110219900623503", "18663333333"),
    _person("陈静", "37112219880930604", "13706334444"),
]


def _at(today: dt.date, days_ago: int, hour: int = 9, minute: int = 30) -> dt.datetime:
    return dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(hour, minute),
                               ev.CHINA_TZ)


def write_clerk_cases(store: CaseStore, today: dt.date) -> int:
    """About a dozen cases of the demo clerk, back-dated so every colour shows."""
    catalog = reference.load_catalog(store.replica)
    me = catalog.staff_member(DEMO_STAFF)
    assert me is not None
    tid = store.replica.identity().terminal_id
    actor = Actor(me.id, tid, me.window)
    back = Actor(REVIEWER, tid, None)
    planning = Actor(REVIEWER_D03, tid, None)
    head = Actor(HEAD_D12, tid, None)
    plan = [
        # item, person, days ago accepted, then steps (kind, payload, who, days after)
        ("0105", OTHERS[0], 4, []),                                        # ok
        ("0102", OTHERS[1], 2, []),                                        # near
        ("0101", OTHERS[2], 6, [(ev.SUBMITTED_FOR_REVIEW, {}, actor, 0)]),  # overdue
        ("0105", OTHERS[3], 12, [(ev.SUPPLEMENT_REQUESTED,
                                  {"missing": ["食品安全管理制度文本"]}, actor, 2)]),  # paused
        # the longest limit, extended by the department's head: reaches into next year
        ("0703", CITIZEN, 3, [(ev.SUBMITTED_FOR_REVIEW, {}, actor, 0),
                              (ev.EXTENDED, {"days": 10, "reason": "需入户核查家庭经济状况",
                                             "approved_by": HEAD_D12}, head, 1)]),
        ("0201", CITIZEN, 3, [(ev.SUBMITTED_FOR_REVIEW, {}, actor, 0)]),
        ("0106", CITIZEN, 2, [(ev.SUBMITTED_FOR_REVIEW, {}, actor, 0),
                              (ev.APPROVED, {"opinion": "同意"}, back, 1),
                              (ev.RESULT_READY, {}, back, 1)]),
        ("0203", OTHERS[0], 8, [(ev.SUBMITTED_FOR_REVIEW, {}, actor, 0),
                                (ev.CLOCK_PAUSED, {"reason": "组织专家评审", "pause_reason":
                                                   "expert_review"}, planning, 1)]),
        ("0105", OTHERS[1], 15, [(ev.SUBMITTED_FOR_REVIEW, {}, actor, 0),
                                 (ev.APPROVED, {"opinion": "同意"}, back, 3),
                                 (ev.RESULT_READY, {}, back, 3),
                                 (ev.ISSUED, {"method": "mail", "recipient": "王海燕",
                                              "address": "日照市东港区烟台路59号",
                                              "tracking_no": "EA204519371CN"}, actor, 4),
                                 (ev.RATED, {"level": 5, "channel": "pad"}, actor, 4)]),
        ("0103", OTHERS[3], 1, [(ev.ISSUED, {"method": "collected", "on_the_spot": True},
                                 actor, 0)]),
    ]
    with store.replica.transaction():
        for item_no, person, days_ago, steps in plan:
            t = _at(today, days_ago)
            write_accepted_case(store, catalog.item(item_no), person, actor, t, [
                (kind, p, who, t + dt.timedelta(days=after, minutes=20 + i * 30))
                for i, (kind, p, who, after) in enumerate(steps)])
    return len(plan)


def write_accepted_case(store: CaseStore, item: Any, person: Person, clerk: Actor,
                        at: dt.datetime, steps: list[tuple[str, dict, Actor, dt.datetime]],
                        parties: tuple[Person, ...] = ()) -> None:
    """One demo case: registered with every required material, accepted five minutes
    later, then each (kind, payload, actor, when) of `steps` (the reviewer's demo too)."""
    provided = {m.id: True for m in item.materials if m.required}
    payload = registration_payload(item, person, parties=parties, provided=provided)
    _, case = store.open_case(payload, clerk, now=at)
    store.record(case.id, ev.ACCEPTED, {}, clerk, now=at + dt.timedelta(minutes=5))
    for kind, payload, actor, when in steps:
        store.record(case.id, kind, payload, actor, now=when)
