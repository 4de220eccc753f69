"""`yichuang admin --db URL queue-rules --hall CODE [--file F]`: a hall's queue rules.

The rules are reference data of the hall (domain.queue_rules): set here, they travel to
every terminal of the hall with its next pull. Without `--file` the command prints the
rules the hall has now (the defaults where it has none). A file is checked by the same
code the terminals use, so a typo is refused here with the key's name, never pulled.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_commands(asub: argparse._SubParsersAction) -> None:
    q = asub.add_parser("queue-rules", help="show or set a hall's queue rules (JSON)")
    q.add_argument("--hall", required=True)
    q.add_argument("--file", default=None, help="a JSON file of rules to set")
    q.set_defaults(func=cmd_queue_rules)


def cmd_queue_rules(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from domain import queue_rules as qr
    from server import admin, db
    from server.cli import _fail, _open

    database = _open(args)
    if args.file:
        try:
            with open(args.file, encoding="utf-8") as f:
                data = json.load(f)
            rules = qr.rules_from_dict(data)
        except (OSError, ValueError) as exc:
            return _fail(f"叫号规则文件无法使用: {exc}")
        with database.writer() as conn:
            if not admin.hall_exists(conn, args.hall):
                return _fail(f"没有这个大厅: {args.hall}")
            admin.set_reference(conn, [(args.hall, qr.REFERENCE_KIND, qr.REFERENCE_ID,
                                        rules.to_dict())])
    r = db.reference
    with database.reader() as conn:
        row = conn.execute(sa.select(r.c.data).where(
            r.c.hall_code == args.hall, r.c.kind == qr.REFERENCE_KIND,
            r.c.id == qr.REFERENCE_ID)).first()
    try:
        rules = qr.rules_from_dict(json.loads(row.data) if row and row.data else None)
    except qr.InvalidQueueRules as exc:
        print(f"注意: 大厅现有的叫号规则无法使用（{exc}），终端按默认规则叫号", file=sys.stderr)
        rules = qr.QueueRules()
    print(json.dumps({"hall": args.hall, "rules": rules.to_dict()}, ensure_ascii=False))
    return 0
