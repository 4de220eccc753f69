"""The server schema under Alembic (issue 13): migrations from the first schema up, on
SQLite and PostgreSQL, run at start with a clear message; they ship in the package."""

from __future__ import annotations

import importlib.resources

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from server import db, migrate
from tests.support.servers import ServerProcess, yichuang


def test_migrations_make_exactly_the_tables_the_code_uses(db_url):
    engine = db.make_engine(db_url)
    try:
        assert migrate.upgrade(engine, quiet=True) is None  # an empty database
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), db.metadata)
            assert migrate.current(conn) == migrate.head()
        assert diffs == []
        assert migrate.upgrade(engine, quiet=True) == migrate.head()  # idempotent
    finally:
        engine.dispose()


def test_a_database_made_before_migrations_is_upgraded_at_start(db_url, tmp_path):
    """What `metadata.create_all` made (the first schema, no alembic_version), with data
    in it: the server starts, says what it does, and keeps every row."""
    engine = db.make_engine(db_url)
    try:
        migrate.upgrade(engine, "0001", quiet=True)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE alembic_version"))
            conn.execute(sa.text("INSERT INTO halls VALUES ('371100', '日照', '2026-01-01')"))
            conn.execute(sa.text(
                "INSERT INTO terminals (id, code, hall_code, token_hash, name, enrolled_at, "
                "max_seq) VALUES ('t-old', '1001', '371100', 'h', '', '2026-01-01', 7)"))
            conn.execute(sa.text("INSERT INTO counters VALUES ('change_seq', 3), "
                                 "('terminal_code', 1)"))
    finally:
        engine.dispose()
    srv = ServerProcess(db_url, log_dir=tmp_path).start()
    try:
        log = srv.log_path.read_text("utf-8")
        from server.migrate import head

        assert f"结构从版本 0001 升级到 {head()}" in log
    finally:
        srv.stop()
    listed = yichuang("admin", "--db", db_url, "terminal", "list").stdout
    assert '"t-old"' in listed and '"max_seq": 7' in listed
    database = db.Database(db_url)
    try:
        with database.reader() as conn:
            assert db.current_seq(conn) >= 3 and db.db_id(conn)  # (+ the calendar)
            assert conn.execute(sa.select(sa.func.count()).select_from(db.boots)).scalar() == 1
    finally:
        database.dispose()


def test_a_database_newer_than_the_program_is_refused_with_a_message(sqlite_url):
    engine = db.make_engine(sqlite_url)
    migrate.upgrade(engine, quiet=True)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num='9999'"))
    engine.dispose()
    out = yichuang("admin", "--db", sqlite_url, "hall", "list", check=False)
    assert out.returncode != 0 and "比本程序新" in out.stderr


def test_the_migrations_ship_inside_the_package():
    root = importlib.resources.files("server.migrations")
    names = {p.name for p in (root / "versions").iterdir()}
    assert {"0001_first_schema.py", "0002_sync_hardening.py",
            "0003_hall_node_figures_back_office.py"} <= names
    assert (root / "env.py").is_file()


def test_the_server_sqlite_commits_survive_a_power_cut(sqlite_url):
    """synchronous=FULL: a commit a terminal was told about is on disk (issue 13)."""
    database = db.Database(sqlite_url)
    try:
        with database.reader() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        database.dispose()
