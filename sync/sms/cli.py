"""`yichuang sms run|reply|status`: the SMS rating channel on the command line.

    sms run [--once] [--simulate DIR] [--interval S]   send invitations, read replies
    sms reply --folder DIR (--ref REF | --phone NUMBER) TEXT   the simulator's citizen
    sms status                                          the queue and the replies

`run` uses the hall's gateway (its hall record's URL; the key from YICHUANG_SMS_KEY or
the file `sms-key` in the data folder), or the folder simulator with --simulate.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import time

KEY_ENV, KEY_FILE = "YICHUANG_SMS_KEY", "sms-key"


def add_commands(sub: argparse._SubParsersAction) -> None:
    sms = sub.add_parser("sms", help="好差评 by SMS: invitations after issue, replies as ratings")
    ssub = sms.add_subparsers(dest="sms_command", metavar="WHAT", required=True)
    r = ssub.add_parser("run", help="send due invitations and read replies (this terminal)")
    r.add_argument("--once", action="store_true", help="one round, print JSON")
    r.add_argument("--simulate", type=pathlib.Path, metavar="DIR",
                   help="the folder simulator instead of the hall's gateway")
    r.add_argument("--interval", type=float, default=30.0)
    r.set_defaults(func=cmd_run)
    r.add_argument("--data-dir", type=pathlib.Path, default=argparse.SUPPRESS)
    p = ssub.add_parser("reply", help="simulator: a citizen's reply as a file")
    p.add_argument("--folder", type=pathlib.Path, required=True)
    p.add_argument("--ref", default="", help="the invitation answered (its file name)")
    p.add_argument("--phone", default="", help="or the number the reply comes from")
    p.add_argument("text", help="e.g. 1 (非常满意) … 5 (非常不满意), or words")
    p.set_defaults(func=cmd_reply)
    s = ssub.add_parser("status", help="the invitation queue and the replies, as JSON")
    s.set_defaults(func=cmd_status)
    s.add_argument("--data-dir", type=pathlib.Path, default=argparse.SUPPRESS)


def gateway_for(data_dir: pathlib.Path, settings, simulate: pathlib.Path | None):  # type: ignore[no-untyped-def]
    """The folder simulator, or the hall's HTTP gateway with this terminal's key."""
    from sync.sms.gateway import FolderGateway
    from sync.sms.http_gateway import HttpGateway

    if simulate is not None:
        return FolderGateway(simulate)
    if settings.gateway != "http" or not settings.url:
        raise SystemExit("错误: 本大厅未配置短信网关地址（yichuang admin hall sms），"
                         "或用 --simulate DIR 试运行")
    key = os.environ.get(KEY_ENV, "")
    key_file = data_dir / KEY_FILE
    if not key and key_file.exists():
        key = key_file.read_text("utf-8").strip()
    if not key:
        raise SystemExit(f"错误: 缺少短信网关密钥（环境变量 {KEY_ENV} 或数据目录下的 {KEY_FILE}）")
    return HttpGateway(settings.url, key)


def cmd_run(args: argparse.Namespace) -> int:
    import datetime as dt
    import logging

    from domain import events as ev
    from sync.replica import Replica
    from sync.sms import invitations
    from sync.store import CaseStore

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with Replica.in_dir(args.data_dir) as replica:
        settings = invitations.SmsSettings.of_hall(replica)
        gateway = gateway_for(pathlib.Path(args.data_dir), settings, args.simulate)
        store = CaseStore(replica)
        while True:
            try:
                report = invitations.run_once(store, gateway, dt.datetime.now(ev.CHINA_TZ))
            except Exception:  # a round that failed must not stop the hall's SMS service
                if args.once:
                    raise
                logging.getLogger(__name__).exception("SMS round failed; next in %ss",
                                                      args.interval)
                report = {}
            if args.once:
                print(json.dumps(report, ensure_ascii=False))
                return 0
            time.sleep(args.interval)


def cmd_reply(args: argparse.Namespace) -> int:
    from sync.sms.gateway import drop_reply

    try:
        path = drop_reply(args.folder, args.text, ref=args.ref, phone=args.phone)
    except ValueError:
        print("错误: 请用 --ref 指明回复哪条短信，或用 --phone 给出号码", file=sys.stderr)
        return 2
    print(path)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from sync.replica import Replica
    from sync.sms import invitations

    with Replica.in_dir(args.data_dir) as replica:
        print(json.dumps(invitations.status(replica), ensure_ascii=False))
    return 0
