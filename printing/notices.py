"""The written decisions on A4: acceptance, supplement (one-time notice), refusal,
completion.

Each is a legal act toward the applicant, so each names the applicant, the item, the
case number (as text and CODE128), the date, the issuing hall and the clerk, and
the refusal states the applicant's remedies — a refusal without them is defective.
"""

from __future__ import annotations

from domain.events import recorded_date
from printing.context import DELIVERY_LABELS, Context, cn_date, cn_datetime
from printing.model import (
    Barcode,
    Block,
    Document,
    Fields,
    Para,
    Signature,
    Space,
    Table,
    Title,
)

REVIEW_LAW = "《中华人民共和国行政复议法》第二十条"
LITIGATION_LAW = "《中华人民共和国行政诉讼法》第四十六条"
LICENSING_LAW = "《中华人民共和国行政许可法》第三十二条"


def head(ctx: Context, title: str) -> list[Block]:
    """Barcode top right, the title, the number line: the same on every A4 paper.

    A kiosk case that never reached a window has only its slip number: that is the
    number it is known and scanned by. A reprint says so under the title, with its date.
    """
    number = ctx.number
    blocks: list[Block] = [Barcode(number, caption="", align="right")] if number else []
    blocks.append(Title(title, subtitle=f"{ctx.settings.hall_name}　编号：{number}"))
    if ctx.reprint_on is not None:
        blocks.append(Para(reprint_text(ctx), align="center", bold=True))
    return blocks


def reprint_text(ctx: Context) -> str:
    """补打 and its date, beside the date of the decision the paper records."""
    assert ctx.reprint_on is not None
    return f"补打　补打日期：{cn_date(ctx.reprint_on)}（原文书日期：{cn_date(ctx.decided)}）"


def party_fields(ctx: Context) -> list[tuple[str, str]]:
    """Who applied, with the ID number masked unless settings say this paper needs it."""
    a = ctx.case.applicant
    rows = [("申请人", str(a.get("name", ""))), ("证件", ctx.id_text(a))]
    if a.get("phone"):
        rows.append(("联系电话", ctx.phone_text(a)))
    agent = ctx.case.agent
    if agent:
        rows += [("代办人", str(agent.get("name", ""))), ("代办人证件", ctx.id_text(agent))]
    return rows


def item_fields(ctx: Context) -> list[tuple[str, str]]:
    c = ctx.case
    rows = [("办理事项", c.item_name), ("事项编码", c.item_code)]
    if ctx.department:
        rows.append(("实施部门", ctx.department))
    return rows


def signature(ctx: Context, seal: str = "") -> Signature:
    """The seal and the date of the decision the paper records (not the day it was
    printed: a paper reprinted a month later still bears its decision's date)."""
    return Signature(seal_text=seal or ctx.settings.seal, date_text=cn_date(ctx.decided),
                     staff_text=ctx.staff_text())


def document(ctx: Context, title: str, blocks: list[Block]) -> Document:
    """Wrap blocks as an A4 (or A5, per settings) document with header and footer."""
    s = ctx.settings
    return Document(
        doc=ctx.doc, title=title, paper=s.notice_paper, blocks=tuple(blocks),
        case_number=ctx.number, hall_name=s.hall_name,
        footer=" ".join(x for x in (s.hall_name, s.address, s.phone and f"电话：{s.phone}")
                        if x),
        header=f"{title}（续）　办件编号：{ctx.number}",
    )


def _applied_on(ctx: Context) -> str:
    c = ctx.case
    return cn_date(recorded_date(c.registered_at)) if c.registered_at else "近日"


def _salutation(ctx: Context) -> Para:
    return Para(f"{ctx.case.applicant.get('name', '')}：", bold=True)


def acceptance_notice(ctx: Context) -> Document:
    """受理通知书: the clock starts; the promised date is stated."""
    c = ctx.case
    body = (f"你（单位）于{_applied_on(ctx)}提出的{c.item_name}申请，经审查，申请材料齐全、"
            f"符合法定形式，根据{LICENSING_LAW}的规定，决定予以受理。")
    fields = [*party_fields(ctx), *item_fields(ctx),
              ("受理时间", ctx.accepted_text()), ("承诺办结", ctx.deadline_text()),
              ("法定时限", f"{c.legal_days}个工作日" if c.legal_days else "即办")]
    blocks = [*head(ctx, "受理通知书"), _salutation(ctx), Para(body, indent=True),
              Fields(tuple(fields))]
    if ctx.settings.query_hint:
        blocks.append(Para(f"进度查询：{ctx.settings.query_hint}", size="small", indent=True))
    blocks += [Space(2), signature(ctx)]
    return document(ctx, "受理通知书", blocks)


