"""The sync wire format, shared by the client and the server.

A week offline is 2,000 events pushed over a 256 kbit/s link, so a batch is packed
column by column before gzip: what every event repeats (terminal id, offset, staff, kind)
is said once, numbers that count up travel as small deltas, an event id travels as its
millisecond delta plus its random part, a case id as a reference to the batch's table
of cases, and payloads share their key lists ("shapes") and a pool of values that repeat
(a service item's material checklist, its name). Packing is exact: unpacking gives back
the very dicts `Event.to_wire` made, key order included.

Packed values (payloads): scalars and strings are themselves; containers become lists
tagged by their first element: `[0, *items]` a list, `[1, i]` pool entry i,
`[2 + s, *values]` a dict with the keys of shape s.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from domain import ids
from domain.events import Event

# 2: the snapshot comes in pages (server.snapshot); a pull may say which own verdicts
# the terminal already holds (`own`). 3: ids in their compact form (`_uuid_col`), in
# pushes and, for a reader of 3, in pulls and snapshots. Clients of 1 and 2 still push
# and pull as they did.
PROTOCOL_VERSION = 3
COMPACT_IDS = 3
MIN_PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Yichuang-Protocol"
VERSION_HEADER = "X-Yichuang-Version"  # the program's version; the server shows it per terminal
SEEN_HEADER = "X-Yichuang-Seen"  # db:seen:restore:own — what the server told us (server.epoch)

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_POOL_MIN = 12  # shorter values cost gzip less than a pool reference


# pseudo-terminals the server writes as: itself (conflict notices) and the back office
SERVER_AUTHORS = ("srv-", "bo-")


def server_authored(terminal_id: str) -> bool:
    """An event the server wrote itself: no terminal can send it again if it is lost."""
    return terminal_id.startswith(SERVER_AUTHORS)


class WireError(ValueError):
    """A batch that cannot be unpacked: the whole request is malformed."""


# --- small column codecs ----------------------------------------------------------

def _dict_col(values: Sequence[Any]) -> dict[str, Any]:
    """Dictionary-encode a column; one distinct value travels once, with no index list."""
    table: dict[Any, int] = {}
    idx = [table.setdefault(v, len(table)) for v in values]
    out: dict[str, Any] = {"d": list(table)}
    if len(table) > 1:
        out["i"] = idx
    return out


def _undict_col(col: Any, n: int) -> list[Any]:
    table = col["d"]
    if "i" not in col:
        if len(table) != 1 and n:
            raise WireError("dictionary column without index")
        return [table[0]] * n if n else []
    idx = col["i"]
    if len(idx) != n:
        raise WireError("column length")
    return [table[i] for i in idx]


def _deltas(values: Sequence[int]) -> list[int]:
    out, prev = [], 0
    for v in values:
        out.append(v - prev)
        prev = v
    return out


def _undeltas(deltas: Sequence[int]) -> list[int]:
    out, acc = [], 0
    for d in deltas:
        if not isinstance(d, int):
            raise WireError("delta is not an integer")
        acc += d
        out.append(acc)
    return out


def _uuid_col(values: Sequence[str], compact: bool = False) -> dict[str, Any]:
    """UUIDs as millisecond deltas + one string of their 20-hex tails; others verbatim.

    `compact` (protocol 3): the ids a terminal made (domain.ids.uuid7_counted) say their
    node once (a dictionary column), their counter as a delta and only their 6-hex random
    tail; an id whose node is not repeated in the batch (a random one, or the only one of
    its terminal) keeps its 20-hex tail."""
    if not compact:
        return _uuid_col_v2(values)
    uuids = [isinstance(v, str) and bool(_UUID.match(v)) for v in values]
    parts = [ids.split(v) if u else None for v, u in zip(values, uuids, strict=True)]
    nodes = Counter(p[1] for p in parts if p is not None)
    ms, nd, cn, lo, tails, raw = [], [], [], [], [], {}
    for i, (v, p) in enumerate(zip(values, parts, strict=True)):
        if not uuids[i]:
            ms.append(0)
            nd.append(-1)
            raw[str(i)] = v
        elif p is not None and nodes[p[1]] > 1:
            ms.append(p[0])
            nd.append(p[1])
            cn.append(p[2])
            lo.append(f"{p[3]:06x}")
        else:  # (another UUID, or the one id of its node here)
            h = v.replace("-", "")
            ms.append(int(h[:12], 16))
            nd.append(-1)
            tails.append(h[12:])
    out: dict[str, Any] = {"ms": _deltas(ms), "nd": _dict_col(nd), "cn": _deltas(cn),
                           "lo": "".join(lo), "r": "".join(tails)}
    if raw:
        out["x"] = raw
    return out


def _uuid_col_v2(values: Sequence[str]) -> dict[str, Any]:
    """Protocol 1 and 2: every tail in full."""
    ms, tails, raw = [], [], {}
    for i, v in enumerate(values):
        if isinstance(v, str) and _UUID.match(v):
            h = v.replace("-", "")
            ms.append(int(h[:12], 16))
            tails.append(h[12:])
        else:
            ms.append(0)
            tails.append("0" * 20)
            raw[str(i)] = v
    out: dict[str, Any] = {"ms": _deltas(ms), "r": "".join(tails)}
    if raw:
        out["x"] = raw
    return out


def _unuuid_col(col: Any, n: int) -> list[str]:
    if "nd" in col:
        return _unuuid_compact(col, n)
    ms, tails, raw = _undeltas(col["ms"]), col["r"], col.get("x", {})
    if len(ms) != n or not isinstance(tails, str) or len(tails) != 20 * n:
        raise WireError("uuid column length")
    out = []
    for i in range(n):
        if str(i) in raw:
            out.append(raw[str(i)])
            continue
        h = f"{ms[i]:012x}" + tails[20 * i:20 * i + 20]
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def _unuuid_compact(col: Any, n: int) -> list[str]:
    ms, nodes, raw = _undeltas(col["ms"]), _undict_col(col["nd"], n), col.get("x", {})
    counters, lo, tails = _undeltas(col["cn"]), col["lo"], col["r"]
    if (len(ms) != n or not isinstance(lo, str) or not isinstance(tails, str)
            or len(lo) != 6 * len(counters) or len(tails) % 20):
        raise WireError("uuid column length")
    out: list[str] = []
    k = j = 0
    for i in range(n):
        if str(i) in raw:
            out.append(raw[str(i)])
        elif nodes[i] == -1 or isinstance(nodes[i], bool) or not isinstance(nodes[i], int):
            if nodes[i] != -1:
                raise WireError("bad node")
            if 20 * j + 20 > len(tails):
                raise WireError("uuid column length")
            h = f"{ms[i]:012x}" + tails[20 * j:20 * j + 20]
            out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
            j += 1
        else:
            if k >= len(counters) or not isinstance(nodes[i], int):
                raise WireError("uuid column length")
            out.append(ids.join(ms[i], nodes[i], counters[k], int(lo[6 * k:6 * k + 6], 16)))
            k += 1
    if k != len(counters) or 20 * j != len(tails):
        raise WireError("uuid column length")
    return out


def _time_col(values: Sequence[str]) -> dict[str, Any]:
    """ISO timestamps with offset as second deltas + an offset column; others verbatim."""
    secs, offs, raw = [], [], {}
    for i, v in enumerate(values):
        try:
            t = dt.datetime.fromisoformat(v)
            ok = t.tzinfo is not None and t.isoformat(timespec="seconds") == v
            s = int(t.timestamp())
            ok = ok and _from_epoch(s, v[19:]) == v
        except (TypeError, ValueError):
            ok = False
        if ok:
            secs.append(s)
            offs.append(v[19:])
        else:
            secs.append(secs[-1] if secs else 0)
            offs.append("")
            raw[str(i)] = v
    out: dict[str, Any] = {"s": _deltas(secs), "o": _dict_col(offs)}
    if raw:
        out["x"] = raw
    return out


def _from_epoch(secs: int, offset: str) -> str:
    sign = -1 if offset.startswith("-") else 1
    hh, mm = int(offset[1:3]), int(offset[4:6])
    tz = dt.timezone(sign * dt.timedelta(hours=hh, minutes=mm))
    return dt.datetime.fromtimestamp(secs, tz).isoformat(timespec="seconds")


def _untime_col(col: Any, n: int) -> list[str]:
    secs, offs, raw = _undeltas(col["s"]), _undict_col(col["o"], n), col.get("x", {})
    if len(secs) != n:
        raise WireError("time column length")
    return [raw[str(i)] if str(i) in raw else _from_epoch(secs[i], offs[i]) for i in range(n)]


# --- payloads: shapes + pool ---------------------------------------------------------

def _key(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def _count(v: Any, counts: Counter[str]) -> None:
    if isinstance(v, dict | list):
        counts[_key(v)] += 1
        for child in (v.values() if isinstance(v, dict) else v):
            _count(child, counts)
    elif isinstance(v, str) and len(v) >= _POOL_MIN:
        counts[_key(v)] += 1


class _Packer:
    def __init__(self, payloads: Sequence[Any]) -> None:
        counts: Counter[str] = Counter()
        for p in payloads:
            _count(p, counts)
        self.repeats = {k for k, c in counts.items() if c > 1 and len(k) >= _POOL_MIN}
        self.pool: list[Any] = []
        self.pool_index: dict[str, int] = {}
        self.shapes: list[list[str]] = []
        self.shape_index: dict[tuple[str, ...], int] = {}

    def pack(self, v: Any) -> Any:
        if isinstance(v, dict | list) or (isinstance(v, str) and len(v) >= _POOL_MIN):
            k = _key(v)
            if k in self.repeats:
                if k not in self.pool_index:
                    self.pool_index[k] = i = len(self.pool)
                    self.pool.append(None)  # reserve: children may add entries first
                    self.pool[i] = self._literal(v)
                return [1, self.pool_index[k]]
        return self._literal(v)

    def _literal(self, v: Any) -> Any:
        if isinstance(v, list):
            return [0, *(self.pack(x) for x in v)]
        if isinstance(v, dict):
            keys = tuple(v)
            s = self.shape_index.setdefault(keys, len(self.shapes))
            if s == len(self.shapes):
                self.shapes.append(list(keys))
            return [2 + s, *(self.pack(x) for x in v.values())]
        return v


def _unpack_value(v: Any, shapes: list, pool: list) -> Any:
    if not isinstance(v, list):
        if isinstance(v, dict):
            raise WireError("bare object in packed value")
        return v
    if not v or not isinstance(v[0], int) or isinstance(v[0], bool):
        raise WireError("untagged packed value")
    tag = v[0]
    if tag == 0:
        return [_unpack_value(x, shapes, pool) for x in v[1:]]
    if tag == 1:
        if len(v) != 2 or not isinstance(v[1], int) or not 0 <= v[1] < len(pool):
            raise WireError("bad pool reference")
        return _unpack_value(pool[v[1]], shapes, pool)
    if 2 <= tag < 2 + len(shapes):
        keys = shapes[tag - 2]
        if len(keys) != len(v) - 1:
            raise WireError("shape length")
        return {k: _unpack_value(x, shapes, pool) for k, x in zip(keys, v[1:], strict=True)}
    raise WireError("unknown tag")


# --- batches ---------------------------------------------------------------------------

def pack_events(events: Sequence[Mapping[str, Any]] | Sequence[Event], *,
                compact: bool = False) -> dict[str, Any]:
    """Pack events (Event or wire dicts) column by column; server columns when present.
    `compact`: ids in protocol 3's shorter form (for a reader of protocol 3 or later)."""
    rows = [e.to_wire() if isinstance(e, Event) else dict(e) for e in events]
    case_ids: dict[str, int] = {}
    case_ref = []
    for r in rows:
        cid = r["case_id"]
        case_ref.append(case_ids[cid] + 1 if cid in case_ids else 0)
        case_ids.setdefault(cid, len(case_ids))
    packer = _Packer([r["payload"] for r in rows])
    payloads = [packer.pack(r["payload"]) for r in rows]
    out: dict[str, Any] = {
        "n": len(rows),
        "id": _uuid_col([r["id"] for r in rows], compact),
        "tid": _dict_col([r["terminal_id"] for r in rows]),
        "seq": _deltas([r["terminal_seq"] for r in rows]),
        "case": {"ids": _uuid_col(list(case_ids), compact), "ref": case_ref},
        "k": _dict_col([r["kind"] for r in rows]),
        "x": _dict_col([r.get("expected_state") for r in rows]),
        "st": _dict_col([r.get("staff_id") or "" for r in rows]),
        "w": _dict_col([r.get("window_id") for r in rows]),
        "at": _time_col([r["recorded_at"] for r in rows]),
        "p": payloads, "shapes": packer.shapes, "pool": packer.pool,
    }
    if rows and all(r.get("server_seq") is not None for r in rows):
        out["ss"] = _deltas([r["server_seq"] for r in rows])
    if rows and any("verdict" in r for r in rows):
        out["v"] = _dict_col([r.get("verdict") for r in rows])
    return out


