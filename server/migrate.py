"""Server schema migrations (Alembic), run at every start before anything else.

The migrations ship inside the package (server/migrations), so an installed server
upgrades its own database: SQLite or PostgreSQL, from the first schema up. A database
made before migrations existed (by `metadata.create_all`) is the first schema: it is
stamped 0001 and upgraded from there.
"""

from __future__ import annotations

import logging
import pathlib
import sys

import sqlalchemy as sa

log = logging.getLogger(__name__)

SCRIPTS = pathlib.Path(__file__).with_name("migrations")
FIRST = "0001"


def _config(conn: sa.Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["connection"] = conn
    return cfg


def head() -> str:
    """The newest revision this program knows."""
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory(str(SCRIPTS)).get_current_head())


def current(conn: sa.Connection) -> str | None:
    """The database's revision; FIRST for a pre-migration database, None if empty."""
    from alembic.runtime.migration import MigrationContext

    rev = MigrationContext.configure(conn).get_current_revision()
    if rev is None and sa.inspect(conn).has_table("events"):
        return FIRST
    return rev


def upgrade(engine: sa.Engine, target: str = "head", *, quiet: bool = False) -> str | None:
    """Bring the schema to `target`; says what it does on stderr. Returns the old revision.

    A database newer than this program is refused with a clear message rather than
    half-understood.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(SCRIPTS))
    with engine.connect() as conn:
        was = current(conn)
        conn.rollback()
    want = scripts.get_current_head() if target == "head" else target
    if was is not None and was != want and not _known(scripts, was):
        raise RuntimeError(f"服务器数据库的结构版本 {was} 比本程序新（本程序最高 {want}），"
                           "请升级一窗服务器程序")
    if was == want:
        return was
    say = (f"服务器数据库：新建结构（版本 {want}）" if was is None
           else f"服务器数据库：结构从版本 {was} 升级到 {want}…")
    log.info(say)
    if not quiet:
        print(say, file=sys.stderr, flush=True)
    with engine.begin() as conn:
        cfg = _config(conn)
        if was == FIRST and not sa.inspect(conn).has_table("alembic_version"):
            command.stamp(cfg, FIRST)
        command.upgrade(cfg, target)
    return was


def _known(scripts, rev: str) -> bool:  # type: ignore[no-untyped-def]
    try:
        return scripts.get_revision(rev) is not None
    except Exception:  # alembic raises its own errors for an unknown revision
        return False
