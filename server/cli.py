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
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes serving the same database (the city server on "
                        "PostgreSQL: about one per core; a hall node runs one)")
    p.add_argument("--upstream", default=None, metavar="URL",
                   help="run as a hall node that forwards to this server (the city, or a "
                        "county node)")
    p.add_argument("--upstream-code", default=None, metavar="CODE",
                   help="the node's one-time code from `admin enroll-code --node` upstream "
                        "(first start only)")
    p.add_argument("--upstream-interval", type=float, default=5.0, metavar="S",
                   help="seconds between rounds with the upstream while it is reachable")
    p.add_argument("--name", default="", help="a name for this node, shown upstream")
    p.add_argument("--demo", action="store_true",
                   help="a demo server: seed an empty database with the demo hall and keep "
                        "its staff (password 1234); without it, demo passwords are disabled")
    p.add_argument("--config", help="a TOML file of these options, e.g. /etc/yichuang/server.toml "
                                    "(the command line wins)")
    p.set_defaults(func=cmd_server, parser=p)

    a = sub.add_parser("admin", help="administer the server database: halls, staff, codes")
    _db_arg(a)
    asub = a.add_subparsers(dest="admin_command", metavar="WHAT", required=True)
    hall = asub.add_parser("hall", help="halls").add_subparsers(dest="op", required=True)
    h = hall.add_parser("add", help="add (or rename) a hall")
    h.add_argument("code")
    h.add_argument("name")
    h.add_argument("--parent", default=None, metavar="CODE",
                   help="the hall above this one (city → county → township → village)")
    h.set_defaults(func=cmd_hall_add)
    hall.add_parser("list", help="list halls").set_defaults(func=cmd_hall_list)
    he = hall.add_parser("enable", help="enable standard catalog items in a hall")
    he.add_argument("code", help="hall code")
    he.add_argument("items", nargs="+", metavar="ITEM", help="事项编码 of standard items")
    he.add_argument("--level", choices=("province", "city"), default=None)
    he.add_argument("--zone", default=None, help="zone id (板块) in the hall")
    he.add_argument("--windows", default=None, help="window ids, comma-separated (default: all)")
    he.add_argument("--periods", default=None, help="opening period ids, comma-separated")
    he.add_argument("--no-kiosk", action="store_true", help="not offered at the kiosk")
    he.set_defaults(func=cmd_hall_enable)
    hh = hall.add_parser("hours", help="set a hall's opening periods and duty roster (JSON)")
    hh.add_argument("code", help="hall code")
    hh.add_argument("file", help='{"periods": [...], "duty": [...]}')
    hh.set_defaults(func=cmd_hall_hours)
    hs = hall.add_parser("sms", help="好差评 by SMS for a hall: on/off, gateway URL, template")
    hs.add_argument("code", help="hall code")
    onoff = hs.add_mutually_exclusive_group(required=True)
    onoff.add_argument("--on", dest="enabled", action="store_true")
    onoff.add_argument("--off", dest="enabled", action="store_false")
    hs.add_argument("--url", default=None, help="the hall's HTTP SMS gateway")
    hs.add_argument("--template", default=None,
                    help="invitation text with {hall} {item} {number} (default: standard)")
    hs.set_defaults(func=cmd_hall_sms)

    c = asub.add_parser("enroll-code", help="print a one-time enrolment code for a hall")
    c.add_argument("--hall", required=True)
    c.add_argument("--ttl-hours", type=float, default=72)
    c.add_argument("--node", action="store_true",
                   help="a code for a hall node (yichuang server --upstream-code)")
    c.add_argument("--terminals", type=int, default=32, metavar="N",
                   help="with --node: terminal codes the node may give (default %(default)s)")
    c.set_defaults(func=cmd_enroll_code)

    st = asub.add_parser("stats", help="counts as JSON: events, cases, terminals, "
                                       "and on a hall node upstream_pending")
    st.add_argument("--hall", default=None, help="this hall and those below it")
    st.set_defaults(func=cmd_stats)

    staff = asub.add_parser("staff", help="staff").add_subparsers(dest="op", required=True)
    s = staff.add_parser("add", help="add or update a staff member of a hall")
    s.add_argument("--hall", required=True)
    s.add_argument("--no", required=True, help="work number (工号), used to log in")
    s.add_argument("--name", required=True)
    s.add_argument("--role", default="clerk",
                   help="clerk, reviewer, head (负责人), supervisor, guide or admin")
    s.add_argument("--department", default=None,
                   help="department id (D05 …): required for a reviewer or a head")
    s.add_argument("--id", default=None, help="staff id (default: S<no>)")
    s.add_argument("--window", default=None, help="window id, e.g. W01")
    s.add_argument("--password", default=None,
                   help="initial password (or set YICHUANG_STAFF_PASSWORD)")
    s.set_defaults(func=cmd_staff_add)

    cat = asub.add_parser("catalog", help="service catalog").add_subparsers(dest="op",
                                                                            required=True)
    ci = cat.add_parser("import", help="import a new version of a standard catalog (or a "
                                       "hall file: its items, enabled in its hall)")
    ci.add_argument("file")
    ci.add_argument("--level", choices=("province", "city"), default=None,
                    help="the catalog's level (default: the file's, else province)")
    ci.add_argument("--hall", default=None, help="a hall file's hall code (default: the file's)")
    ci.set_defaults(func=cmd_catalog_import)
    cd = cat.add_parser("diff", help="say what importing a catalog file would change")
    cd.add_argument("file")
    cd.add_argument("--level", choices=("province", "city"), default=None)
    cd.set_defaults(func=cmd_catalog_diff)

    cal = asub.add_parser("calendar", help="working-day calendar (节假日安排), by year"
                          ).add_subparsers(dest="op", required=True)
    k = cal.add_parser("import", help="load a year's schedule: CSV with header date,kind,name")
    k.add_argument("file")
    k.set_defaults(func=cmd_calendar_import)
    k = cal.add_parser("show", help="print a loaded year as CSV (loadable again)")
    k.add_argument("--year", type=int, required=True)
    k.set_defaults(func=cmd_calendar_show)

    from server import queue_admin

    queue_admin.add_commands(asub)  # queue-rules

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

    from server import config_file

    try:
        config_file.apply(args, args.parser, {a.split("=")[0] for a in sys.argv
                                               if a.startswith("--")})
    except config_file.ConfigError as exc:
        return _fail(str(exc))
    if not 1 <= args.workers <= 64:  # (from the command line or the config file)
        return _fail("--workers 应在 1 到 64 之间")

    import uvicorn

    from server.app import create_app, serving_process
    from sync.logmask import install

    # one handler on the root logger, masked; uvicorn's loggers propagate to it
    # (log_config=None: uvicorn adds no handlers of its own that would bypass the mask)
    handler = install(logging.StreamHandler())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(args.log_level.upper())
    # parked long polls (server.longpoll) must not hold a restart for their whole wait
    opts = {"host": args.host, "port": args.port, "log_level": args.log_level,
            "access_log": False, "timeout_keep_alive": 75, "timeout_graceful_shutdown": 5,
            "log_config": None}
    if args.workers > 1:
        return _run_workers(args, opts)
    serving_process()
    app = create_app(args.db, upstream=args.upstream, upstream_code=args.upstream_code,
                     upstream_interval=args.upstream_interval, name=args.name, demo=args.demo)
    uvicorn.run(app, **opts)
    return 0


