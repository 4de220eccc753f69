"""Tokens, enrolment and files (issue 13): re-enrolment revokes every earlier token of a
terminal, a lost enrolment answer is retried with the same code, the token never sits in
the replica, and every data file is private to its user."""

from __future__ import annotations

import json
import os
import stat

import keyring
import keyring.backend
import pytest
import requests

from domain import events as ev
from sync import projection, wire
from sync.client_cli import sync_once
from sync.enrol import EnrolError, enrol
from sync.replica import Replica
from tests.support import proxy as px
from tests.support.servers import yichuang
from tests.support.terminal import Term, token_of

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


def _snapshot_status(url: str, token: str) -> int:
    return requests.get(url + "/api/v1/sync/snapshot", timeout=10,
                        headers={**H, "Authorization": f"Bearer {token}"}).status_code


def _live_terminals(db_url: str) -> list[dict]:
    out = yichuang("admin", "--db", db_url, "terminal", "list").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_reenrol_needs_force_and_revokes_every_earlier_token(server, hall_db, code_for,
                                                             tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    first = token_of(a.dir)
    cid = a.open_case()  # pending work survives re-enrolment
    refused = yichuang("enroll", "--data-dir", str(a.dir), "--code", code_for(), check=False)
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert _snapshot_status(server.url, first) == 200
    out = yichuang("enroll", "--data-dir", str(a.dir), "--code", code_for(), "--force")
    assert json.loads(out.stdout)["restamped"] == 2 - 1
    second = token_of(a.dir)
    assert second != first
    assert _snapshot_status(server.url, first) == 401  # the old token fetches nothing
    assert sync_once(a.dir)["ok"] and a.state(cid) == "registered"
    yichuang("enroll", "--data-dir", str(a.dir), "--code", code_for(), "--force")
    assert _snapshot_status(server.url, first) == 401
    assert _snapshot_status(server.url, second) == 401  # every earlier token of it
    assert _snapshot_status(server.url, token_of(a.dir)) == 200
    live = _live_terminals(hall_db)
    with Replica.in_dir(a.dir) as r:
        assert [t["id"] for t in live] == [r.identity().terminal_id]
    assert live[0]["replaces"]


def test_a_replayed_event_of_the_old_identity_is_confirmed_not_refused(server, code_for,
                                                                      tmp_path):
    """The answer to a push was lost, then the terminal re-enrolled: its restamped copy
    is recognised as its own (the old identity is its lineage), not an altered replay."""
    a = Term(tmp_path / "a", server.url, code_for())
    cid = a.open_case()
    with Replica.in_dir(a.dir) as r:
        pending = [dict(x) for x in r.conn.execute(
            f"SELECT {projection.EVENT_SELECT} FROM events e JOIN outbox o ON o.event_id = e.id")]
    e = ev.Event.from_wire({**pending[0], "server_seq": None})
    r = requests.post(server.url + "/api/v1/sync/push", json={"batch": wire.pack_events([e])},
                      headers={**H, "Authorization": f"Bearer {token_of(a.dir)}"}, timeout=10)
    assert wire.unpack_verdicts(r.json()["results"])[0][1] == "a"  # stored; answer "lost"
    yichuang("enroll", "--data-dir", str(a.dir), "--code", code_for(), "--force")
    out = sync_once(a.dir)
    assert out["ok"] and out["refused"] == 0 and out["pending"] == 0, out.get("error")
    with Replica.in_dir(a.dir) as rep:
        row = rep.conn.execute("SELECT verdict, server_seq FROM events WHERE id = pack_id(?)",
                               (e.id,)).fetchone()
    assert row[0] == "applied" and row[1] is not None and a.state(cid) == "registered"


def test_a_lost_enrolment_answer_is_retried_with_the_same_code(server, hall_db, code_for,
                                                               tmp_path):
    plans = iter([px.CUT_RESPONSE])
    proxy = px.FaultyProxy(server.port, plan=lambda n: next(plans, px.PASS),
                           cut_after=40).start()
    try:
        code = code_for()
        with pytest.raises(EnrolError):
            enrol(tmp_path / "t", proxy.url, code)  # the server enrolled us; we never heard
        got = enrol(tmp_path / "t", proxy.url, code)  # the same code again: the same terminal
    finally:
        proxy.stop()
    live = _live_terminals(hall_db)
    assert [t["id"] for t in live] == [got.terminal_id]  # no orphan
    with Replica.in_dir(tmp_path / "t") as r:
        r.set_meta("server_url", server.url)
    assert sync_once(tmp_path / "t")["ok"]
    # a used code stays used for anyone else
    with pytest.raises(EnrolError, match="已使用"):
        enrol(tmp_path / "other", server.url, code)


def _mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_data_files_are_private_and_the_token_is_not_in_the_replica(server, hall_db, code_for,
                                                                    tmp_path):
    d = tmp_path / "t"
    a = Term(d, server.url, code_for())
    a.open_case()
    assert sync_once(d)["ok"]
    token = token_of(d)
    assert _mode(d) == 0o700
    with Replica.in_dir(d) as r:  # open: the WAL and its index exist beside the file
        r.set_meta("probe", "1")
        for name in ("replica.sqlite3", "replica.sqlite3-wal", "replica.sqlite3-shm"):
            assert _mode(d / name) == 0o600, name
        assert r.get_meta("token") is None
        assert token not in json.dumps([list(x) for x in r.conn.execute("SELECT * FROM meta")])
        for name in ("replica.sqlite3", "replica.sqlite3-wal"):
            assert token.encode() not in (d / name).read_bytes()
    if hall_db.startswith("sqlite"):  # the server runs: its WAL is open
        path = hall_db.removeprefix("sqlite:///")
        for side in ("", "-wal", "-shm"):
            assert _mode(path + side) == 0o600, side


def test_a_token_left_in_the_meta_table_moves_out(tmp_path):
    from sync import token_store

    with Replica.in_dir(tmp_path) as r:
        r.set_meta("token", "legacy-token")
        assert token_store.load(r) == "legacy-token"
        assert r.get_meta("token") is None and r.get_meta("token_store") == "file"
    assert _mode(tmp_path / "token") == 0o600
    with Replica.in_dir(tmp_path) as r:
        assert token_store.load(r) == "legacy-token"


class _MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend that keeps secrets in memory (the library's own plug-in API);
    below the "no keyring" backend, so only a test that sets it ever gets it."""

    priority = -2

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):  # type: ignore[no-untyped-def]
        self.secrets.pop((service, username), None)


def test_the_keyring_holds_the_token_where_it_has_a_backend(tmp_path, monkeypatch):
    from sync import token_store

    ring = _MemoryKeyring()
    before = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        with Replica.in_dir(tmp_path) as r:
            assert token_store.save(r, "secret-token") == "keyring"
            assert token_store.load(r) == "secret-token"
        assert list(ring.secrets.values()) == ["secret-token"]
        assert not (tmp_path / "token").exists()
    finally:
        keyring.set_keyring(before)


def test_terminal_list_shows_version_and_last_contact(server, hall_db, code_for, tmp_path):
    a = Term(tmp_path / "a", server.url, code_for())
    requests.get(server.url + "/api/v1/sync/pull", timeout=10, headers={
        **H, "Authorization": f"Bearer {token_of(a.dir)}",
        wire.VERSION_HEADER: "0.2.0"})
    live = _live_terminals(hall_db)
    assert len(live) == 1 and live[0]["version"] == "0.2.0" and live[0]["last_seen"]


def test_a_shared_folder_a_file_sits_in_keeps_its_mode(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    with Replica(shared / "x.sqlite3"):
        pass
    assert _mode(shared) == 0o755 and _mode(shared / "x.sqlite3") == 0o600
    with Replica.in_dir(tmp_path / "new" / "data"):
        pass
    assert _mode(tmp_path / "new" / "data") == 0o700
