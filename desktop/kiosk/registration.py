"""One kiosk registration, written and turned into slip bytes — no Qt, no devices.

Kept apart from the screens so the test, the bench and the window all run the same
code: the window calls `register` on the task runner's writer thread (the store is the
writer's) and `slip_bytes` on the I/O lane, then hands the bytes to the printer.

Everything a window needs to open the case before sync catches up is in the slip
number (terminal, serial and the item's short number, with a check digit); the case id
is derived from it (`case_id_for_slip`), so a window that scans the slip and the kiosk's
own event later name the same case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain import queue
from domain.application import Actor, Person, registration_payload, validate_person
from domain.case import Case
from domain.catalog import Catalog, ServiceItem, Staff
from domain.events import CHINA_TZ, recorded_date
from domain.numbering import case_id_for_slip
from sync.queue import take_for_registration

# Who the kiosk's events name as their author (there is no clerk at a kiosk).
KIOSK_STAFF_ID = "kiosk"
# What the slip prints as "经办人工号": nothing; a Staff with an empty number says so.
_NO_STAFF = Staff(id=KIOSK_STAFF_ID, no="", name="自助登记机", role="kiosk")
# Applicant name when the number was typed, not read from a card: the window checks the
# card and fills in the name at acceptance (a kiosk has no keyboard for Chinese).
TYPED_NAME = "待窗口核验"


@dataclass(frozen=True)
class Registration:
    """What the citizen is told and what the printer gets."""

    case: Case
    item: ServiceItem
    slip_number: str
    queue_no: str
    case_id: str
    where: str  # zone and windows, as the slip says it


def person_from_card(card: Mapping[str, Any], phone: str = "", *,
                     today: dt.date | None = None) -> Person:
    """A validated applicant from a card read (the reader service's card dict)."""
    return validate_person({"name": card.get("name") or card.get("english_name", ""),
                            "id_number": card.get("id_number", ""),
                            "id_type": card.get("card_type", "resident"), "phone": phone,
                            "address": card.get("address", "")}, today=today or _today())


def person_from_typed(id_number: str, phone: str = "", *, today: dt.date | None = None) -> Person:
    """A validated applicant from a number typed on the keypad (raises DomainError): a
    birth date after today is refused, as at the counter and in `check-id`."""
    return validate_person({"name": TYPED_NAME, "id_number": id_number, "phone": phone},
                           today=today or _today())


def _today() -> dt.date:
    return dt.datetime.now(CHINA_TZ).date()


def where_to_go(catalog: Catalog, item: ServiceItem) -> str:
    """企业开办服务区（A区） 1、2、3号窗口 — the same words as the slip."""
    zone = catalog.zone(item.zone)
    if zone is None:
        return ""
    nos = [str(int(w.no)) for w in catalog.windows_of_zone(zone.id) if w.comprehensive]
    where = f"{zone.name}（{zone.prefix}区）"
    return f"{where} {'、'.join(nos)}号窗口" if nos else where


def register(store: Any, catalog: Catalog, item: ServiceItem, person: Person, *,
             kiosk_no: int, now: dt.datetime | None = None) -> Registration:
    """Number and record the registration, all in one transaction.

    The slip serial, the zone's queue serial and the event commit together: a power cut
    never leaves a queue number handed out twice or a slip number without its case.
    `store` is a `sync.store.CaseStore` (the task runner's writer).
    """
    now = now or store.clock()
    replica = store.replica
    zone = catalog.zone(item.zone)
    prefix = zone.prefix if zone else "Z"
    with replica.transaction():
        ident = replica.identity()
        slip = store.next_slip_number(now.date(), item.no)
        serial = replica.next_counter(queue.counter_key(now.date(), item.zone))
        queue_no = queue.queue_number(prefix, kiosk_no, serial)
        payload = registration_payload(item, person, slip_number=slip, queue_no=queue_no,
                                       channel="kiosk")
        case_id = case_id_for_slip(slip)
        _, case = store.open_case(payload, Actor(KIOSK_STAFF_ID, ident.terminal_id), now=now,
                                  case_id=case_id, assign_case_number=False)
        take_for_registration(store, item, person.id_number, queue_no, slip, case_id, now=now)
    return Registration(case=case, item=item, slip_number=slip, queue_no=queue_no,
                        case_id=case_id, where=where_to_go(catalog, item))


def slip_bytes(reg: Registration, catalog: Catalog, *, paper_mm: int = 80,
               print_settings: Mapping[str, Any] | None = None) -> bytes:
    """The 统一受理告知单 as ESC/POS bytes, laid out by `printing` (not here)."""
    from printing.documents import build, to_escpos  # reportlab & co: not at start-up

    today = recorded_date(reg.case.registered_at) if reg.case.registered_at else dt.date.today()
    document = build("slip", reg.case, catalog, print_settings, today=today, staff=_NO_STAFF)
    return to_escpos(document, width_mm=paper_mm)


def warm_slip(catalog: Catalog, *, paper_mm: int = 80,
              print_settings: Mapping[str, Any] | None = None) -> int:
    """Lay out one slip for nobody (a made-up registration, stored nowhere, printed
    nowhere): printing's modules, the CJK fonts (~0.3 s to parse) and the raster's
    first-use paths are ready before the first citizen's card. Returns its size."""
    from domain import events as ev
    from domain.case import fold
    from domain.numbering import slip_number

    items = [i for i in catalog.items if i.kiosk] or list(catalog.items)
    if not items:
        return 0
    item, now = items[0], dt.datetime.now(CHINA_TZ)
    slip = slip_number(now.date(), "9999", 1, item.no)
    person = Person(name="预热", id_number="11010519491231002X")
    case_id = case_id_for_slip(slip)
    event = ev.Event(id=case_id, case_id=case_id, kind=ev.REGISTERED,
                     payload=registration_payload(item, person, slip_number=slip,
                                                  queue_no="A001", channel="kiosk"),
                     expected_state=None, terminal_id="warm-up", terminal_seq=1,
                     staff_id=KIOSK_STAFF_ID, recorded_at=ev.now_iso(now))
    reg = Registration(case=fold([event], case_id), item=item, slip_number=slip,
                       queue_no="A001", case_id=case_id, where=where_to_go(catalog, item))
    return len(slip_bytes(reg, catalog, paper_mm=paper_mm, print_settings=print_settings))


def slip_document(reg: Registration, catalog: Catalog) -> Any:
    """The slip as a `printing` document (for a PNG preview in the demo)."""
    from printing.documents import build

    today = recorded_date(reg.case.registered_at) if reg.case.registered_at else dt.date.today()
    return build("slip", reg.case, catalog, None, today=today, staff=_NO_STAFF)


def group_digits(number: str, size: int = 4) -> str:
    """2250 5189 0010 0010 1013: a 20-digit number is read aloud and copied in groups."""
    return " ".join(number[i:i + size] for i in range(0, len(number), size))
