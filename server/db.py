"""The server's tables (SQLAlchemy Core) and the one way writes are serialised.

Everything a terminal pulls — events, reference rows, notices — carries a number from
one counter, the change sequence, so one cursor walks them all.

Why a single writer: a cursor must never skip a row that commits late. If two
transactions took seqs 10 and 11 and 11 committed first, a terminal pulling in between
would move its cursor to 11 and never see 10. So every writing transaction first locks
the counter row (`SELECT … FOR UPDATE` on PostgreSQL; `BEGIN IMMEDIATE` on SQLite, which
locks the whole file) and keeps the lock until it commits: seqs are handed out in commit
order. Within one process a threading lock queues writers before they reach the
database, so SQLite never spins on its busy handler. Pushes are short (one batch, one
transaction), so one writer is not the bottleneck; pulls never take the lock.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import pathlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

log = logging.getLogger(__name__)

metadata = sa.MetaData()

halls = sa.Table(
    "halls", metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    # hall node (issue 11): halls form a tree, city → county → township → village
    sa.Column("parent", sa.String(32)),
)
terminals = sa.Table(
    "terminals", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("code", sa.String(4), nullable=False, unique=True),
    sa.Column("hall_code", sa.String(32), sa.ForeignKey("halls.code"), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False, default=""),
    sa.Column("enrolled_at", sa.Text, nullable=False),
    sa.Column("revoked_at", sa.Text),
    sa.Column("max_seq", sa.BigInteger, nullable=False, default=0),
    # hall node (issue 11): "node" = a hall node that pushes on behalf of its terminals
    sa.Column("role", sa.String(10), nullable=False, server_default="terminal"),
    # the terminal this one re-enrolled in place of (its tokens were revoked then)
    sa.Column("replaces", sa.String(64)),
    sa.Column("version", sa.String(40)),  # X-Yichuang-Version of its last request
    sa.Column("last_seen", sa.Text),
)
enrol_codes = sa.Table(
    "enrol_codes", metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("hall_code", sa.String(32), sa.ForeignKey("halls.code"), nullable=False),
    sa.Column("expires_at", sa.Text, nullable=False),
    sa.Column("used_at", sa.Text),
    sa.Column("terminal_id", sa.String(64)),
    # hall node (issue 11): a code for a node, and the size of its terminal-code block
    sa.Column("role", sa.String(10), nullable=False, server_default="terminal"),
    sa.Column("codes", sa.Integer),
    # the client's id for its enrolment attempt: a retry after a lost answer is the
    # same enrolment (the terminal gets a fresh token), not a used code
    sa.Column("request_id", sa.String(64)),
)
events = sa.Table(
    "events", metadata,
    sa.Column("server_seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("hall_code", sa.String(32), nullable=False),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("expected_state", sa.String(40)),
    sa.Column("terminal_id", sa.String(64), nullable=False),
    sa.Column("terminal_seq", sa.BigInteger, nullable=False),
    sa.Column("staff_id", sa.String(64), nullable=False),
    sa.Column("window_id", sa.String(64)),
    sa.Column("recorded_at", sa.String(40), nullable=False),
    sa.Column("verdict", sa.String(10), nullable=False),
    sa.Column("pushed_by", sa.String(64), nullable=False),
    sa.Column("received_at", sa.Text, nullable=False),
    # hall node (issue 11, docs/hall-node.md): the upstream's seq and verdict once it has
    # the event; the seq the event was first stored at once it has been re-emitted
    sa.Column("up_seq", sa.BigInteger),
    sa.Column("up_verdict", sa.String(10)),
    sa.Column("up_note", sa.Text),
    sa.Column("first_seq", sa.BigInteger),
    sa.UniqueConstraint("terminal_id", "terminal_seq", name="events_terminal_seq"),
    sa.Index("events_hall_seq", "hall_code", "server_seq"),
    sa.Index("events_up_seq", "up_seq"),
)
# one row per stream (domain.streams): a case, a notice, a ticket … `stream` says which
cases = sa.Table(
    "cases", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("hall_code", sa.String(32), nullable=False),
    sa.Column("stream", sa.String(20), nullable=False, server_default="case"),
    sa.Column("state", sa.String(40)),
    sa.Column("case_number", sa.Text),
    sa.Column("item_name", sa.Text),
    sa.Column("conflicts", sa.Integer, nullable=False, default=0),
    sa.Column("last_seq", sa.BigInteger, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    # the case's department (its registration's snapshot): the back office's queue
    sa.Column("department", sa.String(32)),
    sa.Index("cases_hall_state", "hall_code", "state"),
    sa.Index("cases_hall_department_state", "hall_code", "department", "state"),
    # issue 16: the paged snapshot walks a hall's live streams in id order; a terminal
    # finds a case it no longer keeps by number, slip or the applicant's ID number (a
    # keyed hash of it: server.lookup)
    sa.Column("slip_number", sa.Text),
    sa.Column("applicant_key", sa.String(64)),
    sa.Index("cases_hall_id", "hall_code", "id", "state", "updated_at"),
    sa.Index("cases_hall_case_number", "hall_code", "case_number"),
    sa.Index("cases_hall_slip", "hall_code", "slip_number"),
    sa.Index("cases_hall_applicant", "hall_code", "applicant_key"),
)
reference = sa.Table(
    "reference", metadata,
    sa.Column("hall_code", sa.String(32), primary_key=True),  # "*" = every hall
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("data", sa.Text),  # NULL = deleted (the deletion still travels)
    sa.Column("change_seq", sa.BigInteger, nullable=False),
    sa.Index("reference_hall_seq", "hall_code", "change_seq"),
    sa.Index("reference_seq", "change_seq"),
)
notices = sa.Table(
    "notices", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("hall_code", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("case_id", sa.String(64)),
    sa.Column("event_id", sa.String(64)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("change_seq", sa.BigInteger, nullable=False),
    sa.Index("notices_hall_seq", "hall_code", "change_seq"),
    sa.Index("notices_seq", "change_seq"),
)
# one row of facts per case, consultation, follow-up, appeal and queue ticket
# (domain.figure_facts),
# written with the stream's events, so the figures of a month read one index range.
# Declared here for issue 9; folded into a migration when the server moves to Alembic.
figure_facts = sa.Table(
    "figure_facts", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("hall_code", sa.String(32), nullable=False),
    sa.Column("stream", sa.String(20), nullable=False),
    *(sa.Column(name, sa.Integer if name in ("instant", "work_days", "rating", "minutes")
                else sa.String(64))
      for name in ("item_code", "window_id", "staff_id", "instant", "registered_on",
                   "accepted_on", "completed_on", "refused_on", "withdrawn_on", "deadline",
                   "work_days", "rating", "rating_ref", "rating_channel", "rated_on",
                   "rating_staff_id", "rating_window_id", "opened_on", "closed_on", "due",
                   "minutes", "outcome", "case_ref")),
    sa.Column("first_on", sa.String(10), nullable=False),
    sa.Column("last_on", sa.String(10), nullable=False),
    # queue tickets (migration 0004): the zone taken for, wait and service seconds
    sa.Column("zone", sa.String(64)),
    sa.Column("wait_s", sa.Integer),
    sa.Column("service_s", sa.Integer),
    sa.Column("extended", sa.Integer),
    sa.Index("figure_facts_hall_span", "hall_code", "last_on", "first_on"),
    sa.Index("figure_facts_hall_stream", "hall_code", "stream", "outcome"),
)
# --- hall node (issue 11, docs/hall-node.md) -------------------------------------------
# terminal codes given away as a block: to a node below (holder = its terminal id), or,
# on a node, the block its upstream gave it (holder = "self")
code_blocks = sa.Table(
    "code_blocks", metadata,
    sa.Column("code", sa.String(4), primary_key=True),
    sa.Column("holder", sa.String(64), nullable=False),
)
# a node's identity and its link upstream (upstream_url, token, node_id, hall_code, cursor…)
node_meta = sa.Table(
    "node_meta", metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text),
)
# back-office logins (server.logins): short-lived tokens of reviewers and heads, stored
# hashed, and failed attempts per account and per address for the lockout. Neither takes
# a change seq: they never travel to terminals.
backoffice_tokens = sa.Table(
    "backoffice_tokens", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("hall_code", sa.String(32), nullable=False),
    sa.Column("staff_id", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("expires_at", sa.Text, nullable=False),
    sa.Index("backoffice_tokens_expiry", "expires_at"),
)
login_failures = sa.Table(
    "login_failures", metadata,
    sa.Column("key", sa.String(200), primary_key=True),  # acct:<hall>:<no> | addr:<ip>
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("window_start", sa.Text, nullable=False),
    sa.Column("locked_until", sa.Text),
)
counters = sa.Table(
    "counters", metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

# the database's identity (`db_id`) and other server-wide facts
server_meta = sa.Table(
    "server_meta", metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
# one row per server process start: where the change seq stood (server.epoch)
boots = sa.Table(
    "boots", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("start_seq", sa.BigInteger, nullable=False),
    sa.Column("started_at", sa.Text, nullable=False),
    sa.Index("boots_started", "started_at"),
)
# each hall's high-water mark: the highest change seq of a row its terminals pull (events,
# reference rows, notices; hall "*" = reference rows of every hall). Kept by the writer
# (server.marks), so an idle poll is one look-up instead of a read of the change log.
hall_marks = sa.Table(
    "hall_marks", metadata,
    sa.Column("hall_code", sa.String(32), primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Index("hall_marks_seq", "seq"),
)
# restores the server found out about: terminals had seen seqs it no longer has
restores = sa.Table(
    "restores", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fork_seq", sa.BigInteger, nullable=False),
    sa.Column("top_seq", sa.BigInteger, nullable=False),
    sa.Column("found_at", sa.Text, nullable=False),
    sa.Column("found_by", sa.String(64), nullable=False),
)

class Row(dict):
    """A row of `Database.read_one`: its columns as attributes."""

    def __getattr__(self, name: str) -> object:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


ALL_HALLS = "*"
# a connection for each request thread (server.app REQUEST_THREADS), the poll fast path
# on the event loop, the push writer, the contacts and long-poll threads, and room for
# a burst: a connection opened and closed per request would cost more than the request
# (SQLite sets its pragmas and takes a lock to check the journal mode on every open)
POOL = 44


def engine_url(url: str) -> str:
    """`sqlite:///f` and `postgresql://…` as given on the command line → driver URLs."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> sa.Engine:
    """An engine; SQLite gets WAL, a busy timeout and explicit BEGIN (IMMEDIATE)."""
    url = engine_url(url)
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            from sync.private import private_dir, private_sqlite

            private_dir(pathlib.Path(path).resolve().parent, ours=False)
            private_sqlite(path)  # holds every hall's personal data: 0600
        # hide_parameters: an error never prints an event's payload into the log
        engine = sa.create_engine(url, pool_size=POOL, max_overflow=8, hide_parameters=True,
                                  connect_args={"timeout": 30, "check_same_thread": False})

        @sa_event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit a terminal was told about survives a power cut (issue 13)
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()
            if path and path != ":memory:":
                private_sqlite(path)  # the -wal and -shm SQLite just made

        @sa_event.listens_for(engine, "begin")
        def _begin(conn) -> None:  # type: ignore[no-untyped-def]
            immediate = conn.get_execution_options().get("writer", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    # no ping before each use: it is a round trip per request. A connection the database
    # dropped (a restart) fails its request once with 503 (the client retries) and is
    # not pooled again (SQLAlchemy invalidates it on a disconnect error).
    return sa.create_engine(url, pool_size=POOL, max_overflow=8, hide_parameters=True)


def init_db(engine: sa.Engine, *, quiet: bool = True) -> None:
    """Migrate the schema to this program's (server.migrate), then make sure the counters
    and the database's identity exist (idempotent)."""
    from server import migrate

    migrate.upgrade(engine, quiet=quiet)
    with engine.begin() as conn:
        for name in ("change_seq", "terminal_code"):
            if conn.execute(sa.select(counters.c.value).where(counters.c.name == name)
                            ).first() is None:
                conn.execute(counters.insert().values(name=name, value=0))
        import secrets
        import uuid

        for key, make in (("db_id", lambda: str(uuid.uuid4())),
                          ("lookup_key", lambda: secrets.token_hex(32))):
            if conn.execute(sa.select(server_meta.c.value).where(server_meta.c.key == key)
                            ).first() is None:
                conn.execute(server_meta.insert().values(key=key, value=make()))


def upsert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]], key: str,
           update: Iterable[str]) -> None:
    """Insert `rows` (all with the same columns), or update the `update` columns of
    those whose `key` exists: on SQLite and PostgreSQL alike.

    One statement, built once and executed with the rows as parameters: the form
    SQLAlchemy can cache compiled (a multi-row VALUES clause is compiled anew every
    time, and a push upserts under the writer lock). PostgreSQL's driver sends many
    rows in one round trip."""
    if rows:
        conn.execute(_upsert(conn.dialect.name, table, key, tuple(update)), rows)


