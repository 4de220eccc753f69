"""The SMS rating invitation, from an issued case to a rating, through a durable queue.

    queue  — every issued, unrated case with a mobile number gets one row in sms_outbox
             (its ref derived from the case: a case is invited once, ever)
    send   — due rows go to the gateway with the ref as idempotency key; an outage backs
             off and keeps the row (nothing lost), a crash before our commit sends the
             same ref again, which the gateway takes as the same message (nothing twice)
    read   — each reply is recorded once in sms_replies, in the transaction that records
             its rating (channel `sms`, domain.ratings.level_from_sms), and only then
             acknowledged to the gateway

Only cases issued after SMS was first switched on at this terminal are invited, so
turning it on does not message a year of past applicants.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from domain import events as ev
from domain import phone as phones
from domain import ratings
from domain.application import Actor
from domain.errors import DomainError
from sync import ratings as sr
from sync.replica import Replica
from sync.sms.gateway import GatewayError, IncomingSms, OutgoingSms, SmsGateway

log = logging.getLogger(__name__)

STARTED = "sms_started_at"
LOOKBACK = dt.timedelta(days=7)  # issued cases looked at for queueing (a week offline)
BACKOFF_S, BACKOFF_CAP_S = 30, 3600
SMS_STAFF = "sms"
_NS = uuid.UUID("6a1d3c52-0f7e-4b8e-9d51-3e2f7a9c4b10")


@dataclass(frozen=True)
class SmsSettings:
    """A hall's SMS settings (its hall record's `sms`): on or off, the invitation text
    ({hall} {item} {number}; empty = the standard one), the gateway's kind and URL."""

    enabled: bool = False
    template: str = ""
    gateway: str = "http"
    url: str = ""

    @classmethod
    def of_hall(cls, replica: Replica) -> SmsSettings:
        raw = sr.hall_setting(replica, "sms", {}) or {}
        if not isinstance(raw, dict):
            return cls()
        return cls(enabled=bool(raw.get("enabled")), template=str(raw.get("template") or ""),
                   gateway=str(raw.get("gateway") or "http"), url=str(raw.get("url") or ""))


def invitation_text(template: str, hall: str, item: str, number: str) -> str:
    if not template:
        return ratings.sms_invitation(hall, item, number)
    try:
        return template.format_map({"hall": hall, "item": item, "number": number})
    except (KeyError, ValueError, IndexError):
        log.warning("SMS template unusable, the standard invitation is sent instead")
        return ratings.sms_invitation(hall, item, number)


def ref_for(case_id: str) -> str:
    """The invitation of a case: one ref, whichever terminal or run queues it."""
    return str(uuid.uuid5(_NS, f"sms-invite:{case_id}"))


def phone_key(phone: str) -> str:
    """What is kept of a number once its message is sent: enough to match a reply."""
    return hashlib.sha256(f"yichuang-sms:{phones.normalize(phone)}".encode()).hexdigest()[:32]


def _iso(t: dt.datetime) -> str:
    return t.astimezone(ev.CHINA_TZ).isoformat(timespec="seconds")


def queue_invitations(replica: Replica, settings: SmsSettings, hall_name: str,
                      now: dt.datetime) -> int:
    """Queue an invitation for every case issued since SMS started here (and within the
    last week), unrated, with a mobile number. Returns how many were queued."""
    started = replica.get_meta(STARTED)
    if started is None:
        started = _iso(now)
        replica.set_meta(STARTED, started)
    since = max(started, _iso(now - LOOKBACK))
    rows = replica.conn.execute(
        "SELECT id, case_number, item_name, applicant_phone FROM cases WHERE updated_at >= ? "
        "AND state = 'issued' AND rating IS NULL AND id NOT IN (SELECT case_id FROM sms_outbox)",
        (since,)).fetchall()
    n = 0
    with replica.transaction():
        for cid, number, item, phone in rows:
            if not phone or not phones.is_mobile(phone):
                continue
            text = invitation_text(settings.template, hall_name, item or "", number or "")
            cur = replica.conn.execute(
                "INSERT OR IGNORE INTO sms_outbox (ref, case_id, phone, text, next_at, queued_at, "
                "phone_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ref_for(cid), cid, phones.normalize(phone), text, _iso(now), _iso(now),
                 phone_key(phone)))
            n += cur.rowcount
    if n:
        log.info("SMS invitations queued: %d", n)
    return n


def backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(BACKOFF_CAP_S, BACKOFF_S * 2 ** max(0, attempts - 1)))


