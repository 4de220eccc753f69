"""Issue 17: a sync round projects each case it touches once. Confirmed own events used
to re-project their cases after the push answer and again after the pull (56 % of the
client's CPU in a 20,000-event sync); a case another terminal also worked on is still
projected once, after the pull brought the other's events."""

from __future__ import annotations

import collections

from domain import events as ev
from sync import projection
from sync.client import SyncClient
from tests.support.terminal import Term


def _counting(monkeypatch) -> collections.Counter:
    seen: collections.Counter = collections.Counter()
    real = projection.project

    def counted(replica, stream_ids, cal):  # type: ignore[no-untyped-def]
        ids = list(stream_ids)
        seen.update(ids)
        return real(replica, ids, cal)

    monkeypatch.setattr(projection, "project", counted)
    return seen


def _round(d, batch: int | None = None):  # type: ignore[no-untyped-def]
    c = SyncClient(d)
    try:
        if batch:
            c.batch_size = batch
        return c.sync_round()
    finally:
        c.close()


def test_each_case_is_projected_once_per_sync(server, code_for, tmp_path, monkeypatch):
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    shared = a.open_case()
    _round(a.dir)
    _round(b.dir)
    b.step(shared, ev.ACCEPTED)  # b works on a's case while a records its own
    _round(b.dir)
    mine = [a.open_case() for _ in range(12)]
    for cid in mine[:6]:
        a.step(cid, ev.ACCEPTED)
    seen = _counting(monkeypatch)
    rep = _round(a.dir, batch=4)  # several push batches, some cases in two of them
    assert rep.pushed == 18 and rep.pulled >= 1
    assert a.state(shared) == "accepted"
    assert set(seen) >= {*mine, shared}
    assert max(seen.values()) == 1, {k: v for k, v in seen.items() if v > 1}
