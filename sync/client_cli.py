"""`yichuang enroll` and `yichuang sync`: the client side on the command line."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys

MAX_ROUNDS = 20


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("enroll", help="enrol this terminal with a sync server")
    p.add_argument("--server", default=None,
                   help="e.g. http://10.0.0.5:8470 (default when re-enrolling: the current one)")
    p.add_argument("--code", required=True, help="one-time enrolment code from the admin")
    p.add_argument("--name", default="", help="a name for this terminal (optional)")
    p.add_argument("--force", action="store_true",
                   help="re-enrol an enrolled terminal: its old token is revoked, pending "
                        "records are kept and go out under the new identity")
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser("sync", help="sync this terminal with its server")
    p.add_argument("--once", action="store_true",
                   help="sync until nothing is left (or the server is unreachable), print JSON")
    p.add_argument("--interval", type=float, default=5.0,
                   help="seconds between rounds when not --once")
    p.set_defaults(func=cmd_sync)


def cmd_enroll(args: argparse.Namespace) -> int:
    from sync.enrol import EnrolError, enrol

    try:
        got = enrol(args.data_dir, args.server, args.code, name=args.name, force=args.force)
    except EnrolError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 1
    print(json.dumps({"terminal_id": got.terminal_id, "terminal_code": got.terminal_code,
                      "hall": got.hall_code, "hall_name": got.hall_name,
                      "restamped": got.restamped}, ensure_ascii=False))
    return 0


def sync_once(data_dir) -> dict:  # type: ignore[no-untyped-def]
    """Rounds until one pushes and pulls nothing, or a failure; the figures as a dict."""
    from sync.client import Offline, SyncClient, SyncRefused
    from sync.lock import LockBusy, sync_lock

    out = {"pushed": 0, "pulled": 0, "pending": 0, "conflicts": 0, "new_conflicts": 0,
           "refused": 0, "cursor": 0, "requests": 0, "bytes_up": 0, "ok": False}
    client = SyncClient(data_dir)
    try:
        if not client.enrolled:
            out["error"] = "此终端尚未注册（yichuang enroll）"
            return out
        try:
            with sync_lock(data_dir).acquire(timeout=30):
                for _ in range(MAX_ROUNDS):
                    rep = client.sync_round()
                    for k in ("pushed", "pulled", "refused"):
                        out[k] += getattr(rep, k)
                    out["new_conflicts"] += rep.conflicts
                    # pull drains every page; only events written meanwhile need a round more
                    if not rep.pushed or not client.status().pending:
                        break
            out["ok"] = True
        except (Offline, SyncRefused, LockBusy) as exc:
            out["error"] = str(exc)
        st = client.status()
        out["pending"], out["cursor"] = st.pending, st.cursor
        out["requests"], out["bytes_up"] = client.requests, client.bytes_up
        out["conflicts"] = client.replica.conn.execute(
            "SELECT COUNT(*) FROM events WHERE verdict='conflict'").fetchone()[0]
        if client.clock_skew is not None:
            out["clock_skew_s"] = round(client.clock_skew, 1)
        return out
    finally:
        client.close()


def cmd_sync(args: argparse.Namespace) -> int:
    if args.once:
        out = sync_once(args.data_dir)
        print(json.dumps(out, ensure_ascii=False))
        return 0 if out["ok"] else 1
    import logging
    import signal
    import threading

    from sync.worker import SyncWorker

    logging.basicConfig(level=logging.INFO)
    done = threading.Event()
    worker = SyncWorker(args.data_dir, lambda s: print(json.dumps(
        {"online": s.online, "pending": s.pending, "cursor": s.cursor,
         "error": s.last_error}, ensure_ascii=False), flush=True), interval=args.interval)
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    worker.start()
    with contextlib.suppress(KeyboardInterrupt):
        done.wait()
    worker.stop()
    return 0
