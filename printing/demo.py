"""A realistic demo case, made the only way a real one is: by folding domain events.

Going through `registration_payload`, `new_event` and `fold` (not by filling a Case by
hand) means the demo papers show what a real case holds, and a domain change that
breaks printing breaks the demo too. The applicant is 王䶮: 䶮 is outside the main
font and outside the printers' GBK font, so every demo exercises the fallbacks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from domain import events as ev
from domain import idnumber, numbering
from domain.application import (
    Actor,
    Person,
    missing_materials,
    new_event,
    registration_payload,
)
from domain.case import Case, fold
from domain.catalog import Catalog, ServiceItem
from domain.ids import uuid7

STORIES = ("registered", "accepted", "supplement", "refused", "ready", "issued", "mailed",
           "rejected", "extended", "paused", "resumed", "tolerance")
# which story each paper is shown with in `print DOC --demo`
DOC_STORY = {
    "slip": "registered", "acceptance-receipt": "accepted", "pickup-slip": "ready",
    "acceptance-notice": "accepted", "supplement-notice": "supplement",
    "refusal-notice": "refused", "materials-receipt": "supplement",
    "completion-notice": "mailed", "mailing-sheet": "mailed",
    "decision-refusal": "rejected", "extension-notice": "extended", "pause-notice": "resumed",
    "tolerance-promise": "tolerance",
}
DEMO_DAY = dt.date(2025, 3, 14)
TERMINAL = "0001"
ITEM = "0105"  # 食品经营许可证核发: promised, 10 working days
LONG_ITEMS = ("0201", "0202", "0203", "0204")  # 多证联办 of a construction project
REFUSAL = "经审查，申请人经营场所位于岚山区，不属于本中心受理范围，请向岚山区政务服务中心提出申请。"
REJECTION = ("经现场核查，申请人经营场所的食品处理区与非食品处理区未有效分隔，设备布局和操作流程"
             "不符合《食品经营许可和备案管理办法》第十二条规定的条件。")
HEAD = "S070"  # 市场监管局's head: approves the extension
TOLERATED = "M6"  # 健康证明: may follow on the applicant's promise


def demo_applicant(*, rare_name: bool = True) -> Person:
    """A valid-looking (check digit correct) but made-up resident."""
    body = "37110219850612123"
    return Person(name="王䶮" if rare_name else "王燕", id_number=body + idnumber.check_char(body),
                  phone="13806331234", address="山东省日照市东港区海曲中路66号3单元502室")


def tolerated(item: ServiceItem) -> str:
    """The material the 容缺 story leaves to the applicant's promise: 健康证明 of the demo
    item, the first the item allows of any other (the joint item's 承诺书)."""
    ids = [m.id for m in item.tolerable_materials()]
    return TOLERATED if TOLERATED in ids or not ids else ids[0]


def joint_item(catalog: Catalog) -> ServiceItem:
    """多证联办: one acceptance for a project's four permits, so one long checklist."""
    items = [catalog.item(no) for no in LONG_ITEMS]
    seen: set[str] = set()
    materials = []
    for it in items:
        for m in it.materials:
            if m.name not in seen:
                seen.add(m.name)
                materials.append(dataclasses.replace(m, id=f"{it.no}-{m.id}"))
    return dataclasses.replace(items[0], materials=tuple(materials))


class _Clock:
    """Hands out event ids, terminal sequence numbers and times, all deterministic."""

    def __init__(self, day: dt.date) -> None:
        self.t = dt.datetime.combine(day, dt.time(9, 5), tzinfo=ev.CHINA_TZ)
        self.seq = 0

    def next(self, later: dt.timedelta) -> tuple[str, int, str]:
        self.t += later
        self.seq += 1
        seq = self.seq
        eid = uuid7(int(self.t.timestamp() * 1000), rand=lambda n: seq.to_bytes(n, "big"))
        return eid, seq, ev.now_iso(self.t)


def _steps(story: str, item: ServiceItem, provided: dict[str, bool]) -> list[tuple]:
    minutes, days = dt.timedelta(minutes=12), dt.timedelta(days=1)
    steps: list[tuple] = []
    if story == "registered":
        return steps
    if story == "refused":  # not this hall's to accept: refused on the spot
        return [(ev.REFUSED, {"reason": REFUSAL}, minutes)]
    if story == "supplement":
        missing = missing_materials(item, provided)
        return [(ev.SUPPLEMENT_REQUESTED, {"missing": missing}, minutes)]
    if story == "tolerance":
        due = (DEMO_DAY + dt.timedelta(days=10)).isoformat()
        return [(ev.ACCEPTED, {"promises": [{"material": tolerated(item), "due": due}]},
                 minutes)]
    steps.append((ev.ACCEPTED, {}, minutes))
    if story == "accepted":
        return steps
    if story in ("rejected", "extended", "paused", "resumed"):
        steps.append((ev.SUBMITTED_FOR_REVIEW, {}, minutes))
    if story == "rejected":
        return [*steps, (ev.REJECTED, {"reason": REJECTION}, 3 * days)]
    if story == "extended":
        return [*steps, (ev.EXTENSION_REQUESTED, {"days": 10, "reason": "需组织专家论证"}, 5 * days),
                (ev.EXTENDED, {"days": 10, "reason": "申请人经营场所涉及特殊食品工艺，需组织专家论证",
                               "approved_by": HEAD}, days)]
    if story in ("paused", "resumed"):
        steps.append((ev.CLOCK_PAUSED, {"reason": "食品加工工艺需组织专家评审",
                                        "pause_reason": "expert_review"}, 2 * days))
        if story == "resumed":
            steps.append((ev.CLOCK_RESUMED, {}, 7 * days))
        return steps
    steps += [(ev.SUBMITTED_FOR_REVIEW, {}, minutes), (ev.APPROVED, {}, 2 * days),
              (ev.RESULT_READY, {}, days)]
    if story == "mailed":
        steps.append((ev.ISSUED, {"method": "mail", "tracking_no": "1151234567890",
                                  "address": demo_applicant().address,
                                  "recipient": demo_applicant().name}, minutes))
    elif story == "issued":
        steps.append((ev.ISSUED, {"method": "window"}, days))
    return steps


def demo_case(catalog: Catalog, *, story: str = "accepted", long_list: bool = False,
              rare_name: bool = True, day: dt.date = DEMO_DAY) -> Case:
    """A case of the demo catalog at the given point of its life (see STORIES)."""
    if story not in STORIES:
        raise ValueError(f"unknown demo story {story!r}; one of {', '.join(STORIES)}")
    item = joint_item(catalog) if long_list else catalog.item(ITEM)
    required = [m for m in item.materials if m.required]
    if story == "supplement":  # every third required material is missing
        provided = {m.id: n % 3 != 1 for n, m in enumerate(required)}
    else:
        provided = {m.id: story != "tolerance" or m.id != tolerated(item) for m in required}
    zone = catalog.zone(item.zone)
    window = next((w for w in catalog.windows_of_zone(item.zone) if w.comprehensive), None)
    clerk = next((s for s in catalog.staff if window and s.window == window.id), None)
    actor = Actor(staff_id=clerk.id if clerk else "S001", terminal_id=f"T{TERMINAL}",
                  window_id=window.id if window else None)
    # the back office's steps are the department's: its reviewer decides, its head extends
    reviewer = next((s for s in catalog.staff
                     if s.role == "reviewer" and s.department == item.department), None)
    back = Actor(reviewer.id, f"T{TERMINAL}") if reviewer else actor
    back_office = {k: back for k in (ev.APPROVED, ev.REJECTED, ev.CLOCK_PAUSED,
                                     ev.CLOCK_RESUMED, ev.EXTENSION_REQUESTED)}
    back_office[ev.EXTENDED] = Actor(HEAD, f"T{TERMINAL}")
    case_id = f"demo-{story}-{'long' if long_list else 'short'}"
    payload = registration_payload(
        item, demo_applicant(rare_name=rare_name), provided=provided,
        case_number=numbering.case_number(day, TERMINAL, 7),
        slip_number=numbering.slip_number(day, TERMINAL, 7, item.no),
        queue_no=f"{zone.prefix if zone else 'A'}012", channel="kiosk",
    )
    clock = _Clock(day)
    case: Case | None = None
    events: list[ev.Event] = []
    steps = [(ev.REGISTERED, payload, dt.timedelta(0)), *_steps(story, item, provided)]
    for kind, body, later in steps:
        eid, seq, at = clock.next(later)
        who = back_office.get(kind, actor)
        events.append(new_event(case, case_id, kind, body, who, event_id=eid,
                                terminal_seq=seq, recorded_at=at))
        case = fold(events, case_id)
    assert case is not None
    return case
