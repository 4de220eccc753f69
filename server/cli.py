"""`yichuang server` and `yichuang admin …`: run the sync server, administer its database.

Nothing heavy is imported at the top: `yichuang --help` must stay instant.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

DEFAULT_DB = "sqlite:///yichuang-server.sqlite3"


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("server", help="run the sync server (SQLite file or PostgreSQL)")
    _db_arg(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument("--log-level", default="info")
    p.set_defaults(func=cmd_server)

    a = sub.add_parser("admin", help="administer the server database: halls, staff, codes")
    _db_arg(a)
    asub = a.add_subparsers(dest="admin_command", metavar="WHAT", required=True)
    hall = asub.add_parser("hall", help="halls").add_subparsers(dest="op", required=True)
    h = hall.add_parser("add", help="add (or rename) a hall")
    h.add_argument("code")
    h.add_argument("name")
    h.set_defaults(func=cmd_hall_add)
    hall.add_parser("list", help="list halls").set_defaults(func=cmd_hall_list)

    c = asub.add_parser("enroll-code", help="print a one-time enrolment code for a hall")
    c.add_argument("--hall", required=True)
    c.add_argument("--ttl-hours", type=float, default=72)
    c.set_defaults(func=cmd_enroll_code)

    staff = asub.add_parser("staff", help="staff").add_subparsers(dest="op", required=True)
    s = staff.add_parser("add", help="add or update a staff member of a hall")
    s.add_argument("--hall", required=True)
    s.add_argument("--no", required=True, help="work number (工号), used to log in")
    s.add_argument("--name", required=True)
    s.add_argument("--role", default="clerk",
                   help="clerk, reviewer, supervisor, guide or admin")
    s.add_argument("--id", default=None, help="staff id (default: S<no>)")
    s.add_argument("--window", default=None, help="window id, e.g. W01")
    s.add_argument("--password", default=None,
                   help="initial password (or set YICHUANG_STAFF_PASSWORD)")
    s.set_defaults(func=cmd_staff_add)

    cat = asub.add_parser("catalog", help="service catalog").add_subparsers(dest="op",
                                                                            required=True)
    ci = cat.add_parser("import", help="import a catalog file into a hall")
    ci.add_argument("file")
    ci.add_argument("--hall", default=None, help="hall code (default: the file's)")
    ci.set_defaults(func=cmd_catalog_import)

    term = asub.add_parser("terminal", help="terminals").add_subparsers(dest="op", required=True)
    tl = term.add_parser("list", help="list live terminals: one row each, with version and "
                                      "last contact")
    tl.add_argument("--all", action="store_true", help="revoked terminals too")
    tl.set_defaults(func=cmd_terminal_list)
    r = term.add_parser("revoke", help="revoke a terminal's token")
    r.add_argument("terminal", help="4-digit terminal code or terminal id")
    r.set_defaults(func=cmd_terminal_revoke)


    b = asub.add_parser("backup", help="copy a SQLite server database while it runs "
                                       "(PostgreSQL: pg_dump, see docs/backup.md)")
    b.add_argument("--to", required=True, help="the backup file to write (must not exist)")
    b.set_defaults(func=cmd_backup)


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("YICHUANG_DB", DEFAULT_DB),
                   help="sqlite:///path or postgresql://user@host/db (default: %(default)s)")


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from server import admin, db

    database = db.Database(args.db)
    db.init_db(database.engine, quiet=False)
    with database.writer() as conn:
        admin.ensure_calendar(conn)
    return database


def _fail(message: str) -> int:
    print(f"错误: {message}", file=sys.stderr)
    return 2


def cmd_server(args: argparse.Namespace) -> int:
    import logging

    import uvicorn

    from server.app import create_app
    from sync.logmask import install

    # one handler on the root logger, masked; uvicorn's loggers propagate to it
    # (log_config=None: uvicorn adds no handlers of its own that would bypass the mask)
    handler = install(logging.StreamHandler())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(args.log_level.upper())
    app = create_app(args.db)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                access_log=False, timeout_keep_alive=75, log_config=None)
    return 0


def cmd_hall_add(args: argparse.Namespace) -> int:
    from server import admin

    database = _open(args)
    try:
        with database.writer() as conn:
            admin.add_hall(conn, args.code, args.name)
    except ValueError as exc:
        return _fail(str(exc))
    print(json.dumps({"hall": args.code, "name": args.name}, ensure_ascii=False))
    return 0


def cmd_hall_list(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from server import db

    database = _open(args)
    with database.reader() as conn:
        for row in conn.execute(sa.select(db.halls).order_by(db.halls.c.code)):
            print(f"{row.code}\t{row.name}")
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from server import auth

    database = _open(args)
    try:
        with database.writer() as conn:
            code = auth.issue_code(conn, args.hall, args.ttl_hours)
    except LookupError as exc:
        return _fail(str(exc))
    print(code)
    return 0


def cmd_staff_add(args: argparse.Namespace) -> int:
    from server import admin

    password = args.password or os.environ.get("YICHUANG_STAFF_PASSWORD")
    if not password:
        return _fail("请用 --password 或环境变量 YICHUANG_STAFF_PASSWORD 设置初始密码")
    database = _open(args)
    try:
        rec = admin.staff_record(args.id or f"S{args.no}", args.no, args.name, args.role,
                                 args.window, password=password)
        with database.writer() as conn:
            admin.add_staff(conn, args.hall, rec)
    except (ValueError, LookupError) as exc:
        return _fail(str(exc))
    print(json.dumps({"hall": args.hall, "id": rec["id"], "no": args.no, "role": args.role},
                     ensure_ascii=False))
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from server import admin

    try:
        with open(args.file, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as exc:
        return _fail(f"无法读取目录文件 {args.file}: {exc}")
    database = _open(args)
    try:
        with database.writer() as conn:
            n = admin.import_catalog(conn, data, args.hall)
    except (ValueError, KeyError, TypeError) as exc:
        return _fail(f"目录文件格式错误: {exc}")
    print(json.dumps({"hall": args.hall or data.get("hall", {}).get("code"), "rows": n},
                     ensure_ascii=False))
    return 0


def cmd_terminal_list(args: argparse.Namespace) -> int:
    from server import admin

    database = _open(args)
    with database.reader() as conn:
        for t in admin.list_terminals(conn, revoked=args.all):
            print(json.dumps(t, ensure_ascii=False))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from server import admin

    if not args.db.startswith("sqlite"):
        return _fail("PostgreSQL 数据库请用 pg_dump -Fc 备份、pg_restore 恢复（见 docs/backup.md）")
    database = _open(args)
    try:
        pages = admin.backup_sqlite(database, args.to)
    except ValueError as exc:
        return _fail(str(exc))
    print(json.dumps({"backup": args.to, "pages": pages}, ensure_ascii=False))
    return 0


def cmd_terminal_revoke(args: argparse.Namespace) -> int:
    from server import auth

    database = _open(args)
    with database.writer() as conn:
        n = auth.revoke(conn, args.terminal)
    if not n:
        return _fail(f"没有这个终端（或已停用）: {args.terminal}")
    print(json.dumps({"revoked": args.terminal}))
    return 0
