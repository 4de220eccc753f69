"""On a hall node: applying what the upstream answered and sent, one writer transaction each.

- Push answers: each forwarded event gets the upstream's seq and verdict (`a`/`c`), or is
  marked refused (`r`); a notice tells the hall what was refused and why.
- Pull pages: events of the scope that came from elsewhere (the back office, the city's
  conflict notices, terminals enrolled upstream) are stored with their upstream seq; the
  node's own forwarded events that the upstream re-emitted get their new seq and verdict;
  reference rows get fresh change seqs here so the node's terminals pull them; hall rows
  update the tree; the cursor moves in the same transaction.

Either way the touched streams are re-ordered (server.canon), so the node's terminals fold
them in the upstream's order. Nothing received may stop the node: an event it cannot
read is kept out of its stream, reported, and the rest goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from domain import events as ev
from server import admin, canon, db, halls, push
from server.auth import now_iso
from sync import wire

log = logging.getLogger(__name__)

FROM_UPSTREAM = "upstream"  # events.pushed_by of what the node got by pulling
VERDICTS = {"a": "applied", "c": "conflict"}


def record_answers(conn: sa.Connection, rows: Sequence[Any],
                   results: Sequence[tuple[int | None, str, str | None]]) -> dict[str, int]:
    """The upstream's answer to one forwarded batch (rows = the events sent, in order)."""
    if len(rows) != len(results):
        raise ValueError("answer and batch differ in length")
    e = db.events
    refused, touched, done = [], set(), {"confirmed": 0, "refused": 0}
    for r, (seq, letter, reason) in zip(rows, results, strict=True):
        touched.add(r.case_id)
        if letter in VERDICTS and seq is not None:
            conn.execute(e.update().where(e.c.id == r.id).values(
                up_seq=seq, up_verdict=VERDICTS[letter], up_note=None))
            done["confirmed"] += 1
        else:  # r, R or an answer we cannot read: out of the stream, said out loud
            note = (reason or "refused")[:500]
            conn.execute(e.update().where(e.c.id == r.id).values(
                up_verdict=canon.REFUSED, up_note=note))
            refused.append((r, note))
            done["refused"] += 1
    canon.reorder(conn, touched)
    if refused:
        _refusal_notice(conn, refused)
    return done


def apply_page(conn: sa.Connection, page: Mapping[str, Any]) -> dict[str, int]:
    """One upstream pull page and its cursor (writer transaction)."""
    rows = wire.unpack_events(page["events"]) if page.get("events") else []
    hall_of = wire.unpack_values(page.get("eh"), len(rows)) if rows else []
    touched: set[str] = set()
    got = {"events": 0, "moved": 0, "ref": 0}
    known = _known(conn, [r["id"] for r in rows])
    e = db.events
    new, bad = [], []
    for r, hall in zip(rows, hall_of, strict=True):
        verdict = r.get("verdict") or "applied"
        up = {"up_seq": r.get("server_seq"), "up_verdict": verdict}
        if r["id"] in known:
            conn.execute(e.update().where(e.c.id == r["id"]).values(**up))
            got["moved"] += 1
        else:
            try:
                ok = push.validate(r)
            except push.Refusal as exc:  # a newer upstream's kind, say: kept out, reported
                up = {**up, "up_verdict": canon.REFUSED, "up_note": f"quarantined: {exc.reason}"}
                try:
                    ok = ev.Event.from_wire({**r, "payload": r.get("payload")
                                             if isinstance(r.get("payload"), dict) else {}})
                except (KeyError, TypeError, ValueError):
                    log.error("unreadable event from upstream skipped: %s", exc.reason)
                    continue
                bad.append((ok, exc.reason))
            new.append((ok, hall, up))
        touched.add(r["case_id"])
    new = _without_clashes(conn, new)
    if new:
        first, now = db.next_seqs(conn, len(new)), now_iso()
        conn.execute(e.insert(), [
            {**push._event_row(x, first + i, up["up_verdict"], hall, FROM_UPSTREAM, now), **up}
            for i, (x, hall, up) in enumerate(new)])
        got["events"] = len(new)
    own = page.get("own")
    if own:
        ids, seqs, letters = wire.unpack_ids(own["ids"]), wire.unpack_seqs(own["s"]), own["v"]
        for i, (eid, seq) in enumerate(zip(ids, seqs, strict=True)):
            verdict = VERDICTS.get(letters[i], canon.REFUSED)
            res = conn.execute(e.update().where(e.c.id == eid).values(
                up_seq=None if verdict == canon.REFUSED else seq, up_verdict=verdict))
            if res.rowcount:
                touched.update(x[0] for x in conn.execute(
                    sa.select(e.c.case_id).where(e.c.id == eid)))
        got["moved"] += len(ids)
    got["ref"] = _store_reference(conn, page.get("ref") or [])
    canon.reorder(conn, touched)
    if bad:
        _refusal_notice(conn, [(x, f"本节点无法识别（{why}），请升级一窗程序") for x, why in bad],
                        by_upstream=False)
    db.set_node_meta(conn, {"cursor": str(int(page["cursor"]))})
    return got


