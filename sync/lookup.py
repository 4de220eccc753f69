"""Cases this terminal no longer keeps, fetched from the server when someone asks.

A counter keeps closed cases in full for its hall's retention window, then as rows only
(sync.compaction), and a new terminal starts with the last month (the snapshot). The
search box finds what the rows still hold; for the rest — and to open a case kept as a
row only — the counter asks the server (server.lookup) and stores what comes back like
a pull page: the events, then the streams' rows rebuilt from them.

`fetch` is network only (the counter runs it on its I/O lane); `store` writes (its
writer lane), so the replica keeps its one writer.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterable, Mapping
from typing import Any

import requests

from sync import apply, quarantine, token_store, transport, wire
from sync import store as case_store
from sync.replica import ENROLLED, Replica

TIMEOUT = (5.0, 20.0)


def can_ask(replica: Replica) -> bool:
    """Whether there is a server to ask (an enrolled terminal)."""
    return replica.get_meta("mode") == ENROLLED and bool(replica.get_meta("server_url"))


def askable(text: str) -> bool:
    """Whether the server can look a search text up: a case or slip number, or an ID
    number (it keeps no names to search by)."""
    from domain import idnumber, numbering

    t = text.strip()
    return numbering.looks_like_number(t) or len(idnumber.normalize(t)) == 18


def fetch(data_dir: pathlib.Path | str, text: str = "", ids: Iterable[str] = (),
          session: requests.Session | None = None) -> dict[str, Any]:
    """The server's answer for a search text or stream ids (Offline / SyncRefused when
    it cannot be asked or says no)."""
    with Replica.in_dir(data_dir) as r:
        if not can_ask(r):
            raise transport.Offline("本终端未连接服务器")
        url = (r.get_meta("server_url") or "").rstrip("/")
        token = token_store.load(r) or ""
    params: list[tuple[str, str]] = [("q", text)] if text else []
    params += [("id", i) for i in ids]
    own = session is None
    s = session or requests.Session()
    try:
        return transport.call(s, "GET", url + "/api/v1/sync/lookup", token, timeout=TIMEOUT,
                              params=params)
    finally:
        if own:
            s.close()


def store(replica: Replica, answer: Mapping[str, Any]) -> int:
    """Keep what the server sent: its events, and the streams' rows rebuilt from them
    (whole again, so not marked as kept-as-row-only). Returns the streams stored."""
    rows = wire.unpack_events(answer["events"]) if answer.get("events") else []
    found = [s for s in answer.get("streams") or [] if isinstance(s, str)]
    with replica.transaction() as c:
        cases, bad = apply._upsert_events(replica, rows)
        for table in ("cases", "tickets"):  # whole again: rebuilt below from every event
            c.executemany(f"UPDATE {table} SET compacted=0 WHERE id=?",
                          [(s,) for s in found])
        if cases:
            bad += quarantine.project(replica, cases, case_store.calendar_of(replica))
        quarantine.report(replica, bad)
    return len(found)
