"""`yichuang admin --db URL stats [--hall CODE]`: what a server holds, as JSON.

The same counts on the city and on a node, so a test (or an administrator) compares them
directly: with `--hall`, that hall and every hall below it — a node's whole scope when
given its hall. On a node also what waits for the WAN (`upstream_pending`).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from server import db, halls, nodeinfo


def stats(conn: sa.Connection, hall: str | None = None) -> dict[str, Any]:
    """Counts for the whole database, or for `hall` and those below it."""
    e, c, t = db.events, db.cases, db.terminals
    scope: list[str] | None = None
    if hall is not None:
        if hall not in halls.parents(conn):
            raise LookupError(f"没有这个大厅: {hall}")
        scope = halls.scope(conn, hall)

    def where(col: Any) -> Any:
        return col.in_(scope) if scope is not None else sa.true()

    def count(table: sa.Table, *conds: Any) -> int:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table).where(*conds))
                   .scalar_one())

    kept = e.c.verdict != "refused"  # refused upstream: it left its stream
    out: dict[str, Any] = {
        "hall": hall, "halls": len(scope) if scope is not None else len(halls.parents(conn)),
        "events": count(e, where(e.c.hall_code), kept),
        "conflicts": count(e, where(e.c.hall_code), e.c.verdict == "conflict"),
        "cases": count(c, where(c.c.hall_code), c.c.stream == "case"),
        "streams": count(c, where(c.c.hall_code)),
        "terminals": count(t, where(t.c.hall_code), t.c.role == "terminal",
                           t.c.revoked_at.is_(None)),
        "nodes": count(t, where(t.c.hall_code), t.c.role == "node", t.c.revoked_at.is_(None)),
        "role": "city",
    }
    st = nodeinfo.status(conn)
    if st["role"] == "node":
        out.update({"role": "node", "upstream": st.get("upstream"),
                    "upstream_pending": count(e, where(e.c.hall_code), e.c.up_seq.is_(None),
                                              e.c.up_verdict.is_(None)),
                    "upstream_refused": count(e, where(e.c.hall_code),
                                              e.c.up_verdict == "refused"),
                    "upstream_last_contact": st.get("city_contact"),
                    "reaches_city": st.get("reaches_city")})
    return out
