"""A batch the server keeps failing on with a 500 (issue 13): the client splits it until
the event at fault is alone, refuses that one here — kept, reported — and the rest goes
on. A server that fails on everything (its disk is full) never makes the client refuse."""

from __future__ import annotations

import threading
import time

import pytest
import uvicorn

from domain import events as ev
from server import app as server_app
from server import push
from sync import notices
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support.servers import free_port, setup_hall
from tests.support.terminal import Term


class _InProcessServer:
    """The real app on loopback in a thread: a test can give it a bug."""

    def __init__(self, db_url: str) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(server_app.create_app(db_url),
                                                    host="127.0.0.1", port=self.port,
                                                    log_level="critical"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> _InProcessServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def buggy(tmp_path, monkeypatch):
    """A server with a bug: an event whose payload says "trip" makes it fail (500)."""
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    setup_hall(url)
    state = {"everything": False}
    real = push.validate

    def validate(raw):  # type: ignore[no-untyped-def]
        if state["everything"] or (isinstance(raw, dict)
                                   and (raw.get("payload") or {}).get("reason") == "trip"):
            raise RuntimeError("a bug in the server")
        return real(raw)

    monkeypatch.setattr(push, "validate", validate)
    with _InProcessServer(url) as srv:
        yield srv, url, state


def _code(url: str) -> str:
    from tests.support.servers import enrol_code

    return enrol_code(url)


def test_the_event_at_fault_is_found_refused_here_and_the_rest_goes_on(buggy, tmp_path):
    srv, url, _ = buggy
    a = Term(tmp_path / "a", srv.url, _code(url))
    cases = [a.open_case() for _ in range(20)]
    a.step(cases[7], ev.WITHDRAWN, {"reason": "trip"})  # the event the server fails on
    for cid in cases[8:]:
        a.step(cid, ev.ACCEPTED)
    outs = [sync_once(a.dir)]
    while not (outs[-1]["ok"] and outs[-1]["pending"] == 0) and len(outs) < 8:
        outs.append(sync_once(a.dir))
    assert not outs[0]["ok"]  # the first rounds find it and count strikes (3 alone)
    assert outs[-1]["ok"] and outs[-1]["pending"] == 0, [o.get("error") for o in outs]
    with Replica.in_dir(a.dir) as r:
        bad = r.conn.execute("SELECT kind, verdict, refusal FROM events WHERE kind=?",
                             (ev.WITHDRAWN,)).fetchone()
        assert bad["verdict"] == "refused" and "本机拒绝" in bad["refusal"]  # kept
        assert r.conn.execute("SELECT COUNT(*) FROM events WHERE verdict='applied' AND kind "
                              "IN ('registered', 'accepted')").fetchone()[0] == 20 + 12
        notes = [n for n in notices.open_notices(r) if n["kind"] == "quarantine"]
        assert len(notes) == 1 and "服务器无法处理" in notes[0]["text"]
    assert a.state(cases[7]) == "registered" and a.state(cases[8]) == "accepted"


def test_a_server_failing_on_everything_makes_the_client_refuse_nothing(buggy, tmp_path):
    srv, url, state = buggy
    a = Term(tmp_path / "a", srv.url, _code(url))
    for _ in range(3):
        a.open_case()
    state["everything"] = True  # even an empty batch fails: it is the server, not us
    outs = [sync_once(a.dir) for _ in range(5)]
    assert not any(o["ok"] for o in outs) and outs[-1]["pending"] == 3
    assert outs[-1]["refused"] == 0
    state["everything"] = False
    out = sync_once(a.dir)
    assert out["ok"] and out["pending"] == 0 and out["refused"] == 0