def _run_workers(args: argparse.Namespace, opts: dict) -> int:
    """`--workers N`: N uvicorn worker processes on one port, each its own app on the
    same database (docs/deploy.md). The schema is brought up to date here, once, before
    any worker starts; a hall node keeps to one process (its upstream link is one)."""
    import tempfile

    import uvicorn

    from server import admin, app, db, nodeinfo

    if args.upstream:
        return _fail("大厅节点只运行一个进程：请去掉 --workers（或 --upstream）")
    database = db.Database(args.db)
    try:
        db.init_db(database.engine, quiet=False)
        with database.writer() as conn:
            if nodeinfo.is_node(conn):
                return _fail("此数据库是大厅节点：大厅节点只运行一个进程，请去掉 --workers")
            admin.ensure_calendar(conn)
    finally:
        database.dispose()
    # the workers' Prometheus counts, added up by whichever worker a scrape reaches
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="yichuang-metrics-")
    os.environ[app.CONFIG_ENV] = json.dumps({"db": args.db, "demo": args.demo,
                                             "name": args.name})
    uvicorn.run("server.app:worker_app", factory=True, workers=args.workers, **opts)
    return 0


def _upstream_owned(database) -> str | None:  # type: ignore[no-untyped-def]
    """On a hall node, reference data belongs upstream: the message saying so, or None."""
    from server import db, nodeinfo

    with database.reader() as conn:
        if nodeinfo.is_node(conn):
            url = db.get_node_meta(conn, "upstream_url")
            return f"此数据库是大厅节点：大厅、人员和事项目录由上级服务器（{url}）管理，请在那里修改"
    return None


