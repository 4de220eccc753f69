"""What a replica costs on disk, for `yichuang stats` and the benchmarks.

`bytes_per_event` is what an event kept in full costs: the `events` table and its
indexes (and the outbox's, while it waits, and the few rows of `terminals` its terminal
numbers stand for: sync.stored_ids), over the events kept. Its budget is BUDGET bytes
(docs: ARCHITECTURE, budgets). What a case costs however long it is kept
— its row in `cases` and in `figure_facts` with their indexes — is `bytes_per_case_row`;
whatever else the file holds (reference data, queue, notices) is in `size_bytes`.
Sizes are the database's own pages (SQLite's dbstat), the same however often asked.
"""

from __future__ import annotations

from typing import Any

from sync.replica import Replica

BUDGET = 300
EVENT_TABLES = ("events", "outbox", "terminals")
ROW_TABLES = ("cases", "figure_facts")


def _by_table(replica: Replica) -> dict[str, int]:
    """Bytes per table, its indexes counted with it."""
    c = replica.conn
    owner = {r[0]: r[1] for r in c.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")}
    out: dict[str, int] = {}
    try:
        rows = c.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    except Exception:  # an SQLite built without dbstat: the whole file, unattributed
        return {}
    for name, size in rows:
        table = owner.get(name, name)
        out[table] = out.get(table, 0) + int(size or 0)
    return out


def report(replica: Replica) -> dict[str, Any]:
    """The replica's size and what an event and a case row cost."""
    c = replica.conn
    page = c.execute("PRAGMA page_size").fetchone()[0]
    pages = c.execute("PRAGMA page_count").fetchone()[0]
    free = c.execute("PRAGMA freelist_count").fetchone()[0]
    events = c.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    packed = c.execute("SELECT COUNT(*) FROM events WHERE typeof(payload)='blob'").fetchone()[0]
    cases = c.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    kept_as_row = c.execute("SELECT COUNT(*) FROM cases WHERE compacted != 0").fetchone()[0]
    tables = _by_table(replica)
    ev_bytes = sum(tables.get(t, 0) for t in EVENT_TABLES)
    row_bytes = sum(tables.get(t, 0) for t in ROW_TABLES)
    per_event = round(ev_bytes / events, 1) if events and tables else None
    return {
        "size_bytes": page * pages, "free_bytes": page * free,
        "events_kept": events, "events_compressed": packed,
        "cases_in_full": cases - kept_as_row, "cases_as_row_only": kept_as_row,
        "bytes_per_event": per_event, "bytes_per_event_budget": BUDGET,
        "bytes_per_case_row": round(row_bytes / cases, 1) if cases and tables else None,
        "tables": dict(sorted(tables.items(), key=lambda kv: -kv[1])[:12]),
    }
