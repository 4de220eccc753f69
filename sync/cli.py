"""Sub-commands of the replica side: demo data, stats (sync and enrol come with the client)."""

from __future__ import annotations

import argparse
import json
import sys


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo-data", help="write N demo cases through the counter's code")
    p.add_argument("--cases", type=int, required=True)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("stats", help="print the replica's figures as JSON: counts, its size "
                                     "and the bytes an event kept in full costs")
    p.set_defaults(func=cmd_stats)

    try:
        from sync import client_cli, queue_cli
    except ImportError:
        return
    client_cli.add_commands(sub)
    queue_cli.add_commands(sub)


def cmd_demo_data(args: argparse.Namespace) -> int:
    from sync.demo_data import write_demo_cases
    from sync.replica import Replica

    if args.cases < 0:
        print("错误: --cases 不能为负数", file=sys.stderr)
        return 2
    with Replica.in_dir(args.data_dir) as replica:
        done = write_demo_cases(replica, args.cases, seed=args.seed)
    print(json.dumps(done, ensure_ascii=False))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from sync import sizes
    from sync.queries import counts
    from sync.replica import Replica

    with Replica.in_dir(args.data_dir) as replica:
        print(json.dumps({**counts(replica), **sizes.report(replica)}))
    return 0