def cmd_hall_add(args: argparse.Namespace) -> int:
    from server import halls

    database = _open(args)
    if message := _upstream_owned(database):
        return _fail(message)
    try:
        with database.writer() as conn:
            halls.add(conn, args.code, args.name, args.parent)
    except ValueError as exc:
        return _fail(str(exc))
    out = {"hall": args.code, "name": args.name}
    if args.parent:
        out["parent"] = args.parent
    print(json.dumps(out, ensure_ascii=False))
    return 0


def cmd_hall_list(args: argparse.Namespace) -> int:
    from server import halls

    database = _open(args)
    with database.reader() as conn:
        for h in halls.listing(conn):
            print(f"{'  ' * h['depth']}{h['code']}\t{h['name']}")
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from server import auth, codeblocks, db, nodeinfo

    if args.node and not 1 <= args.terminals <= 4000:
        return _fail("--terminals 应在 1 到 4000 之间")
    database = _open(args)
    try:
        with database.writer() as conn:
            if nodeinfo.is_node(conn) and not db.get_node_meta(conn, "token"):
                return _fail("本节点尚未在上级服务器注册，暂不能发放注册码（请先接通外网启动节点）")
            if args.node:  # the block must exist now: a code that cannot enrol is no code
                codeblocks.check_free(conn, args.terminals + 1)
            code = auth.issue_code(conn, args.hall, args.ttl_hours,
                                   node_codes=args.terminals if args.node else None)
    except (LookupError, codeblocks.CodesExhausted) as exc:
        return _fail(str(exc))
    print(code)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from server import stats

    database = _open(args)
    try:
        with database.reader() as conn:
            out = stats.stats(conn, args.hall)
    except LookupError as exc:
        return _fail(str(exc))
    print(json.dumps(out, ensure_ascii=False))
    return 0


def cmd_staff_add(args: argparse.Namespace) -> int:
    from server import admin

    password = args.password or os.environ.get("YICHUANG_STAFF_PASSWORD")
    if not password:
        return _fail("请用 --password 或环境变量 YICHUANG_STAFF_PASSWORD 设置初始密码")
    database = _open(args)
    if message := _upstream_owned(database):
        return _fail(message)
    try:
        rec = admin.staff_record(args.id or f"S{args.no}", args.no, args.name, args.role,
                                 args.window, password=password, department=args.department)
        with database.writer() as conn:
            admin.add_staff(conn, args.hall, rec)
    except (ValueError, LookupError) as exc:
        return _fail(str(exc))
    print(json.dumps({"hall": args.hall, "id": rec["id"], "no": args.no, "role": args.role},
                     ensure_ascii=False))
    return 0


