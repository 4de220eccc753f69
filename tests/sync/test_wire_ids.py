"""Ids on the wire (issue 17: ids were 43 % of a week's push). A terminal's ids carry
its node, a counter and 24 random bits (domain.ids.uuid7_counted); protocol 3 packs them
as a node said once, counter deltas and 6-hex tails, exactly, whatever else a batch
holds (random ids, UUIDs of other versions, strings that are no UUID). A client of
protocol 2 still pushes and pulls the old form, and is answered in it."""

from __future__ import annotations

import random

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.workload import write_week
from domain import events as ev
from domain import ids
from sync import outbox, wire
from sync.client_cli import sync_once
from sync.replica import Replica
from sync.store import CaseStore
from tests.support.terminal import Term, token_of

_ID = st.one_of(
    st.builds(lambda n, c, ms: ids.uuid7_counted(n % 3, c, ms),
              st.integers(0, 2**22), st.integers(0, 2**30), st.integers(0, 2**48 - 1)),
    st.builds(lambda ms: ids.uuid7(ms), st.integers(0, 2**48 - 1)),
    st.uuids(version=4).map(str),
    st.text(max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ID, max_size=40))
def test_every_id_column_comes_back_exactly(values):
    for compact in (False, True):
        col = wire._uuid_col(values, compact)
        assert wire._unuuid_col(col, len(values)) == values


def test_ids_split_and_join_back():
    rng = random.Random(3)
    for _ in range(500):
        node, counter = rng.getrandbits(22), rng.getrandbits(28)
        v = ids.uuid7_counted(node, counter)
        _ms, n2, c2, _tail = ids.split(v)
        assert (n2, c2) == (node, counter) and ids.join(*ids.split(v)) == v
        r = ids.uuid7()
        assert ids.join(*ids.split(r)) == r
    assert ids.split("not an id") is None and ids.split(str(__import__("uuid").uuid4())) is None


def test_a_terminals_ids_are_unique_and_keep_their_random_tail(tmp_path):
    """One replica's ids never repeat (the counter), and two copies of one replica (a
    restored backup) make different ids for the same number: the last six hex digits,
    which the pull's clone fingerprint compares, are random."""
    with Replica.in_dir(tmp_path / "t") as r:
        r.identity()
        store = CaseStore(r)
        made = [store.new_id() for _ in range(2000)]
        assert len(set(made)) == 2000
        assert {ids.split(x)[1] for x in made} == {ids.node_of(r.identity().terminal_id)}
        assert [ids.split(x)[2] for x in made] == list(range(1, 2001))
        tails = {x[-6:] for x in made}
        assert len(tails) > 1990


def test_a_week_offline_costs_at_most_40_bytes_an_event_up(tmp_path):
    with Replica.in_dir(tmp_path / "t") as r:
        r.identity()
        write_week(r, 2000)
        events = outbox.pending(r, 5000)
    sizes = {c: len(wire.gzip_body({"batch": wire.pack_events(events, compact=c)}))
             for c in (False, True)}
    assert wire.unpack_events(wire.pack_events(events, compact=True)) == [
        e.to_wire() for e in events]
    assert sizes[True] / len(events) <= 40, sizes
    assert sizes[True] < sizes[False] * 0.95, sizes


@pytest.mark.parametrize("protocol", [2, 3])
def test_a_client_is_answered_in_the_form_its_protocol_reads(server, code_for, tmp_path,
                                                             protocol):
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    for _ in range(3):
        cid = a.open_case()
        a.step(cid, ev.ACCEPTED)
    with Replica.in_dir(a.dir) as r:
        events = outbox.pending(r, 100)
    # a's push in the form of `protocol`: the server takes either
    answer = requests.post(server.url + "/api/v1/sync/push", data=wire.gzip_body(
        {"batch": wire.pack_events(events, compact=protocol >= 3)}), headers={
        wire.PROTOCOL_HEADER: str(protocol), "Authorization": f"Bearer {token_of(a.dir)}",
        "Content-Encoding": "gzip", "Content-Type": "application/json"}, timeout=30)
    assert answer.status_code == 200, answer.text
    assert wire.unpack_verdicts(answer.json()["results"])[0][1] == "a"
    assert sync_once(b.dir)["ok"]  # b has done its snapshot: what follows is a pull
    more = a.open_case()
    assert sync_once(a.dir)["ok"]
    with Replica.in_dir(b.dir) as r:
        cursor = int(r.get_meta("cursor"))
    page = requests.get(server.url + "/api/v1/sync/pull", params={"cursor": cursor - 1},
                        headers={wire.PROTOCOL_HEADER: str(protocol),
                                 "Authorization": f"Bearer {token_of(b.dir)}"}, timeout=30)
    assert page.status_code == 200, page.text
    packed = page.json()["events"]
    assert ("nd" in packed["id"]) is (protocol >= 3)
    assert [x["case_id"] for x in wire.unpack_events(packed)][-1] == more
