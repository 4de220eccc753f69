"""The idle poll: a pull that finds nothing new, answered from one look-up.

Most of a province server's requests are terminals polling every few seconds and finding
nothing. Such a pull is answered from a single query — the change counter, the hall's
high-water mark (server.marks), the database's identity and newest start, and the
terminal's own row (revoked? its token still current? how far its pushes went) — with
no read of the change log and no page built. Whatever is unusual goes the full way
(`None`): a token this worker has not seen yet, a hall node, a cursor from the future, a
terminal whose view of the epoch differs from the database's, or anything new for the
hall. So the fast answer is exactly what the full pull would have said.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from server import auth, db, epoch
from server.contacts import Contacts
from server.tokens import TokenCache

CITY = {"role": "city", "reaches_city": True}


def _query(term_id: str, hall: str) -> sa.Select:
    m, t, c = db.hall_marks, db.terminals, db.counters
    mark = sa.select(sa.func.max(m.c.seq)).where(
        m.c.hall_code.in_((hall, db.ALL_HALLS))).scalar_subquery()
    db_id = sa.select(db.server_meta.c.value).where(
        db.server_meta.c.key == "db_id").scalar_subquery()
    boot = sa.select(sa.func.max(db.boots.c.started_at)).scalar_subquery()
    upstream = sa.select(db.node_meta.c.value).where(
        db.node_meta.c.key == "upstream_url").scalar_subquery()
    top = sa.select(c.c.value).where(c.c.name == "change_seq").scalar_subquery()
    return sa.select(top.label("top"), mark.label("mark"), db_id.label("db_id"),
                     boot.label("boot"), upstream.label("upstream"), t.c.token_hash,
                     t.c.revoked_at, t.c.max_seq, t.c.last_seen, t.c.version).where(
        t.c.id == term_id)


def answer(database: db.Database, tokens: TokenCache, contacts: Contacts, token: str,
           cursor: int, seen: epoch.Seen | None, version: str | None) -> dict[str, Any] | None:
    """The pull's answer when nothing is new for the terminal's hall, else None."""
    known = tokens.get(token)
    if known is None or known.terminal.role != "terminal":
        return None
    term = known.terminal
    with database.reader() as conn:
        row = conn.execute(_query(term.id, term.hall_code)).first()
    if row is None or row.token_hash != known.digest:  # re-enrolled: a new token
        return None
    if row.revoked_at is not None:
        tokens.drop(token)
        raise auth.AuthError("此终端已被管理员停用，请重新注册")
    top, mark = int(row.top), int(row.mark or 0)
    if row.upstream is not None or cursor > top or mark > cursor:
        return None
    if seen is not None and (seen.db != row.db_id or (seen.boot and seen.boot != row.boot)
                             or seen.seq > top or seen.own > int(row.max_seq)):
        return None  # the full pull's epoch check decides (server.epoch)
    contacts.note(term.id, version, stored=row.last_seen, stored_version=row.version)
    return {"cursor": top, "more": False, "events": None, "own": None, "ref": [],
            "notices": [], "server": CITY,
            "epoch": {"db": row.db_id, "top": top, "boot": row.boot or ""}}
