"""The outbox: what this terminal still has to tell the server, and what it answered.

An outbox row goes only when the server's answer for its event has been recorded, in
the same transaction; a lost answer means the event goes again and the server's dedupe
answers it once more.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from domain.events import Event
from sync.projection import EVENT_SELECT
from sync.replica import Replica
from sync.store import event_from_row
from sync.stored_ids import NOTE_TERMINAL, TERMINAL_NO

log = logging.getLogger(__name__)


def pending(replica: Replica, limit: int) -> list[Event]:
    """The oldest `limit` events waiting to go out, in the order they were made."""
    rows = replica.conn.execute(
        f"SELECT {EVENT_SELECT} FROM outbox o JOIN events e ON e.id = o.event_id "
        "ORDER BY o.terminal_seq LIMIT ?", (limit,)).fetchall()
    return [event_from_row(r) for r in rows]


def confirmed_through(replica: Replica, terminal_id: str) -> int:
    """The terminal seq up to which this terminal holds the server's verdict on every one
    of its own events (nothing of its own at or below it waits in the outbox). A pull
    says so (`own`), and the server leaves those verdicts out of its pages: the push
    answers brought them. An answer that was lost leaves its events in the outbox, so
    their verdicts still come with the next pull."""
    c = replica.conn
    low = c.execute("SELECT MIN(e.terminal_seq) FROM outbox o JOIN events e ON e.id = "
                    f"o.event_id WHERE e.terminal = {TERMINAL_NO}", (terminal_id,)).fetchone()[0]
    if low is not None:
        return max(0, int(low) - 1)
    top = c.execute(f"SELECT MAX(terminal_seq) FROM events WHERE terminal = {TERMINAL_NO}",
                    (terminal_id,)).fetchone()[0]
    return int(top or 0)


def count(replica: Replica) -> int:
    return replica.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]


def oldest_age(replica: Replica, now: dt.datetime) -> float | None:
    """Seconds since the oldest waiting event was queued (its terminal's clock)."""
    row = replica.conn.execute("SELECT MIN(queued_at) FROM outbox").fetchone()
    if not row or not row[0]:
        return None
    try:
        return max(0.0, (now - dt.datetime.fromisoformat(row[0])).total_seconds())
    except (ValueError, TypeError):
        return None


def record_answers(replica: Replica, events: Sequence[Event],
                   results: Sequence[tuple[int | None, str, str | None]]) -> dict[str, Any]:
    """Store the server's answer per event and drop answered outbox rows (one transaction).

    Applied/conflict: the event gets its server seq. Refused for good: marked refused
    (it no longer counts in the case) and dropped. `R` (restored backup): kept for after
    re-enrolment. `cases`: the streams answered for; `changed`: those of them whose row
    the answer changes (a conflict or a refusal: the others fold as they did pending).
    """
    out: dict[str, Any] = {"confirmed": 0, "refused": 0, "conflicts": 0, "reenrol": None,
                           "cases": set(), "changed": set()}
    with replica.transaction() as c:
        for e, (seq, letter, reason) in zip(events, results, strict=True):
            if letter in ("a", "c"):
                c.execute("UPDATE events SET server_seq=?, verdict=?, refusal=NULL "
                          "WHERE id = pack_id(?)",
                          (seq, "conflict" if letter == "c" else "applied", e.id))
                c.execute("DELETE FROM outbox WHERE event_id = pack_id(?)", (e.id,))
                out["confirmed"] += 1
                out["conflicts"] += letter == "c"
                if letter == "c":
                    out["changed"].add(e.case_id)
            elif letter == "R":
                c.execute("UPDATE outbox SET attempts=attempts+1, last_error=? "
                          "WHERE event_id = pack_id(?)", (reason, e.id))
                out["reenrol"] = reason
                continue
            else:
                log.warning("event refused by the server: %s", reason)
                c.execute("UPDATE events SET verdict='refused', refusal=? "
                          "WHERE id = pack_id(?)", (reason or "refused", e.id))
                c.execute("DELETE FROM outbox WHERE event_id = pack_id(?)", (e.id,))
                out["refused"] += 1
                out["changed"].add(e.case_id)
            out["cases"].add(e.case_id)
    return out


def restamp(replica: Replica, terminal_id: str) -> int:
    """After re-enrolment: pending events take the new identity and new terminal seqs.

    They were never accepted under the old identity (that is why we re-enrolled), so
    nobody else knows their old numbers; their ids stay, so any the server does know
    are still recognised by id.
    """
    with replica.transaction() as c:
        # (the ids as stored: they go back into the tables as they came out)
        rows = c.execute("SELECT event_id FROM outbox ORDER BY terminal_seq").fetchall()
        c.execute("UPDATE outbox SET terminal_seq = -terminal_seq")
        c.execute(NOTE_TERMINAL, (terminal_id,))
        for (event_id,) in rows:
            seq = replica.next_counter(f"seq:{terminal_id}")
            c.execute(f"UPDATE events SET terminal = {TERMINAL_NO}, terminal_seq=? WHERE id=?",
                      (terminal_id, seq, event_id))
            c.execute("UPDATE outbox SET terminal_seq=?, last_error=NULL WHERE event_id=?",
                      (seq, event_id))
    return len(rows)

