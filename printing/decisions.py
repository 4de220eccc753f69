"""The papers of the back office's decisions and the window's promise (行政许可法):

- 不予行政许可决定书 (art. 38): the reason and the remedies, with their time limits;
- 延长办理期限告知书 (art. 42): approved by the head, why, until when;
- 特别程序告知书 (art. 45): hearing, inspection or expert review, with its reason; once
  it has ended, how many working days it took and the deadline that follows;
- 容缺受理承诺书: the materials the applicant promised to bring, and by when.

Each bears the date of the decision it records (domain history), never the day it
happened to be printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from domain.case import Case
from domain.deadline import compute
from domain.lifecycle import PAUSE_LABELS
from domain.workdays import working_days_between
from printing.context import Context, cn_date, cn_datetime, staff_name, step_day
from printing.model import Block, Document, Fields, Para, Space, Table
from printing.notices import (
    LITIGATION_LAW,
    REVIEW_LAW,
    _applied_on,
    _salutation,
    document,
    head,
    item_fields,
    party_fields,
    signature,
)

LICENSING_LAW_38 = "《中华人民共和国行政许可法》第三十八条第二款"
LICENSING_LAW_42 = "《中华人民共和国行政许可法》第四十二条"
LICENSING_LAW_45 = "《中华人民共和国行政许可法》第四十五条"
PROCEDURE_NAMES = {"hearing": "听证", "inspection": "现场核查", "expert_review": "专家评审",
                   "other": "检验、检测、鉴定等特别程序"}


def remedies(ctx: Context, paper: str) -> str:
    """The applicant's rights against a decision, as art. 38 requires them stated."""
    s = ctx.settings
    return (f"如不服本决定，可以自收到本{paper}之日起六十日内依照{REVIEW_LAW}的规定"
            f"向{s.review_authority}申请行政复议，也可以自收到本{paper}之日起六个月内"
            f"依照{LITIGATION_LAW}的规定向{s.court}提起行政诉讼。")


def _accepted_on(ctx: Context) -> str:
    c = ctx.case
    return cn_date(c.accepted_on) if c.accepted_on else "近日"


def decision_refusal(ctx: Context) -> Document:
    """不予行政许可决定书: the department's decision, its reason and the remedies."""
    c = ctx.case
    decider = next((s.staff_id for s in reversed(c.history)
                    if s.kind == "rejected" and not s.conflict), "")
    body = (f"你（单位）于{_applied_on(ctx)}提出的{c.item_name}申请，本机关已于{_accepted_on(ctx)}"
            f"受理。经审查，该申请不符合法定条件、标准，根据{LICENSING_LAW_38}的规定，"
            "决定不予行政许可。理由如下：")
    rows = [*party_fields(ctx), *item_fields(ctx), ("受理时间", ctx.accepted_text()),
            ("决定日期", cn_date(ctx.decided))]
    if decider:
        rows.append(("审查人", staff_name(ctx.catalog, decider)))
    blocks = [*head(ctx, "不予行政许可决定书"), _salutation(ctx), Para(body, indent=True),
              Para(c.reason or "（未记录理由）", bold=True, indent=True),
              Para(remedies(ctx, "决定书"), indent=True), Fields(tuple(rows)), Space(2),
              signature(ctx, ctx.department)]
    return document(ctx, "不予行政许可决定书", blocks)


def extension_notice(ctx: Context) -> Document:
    """延长办理期限告知书: art. 42, by the head, with the new deadline."""
    c = ctx.case
    ext = c.extension or {}
    days = int(ext.get("days", 0))
    before = (compute(ctx.calendar, c.accepted_on, c.promised_days, c.pauses,
                      c.extension_days - days) if c.accepted_on else None)
    body = (f"你（单位）于{_applied_on(ctx)}提出的{c.item_name}申请，本机关已于{_accepted_on(ctx)}"
            f"受理。因{ext.get('reason') or '情况复杂'}，不能在原定期限内作出决定。根据"
            f"{LICENSING_LAW_42}的规定，经本机关负责人批准，办理期限延长{days}个工作日，"
            "现将延长期限的理由告知如下。")
    rows = [*party_fields(ctx), *item_fields(ctx), ("受理时间", ctx.accepted_text()),
            ("延长期限", f"{days}个工作日"), ("延长理由", str(ext.get("reason", "")))]
    if before is not None and before.day is not None:
        rows.append(("原定办结", f"{cn_date(before.day)}前"))
    rows += [("延长后办结", ctx.deadline_text()),
             ("批准人", staff_name(ctx.catalog, str(ext.get("approved_by", "")))),
             ("批准时间", cn_datetime(str(ext.get("at", ""))))]
    blocks = [*head(ctx, "延长办理期限告知书"), _salutation(ctx), Para(body, indent=True),
              Fields(tuple(rows)), Space(2), signature(ctx, ctx.department)]
    return document(ctx, "延长办理期限告知书", blocks)


