"""Forms that record a handover: the materials receipt and the EMS mailing sheet.

Both are signed by two parties, so both leave a line for the other party's signature.
The mailing sheet is the one paper that prints the recipient's phone number whole: the
courier has to call it; it carries no ID number at all, the courier has no use for one.
"""

from __future__ import annotations

from printing.context import Context, cn_date
from printing.model import Barcode, Block, Document, Fields, Para, Signature, Space, Table
from printing.notices import document, head, party_fields, signature


def material_rows(ctx: Context) -> tuple[tuple[str, ...], ...]:
    """One row per material on the case's checklist, with what was actually received."""
    rows = []
    for n, m in enumerate(ctx.case.materials.values(), 1):
        got = bool(m.get("provided"))
        originals = f"{m['originals']}份" if got and m.get("originals") else "—"
        copies = f"{m['copies']}份" if got and m.get("copies") else "—"
        if got:
            status = "已收"
        elif m.get("required", True):
            status = "未收（需补正）"
        else:
            status = "不适用" if m.get("condition") else "未收"
        rows.append((str(n), str(m["name"]), originals, copies, status))
    return tuple(rows)


def materials_receipt(ctx: Context) -> Document:
    """材料接收凭证: which materials, how many originals and copies, were received."""
    c = ctx.case
    rows = material_rows(ctx)
    received = sum(1 for r in rows if r[4] == "已收")
    when = ctx.accepted_text() if c.accepted_at else cn_date(ctx.decided)
    table = Table(("序号", "材料名称", "原件", "复印件", "接收情况"), rows,
                  widths=(0.085, 0.485, 0.11, 0.12, 0.2),
                  align=("center", "left", "center", "center", "center"))
    blocks: list[Block] = [*head(ctx, "材料接收凭证"),
        Fields(tuple([*party_fields(ctx), ("办理事项", c.item_name), ("接收时间", when)])),
        table,
        Para(f"共{len(rows)}项，已收{received}项。本凭证仅证明窗口收到上述材料，"
             "是否受理以受理通知书或一次性告知书为准。", size="small", indent=True),
        Space(2),
        Para("申请人（签字）：____________", align="left"),
        signature(ctx),
    ]
    return document(ctx, "材料接收凭证", blocks)


def mailing_sheet(ctx: Context) -> Document:
    """EMS 邮寄单: sender, recipient, contents, tracking number; free of charge."""
    c = ctx.case
    s = ctx.settings
    d = c.delivery
    a = c.applicant
    recipient = str(d.get("recipient") or a.get("name", ""))
    address = str(d.get("address") or a.get("address", ""))
    tracking = str(d.get("tracking_no", ""))
    sender = Fields((("寄件单位", s.sender), ("寄件地址", s.address), ("寄件电话", s.phone)))
    to = Fields((
        ("收件人", recipient),
        ("收件电话", ctx.phone_text(a, whole=True)),
        ("收件地址", address),
    ))
    contents = Fields((
        ("邮寄内容", f"{c.item_name}办理结果"),
        ("办件编号", ctx.number),
        ("EMS单号", tracking or "（待填写）"),
        ("邮寄费用", "免费（由政务服务中心承担）"),
    ))
    blocks: list[Block] = [*head(ctx, "政务服务EMS邮寄单"),
        Para("寄件人", size="large"), sender, Para("收件人", size="large"), to,
        Para("邮件信息", size="large"), contents,
    ]
    if tracking:
        blocks.append(Barcode(tracking, caption="EMS单号", align="left"))
    blocks += [
        Para("请收件人当面验视，确认无误后签收。如有疑问请致电寄件单位。", size="small",
             indent=True),
        Space(2),
        Para("收件人签收：____________　　签收日期：______年____月____日"),
        Signature(seal_text=s.seal, date_text=cn_date(ctx.decided),
                  staff_text=ctx.staff_text()),
    ]
    return document(ctx, "政务服务EMS邮寄单", blocks)

