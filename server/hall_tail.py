"""Each hall's newest changes, read once by a worker and served to every terminal of it.

When a clerk records a step, every other terminal of the hall pulls it at its next poll:
ten terminals, nine reads of the same rows — and on a province server those pulls are
most of the work (the idle ones are nearly free: server.idle). So a worker keeps, per
hall, the rows of its recent changes (events, reference rows, notices) complete over a
range of change seqs, (lo, hi]. A pull whose cursor lies in that range is answered from
memory when the hall's mark (read with the change counter in the poll's one look-up,
server.idle) is not above `hi`: no row of the hall exists in (hi, top], since every row
up to top has committed (server.db). Otherwise the rows after `hi` are read, added, and
the page built from the tail all the same — one page builder (server.pull.build_page)
for both, so a page from memory is the page the database would have given.

Memory stays bounded: at most MAX_ROWS rows a hall (the oldest dropped, `lo` moved up
with them) and MAX_HALLS halls (the least recently pulled dropped). A tail is only
grown from a contiguous read, and thrown away when the database is another one or went
back (a restore): the cursor the fast path checks against is the database's.
"""

from __future__ import annotations

import collections
import threading
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from server import pull

MAX_ROWS = 400  # a hall's last few minutes at its busiest
MAX_HALLS = 20_000


@dataclass
class Tail:
    """The hall's rows with change seqs in (lo, hi], each list in change order."""

    key: str  # the database's identity and newest start the rows came from
    lo: int
    hi: int
    rows: pull.Rows


def _plain(rows: pull.Rows) -> pull.Rows:
    """The rows as named tuples of plain values: the garbage collector stops looking at
    a tuple of strings and numbers, and a worker holds a few hundred thousand of them
    (a collection that walked them all stopped every request for a fifth of a second)."""
    out = []
    for part in rows:
        if not part:
            out.append([])
            continue
        fields = tuple(part[0]._fields)
        shape = _SHAPES.get(fields)
        if shape is None:
            shape = _SHAPES.setdefault(fields, collections.namedtuple(  # type: ignore[misc]
                "TailRow", fields, rename=True))
        out.append([shape._make(r) for r in part])
    return out[0], out[1], out[2]


_SHAPES: dict[tuple[str, ...], Any] = {}


def _between(rows: pull.Rows, cursor: int, top: int) -> pull.Rows:
    """The rows with change seqs in (cursor, top]: an event's is its server_seq."""
    evs, refs, notes = rows
    return ([x for x in evs if cursor < x.server_seq <= top],
            [x for x in refs if cursor < x.change_seq <= top],
            [x for x in notes if cursor < x.change_seq <= top])


class HallTails:
    """hall → Tail, least recently pulled dropped first; thread-safe."""

    def __init__(self, max_rows: int = MAX_ROWS, max_halls: int = MAX_HALLS) -> None:
        self.max_rows, self.max_halls = max_rows, max_halls
        self._lock = threading.Lock()
        self._tails: collections.OrderedDict[str, Tail] = collections.OrderedDict()

    def _usable(self, hall: str, key: str, cursor: int) -> Tail | None:
        t = self._tails.get(hall)
        return t if t is not None and t.key == key and t.lo <= cursor <= t.hi else None

    def rows(self, hall: str, key: str, cursor: int, top: int, mark: int
             ) -> pull.Rows | None:
        """The hall's rows in (cursor, top] from memory, or None when the tail does not
        hold all of them. `key`: the database's identity and newest start (a restored
        database is another); `mark`: the hall's high-water mark as of `top`."""
        with self._lock:
            t = self._usable(hall, key, cursor)
            if t is None or (top > t.hi and mark > t.hi):
                return None
            self._tails.move_to_end(hall)
            return _between(t.rows, cursor, top)

    def read(self, conn: sa.Connection, hall: str, key: str, cursor: int, top: int,
             limit: int) -> pull.Rows:
        """The hall's rows in (cursor, top], read from where the tail ends (or from
        `cursor`), at most `limit` + 1 of each read; the tail grows by a complete read."""
        with self._lock:
            t = self._usable(hall, key, cursor)
            start = t.hi if t is not None and t.hi < top else cursor
        got = _plain(pull.read_rows(conn, hall, start, top, limit + 1))
        if any(len(x) > limit for x in got):  # too much for a tail: read as ever
            return got if start == cursor else pull.read_rows(conn, hall, cursor, top,
                                                             limit + 1)
        with self._lock:
            t = self._add(hall, key, start, top, got)
            if t.lo <= cursor:
                return _between(t.rows, cursor, top)
        return got if start == cursor else pull.read_rows(conn, hall, cursor, top, limit + 1)

    def _add(self, hall: str, key: str, start: int, top: int, got: pull.Rows) -> Tail:
        """The tail with the complete rows of (start, top] in it (lock held)."""
        t = self._usable(hall, key, start)
        if t is not None:
            if top > t.hi:  # rows up to t.hi are held already
                t.rows = tuple(old + new for old, new in  # type: ignore[assignment]
                               zip(t.rows, _between(got, t.hi, top), strict=True))
                t.hi = top
        else:
            t = Tail(key, start, top, got)
        self._trim(t)
        self._tails[hall] = t
        self._tails.move_to_end(hall)
        while len(self._tails) > self.max_halls:
            self._tails.popitem(last=False)
        return t

    def _trim(self, t: Tail) -> None:
        """Drop the oldest rows beyond max_rows; `lo` moves up to the last one dropped."""
        evs, refs, notes = t.rows
        seqs = sorted([x.server_seq for x in evs] + [x.change_seq for x in (*refs, *notes)])
        if len(seqs) <= self.max_rows:
            return
        cut = seqs[len(seqs) - self.max_rows - 1]
        t.rows = _between(t.rows, cut, t.hi)
        t.lo = max(t.lo, cut)

    def clear(self) -> None:
        with self._lock:
            self._tails.clear()
