"""Which step may follow which: the case life cycle as a table.

registered → accepted → (supplement requested ⇄ accepted) → in review →
approved | rejected → result ready → issued. Refused and withdrawn end a case early;
an instant item goes accepted → issued at once (DOMAIN.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain import events as ev
from domain.errors import IllegalTransition, MissingReason

REGISTERED = "registered"
ACCEPTED = "accepted"
SUPPLEMENT = "supplement_requested"
IN_REVIEW = "in_review"
APPROVED = "approved"
REJECTED = "rejected"
RESULT_READY = "result_ready"
ISSUED = "issued"
REFUSED = "refused"
WITHDRAWN = "withdrawn"

STATES = (REGISTERED, ACCEPTED, SUPPLEMENT, IN_REVIEW, APPROVED, REJECTED, RESULT_READY,
          ISSUED, REFUSED, WITHDRAWN)
FINAL = frozenset({ISSUED, REFUSED, WITHDRAWN})
OPEN = frozenset(STATES) - FINAL
# states in which the promised clock is (or was) running: they have a deadline
CLOCKED = frozenset({ACCEPTED, SUPPLEMENT, IN_REVIEW, APPROVED, REJECTED, RESULT_READY})
# the promised clock runs (unless a pause holds it): where art. 42's extension applies
RUNNING = frozenset({ACCEPTED, IN_REVIEW})

# kind → (states it may start from, state it leads to; None = stays, "resume" = back)
TRANSITIONS: Mapping[str, tuple[frozenset[str | None], str | None]] = {
    ev.REGISTERED: (frozenset({None}), REGISTERED),
    ev.ACCEPTED: (frozenset({REGISTERED}), ACCEPTED),
    ev.SUPPLEMENT_REQUESTED: (frozenset({REGISTERED, ACCEPTED, IN_REVIEW}), SUPPLEMENT),
    ev.SUPPLEMENT_RECEIVED: (frozenset({SUPPLEMENT}), "resume"),
    ev.REFUSED: (frozenset({REGISTERED, SUPPLEMENT}), REFUSED),
    ev.WITHDRAWN: (frozenset({REGISTERED, ACCEPTED, SUPPLEMENT, IN_REVIEW}), WITHDRAWN),
    ev.SUBMITTED_FOR_REVIEW: (frozenset({ACCEPTED}), IN_REVIEW),
    ev.APPROVED: (frozenset({IN_REVIEW}), APPROVED),
    ev.REJECTED: (frozenset({IN_REVIEW}), REJECTED),
    ev.RESULT_READY: (frozenset({APPROVED, REJECTED}), RESULT_READY),
    ev.ISSUED: (frozenset({RESULT_READY}), ISSUED),
    ev.CLOCK_PAUSED: (frozenset({ACCEPTED, IN_REVIEW}), None),
    ev.CLOCK_RESUMED: (frozenset({ACCEPTED, IN_REVIEW}), None),
    ev.EXTENDED: (RUNNING, None),
    ev.EXTENSION_REQUESTED: (RUNNING, None),
    ev.EXTENSION_DECLINED: (CLOCKED, None),
    ev.PROMISE_FULFILLED: (CLOCKED, None),
    ev.RATED: (frozenset({None, *STATES}), None),
}

REASON_REQUIRED = frozenset({ev.REFUSED, ev.REJECTED, ev.WITHDRAWN, ev.CLOCK_PAUSED, ev.EXTENDED,
                             ev.EXTENSION_REQUESTED, ev.EXTENSION_DECLINED})
PAUSE_REASONS = ("hearing", "inspection", "expert_review", "other")


def allowed_from(kind: str, state: str | None, *, instant: bool = False,
                 clock_paused: bool = False) -> bool:
    """Whether `kind` is a legal step from `state` (the single place this is decided)."""
    if kind not in TRANSITIONS:
        return False
    if kind == ev.REGISTERED and state is not None:
        return True  # a second registration of the same case joins it (kiosk + window)
    if kind == ev.ISSUED and instant and state == ACCEPTED:
        return True
    if kind == ev.CLOCK_PAUSED and clock_paused:
        return False
    if kind == ev.CLOCK_RESUMED and not clock_paused:
        return False
    if kind in (ev.EXTENDED, ev.EXTENSION_REQUESTED) and clock_paused:
        return False  # art. 42 extends a running clock; a paused one is not running
    if kind == ev.SUBMITTED_FOR_REVIEW and instant:
        return False
    return state in TRANSITIONS[kind][0]


def next_state(kind: str, state: str | None, resume_state: str | None) -> str | None:
    """The state after a legal step."""
    target = TRANSITIONS[kind][1]
    if target is None:
        return state
    if target == "resume":
        return resume_state or ACCEPTED
    if kind == ev.REGISTERED and state is not None:
        return state
    return target


def check(kind: str, state: str | None, payload: Mapping[str, Any], *, instant: bool = False,
          clock_paused: bool = False) -> None:
    """Raise the typed error a screen shows, before anything is written."""
    if kind not in TRANSITIONS:
        raise IllegalTransition(f"未知的办件操作: {kind}", code="case.unknown_kind")
    if not allowed_from(kind, state, instant=instant, clock_paused=clock_paused):
        raise IllegalTransition(
            f"办件当前状态（{state_label(state)}）不能进行此操作（{kind_label(kind)}）"
        )
    if kind in REASON_REQUIRED and not str(payload.get("reason", "")).strip():
        raise MissingReason(f"{kind_label(kind)}必须填写原因")
    if kind == ev.SUPPLEMENT_REQUESTED and not payload.get("missing"):
        raise MissingReason("补正告知须列明全部所缺材料", code="case.missing_required")
    if kind == ev.ISSUED and payload.get("method") == "mail" and (
            not payload.get("address") or not payload.get("tracking_no")):
        raise MissingReason("邮寄送达须填写地址和EMS单号", code="case.mail_details_required")
    if kind == ev.RATED and int(payload.get("level", 0)) not in (1, 2, 3, 4, 5):
        raise IllegalTransition("评价等级应为1-5", code="rating.level")
    if kind in (ev.EXTENDED, ev.EXTENSION_REQUESTED) and int(payload.get("days", 0)) <= 0:
        raise IllegalTransition("延期天数应为正数", code="case.extension_days")
    if kind == ev.EXTENDED and not str(payload.get("approved_by", "")).strip():
        raise MissingReason("延期须记录批准人", code="case.extension_approver_required")
    if kind == ev.CLOCK_PAUSED and payload.get("pause_reason", "other") not in PAUSE_REASONS:
        raise IllegalTransition("暂停计时的事由应为听证、现场核查、专家评审或其他",
                                code="case.pause_reason")


STATE_LABELS = {
    None: "未登记", REGISTERED: "已登记", ACCEPTED: "已受理", SUPPLEMENT: "待补正",
    IN_REVIEW: "审核中", APPROVED: "已批准", REJECTED: "不予许可", RESULT_READY: "待出件",
    ISSUED: "已办结", REFUSED: "不予受理", WITHDRAWN: "已撤回",
}
KIND_LABELS = {
    ev.REGISTERED: "登记", ev.ACCEPTED: "受理", ev.SUPPLEMENT_REQUESTED: "补正告知",
    ev.SUPPLEMENT_RECEIVED: "补正材料收到", ev.REFUSED: "不予受理", ev.WITHDRAWN: "撤回",
    ev.SUBMITTED_FOR_REVIEW: "提交审核", ev.APPROVED: "审核通过", ev.REJECTED: "审核不通过",
    ev.RESULT_READY: "结果待领取", ev.ISSUED: "出件", ev.CLOCK_PAUSED: "暂停计时",
    ev.CLOCK_RESUMED: "恢复计时", ev.EXTENDED: "延期", ev.RATED: "评价",
    ev.EXTENSION_REQUESTED: "申请延期", ev.EXTENSION_DECLINED: "不批准延期",
    ev.PROMISE_FULFILLED: "容缺材料补齐",
}
PAUSE_LABELS = {"hearing": "听证", "inspection": "现场核查", "expert_review": "专家评审",
                "other": "其他"}


def state_label(state: str | None) -> str:
    """Chinese label used in errors and logs (screens translate through Qt)."""
    return STATE_LABELS.get(state, str(state))


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)