def unpack_events(d: Any) -> list[dict[str, Any]]:
    """Wire dicts (`Event.from_wire` input) from a packed batch; WireError if malformed.

    Only the packing is checked here; whether each event makes sense is the receiver's
    per-event decision, so one bad event never sinks its neighbours.
    """
    try:
        return _unpack(d)
    except WireError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError,
            RecursionError, OverflowError) as exc:
        raise WireError(f"malformed batch: {type(exc).__name__}") from exc


def _unpack(d: Any) -> list[dict[str, Any]]:
    n = d["n"]
    if not isinstance(n, int) or n < 0:
        raise WireError("bad count")
    ids = _unuuid_col(d["id"], n)
    tids = _undict_col(d["tid"], n)
    seqs = _undeltas(d["seq"])
    case_table = _unuuid_col(d["case"]["ids"], len(d["case"]["ids"]["ms"]))
    refs = d["case"]["ref"]
    kinds, exp = _undict_col(d["k"], n), _undict_col(d["x"], n)
    staff, wins = _undict_col(d["st"], n), _undict_col(d["w"], n)
    times = _untime_col(d["at"], n)
    shapes, pool, payloads = d["shapes"], d["pool"], d["p"]
    if not all(isinstance(s, list) and all(isinstance(k, str) for k in s) for s in shapes):
        raise WireError("bad shapes")
    if len(seqs) != n or len(refs) != n or len(payloads) != n or not isinstance(pool, list):
        raise WireError("column length")
    server = _undeltas(d["ss"]) if "ss" in d else None
    verdicts = _undict_col(d["v"], n) if "v" in d else None
    out, new_case = [], 0
    for i in range(n):
        ref = refs[i]
        if ref == 0:
            cid, new_case = case_table[new_case], new_case + 1
        else:
            cid = case_table[ref - 1]
        row = {
            "id": ids[i], "case_id": cid, "kind": kinds[i],
            "payload": _unpack_value(payloads[i], shapes, pool),
            "expected_state": exp[i], "terminal_id": tids[i], "terminal_seq": seqs[i],
            "staff_id": staff[i], "recorded_at": times[i], "window_id": wins[i],
        }
        if server is not None:
            row["server_seq"] = server[i]
        if verdicts is not None:
            row["verdict"] = verdicts[i]
        out.append(row)
    return out


