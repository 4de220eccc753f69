"""Who may take which step: THE rule table, role × step, checked everywhere the same.

The counter, the reviewer face, the supervisor face and the server all ask this module,
so a step a role may not take is refused with the same clear message offline and on the
server. Roles (DOMAIN.md): 窗口人员 `clerk`, 审批人员 `reviewer` (bound to a department),
负责人 `head` (bound to a department: approves extensions), 大厅管理员/监察 `supervisor`,
系统管理员 `admin`, 导办员 `guide`; and two authors that are not people: the kiosk and the
server itself.

Steps are named like event kinds: a case's kinds are bare (`approved`), other streams'
are `<stream>.<step>` (`ticket.called`, `followup.closed`); what is not an event is named
the same way (`review.open` opens the reviewer face). A stream whose steps are not listed
one by one may be listed as `<stream>.*`. A step nobody listed is refused: a new step
gets a line here, where everyone sees who may take it.

    roles.require(staff, "approved", item_department=case.department)   # raises Forbidden
    roles.may("clerk", "review.open")                                      # False

Who wrote an event: every event names its author by staff id. A terminal checks the
logged-in person's record before it records a step (domain.application.new_event); the
server checks every pushed event again against the hall's staff records as it holds them
(server.rulings), because a terminal offline may hold an old record (a clerk moved to
another job, a reviewer to another department). A step taken offline happened, so the
server never drops it: it lands as a conflict (why `role`) with a notice saying so.
`event_refusal` is that one check, used by both. Authors that are not people have fixed
roles (`ACTOR_ROLES`): see `author`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from domain.errors import DomainError

CLERK = "clerk"
REVIEWER = "reviewer"
HEAD = "head"
SUPERVISOR = "supervisor"
ADMIN = "admin"
GUIDE = "guide"
KIOSK = "kiosk"  # the self-service kiosk: registers and takes ratings, nothing else
SYSTEM = "system"  # the server's own events (conflict notices, SMS ratings)

STAFF_ROLES = (CLERK, REVIEWER, HEAD, SUPERVISOR, ADMIN, GUIDE)
ROLES = (*STAFF_ROLES, KIOSK, SYSTEM)
# roles bound to one department: they act only on cases of their department's items
DEPARTMENT_BOUND = frozenset({REVIEWER, HEAD})

ROLE_LABELS = {CLERK: "窗口人员", REVIEWER: "审批人员", HEAD: "部门负责人", SUPERVISOR: "大厅管理员",
               ADMIN: "系统管理员", GUIDE: "导办员", KIOSK: "自助登记机", SYSTEM: "系统"}


class Forbidden(DomainError):
    """The role may not take this step (or not on this department's cases)."""

    code = "role.forbidden"


@dataclass(frozen=True)
class Rule:
    """Who may take one step; `department`: department-bound roles only on their own
    department's cases (a clerk or a supervisor serves the whole hall)."""

    roles: frozenset[str]
    label: str
    department: bool = False
    # the person a follow-up is assigned to may take this step whatever their role
    assignee: bool = False
    # only the member of staff the rating rates may take it (an appeal of one's own rating)
    own: bool = False


def _r(label: str, *roles: str, department: bool = False, assignee: bool = False,
       own: bool = False) -> Rule:
    return Rule(frozenset(roles), label, department, assignee, own)


_STAFF = STAFF_ROLES
_BACK = (REVIEWER, HEAD)

TABLE: Mapping[str, Rule] = {
    # --- the front desk (case kinds) -----------------------------------------------
    "registered": _r("登记", CLERK, KIOSK),
    "accepted": _r("受理", CLERK),
    "supplement_requested": _r("补正告知", CLERK, *_BACK, department=True),
    "supplement_received": _r("补正材料收到", CLERK),
    "refused": _r("不予受理", CLERK),
    "withdrawn": _r("撤回", CLERK),
    "submitted_for_review": _r("提交审核", CLERK),
    "promise_fulfilled": _r("容缺材料补齐", CLERK),
    "issued": _r("出件", CLERK),
    "rated": _r("评价", CLERK, KIOSK, SUPERVISOR, SYSTEM),
    # --- the back office -------------------------------------------------------------
    "approved": _r("审核通过", *_BACK, department=True),
    "rejected": _r("不予许可", *_BACK, department=True),
    "clock_paused": _r("暂停计时", *_BACK, department=True),
    "clock_resumed": _r("恢复计时", *_BACK, department=True),
    "extension_requested": _r("申请延期", CLERK, *_BACK, department=True),
    "extended": _r("批准延期", HEAD, department=True),
    "extension_declined": _r("不批准延期", HEAD, department=True),
    "result_ready": _r("结果已出", CLERK, *_BACK, department=True),
    # --- notices (domain.notices) ------------------------------------------------------
    "notice.raised": _r("发出提醒", *_STAFF, KIOSK, SYSTEM),
    "notice.seen": _r("查看提醒", *_STAFF),
    # a device that recovers clears its own notice (the kiosk's printer has paper again)
    "notice.resolved": _r("处理提醒", *_STAFF, SYSTEM),
    # --- the queue (叫号) ----------------------------------------------------------------
    "ticket.taken": _r("取号", KIOSK, GUIDE, CLERK),
    "ticket.*": _r("叫号", CLERK, GUIDE, SUPERVISOR),
    "window.*": _r("窗口暂停与恢复", CLERK, GUIDE, SUPERVISOR),
    "consultation.*": _r("咨询登记", CLERK, GUIDE),
    # --- 差评回访整改 and appeals ---------------------------------------------------------
    "followup.opened": _r("差评回访立项", SUPERVISOR, SYSTEM),
    "followup.*": _r("差评回访整改", SUPERVISOR, HEAD),
    "followup.contacted": _r("差评回访", SUPERVISOR, HEAD, assignee=True),
    "followup.rectified": _r("差评整改", SUPERVISOR, HEAD, assignee=True),
    "followup.closed": _r("回访整改办结", SUPERVISOR),
    "appeal.filed": _r("申诉", CLERK, REVIEWER, HEAD, GUIDE, own=True),
    "appeal.*": _r("申诉复核", SUPERVISOR),
    # --- the faces -------------------------------------------------------------------------
    "counter.open": _r("打开窗口受理", CLERK, SUPERVISOR),
    "review.open": _r("打开后台审批", *_BACK),
    "supervisor.open": _r("打开电子监察", SUPERVISOR, ADMIN),
    "figures.view": _r("查看统计", SUPERVISOR, ADMIN, HEAD),
    "report.monthly": _r("月度考核报告", SUPERVISOR, ADMIN),
    "kiosk.admin": _r("自助机管理", SUPERVISOR, ADMIN),
    # --- the administrator ------------------------------------------------------------------
    "staff.manage": _r("人员管理", ADMIN),
    "catalog.import": _r("事项目录导入", ADMIN),
    "calendar.import": _r("节假日导入", ADMIN),
    "terminal.enrol": _r("终端注册", ADMIN),
    "terminal.revoke": _r("终端停用", ADMIN),
    "hall.manage": _r("大厅管理", ADMIN),
}


def rule(step: str) -> Rule | None:
    """The rule of a step: its own line, else its stream's `<stream>.*` line."""
    found = TABLE.get(step)
    if found is None and "." in step:
        found = TABLE.get(step.split(".", 1)[0] + ".*")
    return found


def _who(who: Any, department: str | None) -> tuple[str, str | None, bool, str]:
    """(role, department, active, staff id) of a Staff-like object or a role name."""
    if isinstance(who, str):
        return who, department, True, ""
    return (str(getattr(who, "role", "") or ""), getattr(who, "department", None) or department,
            bool(getattr(who, "active", True)), str(getattr(who, "id", "") or ""))


def refusal(who: Any, step: str, *, department: str | None = None,
            item_department: str | None = None, staff_id: str | None = None,
            assignee: str | None = None, rated_staff: str | None = None) -> Forbidden | None:
    """Why `who` may not take `step` (a Forbidden to raise or show), or None if they may.

    `who`: a domain.catalog.Staff (its role, department and id are used) or a role name
    (then `department` and `staff_id` are theirs). `item_department`: the department of
    the case's item. `assignee`: whom the follow-up is assigned to; `rated_staff`: whom
    the appealed rating rates — each checked only where the step's rule asks and the
    caller knows it (None: not known here, e.g. a face deciding what to offer).
    """
    role, dep, active, sid = _who(who, department)
    sid = staff_id or sid
    found = rule(step)
    if found is None:
        return Forbidden(f"未定义权限的操作：{step}", code="role.unknown_step")
    if not active:
        return Forbidden("该工号已停用", code="role.inactive")
    if found.assignee and assignee and sid and sid == assignee:
        return None
    if role not in found.roles:
        who_label = ROLE_LABELS.get(role, role or "未知角色")
        allowed = "、".join(ROLE_LABELS[r] for r in ROLES if r in found.roles)
        if found.assignee:
            allowed += "，或被指派的人员"
        return Forbidden(f"{who_label}不能进行「{found.label}」（限{allowed}）",
                         code="role.forbidden")
    if found.own and rated_staff is not None and sid != rated_staff:
        return Forbidden("只能对评价自己的差评提出申诉", code="role.not_rated_staff")
    if found.department and role in DEPARTMENT_BOUND:
        if not dep:
            return Forbidden(f"{ROLE_LABELS[role]}没有所属部门，不能进行「{found.label}」",
                             code="role.no_department")
        if not item_department:
            return Forbidden(f"无法确定办件所属部门，不能进行「{found.label}」",
                             code="role.unknown_department")
        if dep != item_department:
            return Forbidden(f"此办件不属于您所在的部门，不能进行「{found.label}」",
                             code="role.department")
    return None


def may(who: Any, step: str, **context: Any) -> bool:
    """Whether `who` may take `step` (see `refusal`)."""
    return refusal(who, step, **context) is None


def require(who: Any, step: str, **context: Any) -> None:
    """Raise Forbidden with a clear message unless `who` may take `step` (see `refusal`)."""
    problem = refusal(who, step, **context)
    if problem is not None:
        raise problem


# --- who wrote an event ------------------------------------------------------------------

# Authors that are not a person's staff record, and the role each acts in. Anything else
# is a staff id, looked up in the hall's staff records.
ACTOR_ROLES: Mapping[str, str] = {
    "kiosk": KIOSK,  # the self-service kiosk: registers, rates, takes tickets
    "system": SYSTEM,  # a terminal's or the server's own steps: device and sync notices
    # (raised, and cleared when the device recovers), conflict notices, the follow-up
    # the hall's rule opens for a bad rating
    "sms": SYSTEM,  # a rating by SMS reply (sync.sms)
    "script": GUIDE,  # `yichuang queue take|call` without --staff: the queue's steps
    "guide": GUIDE,  # a guide desk handing out walk-in tickets without a login
}


@dataclass(frozen=True)
class Author:
    """Who wrote an event, as the rule table needs them."""

    id: str
    role: str
    department: str | None = None
    active: bool = True


def author(staff_id: str, record: Mapping[str, Any] | None) -> Author | None:
    """The author of an event: a fixed actor (ACTOR_ROLES), else the staff record with
    this id (its role, department, whether it is active); None when neither exists."""
    if staff_id in ACTOR_ROLES:
        return Author(staff_id, ACTOR_ROLES[staff_id])
    if record is None:
        return None
    return Author(staff_id, str(record.get("role") or ""), record.get("department") or None,
                  record.get("active", True) is not False)


def event_refusal(who: Any, kind: str, payload: Mapping[str, Any], state: Any, *,
                  staff_id: str = "", item_department: str | None = None
                  ) -> Forbidden | None:
    """Why `who` may not record a `kind` step with `payload` on a stream folded to
    `state` (None: a new stream), or None — the rule table with what the stream says:
    the case's department (a reviewer decides only their department's cases), the
    follow-up's assignee, whom an appealed rating rates, and that an extension is
    recorded by the head who approves it. The terminal (before recording) and the
    server (every pushed event, server.rulings) both ask this."""
    sid = staff_id or str(getattr(who, "id", "") or "")
    dep = getattr(state, "department", "") or item_department or payload.get("department")
    context: dict[str, Any] = {"item_department": str(dep) if dep else None, "staff_id": sid}
    if kind.startswith("followup."):
        context["assignee"] = str(getattr(state, "assignee", "") or "") or None
    if kind == "appeal.filed":
        context["rated_staff"] = str(payload.get("rated_staff_id") or "")
    problem = refusal(who, kind, **context)
    if problem is None and kind == "extended" and str(payload.get("approved_by", "")) != sid:
        return Forbidden("延期须由批准的负责人本人登记", code="role.approver")
    return problem


def steps_for(role: str, steps: Iterable[str] = TABLE) -> list[str]:
    """The steps (table lines) a role may take: what a face offers it."""
    return [s for s in steps if role in TABLE[s].roles]


def label(role: str) -> str:
    """The Chinese name of a role (screens translate through Qt)."""
    return ROLE_LABELS.get(role, role)