def _catalog_file(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The checked file, or None after printing every problem with its line."""
    from domain.catalog_file import parse_catalog
    from domain.standard_catalog import CatalogFileError

    try:
        with open(args.file, encoding="utf-8-sig") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"无法读取目录文件 {args.file}: {exc}")
        return None
    try:
        return parse_catalog(text, args.level)
    except CatalogFileError as exc:
        print(f"错误: 目录文件 {args.file} 未导入，没有任何改动：", file=sys.stderr)
        for line in exc.problems:
            print(f"  {line}", file=sys.stderr)
        return None


def cmd_catalog_import(args: argparse.Namespace) -> int:
    import pathlib

    from server import catalog

    cf = _catalog_file(args)
    if cf is None:
        return 2
    database = _open(args)
    source = pathlib.Path(args.file).name
    try:
        with database.writer() as conn:
            change = catalog.preview(conn, cf, removing=cf.hall is None)
            print(f"{cf.level} 目录变更：", file=sys.stderr)
            for line in change.lines():
                print(f"  {line}", file=sys.stderr)
            if cf.hall is not None:
                out = catalog.import_hall_file(conn, cf, args.hall, source)
            else:
                out = catalog.import_standard(conn, cf, source)
    except (ValueError, LookupError) as exc:
        return _fail(str(exc))
    for code, halls in out.get("still_enabled", {}).items():
        print(f"注意: 已删除的事项 {code} 仍在这些大厅启用，已停止办理: {', '.join(halls)}",
              file=sys.stderr)
    print(json.dumps(out, ensure_ascii=False))
    return 0


def cmd_catalog_diff(args: argparse.Namespace) -> int:
    from server import catalog

    cf = _catalog_file(args)
    if cf is None:
        return 2
    database = _open(args)
    with database.reader() as conn:
        change = catalog.preview(conn, cf, removing=cf.hall is None)
        version = int(catalog.head(conn, cf.level).get("version", 0))
    print(f"# {cf.level}: v{version} → v{version + (0 if change.empty else 1)}")
    for line in change.lines():
        print(line)
    return 0


def cmd_hall_enable(args: argparse.Namespace) -> int:
    from server import catalog

    local: dict = {"kiosk": not args.no_kiosk}
    if args.zone:
        local["zone"] = args.zone
    if args.windows:
        local["windows"] = [w.strip() for w in args.windows.split(",") if w.strip()]
    if args.periods:
        local["periods"] = [p.strip() for p in args.periods.split(",") if p.strip()]
    database = _open(args)
    if message := _upstream_owned(database):
        return _fail(message)
    try:
        with database.writer() as conn:
            out = catalog.enable(conn, args.code, args.items, level=args.level, local=local)
    except (LookupError, ValueError) as exc:
        return _fail(str(exc))
    for rec in out:
        print(json.dumps({"hall": args.code, **rec}, ensure_ascii=False))
    return 0


def cmd_hall_hours(args: argparse.Namespace) -> int:
    from server import catalog

    try:
        with open(args.file, encoding="utf-8-sig") as f:
            data = json.load(f)
    except (OSError, ValueError) as exc:
        return _fail(f"无法读取时段文件 {args.file}: {exc}")
    if not isinstance(data, dict):
        return _fail("时段文件应为 {\"periods\": [...], \"duty\": [...]}")
    database = _open(args)
    try:
        with database.writer() as conn:
            out = catalog.set_hours(conn, args.code, data)
    except (LookupError, ValueError, KeyError, TypeError) as exc:
        return _fail(f"时段文件未导入，没有任何改动: {exc}")
    print(json.dumps({"hall": args.code, **out}, ensure_ascii=False))
    return 0


def cmd_hall_sms(args: argparse.Namespace) -> int:
    from domain.ratings import check_sms_template
    from server import admin

    if args.url is not None and args.url and not args.url.startswith(("http://", "https://")):
        return _fail(f"短信网关地址应以 http:// 或 https:// 开头: {args.url}")
    if args.template:
        try:
            check_sms_template(args.template)
        except ValueError as exc:
            return _fail(str(exc))
    database = _open(args)
    try:
        with database.writer() as conn:
            current = admin.hall_record(conn, args.code).get("sms") or {}
            sms = {**current, "enabled": args.enabled}
            for key in ("url", "template"):
                if getattr(args, key) is not None:
                    sms[key] = getattr(args, key)
            admin.set_hall_settings(conn, args.code, {"sms": sms})
    except LookupError as exc:
        return _fail(str(exc))
    print(json.dumps({"hall": args.code, "sms": sms}, ensure_ascii=False))
    return 0


def _today():  # type: ignore[no-untyped-def]
    import datetime as dt

    from domain.events import CHINA_TZ

    return dt.datetime.now(CHINA_TZ).date()


def cmd_calendar_import(args: argparse.Namespace) -> int:
    import pathlib

    from domain.calendar_file import CalendarFileError, decode, parse_schedule
    from server import calendar

    try:
        raw = pathlib.Path(args.file).read_bytes()
    except OSError as exc:
        return _fail(f"无法读取日历文件 {args.file}: {exc}")
    try:
        schedule = parse_schedule(decode(raw), source=pathlib.Path(args.file).name)
    except CalendarFileError as exc:
        print(f"错误: 日历文件 {args.file} 未导入，没有任何改动：", file=sys.stderr)
        for line in exc.problems:
            print(f"  {line}", file=sys.stderr)
        return 2
    database = _open(args)
    with database.writer() as conn:
        out = calendar.import_year(conn, schedule)
        warning = calendar.warning_text(conn, _today())
    print(json.dumps(out, ensure_ascii=False))
    if warning:
        print(f"注意: {warning}", file=sys.stderr)
    return 0


def cmd_calendar_show(args: argparse.Namespace) -> int:
    from server import calendar

    database = _open(args)
    with database.reader() as conn:
        rows = calendar.stored(conn)
        warning = calendar.warning_text(conn, _today())
    data = rows.get(str(args.year))
    if warning:
        print(f"注意: {warning}", file=sys.stderr)
    if data is None:
        loaded = "、".join(sorted(k for k in rows if k.isdigit())) or "无"
        return _fail(f"{args.year}年的节假日安排尚未载入（已载入: {loaded}）；"
                     "终端暂按法定节假日推算该年的期限（临时）")
    from domain.calendar_file import YearSchedule

    schedule = YearSchedule.from_dict(data)
    print(f"# origin: {data.get('origin', '')}; loaded: {data.get('loaded_at', '')}; "
          f"source: {schedule.source}")
    sys.stdout.write(schedule.to_csv(declare=True))
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
