"""Sub-commands of the desktop layer: the three faces and two quick checks.

`deadline` and `check-id` answer from the domain alone and never touch Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys

FACES = ("counter", "kiosk", "supervisor", "review", "display")  # desktop.app.FACES, without Qt


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deadline", help="the deadline of a promised item accepted on a day")
    p.add_argument("--accepted", required=True, help="acceptance date, YYYY-MM-DD")
    p.add_argument("--days", required=True, type=int, help="promised working days")
    p.add_argument("--calendar", help="a calendar JSON file instead of the shipped one")
    p.set_defaults(func=cmd_deadline)

    p = sub.add_parser("check-id", help="check a resident ID number (GB 11643)")
    p.add_argument("number")
    p.set_defaults(func=cmd_check_id)

    for face in FACES:
        p = sub.add_parser(face, help=f"start the {face}" if face != "review"
                           else "start the reviewer face (后台审批)")
        p.add_argument("--demo", action="store_true",
                       help="seed the demo catalog and start simulated devices")
        p.set_defaults(func=cmd_face, face=face)
        if face == "review":
            p.add_argument("--server", metavar="URL",
                           help="work against the server's back office over the network "
                                "instead of this terminal's replica")
            p.add_argument("--hall", metavar="CODE", help="the hall's code (with --server)")
            p.set_defaults(func=cmd_review)

    p = sub.add_parser("setup", help="set this terminal up: language, enrolment, face, "
                                     "devices, kiosk PIN (the first-run wizard)")
    p.add_argument("--face", choices=FACES, default=None, help="the face to pre-select")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("start", help="start the face this terminal was set up for "
                                     "(the set-up wizard first on a new terminal)")
    p.set_defaults(func=cmd_start)

    p = sub.add_parser("demo", help="the demo: counter on a local replica with demo data")
    p.add_argument("--face", choices=FACES, default="counter")
    p.add_argument("--screenshot", metavar="DIR",
                   help="save a PNG of each main screen into DIR and exit")
    p.add_argument("--lang", choices=("zh_CN", "en"), default=None)
    p.set_defaults(func=cmd_demo)


def _load_calendar(path: str | None, data_dir):  # type: ignore[no-untyped-def]
    """A calendar file if given; else this terminal's (pulled years over shipped ones,
    the statutory holidays for the rest); else the shipped one."""
    from sync import calendar

    if path:
        from domain.workdays import WorkCalendar

        with open(path, encoding="utf-8") as f:
            return WorkCalendar.from_dict(json.load(f))
    from sync.replica import DB_NAME, Replica

    if data_dir is not None and (data_dir / DB_NAME).exists():
        with Replica.in_dir(data_dir) as replica:
            return calendar.load(replica)
    return calendar.default()


def cmd_deadline(args: argparse.Namespace) -> int:
    from domain.deadline import compute

    try:
        accepted = dt.date.fromisoformat(args.accepted)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.accepted):  # the form is right, the day is not
            print(f"错误: 没有这一天: {args.accepted}", file=sys.stderr)
        else:
            print(f"错误: 日期格式应为 YYYY-MM-DD: {args.accepted}", file=sys.stderr)
        return 2
    if args.days < 0 or args.days > 3650:
        print(f"错误: 工作日数应在0到3650之间: {args.days}", file=sys.stderr)
        return 2
    cal = _load_calendar(args.calendar, getattr(args, "data_dir", None))
    d = compute(cal, accepted, args.days)
    print(d.day.isoformat())
    if d.provisional:
        print(f"注意: {d.day.year}年的节假日安排尚未载入，期限按法定节假日推算（临时）",
              file=sys.stderr)
    return 0


def cmd_check_id(args: argparse.Namespace) -> int:
    from domain import idnumber
    from domain.errors import InvalidIdNumber

    try:
        info = idnumber.parse(args.number, today=dt.date.today())
    except InvalidIdNumber as exc:
        print(f"无效的身份证号码: {exc}", file=sys.stderr)
        return 1
    print(f"{info.birth_date.isoformat()} {info.gender}")
    return 0


def cmd_face(args: argparse.Namespace) -> int:
    from desktop.app import run

    return run(args.data_dir, face=args.face, demo=args.demo)


def cmd_review(args: argparse.Namespace) -> int:
    """`yichuang review`: on this terminal's replica, or `--server URL --hall CODE`."""
    if not args.server:
        return cmd_face(args)
    if not args.hall:
        print("错误: 连接审批服务器须指定大厅代码（--hall）", file=sys.stderr)
        return 2
    from desktop.app import create_application, prepare
    from desktop.review import run

    settings_store = prepare(args.data_dir)
    app = create_application(settings_store.get("language"))
    return run(args.data_dir, app=app, server=args.server, hall=args.hall)


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.demo import run_demo

    return run_demo(args.data_dir, face=args.face, screenshot_dir=args.screenshot,
                    lang=args.lang)


def cmd_setup(args: argparse.Namespace) -> int:
    from desktop.app import create_application, prepare
    from desktop.first_run import run_wizard

    store = prepare(args.data_dir)
    create_application(store.get("language"))
    face = run_wizard(args.data_dir, args.face or store.get("face"))
    if not face:
        print("set-up cancelled; nothing changed after the last finished page", file=sys.stderr)
        return 1
    print(f"set up as {face}; start it with: yichuang start")
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    from desktop.app import run
    from desktop.kiosk.config import is_kiosk
    from desktop.settings import SettingsStore

    face = "kiosk" if is_kiosk(args.data_dir) else SettingsStore(args.data_dir).get("face")
    return run(args.data_dir, face=face, demo=False)
