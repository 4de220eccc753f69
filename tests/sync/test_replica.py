"""The replica file: WAL, numbered migrations, identity, transactions."""

from __future__ import annotations

import sqlite3

import pytest

from sync.replica import Replica, ReplicaError, migrate
from sync.schema import MIGRATIONS


def tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_new_replica_is_wal_and_migrated(tmp_path):
    with Replica.in_dir(tmp_path / "t1") as r:
        assert r.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert r.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert r.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"meta", "events", "outbox", "cases", "reference", "counters",
                "notices"} <= tables(r.conn)
        assert r.path == tmp_path / "t1" / "replica.sqlite3"
    # WAL is a property of the file: a plain connection sees it too
    conn = sqlite3.connect(tmp_path / "t1" / "replica.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_reopen_is_idempotent_and_keeps_data(tmp_path):
    p = tmp_path / "r.sqlite3"
    with Replica(p) as r:
        r.set_meta("hello", "世界")
        schema = sorted(map(tuple, r.conn.execute("SELECT type, name, sql FROM sqlite_master")))
    with Replica(p) as r:
        assert r.get_meta("hello") == "世界"
        assert sorted(map(tuple, r.conn.execute("SELECT type, name, sql FROM sqlite_master"))) == schema
        assert migrate(r.conn) == len(MIGRATIONS)
        assert r.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_newer_schema_is_refused(tmp_path):
    p = tmp_path / "r.sqlite3"
    Replica(p).close()
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(ReplicaError) as info:
        Replica(p)
    assert "升级" in str(info.value)
    # and the file was left as it was
    conn = sqlite3.connect(p)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    conn.close()


def test_garbage_file_is_a_replica_error(tmp_path):
    p = tmp_path / "r.sqlite3"
    p.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(ReplicaError):
        Replica(p)


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    import sync.replica as replica_mod

    monkeypatch.setattr(replica_mod, "MIGRATIONS", [*MIGRATIONS, "CREATE TABLE x (a); BOGUS SQL"])
    p = tmp_path / "r.sqlite3"
    with pytest.raises(ReplicaError):
        Replica(p)
    conn = sqlite3.connect(p)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert "x" not in tables(conn)
    conn.close()


def test_identity_is_made_once(tmp_path):
    with Replica(tmp_path / "r.sqlite3") as r:
        ident = r.identity()
        assert ident.mode == "standalone" and ident.terminal_code == "9001"
        assert r.identity() == ident
    with Replica(tmp_path / "r.sqlite3") as r:
        assert r.identity() == ident
        r.set_identity("tid-2", "0042", "371100")
        again = r.identity()
        assert (again.terminal_id, again.terminal_code, again.hall_code, again.mode) == (
            "tid-2", "0042", "371100", "enrolled")


def test_transaction_rolls_back_everything_inside(tmp_path):
    with Replica(tmp_path / "r.sqlite3") as r:
        with pytest.raises(RuntimeError), r.transaction():
            r.set_meta("a", "1")  # nested: joins the outer one
            assert r.next_counter("n") == 1
            raise RuntimeError("boom")
        assert r.get_meta("a") is None
        assert r.conn.execute("SELECT COUNT(*) FROM counters").fetchone()[0] == 0
        assert not r.conn.in_transaction
        with r.transaction():
            assert r.next_counter("n") == 1
            assert r.next_counter("n") == 2
        assert r.next_counter("n") == 3
