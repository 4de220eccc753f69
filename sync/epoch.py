"""The terminal's side of the server's epoch (server.epoch): what it tells the server it
was told, and what it does when the server lost history.

The header says `db;seen;own;boot`: the server database's id, the highest server seq
this terminal holds, the highest of its own terminal seqs the server confirmed, and the
newest server start it was told of. When the server answers 409 `restored` with a fork
point, `recover` forgets every server seq above the fork — its own events go back into
the outbox (the server dedupes by id, so what it still has is simply confirmed again),
the others wait to be pulled again — moves the cursor back to the fork, and raises a
`server_restored` notice for the supervisor. One transaction: a crash leaves all or none.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from domain import notices as dn
from sync import notices, store, wire
from sync.replica import Replica
from sync.stored_ids import TERMINAL_NO, terminal_id_of

log = logging.getLogger(__name__)

LOST = "lost_on_server"  # kept, out of every fold: the server lost it and cannot resend it


def header(replica: Replica) -> str | None:
    """The X-Yichuang-Seen value, or None before the terminal knows the server's id."""
    db = replica.get_meta("server_db")
    if not db:
        return None
    me = replica.get_meta("terminal_id") or ""
    c = replica.conn
    top = c.execute("SELECT MAX(server_seq) FROM events").fetchone()[0] or 0
    seen = max(int(replica.get_meta("cursor") or 0), int(top))
    own = c.execute(f"SELECT terminal_seq FROM events WHERE terminal = {TERMINAL_NO} AND "
                    "server_seq IS NOT NULL ORDER BY terminal_seq DESC LIMIT 1",
                    (me,)).fetchone()
    boot = replica.get_meta("server_boot") or ""
    return f"{db};{seen};{own[0] if own else 0};{boot}"


def note(replica: Replica, epoch: Mapping[str, Any] | None) -> None:
    """Remember the server's identity and newest start from an answer."""
    if not isinstance(epoch, Mapping):
        return
    db, boot = epoch.get("db"), epoch.get("boot")
    with replica.transaction():
        if isinstance(db, str) and db and replica.get_meta("server_db") != db:
            replica.set_meta("server_db", db)
        if isinstance(boot, str) and boot and boot > (replica.get_meta("server_boot") or ""):
            replica.set_meta("server_boot", boot)


def recover(replica: Replica, info: Mapping[str, Any]) -> dict[str, int]:
    """Forget what the server no longer has above `fork`; re-send ours; tell the hall."""
    fork = max(0, int(info.get("fork") or 0))
    me = replica.get_meta("terminal_id") or ""
    c = replica.conn
    with replica.transaction():
        rows = c.execute("SELECT unpack_id(e.id) AS id, unpack_id(e.case_id) AS case_id, "
                         f"{terminal_id_of('e.terminal')} AS terminal_id, e.terminal_seq "
                         "FROM events e WHERE e.server_seq > ?", (fork,)).fetchall()
        own = [r for r in rows if r["terminal_id"] == me]
        # what the server wrote itself (a conflict notice, a back-office decision) and
        # lost cannot come again from anyone: kept here, out of the folds, and reported
        authored = [r for r in rows if wire.server_authored(r["terminal_id"])]
        c.executemany("UPDATE events SET verdict=? WHERE id = pack_id(?)",
                      [(LOST, r["id"]) for r in authored])
        c.execute("UPDATE events SET server_seq=NULL, verdict=NULL WHERE server_seq > ? "
                  "AND (verdict IS NULL OR verdict NOT IN ('quarantined', ?))", (fork, LOST))
        c.execute("UPDATE events SET server_seq=NULL WHERE server_seq > ?", (fork,))
        c.executemany("INSERT OR IGNORE INTO outbox (event_id, terminal_seq, queued_at) "
                      "VALUES (pack_id(?), ?, datetime('now'))",
                      [(r["id"], r["terminal_seq"]) for r in own])
        cursor = replica.get_meta("cursor")
        if cursor is not None and int(cursor) > fork:
            replica.set_meta("cursor", str(fork))
        if isinstance(info.get("db"), str):
            replica.set_meta("server_db", info["db"])
        if isinstance(info.get("boot"), str):
            replica.set_meta("server_boot", info["boot"])
        store.project(replica, {r["case_id"] for r in rows})
        lost = (f"服务器丢失了{len(authored)}条后台记录（审批、冲突提醒），已在本机保留，"
                "请在后台重新处理。" if authored else "")
        notices.add(replica, dn.SERVER_RESTORED,
                    f"服务器的数据比本终端已知的旧（可能由备份恢复）：本终端已重新发送"
                    f"{len(own)}条记录，并从第{fork}号起重新同步。{lost}请核对最近的办件。",
                    detail={"fork": fork, "resent": len(own), "forgotten": len(rows),
                            "server_lost": [r["id"] for r in authored][:50],
                            "reason": str(info.get("reason", ""))})
    log.warning("server lost history above seq %d: %d of our events go out again, "
                "%d others wait to be pulled again", fork, len(own), len(rows) - len(own))
    return {"fork": fork, "resent": len(own), "forgotten": len(rows)}
