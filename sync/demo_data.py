"""Demo cases written through the same CaseStore the counter uses.

Realistic mixes for the demo and for tests: most cases accepted, some supplemented,
some reviewed and issued, some rated — with deadlines near, far and passed, so the
countdown colours all show.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable

from domain import events as ev
from domain.application import Actor, Person, registration_payload
from domain.idnumber import check_char
from sync import reference
from sync.ratings import record_rating
from sync.replica import Replica
from sync.store import CaseStore

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅志强玉兰海燕晓东春梅文军"
REGIONS = ("371102", "371103", "371121", "371122", "370102", "110105", "440305", "320106")


def demo_person(rng: random.Random) -> Person:
    """A made-up applicant whose ID number passes the check."""
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 65))
    body = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return Person(name=name, id_number=body + check_char(body),
                  phone=f"1{rng.choice('3589')}{rng.randrange(0, 10**9):09d}")


def ensure_catalog(replica: Replica) -> None:
    """Seed the demo catalog when the replica has none (standalone first start)."""
    if replica.conn.execute("SELECT 1 FROM reference WHERE kind IN ('item', 'enabled') LIMIT 1").fetchone():
        return
    from resources import path

    data = json.loads(path("catalog", "demo.json").read_text("utf-8"))
    reference.import_catalog(replica, data)


def write_demo_cases(replica: Replica, n: int, *, seed: int = 7,
                     today: dt.date | None = None,
                     progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Write `n` demo cases over the last few weeks; returns counts by what was done."""
    ensure_catalog(replica)
    rng = random.Random(seed)
    catalog = reference.load_catalog(replica)
    clerks = [s for s in catalog.staff if s.role == "clerk" and s.window]
    reviewers = [s for s in catalog.staff if s.role == "reviewer"] or clerks
    # a decision is taken by a reviewer of the item's department (domain.roles)
    by_department = {s.department: s for s in reviewers if s.department}
    store = CaseStore(replica)
    ident = replica.identity()
    today = today or dt.date.today()
    done = {"cases": 0, "accepted": 0, "supplemented": 0, "issued": 0, "rated": 0}
    with replica.transaction():
        for i in range(n):
            item = rng.choice(catalog.items)
            clerk = rng.choice(clerks)
            actor = Actor(clerk.id, ident.terminal_id, clerk.window)
            reviewer = by_department.get(item.department) or rng.choice(reviewers)
            back = Actor(reviewer.id, ident.terminal_id, None)
            start = dt.datetime.combine(today - dt.timedelta(days=rng.randrange(0, 21)),
                                        dt.time(9, 0), ev.CHINA_TZ)
            t = start + dt.timedelta(minutes=rng.randrange(0, 420))
            provided = {m.id: True for m in item.materials}
            complete = rng.random() > 0.15
            if not complete and item.required_materials():
                provided[item.required_materials()[-1].id] = False
            payload = registration_payload(item, demo_person(rng), provided=provided)
            _, case = store.open_case(payload, actor, now=t)
            done["cases"] += 1

            # `t` moves on within this iteration (days pass between steps): bind it late.
            def step(kind, p, who=actor, minutes=3, case_id=case.id):
                return store.record(case_id, kind, p, who,
                                    now=t + dt.timedelta(minutes=minutes))  # noqa: B023

            if not complete:
                missing = [m["name"] for m in payload["materials"]
                           if m["required"] and not m["provided"]]
                step(ev.SUPPLEMENT_REQUESTED, {"missing": missing})
                done["supplemented"] += 1
                if rng.random() < 0.5:
                    continue
                t += dt.timedelta(days=1)
                step(ev.SUPPLEMENT_RECEIVED, {"accept": False})
            step(ev.ACCEPTED, {}, minutes=5)
            done["accepted"] += 1
            if item.instant:
                step(ev.ISSUED, {"method": "collected"}, minutes=8)
                done["issued"] += 1
            else:
                if rng.random() < 0.3:
                    continue
                step(ev.SUBMITTED_FOR_REVIEW, {}, minutes=10)
                if rng.random() < 0.4:
                    continue
                t += dt.timedelta(days=rng.randrange(0, 3))
                step(ev.APPROVED, {}, who=back, minutes=60)
                step(ev.RESULT_READY, {}, who=back, minutes=61)
                if rng.random() < 0.5:
                    continue
                if item.mailing_allowed and rng.random() < 0.3:
                    step(ev.ISSUED, {"method": "mail", "address": "日照市东港区海曲中路80号",
                                     "tracking_no": f"EA{rng.randrange(10**8, 10**9)}CN"},
                         minutes=120)
                else:
                    step(ev.ISSUED, {"method": "collected"}, minutes=120)
                done["issued"] += 1
            if rng.random() < 0.6:
                level = rng.choices((5, 4, 3, 2, 1), weights=(80, 14, 4, 1, 1))[0]
                record_rating(store, case.id, level, "pad", actor,
                              reason="时间太长" if level <= 2 else "",
                              now=t + dt.timedelta(minutes=130))
                done["rated"] += 1
            if progress and i % 100 == 0:
                progress(i)
    return done