def _known(conn: sa.Connection, ids: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for i in range(0, len(ids), 500):
        out.update(r[0] for r in conn.execute(
            sa.select(db.events.c.id).where(db.events.c.id.in_(ids[i:i + 500]))))
    return out


def _without_clashes(conn: sa.Connection, new: list[tuple[Any, str, dict]]
                     ) -> list[tuple[Any, str, dict]]:
    """Drop (and log) an event whose (terminal, seq) this node holds under another id.

    It cannot happen while every terminal syncs through one server; if it ever does, the
    page must still apply — one event is not worth a hall whose sync stops for good.
    """
    e, out, seen = db.events, [], set()
    by_tid: dict[str, list[int]] = {}
    for x, _, _ in new:
        by_tid.setdefault(x.terminal_id, []).append(x.terminal_seq)
    taken = set()
    for tid, seqs in by_tid.items():
        for i in range(0, len(seqs), 500):
            taken.update((tid, int(r[0])) for r in conn.execute(sa.select(e.c.terminal_seq).where(
                e.c.terminal_id == tid, e.c.terminal_seq.in_(seqs[i:i + 500]))))
    for item in new:
        key = (item[0].terminal_id, item[0].terminal_seq)
        if key in taken or key in seen:
            log.error("event %s from upstream clashes with terminal %s seq %s here; skipped",
                      item[0].id, *key)
            continue
        seen.add(key)
        out.append(item)
    return out


def _store_reference(conn: sa.Connection, items: Sequence[Sequence[Any]]) -> int:
    """Reference rows of the scope, re-numbered here so the node's terminals pull them."""
    rows, hall_rows = [], []
    for hall, kind, rid, data in items:
        rows.append((str(hall), str(kind), str(rid), data))
        if kind == "hall" and isinstance(data, Mapping) and hall != db.ALL_HALLS:
            hall_rows.append((str(hall), data))
    halls.store_pulled(conn, hall_rows)  # before the rows: a new hall exists for its codes
    return admin.set_reference(conn, rows)


def _refusal_notice(conn: sa.Connection, refused: Sequence[tuple[Any, str]], *,
                    by_upstream: bool = True) -> None:
    """One notice per hall for what the upstream refused (or this node could not read),
    raised as the node's own pseudo-terminal so it travels like any notice. No personal
    data: kinds, terminals and reasons only."""
    by_hall: dict[str, list[tuple[Any, str]]] = {}
    for r, why in refused:
        hall = getattr(r, "hall_code", None) or _hall_of(conn, r.case_id)
        if hall:
            by_hall.setdefault(hall, []).append((r, why))
    for hall, items in by_hall.items():
        r0, why0 = items[0]
        who = "上级服务器拒绝了" if by_upstream else "本节点收到"
        text = (f"{who}{len(items)}条记录（如终端{r0.terminal_id[:8]}的「{r0.kind}」：{why0}），"
                "这些记录已从办件中撤下，请核实处理")
        payload = {"topic": "quarantine", "text": text[:1900], "case_id": r0.case_id,
                   "event_id": r0.id,
                   "detail": {"events": [x.id for x, _ in items[:50]],
                              "reasons": sorted({w for _, w in items})[:10]}}
        canon.raise_notice(conn, hall, payload)
        log.warning("%s: %d events refused/quarantined (%s)", hall, len(items), why0)


def _hall_of(conn: sa.Connection, case_id: str) -> str | None:
    return conn.execute(sa.select(db.events.c.hall_code).where(
        db.events.c.case_id == case_id).limit(1)).scalar_one_or_none()


def pending(conn: sa.Connection, limit: int) -> list[Any]:
    """Events waiting for the upstream, in the order this node received them."""
    e = db.events
    return list(conn.execute(sa.select(e).where(e.c.up_seq.is_(None), e.c.up_verdict.is_(None))
                             .order_by(sa.func.coalesce(e.c.first_seq, e.c.server_seq))
                             .limit(limit)))


def pending_count(conn: sa.Connection) -> int:
    e = db.events
    return int(conn.execute(sa.select(sa.func.count()).select_from(e).where(
        e.c.up_seq.is_(None), e.c.up_verdict.is_(None))).scalar_one())


def wire_rows(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Forwarded events as the wire has them: original identity, the node's verdict."""
    out = []
    for r in rows:
        d = {c: getattr(r, c) for c in ("id", "case_id", "kind", "expected_state",
                                        "terminal_id", "staff_id", "window_id",
                                        "recorded_at", "verdict")}
        d["payload"] = json.loads(r.payload)
        d["terminal_seq"] = int(r.terminal_seq)
        out.append(d)
    return out
