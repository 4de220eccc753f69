"""Applying what the server sent: a pull page or a snapshot, with its cursor, at once.

Events are upserted by id (a page may bring an event we already hold — our own pushed
under an old identity, or one the snapshot gave us), then the touched cases are
re-projected from confirmed events in server order with our pending ones on top. The
new cursor is written in the same transaction, so a crash replays the page at worst,
and replaying is harmless.

Nothing in a page may stop sync: a row that is not an event, or an event whose fold or
projection raises, is quarantined (sync.quarantine) and the rest of the page applied.
A server seq the server now gives to another event than ours (its history changed:
server.epoch) goes to the server's event; ours loses it and, if it is our own, goes out
again.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from sync import notices, quarantine, reference, store, wire
from sync.replica import Replica

log = logging.getLogger(__name__)


def _upsert_events(replica: Replica, rows: Iterable[Mapping[str, Any]]) -> tuple[set, list]:
    """Insert events we lack; confirm the ones we have. Returns the touched stream ids
    and the ids of rows quarantined because they could not be read."""
    from domain.events import Event

    c = replica.conn
    cases: set[str] = set()
    bad: list[str] = []
    for r in rows:
        try:
            e = Event.from_wire(r)
            if not isinstance(e.case_id, str) or not isinstance(e.id, str):
                raise TypeError("ids are not text")
            json.dumps(dict(e.payload))
        except Exception as exc:
            bad.append(quarantine.keep(replica, r, f"unreadable: {type(exc).__name__}"))
            continue
        verdict = r.get("verdict")
        cases.add(e.case_id)
        if e.server_seq is not None:
            _free_server_seq(replica, e.server_seq, e.id)
        if c.execute("SELECT 1 FROM events WHERE id=?", (e.id,)).fetchone():
            c.execute("UPDATE events SET server_seq=?, verdict=CASE WHEN verdict=? THEN "
                      "verdict ELSE ? END WHERE id=?",
                      (e.server_seq, quarantine.QUARANTINED, verdict, e.id))  # (a lost one
            # that the server has again is simply confirmed: its verdict is the server's)
            c.execute("DELETE FROM outbox WHERE event_id=?", (e.id,))
            continue
        try:
            store.insert_event(replica, e, outbox=False)
        except sqlite3.Error as exc:  # e.g. a (terminal, seq) we hold under another id
            bad.append(quarantine.keep(replica, r, f"cannot store: {exc}"))
            continue
        if verdict:
            c.execute("UPDATE events SET verdict=? WHERE id=?", (verdict, e.id))
    return cases, bad


def _free_server_seq(replica: Replica, seq: int, event_id: str) -> None:
    """The server gives `seq` to `event_id`: an event of ours holding it loses it (the
    server's history changed under us); our own goes out again."""
    c = replica.conn
    row = c.execute("SELECT id, terminal_id, terminal_seq FROM events WHERE server_seq=? "
                    "AND id != ?", (seq, event_id)).fetchone()
    if row is None:
        return
    c.execute("UPDATE events SET server_seq=NULL, verdict=NULL WHERE id=?", (row["id"],))
    if row["terminal_id"] == replica.get_meta("terminal_id"):
        c.execute("INSERT OR IGNORE INTO outbox (event_id, terminal_seq, queued_at) "
                  "VALUES (?,?,datetime('now'))", (row["id"], row["terminal_seq"]))
    log.warning("server seq %d now belongs to another event: ours is unconfirmed again", seq)


def _own_verdicts(replica: Replica, own: Mapping[str, Any] | None, me: str) -> tuple[set, bool]:
    """Verdicts on our own events; a fingerprint that does not match means a clone."""
    if not own:
        return set(), False
    c = replica.conn
    cases, clone = set(), False
    fp = own.get("f", "")
    for i, (tseq, sseq) in enumerate(zip(own["t"], own["s"], strict=True)):
        row = c.execute("SELECT id, case_id FROM events WHERE terminal_id=? AND terminal_seq=?",
                        (me, tseq)).fetchone()
        if row is None or (fp and not row["id"].endswith(fp[6 * i:6 * i + 6].strip())):
            clone = True  # the server has an event of ours we never made: a restored backup
            continue
        _free_server_seq(replica, sseq, row["id"])
        # `r`: a hall node's upstream refused it (issue 11): it leaves the stream here too
        verdict = {"c": "conflict", "r": "refused"}.get(own["v"][i], "applied")
        c.execute("UPDATE events SET server_seq=?, verdict=? WHERE id=?", (sseq, verdict,
                                                                          row["id"]))
        c.execute("DELETE FROM outbox WHERE event_id=?", (row["id"],))
        cases.add(row["case_id"])
    return cases, clone


def _ref_rows(items: Iterable[list[Any]]) -> list[tuple[str, str, dict]]:
    out = []
    for kind, rid, data in items:
        rec = dict(data) if data is not None else {"deleted": True}
        if kind == "item" and data is not None and not rec.get("initials"):
            rec["initials"] = reference.pinyin_initials(str(rec.get("name", "")))
        out.append((kind, rid, rec))
    return out


def _store_refs(replica: Replica, refs: list[tuple[str, str, dict]], *,
                replace_all: bool = False) -> None:
    """Store reference rows; a calendar change recomputes the deadlines it moves
    (inside the caller's transaction, so no projection is ever counted on old data)."""
    from sync import calendar

    before = calendar.load(replica) if any(k == calendar.KIND for k, _, _ in refs) else None
    reference.store_rows(replica, refs, replace_all=replace_all)
    if before is not None:
        calendar.reproject_changed(replica, before)


def apply_page(replica: Replica, page: Mapping[str, Any], me: str) -> dict[str, Any]:
    """One pull page and its cursor, in one transaction. Returns what it brought."""
    rows = wire.unpack_events(page["events"]) if page.get("events") else []
    with replica.transaction():
        cases, bad = _upsert_events(replica, rows)
        own_cases, clone = _own_verdicts(replica, page.get("own"), me)
        refs = _ref_rows(page.get("ref") or [])
        if refs:
            _store_refs(replica, refs)
        notices_in = notices.store_pulled(replica, page.get("notices") or [])
        if cases or own_cases:
            bad += quarantine.project(replica, cases | own_cases, store.calendar_of(replica))
        quarantine.report(replica, bad)
        replica.set_meta("cursor", str(int(page["cursor"])))
        if isinstance(page.get("server"), dict):  # which server, whether it reaches the city
            replica.set_meta("server_info", json.dumps(page["server"], ensure_ascii=False))
    return {"events": len(rows), "own": len(own_cases), "ref": len(refs),
            "notices": notices_in, "clone": clone, "cursor": int(page["cursor"]),
            "quarantined": len(bad)}


def apply_snapshot(replica: Replica, snap: Mapping[str, Any]) -> dict[str, Any]:
    """A snapshot: reference data replaced, live cases' events merged, cursor set."""
    rows = wire.unpack_events(snap["events"]) if snap.get("events") else []
    with replica.transaction():
        refs = _ref_rows(snap.get("ref") or [])
        _store_refs(replica, refs, replace_all=True)
        cases, bad = _upsert_events(replica, rows)
        notices_in = notices.store_pulled(replica, snap.get("notices") or [])
        if cases:
            bad += quarantine.project(replica, cases, store.calendar_of(replica))
        quarantine.report(replica, bad)
        replica.set_meta("cursor", str(int(snap["cursor"])))
    return {"events": len(rows), "ref": len(refs), "notices": notices_in,
            "cursor": int(snap["cursor"]), "quarantined": len(bad)}

