"""What the supervisor demo adds to the hall's demo cases: consultations, bad ratings
with follow-ups at every stage, appeals, and the notices a hall accumulates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import Any

from domain import appeals, consultations, followups
from domain import events as ev
from domain.application import Actor
from sync import notices
from sync import ratings as sr


def _person(staff: Any) -> Any:
    """The demo's people act in their roles even on a replica of a real server, which
    disables demo staff records (their public password) without changing their roles."""
    return dataclasses.replace(staff, active=True)


def _queue_days(store: Any, clerks: list, today: dt.date, rng: random.Random) -> int:
    """Five days of the queue: tickets taken at the kiosk, called, served or missed at
    the clerks' windows, so the figures have waits and service times to show."""
    from domain import tickets as tk
    from sync import queue, reference

    zones = {w.id: w.zone for w in reference.load_catalog(store.replica).windows}
    me = store.replica.identity().terminal_id
    kiosk = Actor("kiosk", me)
    n = 0
    for back in range(5):
        day = today - dt.timedelta(days=back)
        t = dt.datetime.combine(day, dt.time(9, 0), ev.CHINA_TZ)
        for _ in range(8):
            t += dt.timedelta(minutes=rng.randrange(5, 40))
            c = rng.choice(clerks)
            ticket = queue.take(store, zones.get(c.window, "Z1"), kiosk, channel="kiosk",
                                now=t)
            actor = Actor(c.id, me, c.window)
            called = t + dt.timedelta(seconds=rng.randrange(90, 1500))
            queue.step(store, ticket.id, tk.CALLED, c.window, actor, now=called)
            if rng.random() < 0.1:
                queue.step(store, ticket.id, tk.NO_SHOW, c.window, actor,
                           now=called + dt.timedelta(minutes=2))
            else:
                start = called + dt.timedelta(seconds=rng.randrange(20, 90))
                queue.step(store, ticket.id, tk.STARTED, c.window, actor, now=start)
                queue.step(store, ticket.id, tk.ENDED, c.window, actor,
                           now=start + dt.timedelta(seconds=rng.randrange(120, 900)))
            n += 1
    return n


def seed_supervision(store: Any, today: dt.date, *, seed: int = 11) -> dict[str, int]:
    """Add the supervisor's material to a replica holding demo cases (writer thread)."""
    from sync import reference

    rng = random.Random(seed)
    replica = store.replica
    catalog = reference.load_catalog(replica)
    clerks = [s for s in catalog.staff if s.role == "clerk" and s.window]
    boss = _person(next(s for s in catalog.staff if s.role == "supervisor"))
    me = replica.identity().terminal_id
    done = {"consultations": 0, "bad": 0, "appeals": 0}
    with replica.transaction():
        for i in range(60):
            c = rng.choice(clerks)
            item = rng.choice(catalog.items) if rng.random() < 0.7 else None
            when = dt.datetime.combine(today - dt.timedelta(days=rng.randrange(0, 20)),
                                       dt.time(9 + i % 8, rng.randrange(60)), ev.CHINA_TZ)
            store.record(store.new_id(), consultations.RECORDED, consultations.payload(
                rng.choice((2, 3, 5, 8, 12)), "referred" if rng.random() < 0.15 else "answered",
                item.code if item else "", item.name if item else ""),
                Actor(c.id, me, c.window), now=when)
            done["consultations"] += 1
        issued = [dict(r) for r in replica.conn.execute(
                      "SELECT * FROM cases WHERE state='issued' AND rating IS NULL "
                      "ORDER BY registered_at LIMIT 6")]
        fids = []
        for n, row in enumerate(issued):
            actor = Actor(row["staff_id"] or clerks[0].id, me, row["window_id"])
            when = dt.datetime.fromisoformat(row["updated_at"]) + dt.timedelta(minutes=5)
            _, fid = sr.record_rating(store, row["id"], 1 + n % 2, "sms" if n % 3 else "pad",
                                      actor, reason="等候时间太长" if n % 2 else "态度不好",
                                      now=when)
            if fid:
                fids.append((fid, row))
                done["bad"] += 1
        boss_actor = Actor(boss.id, me, None)
        for n, (fid, _row) in enumerate(fids):
            if n % 3 == 0:
                continue
            store.record(fid, followups.CONTACTED, {"how": "phone", "answer":
                         "群众表示当天排队较久，已致歉并说明原因"}, boss_actor)
            if n % 3 == 2:
                store.record(fid, followups.RECTIFIED, {"text": "高峰时段增开窗口，提醒预约"},
                             boss_actor)
        if fids:
            fid, row = fids[-1]
            staff = _person(catalog.staff_member(row["staff_id"]))
            a = sr.file_appeal(store, staff, row["id"], "申请人当时未办成与窗口无关的业务，属误评",
                               Actor(row["staff_id"], me, row["window_id"]))
            done["appeals"] += 1
            if len(fids) > 2:
                _fid2, row2 = fids[0]
                staff2 = _person(catalog.staff_member(row2["staff_id"]))
                a2 = sr.file_appeal(store, staff2, row2["id"], "评价器误触", Actor(
                    row2["staff_id"], me, row2["window_id"]))
                sr.decide_appeal(store, boss, a2.id, appeals.EXCLUDED, "mistaken",
                                 "调取录像确认为误触", boss_actor)
                done["appeals"] += 1
            del a
    done["tickets"] = _queue_days(store, clerks, today, rng)
    notices.add(replica, notices.KIOSK_HELP, "1号自助登记机：群众请求帮助")
    notices.add(replica, notices.KIOSK_PRINTER, "1号自助登记机：打印机缺纸")
    conflict = {"kind": "issued", "expected": "result_ready", "actual": "withdrawn",
                "staff_id": clerks[1].id, "terminal_id": "7f3e2a10", "case_number": "1" * 16}
    notices.add(replica, "conflict", "办件离线出件时，后台已撤回：出件未生效，请核实处理",
                detail=conflict)
    return done
