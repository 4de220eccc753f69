"""What a reviewer or head may do with the case on screen, and the dialog each step asks.

The offer is exactly what the domain allows: the case's own rules (`Case.allows`: the
life cycle, one extension, a pending request) and the rule table for the logged-in
role and department (domain.roles). Each dialog returns the step's payload, which the
domain checks again when it is recorded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit, QWidget

from desktop.counter.dialogs import ReasonDialog, SupplementDialog
from desktop.counter.law_dialogs import ExtensionRequestDialog
from desktop.form_dialog import FormDialog
from domain import events as ev
from domain import roles
from domain.case import Case
from domain.catalog import Staff

REJECT_PRESETS = ["申请人不具备法定资格", "申请事项不符合法定条件、标准",
                  "经现场核查，实际情况与申请材料不符", "依法需要听证、检验或专家评审的结论不予支持"]


def _t(text: str) -> str:
    return QCoreApplication.translate("review", text)


# (kind, label, primary) in the order the buttons stand, left to right
STEPS = (
    (ev.SUPPLEMENT_REQUESTED, QT_TRANSLATE_NOOP("review", "退回补正"), False),
    (ev.CLOCK_PAUSED, QT_TRANSLATE_NOOP("review", "暂停计时"), False),
    (ev.CLOCK_RESUMED, QT_TRANSLATE_NOOP("review", "恢复计时"), False),
    (ev.EXTENSION_REQUESTED, QT_TRANSLATE_NOOP("review", "申请延期"), False),
    (ev.EXTENSION_DECLINED, QT_TRANSLATE_NOOP("review", "不批准延期"), False),
    (ev.EXTENDED, QT_TRANSLATE_NOOP("review", "批准延期"), False),
    (ev.REJECTED, QT_TRANSLATE_NOOP("review", "不予许可"), False),
    (ev.APPROVED, QT_TRANSLATE_NOOP("review", "审核通过"), True),
    (ev.RESULT_READY, QT_TRANSLATE_NOOP("review", "结果已出"), True),
)


def available(case: Case, staff: Staff, department: str | None) -> list[tuple[str, str, bool]]:
    """The steps to offer: legal on the case now, and the staff member's to take."""
    out = []
    for kind, label, primary in STEPS:
        payload = dict(case.extension_request or {}) if kind == ev.EXTENDED else {}
        if case.allows(kind, payload) and roles.may(staff, kind, item_department=department):
            out.append((kind, _t(label), primary))
    return out


class OpinionDialog(FormDialog):
    """审核通过: the reviewer's opinion, optional."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("审核通过"), parent)
        self.opinion = QPlainTextEdit()
        self.opinion.setPlainText(self.tr("材料齐全，符合法定条件，同意。"))
        self.opinion.setFixedHeight(80)
        self.opinion.setAccessibleName(self.tr("审核意见"))
        self.form.addRow(self.tr("审核意见"), self.opinion)
        self.finish_layout()

    def payload(self) -> dict[str, Any]:
        text = self.opinion.toPlainText().strip()
        return {"opinion": text} if text else {}


def dialog_for(kind: str, case: Case, staff: Staff, parent: QWidget | None) -> QDialog | None:
    """The dialog that asks for a step's payload (None: a confirmation is enough)."""
    if kind == ev.APPROVED:
        return OpinionDialog(parent)
    if kind == ev.REJECTED:
        return ReasonDialog(_t("不予许可"), _t("不予许可的理由（写入《不予行政许可决定书》，"
                                               "并告知申请人申请行政复议或提起行政诉讼的权利）："),
                            REJECT_PRESETS, parent=parent)
    if kind == ev.SUPPLEMENT_REQUESTED:
        missing = [m["name"] for m in case.materials.values() if not m.get("provided")
                   and m.get("required", True)]
        return SupplementDialog(missing, parent)
    if kind == ev.CLOCK_PAUSED:
        return ReasonDialog(_t("暂停计时"), _t("听证、现场核查、专家评审等所需时间不计入办理期限"
                                               "（行政许可法第四十五条），将书面告知申请人："),
                            pause=True, parent=parent)
    if kind == ev.EXTENSION_REQUESTED:
        return ExtensionRequestDialog(case.extension_limit, parent)
    if kind == ev.EXTENDED:
        d = ExtensionRequestDialog(case.extension_limit, parent, title=_t("批准延长办理期限"))
        asked = case.extension_request or {}
        if asked:
            d.days.setValue(int(asked.get("days", 1)))
            d.reason.setPlainText(str(asked.get("reason", "")))
        return d
    if kind == ev.EXTENSION_DECLINED:
        return ReasonDialog(_t("不批准延期"), _t("不批准延期的理由（告知申请延期的审批人员）："),
                            parent=parent)
    return None


def ask(kind: str, case: Case, staff: Staff, parent: QWidget | None) -> dict[str, Any] | None:
    """The payload of `kind` as the reviewer fills it in; None when they cancel."""
    dialog = dialog_for(kind, case, staff, parent)
    if dialog is None:
        answer = QMessageBox.question(parent, _t("确认"), _t("确认进行「{what}」？").format(
            what=next(label for k, label, _p in STEPS if k == kind)))
        return {} if answer == QMessageBox.StandardButton.Yes else None
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return payload_of(kind, dialog, staff)


def payload_of(kind: str, dialog: QDialog, staff: Staff) -> dict[str, Any]:
    """A filled-in dialog's payload; a head's extension names the head as approver."""
    payload = dict(dialog.payload())  # type: ignore[attr-defined]
    if kind == ev.EXTENDED:
        payload["approved_by"] = staff.id
    return payload
