"""The small papers from the receipt printer: registration slip, acceptance receipt,
pickup slip.

They are read standing at a counter, so each says first what the citizen must do
next (which window, what to bring, when to come back) and keeps the rest short.
"""

from __future__ import annotations

from domain import idnumber
from printing.context import DELIVERY_LABELS, Context, cn_date, cn_datetime
from printing.model import (
    RECEIPT,
    Barcode,
    Block,
    Document,
    Fields,
    Items,
    Para,
    Rule,
    Space,
    Title,
)


def material_lines(ctx: Context, *, only_missing: bool = False) -> tuple[str, ...]:
    """Materials as the one-time notice words them: name, counts, the condition."""
    lines = []
    missing = set(ctx.case.missing)
    for m in ctx.case.materials.values():
        if only_missing and m["name"] not in missing:
            continue
        counts = []
        if m.get("originals"):
            counts.append(f"原件{m['originals']}份")
        if m.get("copies"):
            counts.append(f"复印件{m['copies']}份")
        cond = f"（{m['condition']}需提供）" if m.get("condition") else ""
        lines.append(f"{m['name']}{cond} {' '.join(counts)}".strip())
    if only_missing:  # a missing material the checklist lacks is still told
        known = {m["name"] for m in ctx.case.materials.values()}
        lines.extend(name for name in ctx.case.missing if name not in known)
    return tuple(lines)


def _head(ctx: Context, title: str) -> list[Block]:
    blocks: list[Block] = [Para(ctx.settings.hall_name, align="center"), Title(title)]
    if ctx.reprint_on is not None:
        blocks.append(Para(f"补打　{cn_date(ctx.reprint_on)}", align="center", bold=True))
    return blocks


def _number(ctx: Context, caption: str = "办件编号") -> list[Block]:
    """The case's barcode (the slip's number for a kiosk case not yet at a window)."""
    if not ctx.number:
        return []
    return [Barcode(ctx.number, caption=caption if ctx.case.case_number else "告知单编号"),
            Space()]


def _tail(ctx: Context, *, rating: bool) -> list[Block]:
    s = ctx.settings
    blocks: list[Block] = [Rule()]
    if s.query_hint:
        blocks.append(Para(f"进度查询：{s.query_hint}", size="small"))
    if rating:
        blocks.append(Para(s.rating_hint, size="small"))
    contact = [x for x in (f"咨询电话：{s.phone}" if s.phone else "", s.hours, s.address) if x]
    blocks.extend(Para(x, size="small") for x in contact)
    blocks.append(Para(f"打印日期：{cn_date(ctx.today)}", size="small"))
    if ctx.staff_no:
        blocks.append(Para(ctx.staff_text(), size="small"))
    return blocks


def _document(ctx: Context, title: str, blocks: list[Block]) -> Document:
    return Document(doc=ctx.doc, title=title, paper=RECEIPT, blocks=tuple(blocks),
                    case_number=ctx.number, hall_name=ctx.settings.hall_name,
                    footer=ctx.settings.footer)


def registration_slip(ctx: Context) -> Document:
    """统一受理告知单: where to go, what to bring, the limit, and the rating voucher.

    The applicant's name is masked: the slip is dropped into a public rating box.
    """
    c = ctx.case
    blocks = _head(ctx, "统一受理告知单")
    if c.queue_no:
        blocks += [Para("您的排队号", align="center"),
                   Para(c.queue_no, size="huge", align="center", bold=True)]
    blocks.append(Fields((
        ("办理事项", c.item_name),
        ("请到", ctx.go_to()),
        ("申请人", idnumber.mask_name(c.applicant.get("name"))),
        ("登记时间", cn_datetime(c.registered_at)),
        ("办理时限", ctx.time_limit()),
    )))
    materials = material_lines(ctx)
    if materials:
        blocks += [Rule(), Para("请备齐以下材料（一次性告知）：", bold=True), Items(materials)]
    number = c.slip_number or c.case_number
    if number:
        blocks += [Rule(), Barcode(number, caption="告知单编号"), Space()]
    blocks += _tail(ctx, rating=True)
    return _document(ctx, "统一受理告知单", blocks)


def acceptance_receipt(ctx: Context) -> Document:
    """受理回执: proof that the clock has started, and until when it runs."""
    c = ctx.case
    blocks = _head(ctx, "受理回执")
    blocks += [*_number(ctx), Fields((
        ("办理事项", c.item_name),
        ("申请人", str(c.applicant.get("name", ""))),
        ("受理时间", ctx.accepted_text()),
        ("承诺办结", ctx.deadline_text()),
        ("受理窗口", ctx.go_to()),
    ))]
    blocks.append(Para("请妥善保管本回执，凭回执或身份证件领取办理结果。", size="small"))
    blocks += _tail(ctx, rating=False)
    return _document(ctx, "受理回执", blocks)


def pickup_window(ctx: Context) -> str:
    """一个窗口出件: the zone's issuing window, else where the case was accepted."""
    item = ctx.item
    if item is not None:
        issuing = [w for w in ctx.catalog.windows_of_zone(item.zone) if not w.comprehensive]
        if issuing:
            return issuing[0].name
    return ctx.go_to()


def _pickup_method(ctx: Context) -> str:
    """How the result reaches the citizen: as chosen at issue, else the choices left.

    The slip is printed when the result is ready, before the citizen has chosen; it
    must not say 窗口领取 as if that were decided when EMS is still open to them.
    """
    chosen = ctx.case.delivery.get("method")
    if chosen:
        return DELIVERY_LABELS.get(str(chosen), str(chosen))
    item = ctx.item  # None when the catalog no longer has it: say what is always possible
    mailing = item is not None and item.mailing_allowed
    return "尚未选择：窗口领取，或申请EMS免费邮寄" if mailing else "窗口领取（本事项结果不邮寄）"


def pickup_slip(ctx: Context) -> Document:
    """取件凭条: the result is ready; where to collect it and what to bring."""
    c = ctx.case
    method = _pickup_method(ctx)
    blocks = _head(ctx, "结果领取凭条")
    blocks += [*_number(ctx), Fields((
        ("办理事项", c.item_name),
        ("申请人", str(c.applicant.get("name", ""))),
        ("受理时间", ctx.accepted_text()),
        ("领取方式", method),
        ("领取地点", pickup_window(ctx)),
    ))]
    blocks += [Para("领取时请携带：", bold=True), Items((
        "申请人本人身份证件原件",
        "他人代领的，另带申请人签字的委托书及代领人身份证件原件",
        "本凭条或受理回执",
    ))]
    blocks += _tail(ctx, rating=False)
    return _document(ctx, "结果领取凭条", blocks)
