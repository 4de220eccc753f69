"""`yichuang queue take|call|status`: the queue from the command line, JSON on stdout.

For staff scripts and checks (and the hall tests): `take` and `call` print an object
with `ticket`; `call` exits 1 when nobody waits and 3 when no server decided (nobody
was called); `status` prints `zones`, `windows` and `recent_calls`. On an enrolled
terminal each pushes and waits for the server's verdict when it can reach one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import sys
from typing import Any

EXIT_NOBODY, EXIT_NO_SERVER = 1, 3


def add_commands(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("queue", help="queue tickets: take, call, status (JSON)")
    qsub = q.add_subparsers(dest="queue_command", metavar="WHAT", required=True)

    p = qsub.add_parser("take", help="take a ticket for a zone (a walk-in)")
    p.add_argument("--zone", required=True, help="zone id (Z1) or its letter (A)")
    p.add_argument("--priority", nargs="?", const="other", default="",
                   help="a priority ticket; optionally the kind: elderly, disabled, "
                        "pregnant, military, other")
    p.add_argument("--appointment", default="", help="appointment time, HH:MM today or ISO")
    p.add_argument("--staff", default="script", help="who takes it (staff id)")
    p.set_defaults(func=cmd_take)

    p = qsub.add_parser("call", help="call the next ticket for a window")
    p.add_argument("--window", required=True, help="window id (W03) or number (3)")
    p.add_argument("--staff", default="script", help="who calls (staff id)")
    p.add_argument("--ticket", default=None, help="call this number instead of the next")
    p.add_argument("--keep-current", action="store_true",
                   help="do not end the ticket the window has now")
    p.set_defaults(func=cmd_call)

    p = qsub.add_parser("status", help="waiting per zone, windows, recent calls")
    p.set_defaults(func=cmd_status)

    for parser in qsub.choices.values():
        parser.add_argument("--data-dir", type=pathlib.Path, default=argparse.SUPPRESS,
                            help="this terminal's data folder")


def _now() -> dt.datetime:
    from domain.events import CHINA_TZ

    return dt.datetime.now(CHINA_TZ)


def _print(obj: dict[str, Any]) -> None:
    print(json.dumps(obj, ensure_ascii=False))


def _exchange(data_dir: pathlib.Path, *, push: bool) -> bool | None:
    """Push (optionally) and pull under the sync lock: True reached, False not, None
    for a standalone terminal (it has no server)."""
    from sync.client import Offline, SyncClient, SyncRefused
    from sync.lock import LockBusy, sync_lock

    client = SyncClient(data_dir, timeout=(3.0, 30.0))
    try:
        if not client.enrolled:
            return None
        with sync_lock(data_dir).acquire(timeout=10):
            if push:
                client.push()
            client.pull()
        return True
    except (Offline, SyncRefused, LockBusy) as exc:
        print(f"注意: {exc}", file=sys.stderr)
        return False
    finally:
        client.close()


def _no_replica(data_dir: pathlib.Path) -> bool:
    """True (and says so) when the folder is not a terminal's: never create one here."""
    from sync.replica import DB_NAME

    if (pathlib.Path(data_dir) / DB_NAME).exists():
        return False
    print(f"错误: {data_dir} 不是终端的数据目录（没有本地数据库）；请先注册终端"
          "（yichuang enroll）", file=sys.stderr)
    return True


def _catalog(r: Any) -> Any:
    from domain.errors import DomainError
    from sync import reference

    catalog = reference.load_catalog(r)
    if not catalog.zones or not catalog.windows:
        raise DomainError("本终端还没有大厅的服务区和窗口：请先同步（yichuang sync --once）",
                          code="queue.no_catalog")
    return catalog


def _appointment(text: str, now: dt.datetime) -> str:
    if not text:
        return ""
    try:
        t = dt.time.fromisoformat(text)
        return dt.datetime.combine(now.date(), t, now.tzinfo).isoformat(timespec="seconds")
    except ValueError:
        return dt.datetime.fromisoformat(text).isoformat(timespec="seconds")


