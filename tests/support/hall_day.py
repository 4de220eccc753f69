"""A township hall's work while the WAN is down, as a list of activities on real terminals.

Each activity acts through the code the faces use (the kiosk's `register`, the counter's
CaseStore, the kiosk's help notice, the queue commands as written), syncs over the
hall's LAN, and checks that the rest of the hall sees it at once — the hall works as one
with only its node. The WAN tests run them in order.
"""

from __future__ import annotations

import datetime as dt
import json
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
    display: Term | None = None  # the hall display's terminal (queue calls)
    registered: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    rated: list[str] = field(default_factory=list)
    help_calls: list[str] = field(default_factory=list)
    calls: list[tuple[str, str]] = field(default_factory=list)  # (ticket, window)

    @property
    def terms(self) -> list[Term]:
        return [self.kiosk, *self.counters, *([self.display] if self.display else [])]

    def sync(self, *terms: Term) -> None:
        """Sync these terminals once each; all of them, twice over, when none is named
        (so each sees what the others pushed)."""
        for t in terms or [*self.terms, *self.terms]:
            out = self.rig.sync(t)
            assert out["ok"], out


def _argv(h: Hall, t: Term, *args: str) -> list[str]:
    return [*h.rig.wan.prefix("hall"), sys.executable, "-m", "desktop.cli", *args,
            "--data-dir", str(t.dir)]


def cli(h: Hall, t: Term, *args: str) -> subprocess.CompletedProcess:
    """`yichuang ARGS --data-dir T` on the hall's LAN (the queue commands, say, which push
    and wait for the node's verdict)."""
    return subprocess.run(_argv(h, t, *args), cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def cli_at_once(h: Hall, runs: list[tuple[Term, tuple[str, ...]]]
                ) -> list[subprocess.CompletedProcess]:
    """Several commands started together (two counters pressing "next" at once)."""
    procs = [subprocess.Popen(_argv(h, t, *args), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for t, args in runs]
    out = []
    for p, (_t, args) in zip(procs, runs, strict=True):
        stdout, stderr = p.communicate(timeout=120)
        out.append(subprocess.CompletedProcess(args, p.returncode, stdout, stderr))
    return out


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


def queue_calls(h: Hall, takes: int = 4, rounds: int = 2) -> None:
    """The kiosk hands out tickets, two counters press "next" at the same moment (the
    node decides: no ticket twice), and the hall display shows every call — through
    `yichuang queue take|call|status` as written, each pushing and waiting for the
    node's verdict."""
    taken = []
    for _ in range(takes):
        out = cli(h, h.kiosk, "queue", "take", "--zone", "Z1", "--staff", "kiosk")
        assert out.returncode == 0, out.stderr
        got = json.loads(out.stdout)
        assert got["confirmed"] and got["server"], got  # the node took it, WAN or not
        taken.append(got["ticket"])
    assert len(set(taken)) == takes
    staff = {"W01": "S001", "W02": "S003"}
    for _ in range(rounds):  # both counters call at once, then again
        runs = [(t, ("queue", "call", "--window", w, "--staff", staff[w]))
                for t, w in zip(h.counters, staff, strict=True)]
        for out, (_t, args) in zip(cli_at_once(h, runs), runs, strict=True):
            assert out.returncode == 0, (out.stdout, out.stderr)
            got = json.loads(out.stdout)
            assert got["decided_by"] == "server" and got["window"] == args[3], got
            h.calls.append((got["ticket"], got["window"]))
    numbers = [n for n, _w in h.calls]
    assert len(numbers) == len(set(numbers)) == 2 * rounds  # nobody called twice
    assert h.display is not None
    h.sync(h.display)
    out = cli(h, h.display, "queue", "status")
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["server"]["reachable"] is True
    assert {(c["ticket"], c["window"]) for c in shown["recent_calls"]} == set(h.calls)
    serving = {w["code"]: w["serving"] for w in shown["windows"] if w["serving"]}
    assert serving == {w: n for n, w in h.calls[-2:]}  # the last call at each window


ACTIVITIES: list[Callable[[Hall], None]] = [
    kiosk_registers,
    counters_accept,
    counters_rate,
    kiosk_calls_for_help,
    queue_calls,
]
