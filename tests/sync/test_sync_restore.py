"""A server restored from an earlier copy (issue 13): the terminals notice the server is
behind what it told them, re-send what it lacks, pull again from the fork, tell the
supervisor — and the hall converges with nothing lost, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest

from domain import events as ev
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support.converge import assert_converged, server_state, sync_all
from tests.support.servers import ServerProcess, backoffice_decide, pg_bin, yichuang
from tests.support.terminal import Term


def _sqlite_path(url: str) -> pathlib.Path:
    return pathlib.Path(url.removeprefix("sqlite:///"))


class _Backup:
    """`yichuang admin backup` for SQLite; pg_dump / pg_restore for PostgreSQL."""

    def __init__(self, url: str, tmp: pathlib.Path) -> None:
        self.url, self.file = url, tmp / "server.backup"

    def take(self) -> None:
        if self.url.startswith("sqlite"):
            out = yichuang("admin", "--db", self.url, "backup", "--to", str(self.file))
            assert '"pages"' in out.stdout
            assert os.stat(self.file).st_mode & 0o077 == 0  # private like the database
            return
        subprocess.run([str(pg_bin() / "pg_dump"), "-Fc", "-f", str(self.file),
                        "--dbname", self.url], check=True, capture_output=True, timeout=120)

    def restore(self) -> None:
        if self.url.startswith("sqlite"):
            path = _sqlite_path(self.url)
            for side in ("-wal", "-shm"):  # the lost history's journal must go too
                pathlib.Path(str(path) + side).unlink(missing_ok=True)
            shutil.copyfile(self.file, path)
            return
        subprocess.run([str(pg_bin() / "pg_restore"), "--clean", "--if-exists",
                        "--single-transaction", "--dbname", self.url, str(self.file)],
                       check=True, capture_output=True, timeout=120)


def _notices(d, topic: str) -> list[str]:
    with Replica.in_dir(d) as r:
        return [x[0] for x in r.conn.execute("SELECT text FROM notices WHERE kind=?",
                                             (topic,))]


def test_server_restored_from_a_backup_loses_nothing(server, hall_db, code_for, tmp_path):
    if not hall_db.startswith("sqlite") and pg_bin() is None:
        pytest.skip("pg_dump not installed")
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    c = Term(tmp_path / "c", server.url, code_for())  # offline from the backup on
    early = [a.open_case() for _ in range(3)]
    a.step(early[2], ev.ACCEPTED)
    a.step(early[2], ev.SUBMITTED_FOR_REVIEW)
    sync_all([a.dir, b.dir, c.dir], rounds=2)
    backup = _Backup(hall_db, tmp_path)
    backup.take()
    # after the backup: work the terminals were told is stored
    late = [a.open_case() for _ in range(3)]
    a.step(early[0], ev.ACCEPTED)
    b.step(early[1], ev.ACCEPTED)
    b_case = b.open_case()
    decided = backoffice_decide(server, early[2], "approve")
    assert decided.status_code == 200, decided.text
    sync_all([a.dir, b.dir], rounds=2)
    assert a.state(early[2]) == "approved"
    before, _ = server_state(hall_db)
    # the server dies and comes back from the backup: the last commits are gone
    server.stop()
    backup.restore()
    restarted = ServerProcess(hall_db, port=server.port, log_dir=tmp_path).start()
    try:
        lost, _ = server_state(hall_db)
        assert len(lost) < len(before)
        # the terminal that saw nothing of the lost part comes back first with a day's
        # work: the server hands out again the seqs a and b hold for other events
        for _ in range(6):
            c.step(c.open_case(), ev.ACCEPTED)
        assert sync_once(c.dir)["ok"]
        assert len(server_state(hall_db)[0]) > len(before)
        # a terminal keeps working, then syncs: nothing is refused, nothing collides
        a.step(late[0], ev.ACCEPTED)
        out = sync_once(a.dir)
        assert out["ok"], out.get("error")
        out = sync_once(b.dir)
        assert out["ok"], out.get("error")
        sync_all([a.dir, b.dir, c.dir], rounds=3)
        n = assert_converged(hall_db, [a.dir, b.dir, c.dir])
        after, states = server_state(hall_db)
        # everything the terminals had been told is stored is back, but what the server
        # wrote itself (the reviewer's decision)
        gone = set(before) - set(after)
        assert gone == {decided.json()["event_id"]}
        assert n >= len(before) + 1 + 12
        assert a.state(late[0]) == b.state(late[0]) == "accepted"
        assert states[b_case] == "registered" and states[early[1]] == "accepted"
        # the supervisor hears of it, on the terminal that found it and on the others
        for t in (a, b, c):
            assert any("备份恢复" in x for x in _notices(t.dir, "server_restored"))
        # the server's own write (a reviewer's decision) it lost: no terminal can send
        # it again; kept on the terminals, out of the fold, and the supervisor is told
        assert states[early[2]] == "in_review" == a.state(early[2]) == b.state(early[2])
        assert any("后台" in x for x in _notices(a.dir, "server_restored"))
        with Replica.in_dir(a.dir) as r:
            kept = r.conn.execute("SELECT verdict FROM events WHERE case_id = pack_id(?) AND kind=?",
                                  (early[2], ev.APPROVED)).fetchone()
        assert kept[0] == "lost_on_server"
    finally:
        restarted.stop()


def test_admin_backup_refuses_to_overwrite_and_points_postgres_to_its_tools(sqlite_url,
                                                                         tmp_path):
    target = tmp_path / "copy.sqlite3"
    assert yichuang("admin", "--db", sqlite_url, "backup", "--to", str(target)).returncode == 0
    again = yichuang("admin", "--db", sqlite_url, "backup", "--to", str(target), check=False)
    assert again.returncode == 2 and "不覆盖" in again.stderr
    pg = yichuang("admin", "--db", "postgresql://nobody@127.0.0.1:1/x", "backup", "--to",
                  str(tmp_path / "x"), check=False)
    assert pg.returncode == 2 and "pg_dump" in pg.stderr
