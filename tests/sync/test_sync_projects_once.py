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


def test_a_pulled_page_is_applied_in_set_operations(tmp_path):
    """Issue 17: a page of 300 events is looked up in a few queries, not a SELECT (or
    two) per event, and stored by executemany; an event that cannot be stored is
    quarantined alone. (The trace shows each executemany row as a statement.)"""
    from domain.ids import uuid7
    from sync import apply
    from sync.replica import Replica

    def ev_row(i: int, seq: int, **kw) -> dict:  # type: ignore[no-untyped-def]
        return {"id": uuid7(), "case_id": f"c{i // 3}", "kind": "registered" if i % 3 == 0
                else "accepted", "payload": {"n": i}, "expected_state": None,
                "terminal_id": "other", "terminal_seq": i + 1, "staff_id": "S9",
                "recorded_at": "2026-03-03T09:00:00+08:00", "window_id": "W09",
                "server_seq": seq, "verdict": "applied", **kw}

    with Replica.in_dir(tmp_path / "t") as r:
        r.identity()
        rows = [ev_row(i, 1000 + i) for i in range(300)]
        statements: list[str] = []
        r.conn.set_trace_callback(statements.append)
        with r.transaction():
            cases, bad = apply._upsert_events(r, rows)
        r.conn.set_trace_callback(None)
        assert len(cases) == 100 and bad == []
        assert r.conn.execute("SELECT COUNT(*) FROM events WHERE verdict='applied'"
                              ).fetchone()[0] == 300
        selects = [x for x in statements if x.lstrip().upper().startswith("SELECT")]
        assert len(selects) <= 4, len(selects)
        # the same page again (a replay after a crash) changes nothing; one row that
        # clashes with a held (terminal, seq) under another id is quarantined, alone
        clash = ev_row(5, 5000, terminal_seq=1)
        more = [ev_row(400 + i, 2000 + i, terminal_seq=400 + i) for i in range(5)]
        with r.transaction():
            _cases, bad = apply._upsert_events(r, [*rows, clash, *more])
        assert len(bad) == 1
        assert r.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 305