@functools.lru_cache(maxsize=64)
def _upsert(dialect: str, table: sa.Table, key: str, update: tuple[str, ...]) -> sa.Insert:
    stmt = (sqlite_insert if dialect == "sqlite" else pg_insert)(table)
    return stmt.on_conflict_do_update(index_elements=[table.c[key]],
                                      set_={c: stmt.excluded[c] for c in update})


def db_id(conn: sa.Connection) -> str:
    """This database's identity: a copy restored from backup keeps it, a new one differs."""
    return str(conn.execute(sa.select(server_meta.c.value)
                            .where(server_meta.c.key == "db_id")).scalar_one())


class Database:
    """The engine plus the writer discipline described in the module docstring.

    Each writing transaction also moves the high-water marks of the halls it wrote for
    (server.marks) before it commits, whoever the writer is (a push, the back office,
    an admin command, the upstream worker of a hall node)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._writer = threading.Lock()
        self._compiled: dict[int, tuple[str, object, list[str], dict]] = {}
        # called after each writing transaction commits (server.longpoll wakes waiters)
        self.listeners: list[Callable[[], None]] = []

    @contextlib.contextmanager
    def writer(self) -> Iterator[sa.Connection]:
        """The single writing transaction; hands out change seqs in commit order."""
        with self._writer:
            conn = self.engine.connect().execution_options(writer=True)
            try:
                with conn.begin():
                    q = sa.select(counters.c.value).where(counters.c.name == "change_seq")
                    start = conn.execute(q if self.is_sqlite else q.with_for_update()).scalar()
                    if start is not None:
                        conn.info[SEQ_KEY] = int(start)
                    yield conn
                    if start is not None:  # (None: before init_db made the counter)
                        advance_marks(conn, int(start))
            finally:
                conn.info.pop(SEQ_KEY, None)
                conn.close()
        for listener in self.listeners:
            listener()

    @contextlib.contextmanager
    def side_writer(self) -> Iterator[sa.Connection]:
        """A short write of rows that take no change seq (logins, lockouts): on PostgreSQL
        it never waits for the change-seq lock that pushes hold; SQLite has one writer
        per file anyway, so it queues with them rather than spin on the busy handler."""
        if not self.is_sqlite:
            with self.engine.connect() as conn, conn.begin():
                yield conn
            return
        with self._writer:
            conn = self.engine.connect().execution_options(writer=True)
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.close()

    @contextlib.contextmanager
    def reader(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def read_one(self, stmt: sa.Select, params: dict[str, object]) -> Row | None:
        """One row of one short read on a pooled DBAPI connection, without a transaction
        of ours and without the Core's execution layer: a single SELECT is consistent
        by itself, and the poll fast path (server.idle) makes this read on every poll."""
        compiled = self._compiled.get(id(stmt))
        if compiled is None:
            c = stmt.compile(dialect=self.engine.dialect)
            names = [col.key for col in stmt.selected_columns]
            compiled = self._compiled.setdefault(
                id(stmt), (c.string, c.positiontup, names, dict(c.params)))
        sql, order, names, fixed = compiled
        both = {**fixed, **params}
        args: object = [both[k] for k in order] if order else both
        raw = self.engine.raw_connection()
        try:
            dbapi = raw.driver_connection
            if not self.is_sqlite:
                dbapi.autocommit = True  # one round trip: no BEGIN, no ROLLBACK
            try:
                cur = dbapi.cursor()
                cur.execute(sql, args)
                got = cur.fetchone()
                cur.close()
            except self.engine.dialect.loaded_dbapi.Error as exc:
                raw.invalidate()  # a connection the database dropped is not pooled again
                raise sa.exc.OperationalError(sql, args, exc) from exc
            finally:
                if not self.is_sqlite and raw.is_valid:
                    dbapi.autocommit = False
        finally:
            raw.close()
        return None if got is None else Row(zip(names, got, strict=True))

    def dispose(self) -> None:
        self.engine.dispose()


# The change seq as the writer transaction left it, kept with its connection: the writer
# read it (locked) when it began and every writer that takes seqs says where it left
# it, so the transaction's other statements need not read it again under the lock. A
# savepoint rolled back forgets it (`forget_seq`): the next look reads the table.
SEQ_KEY = "yichuang_change_seq"


def next_seqs(conn: sa.Connection, n: int = 1, name: str = "change_seq") -> int:
    """Reserve `n` numbers of a counter; returns the first. Writer transaction only."""
    conn.execute(counters.update().where(counters.c.name == name)
                 .values(value=counters.c.value + n))
    last = conn.execute(sa.select(counters.c.value).where(counters.c.name == name)).scalar_one()
    if name == "change_seq" and SEQ_KEY in conn.info:
        conn.info[SEQ_KEY] = int(last)
    return int(last) - n + 1


def set_seq(conn: sa.Connection, seq: int) -> None:
    """The change seq is now `seq` (a writer that numbered its rows itself)."""
    conn.execute(counters.update().where(counters.c.name == "change_seq").values(value=seq))
    if SEQ_KEY in conn.info:
        conn.info[SEQ_KEY] = seq


def forget_seq(conn: sa.Connection) -> None:
    """A savepoint was rolled back: what the writer knew of the seq may be undone."""
    conn.info.pop(SEQ_KEY, None)


def next_named(conn: sa.Connection, name: str) -> int:
    """The next number of a named counter, created if missing (writer only): the
    terminal_seq of a pseudo-terminal such as the back office or the server itself.

    Never below the clock in milliseconds: a database restored from a backup must not
    hand out again a (terminal, seq) its terminals hold for an event it lost."""
    c = counters
    row = conn.execute(sa.select(c.c.value).where(c.c.name == name)).first()
    nxt = max(int(row[0]) + 1 if row else 1, int(time.time() * 1000))
    if row is None:
        conn.execute(c.insert().values(name=name, value=nxt))
    else:
        conn.execute(c.update().where(c.c.name == name).values(value=nxt))
    return nxt


def current_seq(conn: sa.Connection) -> int:
    """The last change seq handed out; every row up to it has committed (see above).
    Inside the writer transaction: as the transaction left it."""
    known = conn.info.get(SEQ_KEY) if conn.get_execution_options().get("writer") else None
    if known is not None:
        return int(known)
    return int(conn.execute(sa.select(counters.c.value)
                            .where(counters.c.name == "change_seq")).scalar_one())


def advance_marks(conn: sa.Connection, start: int) -> None:
    """Move the marks (server.marks) of every hall that got a change seq above `start`
    in this writer transaction (a mark never goes down); nothing to do when no seq was
    taken. One statement whatever the transaction wrote: it runs under the writer lock.
    It lives with the writer, which calls it before every commit."""
    top = current_seq(conn)
    if top > start:
        conn.execute(_advance_marks(conn.dialect.name), {"lo": start, "hi": top})


@functools.cache
def _advance_marks(dialect: str) -> sa.Insert:
    """Each hall's highest seq in (lo, hi] among events, reference rows and notices,
    raised into its mark: INSERT … SELECT … ON CONFLICT, in the dialect's words."""
    lo, hi = sa.bindparam("lo"), sa.bindparam("hi")
    parts = [sa.select(hall.label("hall_code"), sa.func.max(col).label("seq"))
             .where(col > lo, col <= hi).group_by(hall)
             for col, hall in ((events.c.server_seq, events.c.hall_code),
                               (reference.c.change_seq, reference.c.hall_code),
                               (notices.c.change_seq, notices.c.hall_code))]
    moved = sa.union_all(*parts).subquery("moved")
    per_hall = sa.select(moved.c.hall_code, sa.func.max(moved.c.seq)).group_by(
        moved.c.hall_code)
    m = hall_marks
    stmt = (sqlite_insert if dialect == "sqlite" else pg_insert)(m).from_select(
        ["hall_code", "seq"], per_hall)
    return stmt.on_conflict_do_update(index_elements=[m.c.hall_code],
                                      set_={"seq": stmt.excluded.seq},
                                      where=m.c.seq < stmt.excluded.seq)


# --- hall node (issue 11) ----------------------------------------------------------------

def get_node_meta(conn: sa.Connection, key: str) -> str | None:
    """A value of the node's own state (None on the city, or before it is set)."""
    return conn.execute(sa.select(node_meta.c.value).where(node_meta.c.key == key)
                        ).scalar_one_or_none()


def set_node_meta(conn: sa.Connection, values: dict[str, str | None]) -> None:
    """Upsert node state values (writer transaction)."""
    for key, value in values.items():
        res = conn.execute(node_meta.update().where(node_meta.c.key == key).values(value=value))
        if res.rowcount == 0:
            conn.execute(node_meta.insert().values(key=key, value=value))


def node_code(conn: sa.Connection) -> str | None:
    """This server's terminal code at its upstream when it is an enrolled hall node."""
    return get_node_meta(conn, "node_code")
