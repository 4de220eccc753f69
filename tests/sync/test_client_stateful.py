"""Hypothesis stateful test: two counters and the back office act on shared cases with
syncs at random points; in the end every node folds the same events to the same states."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from domain import events as ev
from domain.errors import DomainError
from sync.client_cli import sync_once
from tests.support.converge import assert_converged, sync_all
from tests.support.servers import ServerProcess, backoffice_decide, enrol_code, setup_hall
from tests.support.terminal import Term

STEPS = [
    (ev.ACCEPTED, {}), (ev.SUBMITTED_FOR_REVIEW, {}), (ev.APPROVED, {}),
    (ev.REJECTED, {"reason": "材料不符"}), (ev.RESULT_READY, {}),
    (ev.ISSUED, {"method": "collected"}), (ev.WITHDRAWN, {"reason": "撤回"}),
    (ev.SUPPLEMENT_REQUESTED, {"missing": ["身份证"]}), (ev.SUPPLEMENT_RECEIVED, {}),
    (ev.CLOCK_PAUSED, {"reason": "核查", "pause_reason": "inspection"}),
    (ev.CLOCK_RESUMED, {}), (ev.RATED, {"level": 5, "channel": "pad"}),
]


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    d = tmp_path_factory.mktemp("stateful")
    url = f"sqlite:///{d / 'server.sqlite3'}"
    setup_hall(url)
    srv = ServerProcess(url, log_dir=d).start()
    yield url, srv, d
    srv.stop()


def test_two_writers_converge(live):
    url, srv, base = live
    counter = iter(range(10**6))

    class TwoWriters(RuleBasedStateMachine):
        @initialize()
        def setup(self) -> None:
            n = next(counter)
            self.terms = [Term(base / f"e{n}-{i}", srv.url, enrol_code(url)) for i in range(2)]
            self.cases: list[str] = []

        @rule(w=st.integers(0, 1))
        def open_case(self, w: int) -> None:
            self.cases.append(self.terms[w].open_case(instant=False))

        @precondition(lambda self: self.cases)
        @rule(w=st.integers(0, 1), c=st.integers(0, 50), s=st.sampled_from(STEPS))
        def step(self, w: int, c: int, s: tuple) -> None:
            # the counter screen refuses an illegal step; nothing is stored
            with contextlib.suppress(DomainError):
                self.terms[w].step(self.cases[c % len(self.cases)], s[0], s[1])

        @rule(w=st.integers(0, 1))
        def sync(self, w: int) -> None:
            assert sync_once(self.terms[w].dir)["ok"]

        @precondition(lambda self: self.cases)
        @rule(c=st.integers(0, 50), d=st.sampled_from(["approve", "reject"]))
        def back_office(self, c: int, d: str) -> None:
            r = backoffice_decide(srv, self.cases[c % len(self.cases)], d)
            assert r.status_code in (200, 404, 409)


        def teardown(self) -> None:
            if getattr(self, "terms", None):
                sync_all([t.dir for t in self.terms])
                assert_converged(url, [t.dir for t in self.terms])

    TwoWriters.TestCase.settings = settings(
        max_examples=20, stateful_step_count=15, deadline=None,
        suppress_health_check=list(HealthCheck))
    TwoWriters.TestCase().runTest()