def cmd_take(args: argparse.Namespace) -> int:
    from domain import tickets as tk
    from domain.application import Actor
    from domain.errors import DomainError
    from sync import queue, reference, tickets
    from sync.replica import Replica
    from sync.store import CaseStore

    if _no_replica(args.data_dir):
        return 2
    if args.priority and args.priority not in tk.PRIORITIES:
        print(f"错误: --priority 应为 {', '.join(tk.PRIORITIES)} 之一", file=sys.stderr)
        return 2
    now = _now()
    try:
        appointment = _appointment(args.appointment, now)
    except ValueError:
        print(f"错误: 预约时间格式应为 HH:MM: {args.appointment}", file=sys.stderr)
        return 2
    reached = _exchange(args.data_dir, push=False)  # others' numbers first
    with Replica.in_dir(args.data_dir) as r:
        try:
            zone = queue.find_zone(_catalog(r), args.zone)
            t = queue.take(CaseStore(r), zone.id, Actor(args.staff, r.identity().terminal_id),
                           priority=args.priority, appointment_at=appointment,
                           channel="script", now=now)
        except DomainError as exc:
            print(f"错误: {exc}", file=sys.stderr)
            return 2
    confirmed = _exchange(args.data_dir, push=True) if reached else reached
    with Replica.in_dir(args.data_dir) as r:
        row = r.conn.execute("SELECT verdict FROM events WHERE case_id = pack_id(?) "
                             "AND kind=?",
                             (t.id, tk.TAKEN)).fetchone()
        zq = next(z for z in queue.zone_queues(r, reference.load_catalog(r),
                                               tickets.load_rules(r), t.day)
                  if z.code == zone.id)
    _print({"ticket": t.number, "id": t.id, "zone": zone.id, "zone_name": zone.name,
            "priority": t.priority or None, "appointment_at": t.appointment_at or None,
            "taken_at": t.taken_at, "waiting": zq.waiting,
            "estimated_wait_min": zq.estimated_wait_min,
            "confirmed": bool(confirmed and row and row[0] == "applied"),
            "server": None if confirmed is None else bool(confirmed)})
    return 0


def cmd_call(args: argparse.Namespace) -> int:
    from domain import announce
    from domain.errors import DomainError
    from sync import queue, queue_claim, tickets
    from sync.replica import Replica

    if _no_replica(args.data_dir):
        return 2
    with Replica.in_dir(args.data_dir) as r:
        try:
            window = queue.find_window(_catalog(r), args.window)
        except DomainError as exc:
            print(f"错误: {exc}", file=sys.stderr)
            return 2
        only = None
        if args.ticket:
            row = tickets.by_number(r, _now().date().isoformat(), args.ticket)
            if row is None:
                print(f"错误: 今天没有这个号: {args.ticket}", file=sys.stderr)
                return 2
            only = row["id"]
    try:
        got = queue_claim.call_next(args.data_dir, window.id, args.staff, ticket_id=only,
                                    finish_current=not args.keep_current)
    except queue_claim.NobodyWaiting as exc:
        _print({"ticket": None, "window": window.id, "error": exc.code, "message": str(exc)})
        return EXIT_NOBODY
    except queue_claim.NoServer as exc:
        _print({"ticket": None, "window": window.id, "error": exc.code, "message": str(exc)})
        return EXIT_NO_SERVER
    _print({"ticket": got.number, "id": got.ticket_id, "window": window.id,
            "window_name": window.name, "zone": got.zone, "decided_by": got.decided_by,
            "attempts": got.attempts, "case_id": got.case_id or None,
            "text": announce.call_text(got.number, window)})
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from sync import queue
    from sync.replica import Replica

    if _no_replica(args.data_dir):
        return 2
    reached = _exchange(args.data_dir, push=True)
    with Replica.in_dir(args.data_dir) as r:
        out = queue.status(r, _now().date().isoformat())
    out["server"] = {"reachable": reached}
    _print(out)
    return 0