def missing_table(ctx: Context) -> Table:
    """Every missing material, with what exactly is needed (一次性告知: all at once)."""
    by_name = {m["name"]: m for m in ctx.case.materials.values()}
    rows = []
    for n, name in enumerate(ctx.case.missing, 1):
        m = by_name.get(name, {})
        counts = " ".join(x for x in (
            f"原件{m['originals']}份" if m.get("originals") else "",
            f"复印件{m['copies']}份" if m.get("copies") else "") if x)
        rows.append((str(n), name, counts or "—", m.get("condition") or "必须提交"))
    return Table(("序号", "需补正的材料", "份数", "说明"), tuple(rows),
                 widths=(0.08, 0.52, 0.2, 0.2), align=("center", "left", "center", "left"))


def supplement_notice(ctx: Context) -> Document:
    """一次性告知书（补正材料通知书）: everything missing, in writing, at once."""
    c = ctx.case
    body = (f"你（单位）于{_applied_on(ctx)}提出的{c.item_name}申请，因申请材料不齐全或者不符合"
            f"法定形式，根据{LICENSING_LAW}的规定，现一次性告知需要补正的全部材料"
            f"（共{len(c.missing)}项）如下：")
    after = (f"请补齐上述全部材料后到{ctx.go_to()}提交。补正期间承诺时限暂停计算，"
             "自收到全部补正材料之日起继续计算。除上述材料外，本事项不再要求补正其他材料。")
    blocks = [*head(ctx, "一次性告知书"),
        Para("（补正材料通知书）", align="center"), _salutation(ctx),
        Para(body, indent=True), missing_table(ctx), Para(after, indent=True),
        Fields(tuple([*party_fields(ctx), *item_fields(ctx)])), Space(2), signature(ctx),
    ]
    return document(ctx, "一次性告知书", blocks)


def refusal_notice(ctx: Context) -> Document:
    """不予受理通知书: the reason, and the remedies with their time limits."""
    c = ctx.case
    s = ctx.settings
    body = f"你（单位）于{_applied_on(ctx)}提出的{c.item_name}申请，因下列原因，决定不予受理："

    rights = (f"如不服本决定，可以自收到本通知书之日起六十日内依照{REVIEW_LAW}的规定"
              f"向{s.review_authority}申请行政复议，也可以自收到本通知书之日起六个月内"
              f"依照{LITIGATION_LAW}的规定向{s.court}提起行政诉讼。")
    blocks = [*head(ctx, "不予受理通知书"),
        _salutation(ctx), Para(body, indent=True),
        Para(c.reason or "（未记录原因）", bold=True, indent=True),
        Para(rights, indent=True),
        Fields(tuple([*party_fields(ctx), *item_fields(ctx)])), Space(2), signature(ctx),
    ]
    return document(ctx, "不予受理通知书", blocks)


def outcome(ctx: Context) -> str:
    """The review's verdict, read from the case history (the state is 'issued' by now)."""
    kinds = [s.kind for s in ctx.case.history if not s.conflict]
    if "rejected" in kinds:
        return f"不予许可（{ctx.case.reason}）" if ctx.case.reason else "不予许可"
    if "approved" in kinds:
        return "准予许可"
    return "已办结"


def completion_notice(ctx: Context) -> Document:
    """办结通知书: the result, how it was delivered, and a request to rate."""
    c = ctx.case
    d = c.delivery
    done = cn_datetime(c.issued_at) or cn_date(ctx.today)
    body = f"你（单位）申请的{c.item_name}（办件编号{ctx.number}）已办结，现将结果告知如下。"
    rows = [*item_fields(ctx), ("受理时间", ctx.accepted_text()), ("办结时间", done),
                               ("办理结果", outcome(ctx)),
                               ("送达方式", DELIVERY_LABELS.get(str(d.get("method")), "窗口领取"))]
    if d.get("tracking_no"):
        rows.append(("EMS单号", str(d["tracking_no"])))
    blocks = [*head(ctx, "办结通知书"),
        _salutation(ctx), Para(body, indent=True),
        Fields(tuple([*party_fields(ctx), *rows])),
        Para(ctx.settings.rating_hint, size="small", indent=True),
        Space(2), signature(ctx),
    ]
    return document(ctx, "办结通知书", blocks)