def send_due(replica: Replica, gateway: SmsGateway, now: dt.datetime, limit: int = 100
             ) -> dict[str, int]:
    """Send the invitations that are due; stop at the first outage (the rest wait)."""
    done = {"sent": 0, "failed": 0, "skipped": 0, "waiting": 0}
    rows = replica.conn.execute(
        "SELECT o.ref, o.case_id, o.phone, o.text, o.attempts, c.rating FROM sms_outbox o "
        "LEFT JOIN cases c ON c.id = o.case_id WHERE o.state = 'queued' AND o.next_at <= ? "
        "ORDER BY o.next_at, o.ref LIMIT ?", (_iso(now), limit)).fetchall()
    for ref, _cid, phone, text, attempts, rating in rows:
        if rating is not None:  # rated at the window meanwhile: one rating per service
            _finish(replica, ref, "skipped", now, None, "rated before the invitation")
            done["skipped"] += 1
            continue
        try:
            gid = gateway.send(OutgoingSms(ref, phone or "", text))
        except GatewayError as exc:
            if exc.permanent:
                _finish(replica, ref, "failed", now, None, exc.code)
                log.warning("SMS to %s refused by the gateway: %s", phones.mask(phone), exc.code)
                done["failed"] += 1
                continue
            # an outage is the gateway's, not this message's: everything due waits
            later = _iso(now + backoff(attempts + 1))
            with replica.transaction():
                replica.conn.execute(
                    "UPDATE sms_outbox SET attempts = attempts + 1 WHERE ref = ?", (ref,))
                replica.conn.execute(
                    "UPDATE sms_outbox SET next_at = ?, last_error = ? WHERE state = 'queued' "
                    "AND next_at <= ?", (later, exc.code, _iso(now)))
            log.warning("SMS gateway unavailable (%s); %s waits", exc.code, phones.mask(phone))
            done["waiting"] = len(rows) - sum(done.values())
            break
        _finish(replica, ref, "sent", now, gid, None)
        log.info("SMS invitation sent to %s", phones.mask(phone))
        done["sent"] += 1
    return done


def _finish(replica: Replica, ref: str, state: str, now: dt.datetime, gid: str | None,
            error: str | None) -> None:
    """The row's last state; the number itself is dropped (its key stays)."""
    with replica.transaction():
        replica.conn.execute(
            "UPDATE sms_outbox SET state = ?, sent_at = ?, gateway_id = ?, last_error = ?, "
            "attempts = attempts + 1, phone = NULL WHERE ref = ?",
            (state, _iso(now), gid, error, ref))


def _case_of(replica: Replica, reply: IncomingSms) -> str | None:
    if reply.ref:
        row = replica.conn.execute("SELECT case_id FROM sms_outbox WHERE ref = ?",
                                   (reply.ref,)).fetchone()
        if row:
            return row[0]
    if reply.phone:
        row = replica.conn.execute(
            "SELECT case_id FROM sms_outbox WHERE phone_key = ? AND state = 'sent' "
            "ORDER BY sent_at DESC LIMIT 1", (phone_key(reply.phone),)).fetchone()
        if row:
            return row[0]
    return None


def read_replies(store: Any, gateway: SmsGateway, now: dt.datetime) -> dict[str, int]:
    """Record every new reply (once), rate its case, then acknowledge them."""
    replica: Replica = store.replica
    done = {"rated": 0, "already_rated": 0, "unreadable": 0, "unknown": 0, "refused": 0}
    actor = Actor(SMS_STAFF, replica.identity().terminal_id, None)
    recorded: list[str] = []
    for reply in gateway.replies():
        if replica.conn.execute("SELECT 1 FROM sms_replies WHERE id = ?",
                                (reply.id,)).fetchone():
            recorded.append(reply.id)  # recorded before a crash: acknowledge only
            continue
        case_id = _case_of(replica, reply)
        level = ratings.level_from_sms(reply.text)
        with replica.transaction():
            outcome = _rate(store, case_id, level, actor, now)
            replica.conn.execute(
                "INSERT INTO sms_replies (id, ref, case_id, text, level, outcome, received_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (reply.id, reply.ref or None, case_id, reply.text[:70], level, outcome,
                 reply.received_at or _iso(now)))
        done[outcome] += 1
        recorded.append(reply.id)
        log.info("SMS reply from %s: %s", phones.mask(reply.phone), outcome)
    gateway.ack(recorded)
    return done


def _rate(store: Any, case_id: str | None, level: int | None, actor: Actor,
          now: dt.datetime) -> str:
    from sync import projection

    if case_id is None:
        return "unknown"
    if level is None:
        return "unreadable"
    case = projection.load_stream(store.replica, case_id)
    if case is None or getattr(case, "rating", None) is not None:
        return "already_rated" if case is not None else "unknown"
    try:
        sr.record_rating(store, case_id, level, "sms", actor, now=now)
    except DomainError as exc:  # refused alone, recorded, acknowledged: never retried
        log.warning("SMS reply not recorded as a rating: %s", exc.code)
        return "refused"
    return "rated"


def run_once(store: Any, gateway: SmsGateway, now: dt.datetime) -> dict[str, int]:
    """One round: queue (when the hall has SMS on), send what is due, read replies.
    Replies to invitations already sent are read even after SMS is switched off."""
    from sync import reference

    replica = store.replica
    settings = SmsSettings.of_hall(replica)
    report: dict[str, int] = {"queued": 0}
    if settings.enabled:
        hall = reference.load_catalog(replica).hall
        report["queued"] = queue_invitations(replica, settings, hall.name or hall.code, now)
        try:
            report.update(send_due(replica, gateway, now))
        except GatewayError as exc:  # pragma: no cover - send_due catches its own
            log.warning("SMS send round failed: %s", exc.code)
    try:
        report.update(read_replies(store, gateway, now))
    except GatewayError as exc:
        log.warning("SMS replies not read: %s", exc.code)
        report["replies_unreachable"] = 1
    return report


def status(replica: Replica) -> dict[str, int]:
    """Counts by state of the queue and of the replies (for `yichuang sms status`)."""
    out = {f"outbox_{s}": n for s, n in replica.conn.execute(
        "SELECT state, COUNT(*) FROM sms_outbox GROUP BY state")}
    out.update({f"replies_{s}": n for s, n in replica.conn.execute(
        "SELECT outcome, COUNT(*) FROM sms_replies GROUP BY outcome")})
    return out
