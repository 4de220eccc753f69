"""Terminal tokens checked without a database round trip of their own.

A token is random and only its SHA-256 is stored (server.auth); what it names never
changes: the terminal's id, code, hall, role and the terminals it replaced. So each
worker keeps digest → those facts once it has looked a token up. What does change — a
revocation, a re-enrolment that gave the terminal a new token, its `max_seq` — is read
with the request's own query (the idle poll's high-water look-up in server.idle, the
push's writer transaction), so a revoked token is refused at its next request, on every
worker, with no extra round trip. A push's early check (before its body is read) trusts
an entry for AUTH_TTL_S at most; each idle poll's look-up vouches for the token again,
so a terminal that polls is not looked up once more when it pushes. That early check
only decides whether a body is worth reading: a revoked terminal's push is refused by
the writer whatever it says.
"""

from __future__ import annotations

import collections
import threading
import time
from dataclasses import dataclass

import sqlalchemy as sa

from server import auth

AUTH_TTL_S = 30.0  # (a terminal polls every 5–10 s)
MAX_ENTRIES = 200_000  # a province's terminals, and then some


@dataclass(frozen=True)
class Known:
    """What a token names (fixed at enrolment) and when the database last said so."""

    digest: str
    terminal: auth.Terminal
    checked: float  # time.monotonic() of the last look-up


class TokenCache:
    """digest → Known, least recently used dropped first; thread-safe."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._items: collections.OrderedDict[str, Known] = collections.OrderedDict()

    def get(self, token: str) -> Known | None:
        d = auth.digest(token)
        with self._lock:
            k = self._items.get(d)
            if k is not None:
                self._items.move_to_end(d)
            return k

    def put(self, token: str, term: auth.Terminal) -> Known:
        k = Known(auth.digest(token), term, time.monotonic())
        with self._lock:
            self._items[k.digest] = k
            self._items.move_to_end(k.digest)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return k

    def vouched(self, known: Known) -> None:
        """The database said again that `known`'s token is current (a poll's look-up)."""
        with self._lock:
            if known.digest in self._items:
                self._items[known.digest] = Known(known.digest, known.terminal,
                                                  time.monotonic())

    def drop(self, token: str) -> None:
        with self._lock:
            self._items.pop(auth.digest(token), None)

    def lookup(self, conn: sa.Connection, token: str) -> auth.Terminal:
        """The terminal of `token` from the database (AuthError if unknown or revoked),
        remembered for the next request."""
        try:
            term = auth.terminal_for(conn, token)
        except auth.AuthError:
            self.drop(token)
            raise
        self.put(token, term)
        return term

    def recent(self, token: str) -> auth.Terminal | None:
        """The terminal if the database vouched for `token` in the last AUTH_TTL_S."""
        k = self.get(token)
        if k is None or time.monotonic() - k.checked > AUTH_TTL_S:
            return None
        return k.terminal