# --- plain columns (a hall node's pull: halls of events, ids, seqs) --------------------

def pack_values(values: Sequence[Any]) -> dict[str, Any]:
    """A column of repeating values (a hall code per event), dictionary-encoded."""
    return _dict_col(values)


def unpack_values(col: Any, n: int) -> list[Any]:
    """Inverse of pack_values for `n` rows; WireError if malformed."""
    try:
        return _undict_col(col, n)
    except (KeyError, TypeError, IndexError) as exc:
        raise WireError(f"malformed column: {type(exc).__name__}") from exc


def pack_ids(ids: Sequence[str]) -> dict[str, Any]:
    """Event ids (uuid7s travel as millisecond deltas + their random tails)."""
    return {"n": len(ids), **_uuid_col(ids)}


def unpack_ids(col: Any) -> list[str]:
    """Inverse of pack_ids; WireError if malformed."""
    try:
        return _unuuid_col(col, col["n"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise WireError(f"malformed ids: {type(exc).__name__}") from exc


def pack_seqs(seqs: Sequence[int]) -> list[int]:
    """Increasing numbers as deltas."""
    return _deltas(seqs)


def unpack_seqs(deltas: Any) -> list[int]:
    """Inverse of pack_seqs; WireError if malformed."""
    if not isinstance(deltas, list):
        raise WireError("seqs are not a list")
    return _undeltas(deltas)


# --- bodies ------------------------------------------------------------------------------

def dumps(obj: Any) -> bytes:
    """Compact UTF-8 JSON (Chinese text stays 3 bytes a character, not 6)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def gzip_body(obj: Any, level: int = 9) -> bytes:
    """A whole request body, gzip (the server caps its decompressed size)."""
    return gzip.compress(dumps(obj), compresslevel=level, mtime=0)


def pack_verdicts(results: Iterable[tuple[int | None, str, str | None]]) -> dict[str, Any]:
    """Per-event push answers: server seq deltas, a verdict letter each, refusal reasons.

    Letters: `a` applied, `c` conflict, `r` refused (reason in `why` by index),
    `R` refused and the terminal must re-enrol (a restored backup). A refused event has
    no seq: its delta is 0 and its letter says so.
    """
    seqs, letters, why, prev = [], [], {}, 0
    for i, (seq, verdict, reason) in enumerate(results):
        seqs.append((seq or prev) - prev)
        prev = seq or prev
        letters.append(verdict)
        if reason:
            why[str(i)] = reason
    return {"s": seqs, "v": "".join(letters), "why": why}


def unpack_verdicts(d: Mapping[str, Any]) -> list[tuple[int | None, str, str | None]]:
    """Inverse of pack_verdicts."""
    seqs, letters, why = _undeltas(d["s"]), d["v"], d.get("why", {})
    if len(seqs) != len(letters):
        raise WireError("verdict column length")
    return [(None if letters[i] in "rR" else s, letters[i], why.get(str(i)))
            for i, s in enumerate(seqs)]


VERDICT_LETTER = {"applied": "a", "conflict": "c", "refused": "r", "reenrol": "R"}
LETTER_VERDICT = {v: k for k, v in VERDICT_LETTER.items()}
