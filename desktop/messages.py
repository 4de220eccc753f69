"""Translated labels for domain values and messages for domain/device error codes.

The domain speaks in codes (`DomainError.code`, state and event kinds); the clerk reads
sentences. Every sentence is marked with QT_TRANSLATE_NOOP so lupdate collects it, and
translated when shown, so switching the language needs no code change.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from domain import events as ev
from domain import lifecycle as lc
from domain.workdays import CoverageWarning

_CTX = "messages"

STATES = {
    None: QT_TRANSLATE_NOOP("messages", "未登记"),
    lc.REGISTERED: QT_TRANSLATE_NOOP("messages", "已登记"),
    lc.ACCEPTED: QT_TRANSLATE_NOOP("messages", "已受理"),
    lc.SUPPLEMENT: QT_TRANSLATE_NOOP("messages", "待补正"),
    lc.IN_REVIEW: QT_TRANSLATE_NOOP("messages", "审核中"),
    lc.APPROVED: QT_TRANSLATE_NOOP("messages", "已批准"),
    lc.REJECTED: QT_TRANSLATE_NOOP("messages", "不予许可"),
    lc.RESULT_READY: QT_TRANSLATE_NOOP("messages", "待出件"),
    lc.ISSUED: QT_TRANSLATE_NOOP("messages", "已办结"),
    lc.REFUSED: QT_TRANSLATE_NOOP("messages", "不予受理"),
    lc.WITHDRAWN: QT_TRANSLATE_NOOP("messages", "已撤回"),
}

KINDS = {
    ev.REGISTERED: QT_TRANSLATE_NOOP("messages", "登记"),
    ev.ACCEPTED: QT_TRANSLATE_NOOP("messages", "受理"),
    ev.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("messages", "补正告知"),
    ev.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP("messages", "补正材料收到"),
    ev.REFUSED: QT_TRANSLATE_NOOP("messages", "不予受理"),
    ev.WITHDRAWN: QT_TRANSLATE_NOOP("messages", "撤回"),
    ev.SUBMITTED_FOR_REVIEW: QT_TRANSLATE_NOOP("messages", "提交审核"),
    ev.APPROVED: QT_TRANSLATE_NOOP("messages", "审核通过"),
    ev.REJECTED: QT_TRANSLATE_NOOP("messages", "审核不通过"),
    ev.RESULT_READY: QT_TRANSLATE_NOOP("messages", "结果待领取"),
    ev.ISSUED: QT_TRANSLATE_NOOP("messages", "出件"),
    ev.CLOCK_PAUSED: QT_TRANSLATE_NOOP("messages", "暂停计时"),
    ev.CLOCK_RESUMED: QT_TRANSLATE_NOOP("messages", "恢复计时"),
    ev.EXTENDED: QT_TRANSLATE_NOOP("messages", "延期"),
    ev.RATED: QT_TRANSLATE_NOOP("messages", "评价"),
    ev.EXTENSION_REQUESTED: QT_TRANSLATE_NOOP("messages", "申请延期"),
    ev.EXTENSION_DECLINED: QT_TRANSLATE_NOOP("messages", "不批准延期"),
    ev.PROMISE_FULFILLED: QT_TRANSLATE_NOOP("messages", "容缺材料补齐"),
}

PAUSE_REASONS = {
    "hearing": QT_TRANSLATE_NOOP("messages", "听证"),
    "inspection": QT_TRANSLATE_NOOP("messages", "现场核查"),
    "expert_review": QT_TRANSLATE_NOOP("messages", "专家评审"),
    "other": QT_TRANSLATE_NOOP("messages", "其他"),
}

DELIVERY = {
    "collected": QT_TRANSLATE_NOOP("messages", "窗口领取"),
    "mail": QT_TRANSLATE_NOOP("messages", "EMS邮寄"),
}

ERRORS = {
    "id.length": QT_TRANSLATE_NOOP("messages", "身份证号码应为18位"),
    "id.characters": QT_TRANSLATE_NOOP("messages", "身份证号码只能由数字组成，末位可为X"),
    "id.birth_date": QT_TRANSLATE_NOOP("messages", "身份证号码中的出生日期不存在或不合理"),
    "id.check_digit": QT_TRANSLATE_NOOP("messages", "身份证号码校验位不正确，请核对"),
    "id.invalid": QT_TRANSLATE_NOOP("messages", "身份证号码无效"),
    "phone.invalid": QT_TRANSLATE_NOOP("messages", "请输入11位手机号码，或带区号的固定电话"),
    "number.characters": QT_TRANSLATE_NOOP("messages", "编号只能由数字组成"),
    "number.format": QT_TRANSLATE_NOOP("messages",
                                       "不是办件编号或告知单编号（长度或首位不对）"),
    "number.check_digit": QT_TRANSLATE_NOOP(
        "messages", "编号校验位不正确：可能是扫描误读或输入错误，请重新扫描或核对输入"),
    "number.date": QT_TRANSLATE_NOOP("messages", "编号中的日期不存在"),
    "number.invalid": QT_TRANSLATE_NOOP("messages", "编号无效"),
    "catalog.unknown_item": QT_TRANSLATE_NOOP("messages", "本终端的事项目录中没有这个事项"),
    "case.illegal_transition": QT_TRANSLATE_NOOP("messages",
                                                 "办件当前状态不能进行此操作，请刷新后再试"),
    "case.unknown_kind": QT_TRANSLATE_NOOP("messages", "未知的办件操作"),
    "case.reason_required": QT_TRANSLATE_NOOP("messages", "必须填写原因"),
    "case.missing_required": QT_TRANSLATE_NOOP("messages", "补正告知须列明全部所缺材料"),
    "case.mail_details_required": QT_TRANSLATE_NOOP("messages", "邮寄送达须填写地址和EMS单号"),
    "case.extension_days": QT_TRANSLATE_NOOP("messages", "延期天数应为正数"),
    "case.agent_not_allowed": QT_TRANSLATE_NOOP("messages", "该事项须本人办理，不可代办"),
    "rating.level": QT_TRANSLATE_NOOP("messages", "评价等级应为1-5"),
    "person.name_required": QT_TRANSLATE_NOOP("messages", "请填写姓名"),
    "person.name_length": QT_TRANSLATE_NOOP("messages", "姓名过长"),
    "person.id_required": QT_TRANSLATE_NOOP("messages", "请填写证件号码"),
    "search.partial_number": QT_TRANSLATE_NOOP(
        "messages", "请输入完整的办件编号、告知单编号或18位身份证号码"),
    "date.invalid": QT_TRANSLATE_NOOP("messages", "日期无效"),
    "replica.error": QT_TRANSLATE_NOOP("messages", "本地数据库无法使用，请联系技术支持"),
    "login.failed": QT_TRANSLATE_NOOP("messages", "工号或密码不正确"),
    "login.inactive": QT_TRANSLATE_NOOP("messages", "该工号已停用"),
    "lookup.not_found": QT_TRANSLATE_NOOP("messages", "本终端没有找到该办件（可能尚未同步）"),
    "case.extension_once": QT_TRANSLATE_NOOP(
        "messages", "本件已延期一次，依法不能再次延期（行政许可法第四十二条）"),
    "case.extension_pending": QT_TRANSLATE_NOOP("messages", "已有待负责人批准的延期申请"),
    "case.extension_none": QT_TRANSLATE_NOOP("messages", "没有待批准的延期申请"),
    "case.extension_approver_required": QT_TRANSLATE_NOOP("messages", "延期须由部门负责人批准"),
    "case.pause_reason": QT_TRANSLATE_NOOP("messages",
                                           "暂停计时的事由应为听证、现场核查、专家评审或其他"),
    "case.promise_due": QT_TRANSLATE_NOOP("messages",
                                          "容缺材料的承诺补齐日期应晚于受理当天，且不超过90天"),
    "case.promise_none": QT_TRANSLATE_NOOP("messages", "没有待补齐的容缺材料"),
    "role.approver": QT_TRANSLATE_NOOP("messages", "延期须由批准的负责人本人登记"),
    "role.inactive": QT_TRANSLATE_NOOP("messages", "该工号已停用"),
    "role.no_department": QT_TRANSLATE_NOOP("messages", "该工号没有所属部门，不能审批"),
    "role.unknown_department": QT_TRANSLATE_NOOP("messages", "无法确定办件所属部门"),
    "bo.offline": QT_TRANSLATE_NOOP("messages", "无法连接审批服务器，请检查网络后重试"),
    "bo.session": QT_TRANSLATE_NOOP("messages", "登录已失效，请重新登录"),
}


_CALENDAR_MISSING = QT_TRANSLATE_NOOP(
    "messages", "本机没有{year}年的节假日安排：{year}年的办理期限暂按法定节假日推算（临时），请联系管理员导入")
_CALENDAR_ENDS = QT_TRANSLATE_NOOP(
    "messages", "节假日安排只到{day}：{year}年的办理期限暂按法定节假日推算（临时），"
    "请联系管理员导入{year}年的安排")


def calendar_warning_text(w: CoverageWarning | None) -> str | None:
    """The counter's banner and the supervisor's overview line when the loaded holiday
    schedule ends within 60 days (domain.workdays.coverage_warning); None otherwise."""
    if w is None:
        return None
    if w.last_day is None:
        return tr(_CALENDAR_MISSING).format(year=w.missing_year)
    return tr(_CALENDAR_ENDS).format(day=w.last_day.isoformat(), year=w.missing_year)


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def state_text(state: str | None) -> str:
    return tr(STATES.get(state, str(state)))


def kind_text(kind: str) -> str:
    return tr(KINDS.get(kind, kind))


def pause_text(reason: str) -> str:
    return tr(PAUSE_REASONS.get(reason, reason))


def delivery_text(method: str) -> str:
    return tr(DELIVERY.get(method, method))


def error_text(exc: BaseException) -> str:
    """What the clerk reads for a failure: the code's sentence, else the exception text.

    A message known by its code is translated; the domain's own (Chinese) text is the
    fallback, since it was written for clerks too.
    """
    code = getattr(exc, "code", None)
    if code and code in ERRORS:
        return tr(ERRORS[code])
    if code:
        return str(exc)
    return QCoreApplication.translate("messages", "操作失败：{error}").format(
        error=type(exc).__name__)