def _procedure(ctx: Context) -> dict:
    return ctx.case.procedures[-1]


def procedure_day(procedure: Mapping[str, str]) -> dt.date:
    """The decision a pause notice records: its end once it has ended, else its start."""
    return dt.date.fromisoformat(procedure["end"] or procedure["start"])


def pause_notice(ctx: Context) -> Document:
    """特别程序告知书 (暂停计时): art. 45, the procedure, why, and what it took."""
    c = ctx.case
    p = _procedure(ctx)
    kind = PROCEDURE_NAMES.get(p["kind"], PAUSE_LABELS.get(p["kind"], "特别程序"))
    start = dt.date.fromisoformat(p["start"])
    body = (f"你（单位）于{_applied_on(ctx)}提出的{c.item_name}申请，本机关已于{_accepted_on(ctx)}"
            f"受理。因审查需要，本机关自{cn_date(start)}起对该申请进行{kind}"
            f"（{p['reason'] or kind}）。根据{LICENSING_LAW_45}的规定，{kind}所需时间不计算在"
            "办理期限内。")
    rows = [*party_fields(ctx), *item_fields(ctx), ("特别程序", kind),
            ("事由", p["reason"] or kind), ("开始日期", cn_date(start))]
    if p["end"]:
        end = dt.date.fromisoformat(p["end"])
        took = working_days_between(ctx.calendar, start, end)
        after = (f"{kind}已于{cn_date(end)}结束，历时{took}个工作日（不计入办理期限），"
                 f"办理期限相应顺延，现{ctx.deadline_text()}。")
        rows += [("结束日期", cn_date(end)), ("所需时间", f"{took}个工作日（不计入办理期限）"),
                 ("办结期限", ctx.deadline_text())]
    else:
        after = f"{kind}期间办理期限暂停计算，{kind}结束后继续计算，届时将另行书面告知所需时间。"
        rows.append(("办结期限", ctx.deadline_text()))
    blocks = [*head(ctx, "特别程序告知书"), Para("（办理期限暂停计算）", align="center"),
              _salutation(ctx), Para(body, indent=True), Para(after, indent=True),
              Fields(tuple(rows)), Space(2), signature(ctx, ctx.department)]
    return document(ctx, "特别程序告知书", blocks)


def tolerance_promise(ctx: Context) -> Document:
    """容缺受理承诺书: what is missing, by when it comes, and what follows if it does not."""
    c = ctx.case
    name = str(c.applicant.get("name", ""))
    rows = []
    for n, p in enumerate(c.promises, 1):
        done = (f"已于{cn_datetime(p['fulfilled_at'])}补齐" if p.get("fulfilled_at")
                else "未补齐")
        rows.append((str(n), p["name"], cn_date(dt.date.fromisoformat(p["due"])), done))
    table = Table(("序号", "容缺材料", "承诺补齐日期", "补齐情况"), tuple(rows),
                  widths=(0.08, 0.5, 0.2, 0.22), align=("center", "left", "center", "center"))
    pledge = (f"本人（单位）{name}申请办理{c.item_name}，主要申请材料齐全，下列非关键材料暂缺，"
              "申请容缺受理。本人承诺在下列日期前补齐所缺材料，并对已提交材料的真实性负责。")
    terms = ("未按期补齐的，同意暂不发放办理结果；所缺材料补齐后方可出件。因提交虚假材料或"
             "未履行承诺产生的一切后果，由本人（单位）承担。")
    blocks: list[Block] = [
        *head(ctx, "容缺受理承诺书"), Para(pledge, indent=True), table,
        Para(terms, indent=True),
        Fields(tuple([*party_fields(ctx), *item_fields(ctx), ("受理时间", ctx.accepted_text()),
                      ("受理窗口", ctx.go_to())])),
        Space(2),
        Para("承诺人（签字）：____________　　　　日期：______年____月____日"),
        signature(ctx),
    ]
    return document(ctx, "容缺受理承诺书", blocks)


def decided_on(doc: str, case: Case) -> dt.date | None:
    """The day of the decision each of these papers records (None: not applicable)."""
    if doc == "decision-refusal":
        return step_day(case, "rejected")
    if doc == "extension-notice":
        return step_day(case, "extended")
    if doc == "pause-notice":
        return procedure_day(case.procedures[-1]) if case.procedures else None
    if doc == "tolerance-promise":
        return case.accepted_on
    return None
