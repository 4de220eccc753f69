"""A client shrinks its push batches only when a request reached the server and was cut:
a link that refuses connections for a week says nothing about batch size (found with the
hall node's backlog benchmark: after a week down, 25 events a request)."""

from __future__ import annotations

from sync.client import Offline, SyncClient
from sync.replica import Replica
from tests.support import proxy as px
from tests.support.servers import free_port
from tests.support.terminal import Term


def _point(d, url: str) -> None:
    with Replica.in_dir(d) as r:
        r.set_meta("server_url", url)


def test_refused_connections_keep_the_batch_and_cut_requests_shrink_it(server, code_for,
                                                                       tmp_path):
    t = Term(tmp_path / "t", server.url, code_for())
    for _ in range(3):
        t.open_case()
    _point(t.dir, f"http://127.0.0.1:{free_port()}")  # nobody listens: refused
    c = SyncClient(t.dir)
    try:
        size = c.batch_size
        for _ in range(5):
            try:
                c.push()
            except Offline as exc:
                assert not exc.reached
        assert c.batch_size == size
        proxy = px.FaultyProxy(server.port, plan=lambda n: px.CUT_REQUEST, cut_after=100).start()
        try:
            _point(t.dir, proxy.url)
            try:
                c.push()
            except Offline as exc:
                assert exc.reached
            assert c.batch_size == size // 2
        finally:
            proxy.stop()
    finally:
        c.close()
