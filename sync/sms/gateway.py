"""What a gateway does for us — send a message, hand over replies, forget replies we
have recorded — and the simulator that does it with files in a folder.

Sending is at-least-once on our side (a crash between the gateway's answer and our
commit sends again), so every message carries a `ref` that the gateway must treat as an
idempotency key: the same ref twice is one message. The simulator keeps that promise by
naming each message's file after its ref.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import uuid
from dataclasses import dataclass
from typing import Protocol


class GatewayError(Exception):
    """The gateway could not be reached or failed: retry later (`permanent`: do not)."""

    def __init__(self, message: str, *, code: str = "sms.gateway",
                 permanent: bool = False) -> None:
        super().__init__(message)
        self.code, self.permanent = code, permanent


@dataclass(frozen=True)
class OutgoingSms:
    ref: str  # idempotency key, also how a reply names the message it answers
    phone: str
    text: str


@dataclass(frozen=True)
class IncomingSms:
    id: str  # the gateway's id of the reply: a reply is recorded once
    phone: str
    text: str
    received_at: str
    ref: str = ""  # the message it answers, when the gateway knows


class SmsGateway(Protocol):
    """A hall's SMS gateway."""

    def send(self, message: OutgoingSms) -> str:
        """Hand the message over; returns the gateway's id. Raises GatewayError."""
        ...

    def replies(self) -> list[IncomingSms]:
        """Replies not yet acknowledged (the same ones again until `ack`)."""
        ...

    def ack(self, ids: list[str]) -> None:
        """Forget these replies: they are recorded."""
        ...


def _write_atomic(path: pathlib.Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)


class FolderGateway:
    """The simulator: `sent/<ref>.json` per message, replies read from `inbox/*.json`
    (moved to `inbox/read/` when acknowledged). `offline` makes it fail like an outage."""

    def __init__(self, folder: pathlib.Path | str) -> None:
        self.folder = pathlib.Path(folder)
        self.sent_dir, self.inbox = self.folder / "sent", self.folder / "inbox"
        for d in (self.sent_dir, self.inbox, self.inbox / "read"):
            d.mkdir(parents=True, exist_ok=True)
        self.offline = False

    def send(self, message: OutgoingSms) -> str:
        if self.offline or (self.folder / "OFFLINE").exists():
            raise GatewayError("短信网关不可用（模拟）", code="sms.offline")
        path = self.sent_dir / f"{message.ref}.json"
        if not path.exists():  # the same ref twice is one message
            _write_atomic(path, {"ref": message.ref, "to": message.phone, "text": message.text,
                                 "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
        return message.ref

    def sent(self) -> list[dict]:
        """Every message sent, oldest first (for tests and the demo)."""
        files = sorted(self.sent_dir.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        return [json.loads(p.read_text("utf-8")) for p in files]

    def replies(self) -> list[IncomingSms]:
        if self.offline or (self.folder / "OFFLINE").exists():
            raise GatewayError("短信网关不可用（模拟）", code="sms.offline")
        out = []
        for p in sorted(self.inbox.glob("*.json")):
            try:
                d = json.loads(p.read_text("utf-8"))
                out.append(IncomingSms(id=p.stem, phone=str(d.get("from", "")),
                                       text=str(d.get("text", "")),
                                       received_at=str(d.get("at", "")),
                                       ref=str(d.get("ref", "") or "")))
            except (OSError, ValueError, AttributeError, TypeError):
                # a half-written or foreign file: refuse it alone, keep reading
                p.rename(self.inbox / "read" / f"{p.name}.bad")
        return out

    def ack(self, ids: list[str]) -> None:
        for i in ids:
            p = self.inbox / f"{i}.json"
            if p.exists():
                p.replace(self.inbox / "read" / p.name)


def drop_reply(folder: pathlib.Path | str, text: str, *, ref: str = "", phone: str = "",
               now: dt.datetime | None = None) -> pathlib.Path:
    """What a citizen's phone does in the simulator: a reply file the gateway will read.
    Name the message answered (`ref`) or the number it comes from (`phone`)."""
    if not ref and not phone:
        raise ValueError("a reply needs the message it answers (ref) or a phone number")
    inbox = pathlib.Path(folder) / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    when = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    path = inbox / f"{uuid.uuid4().hex}.json"
    _write_atomic(path, {"from": phone, "text": text, "ref": ref, "at": when})
    return path
