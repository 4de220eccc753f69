"""A township hall's work while the WAN is down, as a list of activities on real terminals.

Each activity acts through the code the faces use (the kiosk's `register`, the counter's
CaseStore, the kiosk's help notice), syncs over the hall's LAN, and checks that the rest
of the hall sees it at once — the hall works as one with only its node. The WAN tests run
them in order; queue tickets (`yichuang queue take/call`) slot in as one more activity.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from domain import events as ev
from domain.application import Actor
from sync import notices, reference
from sync.demo_data import demo_person
from sync.replica import Replica
from sync.store import CaseStore, load_case
from tests.support.servers import ROOT
from tests.support.terminal import Term


@dataclass
class Hall:
    """The hall's terminals and what the day made, for the checks afterwards."""

    rig: Any
    kiosk: Term
    counters: list[Term]
    registered: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    rated: list[str] = field(default_factory=list)
    help_calls: list[str] = field(default_factory=list)

    @property
    def terms(self) -> list[Term]:
        return [self.kiosk, *self.counters]

    def sync(self, *terms: Term) -> None:
        """Sync these terminals once each; all of them, twice over, when none is named
        (so each sees what the others pushed)."""
        for t in terms or [*self.terms, *self.terms]:
            out = self.rig.sync(t)
            assert out["ok"], out


def cli(h: Hall, t: Term, *args: str) -> subprocess.CompletedProcess:
    """`yichuang ARGS --data-dir T` on the hall's LAN (the queue commands, say, which push
    and wait for the node's verdict)."""
    return subprocess.run([*h.rig.wan.prefix("hall"), sys.executable, "-m", "desktop.cli",
                           *args, "--data-dir", str(t.dir)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def _now() -> dt.datetime:
    return dt.datetime.now(ev.CHINA_TZ)


def kiosk_registers(h: Hall, n: int = 4) -> None:
    """Citizens register at the kiosk; every counter finds the registrations."""
    from desktop.kiosk.registration import register

    rng = random.Random(7)
    with Replica.in_dir(h.kiosk.dir) as r:
        catalog = reference.load_catalog(r)
        items = [i for i in catalog.items if not i.instant]
        store = CaseStore(r)
        for _ in range(n):
            reg = register(store, catalog, rng.choice(items), demo_person(rng), kiosk_no=1,
                           now=_now())
            h.registered.append(reg.case_id)
    h.sync(h.kiosk)
    h.sync(*h.counters)
    for t in h.counters:
        assert all(t.state(c) == "registered" for c in h.registered)


def counters_accept(h: Hall) -> None:
    """Two counters share the kiosk's registrations and accept them; each sees the
    other's work."""
    for i, cid in enumerate(h.registered):
        t = h.counters[i % len(h.counters)]
        t.step(cid, ev.ACCEPTED)
        h.accepted.append(cid)
    h.sync(*h.counters)
    h.sync(*h.counters)
    for t in h.terms:
        h.sync(t)
        assert all(t.state(c) == "accepted" for c in h.accepted)


def counters_rate(h: Hall) -> None:
    """The rating pad at each counter: the rating reaches the whole hall."""
    for i, cid in enumerate(h.accepted[:2]):
        t = h.counters[i % len(h.counters)]
        t.step(cid, ev.RATED, {"level": 5 - i, "channel": "pad"})
        h.rated.append(cid)
    h.sync()
    for t in h.terms:
        with Replica.in_dir(t.dir) as r:
            assert all(load_case(r, c).ratings for c in h.rated)


def kiosk_calls_for_help(h: Hall) -> None:
    """The kiosk's help button: a notice every counter gets; a counter resolves it and
    the kiosk hears that."""
    with Replica.in_dir(h.kiosk.dir) as r:
        nid = notices.add(r, notices.KIOSK_HELP, "自助机需要协助")
    assert nid
    h.help_calls.append(nid)
    h.sync(h.kiosk)
    h.sync(*h.counters)
    c = h.counters[0]
    with Replica.in_dir(c.dir) as r:
        assert [n["id"] for n in notices.unseen(r, notices.KIOSK_HELP)] == [nid]
        notices.mark(r, nid, "notice.resolved", Actor("S001", r.identity().terminal_id),
                     note="已到场")
    h.sync(c)
    h.sync(h.kiosk)
    with Replica.in_dir(h.kiosk.dir) as r:
        assert r.conn.execute("SELECT state FROM notices WHERE id=?",
                              (nid,)).fetchone()[0] == "resolved"


# In order. Queue tickets (kiosk take, two counters calling, no ticket twice) go here once
# the queue commands land: one function taking the Hall, like these, running
# `cli(h, t, "queue", "take", "--zone", Z)` on the hall's LAN.
ACTIVITIES: list[Callable[[Hall], None]] = [
    kiosk_registers,
    counters_accept,
    counters_rate,
    kiosk_calls_for_help,
]
