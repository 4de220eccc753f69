"""The terminal's SQLite replica: connection, migrations, identity, transactions.

One file per terminal under its data folder, in WAL mode. One writer (the desktop's
write executor or a command); every other thread opens its own connection.
"""

from __future__ import annotations

import contextlib
import logging
import pathlib
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from sync import payloads, stored_ids
from sync.private import private_dir, private_sqlite
from sync.schema import MIGRATIONS

log = logging.getLogger(__name__)

DB_NAME = "replica.sqlite3"
STANDALONE = "standalone"
ENROLLED = "enrolled"


class ReplicaError(RuntimeError):
    """The replica file cannot be used (newer schema, corrupt, locked)."""

    code = "replica.error"


@dataclass(frozen=True)
class Identity:
    """Who this terminal is. The code goes into every number it makes."""

    terminal_id: str
    terminal_code: str
    hall_code: str
    mode: str


def _set_wal(conn: sqlite3.Connection, timeout: float = 10.0) -> None:
    """WAL mode, retried: on a file another connection is creating right now (the writer
    and the sync worker opening a new terminal's replica together) SQLite answers "locked"
    at once instead of waiting, to avoid a deadlock between the two."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def connect(path: pathlib.Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode; transactions are explicit (BEGIN IMMEDIATE)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
    conn.row_factory = sqlite3.Row
    stored_ids.register(conn)  # events keep their ids packed (the migrations use it too)
    # before WAL, which writes the file's first page: on a new file deleted pages can then
    # be given back (sync.compaction); on a file with tables this changes nothing
    conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
    _set_wal(conn)
    # FULL: a committed case survives a power cut, not only a killed process.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Run the migrations the file has not seen; returns the new version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise ReplicaError(
            f"数据库版本({version})比程序新({len(MIGRATIONS)})，请升级一窗程序"
        )
    for number in range(version + 1, len(MIGRATIONS) + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another connection (the app's writer, the sync worker, `yichuang sync`) may
            # have migrated while we waited for the lock: read the version again under it
            if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                conn.execute("COMMIT")
                continue
            log.info("replica migration %d", number)
            for statement in MIGRATIONS[number - 1].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version={number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


class Replica:
    """An open replica. Not shared between threads: open one per thread."""

    def __init__(self, path: pathlib.Path | str) -> None:
        self.path = pathlib.Path(path)
        private_dir(self.path.parent, ours=False)
        try:
            private_sqlite(self.path)  # ID numbers and phones: 0600 before the first byte
            self.conn = connect(self.path)
            private_sqlite(self.path)  # and the -wal / -shm SQLite made beside it
            migrate(self.conn)
            payloads.register(self.conn)  # compressed payloads read without a lookup
        except (sqlite3.DatabaseError, OSError) as exc:
            raise ReplicaError(f"无法打开本地数据库 {self.path}: {exc}") from exc
        self._depth = 0

    @property
    def db(self):  # type: ignore[no-untyped-def]
        """sqlite_utils' view of the connection, for scripts (imported on first use:
        the faces never need it, and it costs ~40 ms of start-up)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def in_dir(cls, data_dir: pathlib.Path | str) -> Replica:
        """The replica of the terminal whose data folder is `data_dir` (made 0700)."""
        private_dir(data_dir)
        return cls(pathlib.Path(data_dir) / DB_NAME)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Replica:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    # --- meta -------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value=excluded.value",
                (key, value),
            )

    def identity(self) -> Identity:
        """This terminal's identity; a standalone one is made on first use."""
        tid = self.get_meta("terminal_id")
        if tid is None:
            with self.transaction():
                tid = str(uuid.uuid4())
                self.set_meta("terminal_id", tid)
                self.set_meta("terminal_code", self.get_meta("terminal_code") or "9001")
                self.set_meta("mode", STANDALONE)
        return Identity(
            terminal_id=tid,
            terminal_code=self.get_meta("terminal_code") or "9001",
            hall_code=self.get_meta("hall_code") or "",
            mode=self.get_meta("mode") or STANDALONE,
        )

    def set_identity(self, terminal_id: str, terminal_code: str, hall_code: str,
                     mode: str = ENROLLED) -> None:
        """Store what enrolment gave us; pending events keep their old terminal id."""
        with self.transaction():
            self.set_meta("terminal_id", terminal_id)
            self.set_meta("terminal_code", terminal_code)
            self.set_meta("hall_code", hall_code)
            self.set_meta("mode", mode)

    def next_counter(self, name: str) -> int:
        """Increment and return a named counter inside the current transaction."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO counters (name, value) VALUES (?, 1) "
                "ON CONFLICT (name) DO UPDATE SET value = value + 1",
                (name,),
            )
            return self.conn.execute("SELECT value FROM counters WHERE name=?",
                                     (name,)).fetchone()[0]


def needs_first_run(data_dir: pathlib.Path | str) -> bool:
    """True until the terminal was enrolled or set to standalone (checked at every
    start, so it lives here, not with enrolment and its HTTP client)."""
    path = pathlib.Path(data_dir) / DB_NAME
    if not path.exists():
        return True
    with Replica(path) as replica:
        return replica.get_meta("mode") is None
