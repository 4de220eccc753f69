"""When each terminal last reached the server, kept in `terminals.last_seen`.

The status page's "last seen", the health answer and the metrics read it from the
database, so it is the same whichever worker a terminal's requests reached. Writing it
on every poll would turn every idle poll into a write; so a worker notes a contact in
memory and writes the ones worth writing (the stored time older than FRESH_S, or a new
program version) in one statement every FLUSH_S.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

import sqlalchemy as sa

from server import db
from server.auth import now_iso, utcnow

log = logging.getLogger(__name__)

FLUSH_S = 5.0
FRESH_S = 30.0  # a stored contact younger than this is not written again
ONLINE_S = 90.0  # the status page calls a terminal online within this of its last contact


def worth_writing(stored: str | None, version: str | None, stored_version: str | None) -> bool:
    """Whether a contact changes what the database says enough to be written."""
    if version and version[:40] != stored_version:
        return True
    if not stored:
        return True
    try:
        age = (utcnow() - dt.datetime.fromisoformat(stored)).total_seconds()
    except ValueError:
        return True
    return age > FRESH_S


class Contacts:
    """Contacts noted by this worker, flushed to the database by a daemon thread."""

    def __init__(self, database: db.Database, every: float = FLUSH_S) -> None:
        self.database, self.every = database, every
        self._lock = threading.Lock()
        self._due: dict[str, tuple[str, str | None]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def note(self, terminal_id: str, version: str | None, *, stored: str | None,
             stored_version: str | None) -> None:
        """A request of the terminal; a new program version (or a first contact) is
        written at once, a later contact with the next flush."""
        if not worth_writing(stored, version, stored_version):
            return
        with self._lock:
            self._due[terminal_id] = (now_iso(), version[:40] if version else None)
        if not stored or (version and version[:40] != stored_version):
            self.flush()

    def flush(self) -> int:
        """Write what is due; returns how many terminals."""
        with self._lock:
            due, self._due = self._due, {}
        if not due:
            return 0
        t = db.terminals
        rows = [{"b_id": k, "b_at": at, "b_v": v} for k, (at, v) in due.items()]
        try:
            with self.database.side_writer() as conn:
                conn.execute(t.update().where(t.c.id == sa.bindparam("b_id")).values(
                    last_seen=sa.bindparam("b_at"),
                    version=sa.func.coalesce(sa.bindparam("b_v"), t.c.version)), rows)
        except sa.exc.SQLAlchemyError as exc:  # the next flush tries again
            log.warning("terminal contacts not written: %s", type(exc).__name__)
            with self._lock:
                for k, v in due.items():
                    self._due.setdefault(k, v)
            return 0
        return len(rows)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="contacts", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        self.flush()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.flush()
