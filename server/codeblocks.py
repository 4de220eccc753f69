"""Terminal codes, unique across the whole tree of servers.

A terminal's 4-digit code goes into every case and slip number it makes, so two
terminals of one city must never share one — even when one was enrolled at a township
node while the WAN was down. The root hands out codes from the whole range; when it
enrols a hall node it gives the node a *block* of codes, which it never hands out again.
A node gives its terminals codes from its block only, and the nodes below it smaller
blocks cut from it.
"""

from __future__ import annotations

import sqlalchemy as sa

from server import db

FIRST, LAST = 1001, 8999  # 9xxx is for standalone terminals
SELF = "self"  # code_blocks.holder of the block this server was given by its upstream


class CodesExhausted(RuntimeError):
    """No terminal code is left in the range (or in this node's block)."""


def _taken(conn: sa.Connection) -> set[str]:
    return {r[0] for r in conn.execute(sa.select(db.terminals.c.code))}


def _own_block(conn: sa.Connection) -> list[str] | None:
    """This node's block, or None on the root (which owns the whole range)."""
    b = db.code_blocks
    if db.get_node_meta(conn, "node_id") is None:
        return None
    return sorted(r[0] for r in conn.execute(sa.select(b.c.code).where(b.c.holder == SELF)))


def _free(conn: sa.Connection, n: int) -> list[str]:
    taken = _taken(conn)
    block = _own_block(conn)
    if block is not None:
        free = [c for c in block if c not in taken]
        if len(free) < n:
            raise CodesExhausted(f"本节点的终端编码已用完（{len(block)} 个），"
                                 "请向上级服务器申请新的节点注册码并加大 --terminals")
        return free[:n]
    taken |= {r[0] for r in conn.execute(sa.select(db.code_blocks.c.code))}
    start = db.next_seqs(conn, 1, "terminal_code") - 1  # spread codes, as before blocks
    span = LAST - FIRST + 1
    out = []
    for i in range(span):
        code = f"{FIRST + (start + i) % span:04d}"
        if code not in taken:
            out.append(code)
            if len(out) == n:
                return out
    raise CodesExhausted("终端编码已用完")


def check_free(conn: sa.Connection, n: int) -> None:
    """CodesExhausted unless `n` codes are free here now (none is taken by asking)."""
    _free(conn, n)


def free_terminal_code(conn: sa.Connection) -> str:
    """The code for a terminal enrolling here now (writer transaction)."""
    return _free(conn, 1)[0]


def allot_block(conn: sa.Connection, holder: str, n: int) -> list[str]:
    """Give `n` codes to the node `holder` enrolling here (writer transaction)."""
    codes = _free(conn, n)
    b = db.code_blocks
    if _own_block(conn) is not None:
        conn.execute(b.update().where(b.c.code.in_(codes)).values(holder=holder))
    else:
        conn.execute(b.insert(), [{"code": c, "holder": holder} for c in codes])
    return codes


def keep_own_block(conn: sa.Connection, codes: list[str]) -> None:
    """On a node, once enrolled: the block its upstream gave it."""
    b = db.code_blocks
    conn.execute(b.delete().where(b.c.holder == SELF))
    conn.execute(b.insert(), [{"code": str(c), "holder": SELF} for c in codes])
