"""The benchmark workload: a terminal's week, shaped like the PouchDB peer's gen.js.

gen.js makes 2,000 writes: 1,900 creates (42 % cases, 42 % audit records, 16 % ratings)
and 100 status changes. Ours are real events written through the counter's CaseStore:
a case is a `registered` event (with the item's material checklist and a made-up
applicant, so bigger than the peer's case document), an audit record is the next step on
an earlier case (accept, submit for review, pause/resume the clock — the department's
reviewer's step, as the rule table says), a rating a `rated` event, a status change a
withdrawal or an issue.
"""

from __future__ import annotations

import datetime as dt
import random

from domain import events as ev
from domain import lifecycle as lc
from domain.application import Actor, registration_payload
from sync import demo_data, reference
from sync.replica import Replica
from sync.store import CaseStore, load_case

NEXT_STEP = {
    lc.REGISTERED: (ev.ACCEPTED, {}),
    lc.ACCEPTED: (ev.SUBMITTED_FOR_REVIEW, {}),
}


def write_week(replica: Replica, n: int = 2000, *, seed: int = 42,
               start: dt.datetime | None = None, shared: list[str] | None = None) -> list[str]:
    """Write `n` events as one terminal's week offline; returns the case ids it opened.

    `shared` case ids (opened elsewhere) are acted on too, as offline terminals of one
    hall do.
    """
    demo_data.ensure_catalog(replica)
    rng = random.Random(seed)
    catalog = reference.load_catalog(replica)
    clerks = [s for s in catalog.staff if s.role == "clerk" and s.window] or list(catalog.staff)
    reviewers = {s.department: s.id for s in catalog.staff
                 if s.role == "reviewer" and s.department}
    ident = replica.identity()
    store = CaseStore(replica)
    t = start or dt.datetime(2026, 3, 2, 9, 0, tzinfo=ev.CHINA_TZ)
    mine: list[str] = []
    n_upd = round(n * 0.05)
    def register(actor: Actor, t: dt.datetime) -> None:
        item = rng.choice(catalog.items)
        provided = {m.id: rng.random() > 0.1 for m in item.materials}
        payload = registration_payload(item, demo_data.demo_person(rng), provided=provided,
                                       queue_no=f"A{rng.randrange(999):03d}")
        _, case = store.open_case(payload, actor, now=t)
        mine.append(case.id)

    def rate(case_id: str, actor: Actor, t: dt.datetime, level: int, channel: str) -> None:
        """One rating per service (a second is a conflict): else a new case instead."""
        case = load_case(store.replica, case_id)
        if case is not None and case.rating is not None:
            register(actor, t)
            return
        store.record(case_id, ev.RATED, {"level": level, "channel": channel}, actor, now=t)

    with replica.transaction():
        for _ in range(n - n_upd):
            t += dt.timedelta(seconds=60 + rng.randrange(120))
            clerk = rng.choice(clerks)
            actor = Actor(clerk.id, ident.terminal_id, clerk.window)
            r = rng.random()
            pool = mine + (shared or [])
            if r < 0.42 or not pool:
                register(actor, t)
            elif r < 0.84:
                _step(store, rng.choice(pool), actor, t, rng, rate, reviewers)
            else:
                rate(rng.choice(pool), actor, t, rng.choice((5, 5, 5, 4, 3, 2)), "pad")
        for _ in range(n_upd):
            t += dt.timedelta(seconds=30)
            clerk = rng.choice(clerks)
            actor = Actor(clerk.id, ident.terminal_id, clerk.window)
            _status_change(store, rng.choice(mine + (shared or [])), actor, t, rate)
    return mine


def _step(store: CaseStore, case_id: str, actor: Actor, t: dt.datetime,
          rng: random.Random, rate, reviewers: dict[str, str]  # type: ignore[no-untyped-def]
          ) -> None:
    """The next ordinary step on a case, or a clock pause/resume (by the department's
    reviewer) when none is left."""
    case = load_case(store.replica, case_id)
    state = case.state if case else None
    kind, payload = NEXT_STEP.get(state, (None, {}))
    if kind == ev.SUBMITTED_FOR_REVIEW and case is not None and case.instant:
        kind, payload = ev.ISSUED, {"method": "collected"}
    if kind is None and state in (lc.ACCEPTED, lc.IN_REVIEW):
        if case is not None and case.clock_paused:
            kind, payload = ev.CLOCK_RESUMED, {}
        else:
            kind, payload = ev.CLOCK_PAUSED, {"pause_reason": "inspection",
                                              "reason": "现场核查"}
        reviewer = reviewers.get(case.department) if case is not None else None
        if reviewer is None:
            kind = None
        else:
            actor = Actor(reviewer, actor.terminal_id, None)
    if kind is None:
        rate(case_id, actor, t, rng.choice((5, 4)), "pad")
        return
    store.record(case_id, kind, payload, actor, now=t)


def _status_change(store: CaseStore, case_id: str, actor: Actor, t: dt.datetime,
                   rate) -> None:  # type: ignore[no-untyped-def]
    case = load_case(store.replica, case_id)
    state = case.state if case else None
    if state in (lc.REGISTERED, lc.ACCEPTED, lc.SUPPLEMENT, lc.IN_REVIEW):
        store.record(case_id, ev.WITHDRAWN, {"reason": "申请人撤回"}, actor, now=t)
    else:
        rate(case_id, actor, t, 5, "sms")
