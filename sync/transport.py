"""HTTP to a sync server, shared by a terminal's sync client and a hall node's upstream.

One request = the protocol header, the bearer token, and failures split in two:
`Offline` (cannot reach the server, 5xx, timeouts, a cut answer — try again later, with
backoff) and `SyncRefused` (the server understood and said no: old protocol, revoked
token, restored backup — a person has to act; retrying will not help). A hall node talks
to the city exactly as a terminal talks to its server, so both go through here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import requests
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from domain.version import VERSION
from sync import wire

TIMEOUT = (5.0, 60.0)  # connect, read


class Offline(Exception):
    """The server cannot be reached or failed transiently; `retry_after` if it said.

    `reached`: the request got to the server (or was cut on its way). A client shrinks
    its batches only then: a link that refuses to connect says nothing about their size,
    and a week of refused attempts must not leave a hall pushing 25 events at a time.
    """

    def __init__(self, message: str, retry_after: float | None = None,
                 reached: bool = True) -> None:
        super().__init__(message)
        self.retry_after, self.reached = retry_after, reached


class ServerFault(Offline):
    """A 500 (not a gateway or a busy database): maybe this very request is at fault."""


class Restored(Exception):
    """409: the server lost history this client holds (server.epoch); `info` says where."""

    def __init__(self, info: dict[str, Any]) -> None:
        super().__init__("server restored")
        self.info = info


class SyncRefused(Exception):
    """The server refused us for a reason a person must fix (re-enrol, upgrade)."""

    def __init__(self, message: str, reenrol: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.reenrol, self.status = reenrol, status


def call(session: requests.Session, method: str, url: str, token: str, *,
         timeout: tuple[float, float] = TIMEOUT, seen: str | None = None,
         on_response: Callable[[requests.Response], None] | None = None, **kw: Any) -> Any:
    """One request; the JSON answer, or Offline (ServerFault for a 500) / Restored /
    SyncRefused. `seen`: what the client knows of the server's epoch (sync.epoch)."""
    # the program's version travels with every request: the server's terminal list (and
    # a node's) shows who runs what
    headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION), wire.VERSION_HEADER: VERSION,
               "Authorization": f"Bearer {token}", **kw.pop("headers", {})}
    if seen:
        headers[wire.SEEN_HEADER] = seen
    try:
        resp = session.request(method, url, headers=headers, timeout=timeout, **kw)
    except requests.RequestException as exc:
        raise Offline(f"无法连接服务器: {type(exc).__name__}", reached=not _not_connected(exc)
                      ) from exc
    if on_response is not None:
        on_response(resp)
    if resp.status_code >= 500:
        ra = resp.headers.get("Retry-After")
        kind = Offline if resp.status_code in (502, 503, 504) else ServerFault
        raise kind(f"服务器暂时不可用 ({resp.status_code})",
                   float(ra) if ra and ra.isdigit() else None)
    if resp.status_code == 409:
        try:
            info = resp.json().get("restored")
        except (ValueError, AttributeError):
            info = None
        if isinstance(info, dict):
            raise Restored(info)
    if resp.status_code in (401, 403, 426):
        raise SyncRefused(detail(resp), reenrol=resp.status_code == 401,
                          status=resp.status_code)
    if resp.status_code >= 400:
        raise SyncRefused(f"{resp.status_code}: {detail(resp)}", status=resp.status_code)
    try:
        return resp.json()
    except ValueError as exc:  # a proxy cut the answer short
        raise Offline("服务器应答不完整") from exc


def _not_connected(exc: requests.RequestException) -> bool:
    """The connection was never made (refused, unreachable, connect timeout)."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError | ConnectTimeoutError)


def detail(resp: requests.Response) -> str:
    """The server's `detail` message, or the HTTP reason."""
    try:
        return str(resp.json().get("detail", resp.reason))
    except (ValueError, AttributeError):
        return resp.reason or str(resp.status_code)


# --- how many events a push carries (terminal and hall node alike) ---------------------

MAX_BATCH, MIN_BATCH = 4000, 25


def batch_after_cut(size: int, reached: bool) -> int:
    """A request that reached the server and was cut: smaller batches may get through. A
    refused connection says nothing about size (a week of them must not leave a hall
    pushing 25 events a request)."""
    return max(MIN_BATCH, size // 2) if reached else size


def batch_to_isolate(sent: int) -> int | None:
    """A batch the server refused or failed on as a whole: halve it until the event at
    fault is alone; None when it already is."""
    return max(1, sent // 2) if sent > 1 else None


def batch_after_answer(size: int) -> int:
    """An answered push: carry more next time."""
    return min(MAX_BATCH, max(MIN_BATCH, size * 2))


def backoff_delay(attempt: int, base: float = 2.0, cap: float = 300.0,
                  rand: Callable[[float, float], float] = random.uniform) -> float:
    """Full jitter: uniform in [0, min(cap, base·2^attempt)] — no thundering herd when a
    hall's link comes back and every terminal (or every node) reconnects at once."""
    return rand(0.0, min(cap, base * (2 ** min(attempt, 20))))
