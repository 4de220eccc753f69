"""The small dialogs of a step: supplement notice, reasons, issue, review (the law's
extension and 容缺 dialogs are in law_dialogs).

Each returns the payload of its event; the domain checks it again before anything is
stored, so a dialog's own checks are for the clerk's comfort, not for correctness.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop.counter.jobs import check_login
from desktop.form_dialog import FormDialog
from desktop.messages import PAUSE_REASONS, error_text, pause_text
from desktop.scan_filter import disable_ime, mark_code_field
from domain import roles
from domain.catalog import Catalog, Staff


class SupplementDialog(FormDialog):
    """补正告知: every missing material at once (一次性告知), with a note."""

    def __init__(self, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("补正告知（一次性告知）"), parent)
        self.lay.addWidget(QLabel(self.tr(
            "以下材料缺少或不符合要求，将一次性告知申请人（共%n项）：", "", len(missing))))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("所缺材料"))
        self.list.addItems(missing)
        self.list.setMinimumHeight(180)
        self.lay.addWidget(self.list)
        self.extra = QLineEdit(placeholderText=self.tr("其他需要补正的内容（可选）"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("补正要求说明（可选），如：复印件须加盖公章"))
        self.note.setFixedHeight(70)
        self.form.addRow(self.tr("其他"), self.extra)
        self.form.addRow(self.tr("说明"), self.note)
        self.lay.addWidget(QLabel(self.tr("发出补正告知后，办理时限暂停计算，材料补齐后恢复。"),
                                  objectName="hintText"))
        self.finish_layout()

    def problem(self) -> str:
        return "" if self.missing() else self.tr("请列明所缺材料")

    def missing(self) -> list[str]:
        items = [self.list.item(i).text() for i in range(self.list.count())]
        if self.extra.text().strip():
            items.append(self.extra.text().strip())
        return items

    def payload(self) -> dict[str, Any]:
        return {"missing": self.missing(), "note": self.note.toPlainText().strip()}


class ReasonDialog(FormDialog):
    """A step that needs a reason: refusal, withdrawal, rejection, pause."""

    def __init__(self, title: str, prompt: str, presets: list[str] | None = None,
                 pause: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.lay.addWidget(QLabel(prompt))
        self.pause_reason = QComboBox()
        if pause:
            for code in PAUSE_REASONS:
                self.pause_reason.addItem(pause_text(code), code)
            self.form.addRow(self.tr("暂停事由"), self.pause_reason)
        self.preset = QComboBox()
        if presets:
            self.preset.addItem(self.tr("（选择常用理由）"), "")
            for p in presets:
                self.preset.addItem(p, p)
            self.preset.activated.connect(
                lambda _i: self.reason.setPlainText(self.preset.currentData() or ""))
            self.form.addRow(self.tr("常用理由"), self.preset)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(90)
        self.form.addRow(self.tr("理由（必填）"), self.reason)
        self.finish_layout()
        self.reason.setFocus()

    def problem(self) -> str:
        return "" if self.reason.toPlainText().strip() else self.tr("必须填写理由")

    def payload(self) -> dict[str, Any]:
        p: dict[str, Any] = {"reason": self.reason.toPlainText().strip()}
        if self.pause_reason.count():
            p["pause_reason"] = self.pause_reason.currentData()
        return p


class IssueDialog(FormDialog):
    """出件: handed over at the window, or mailed by EMS with address and number."""

    def __init__(self, mailing_allowed: bool, applicant: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("出件（送达结果）"), parent)
        self.collected = QRadioButton(self.tr("窗口领取"))
        self.mail = QRadioButton(self.tr("EMS邮寄（免费）"))
        self.collected.setChecked(True)
        self.mail.setEnabled(mailing_allowed)
        if not mailing_allowed:
            self.mail.setToolTip(self.tr("该事项的结果不能邮寄"))
        self.recipient = QLineEdit(str(applicant.get("name") or ""))
        self.address = QLineEdit(str(applicant.get("address") or ""))
        self.tracking = mark_code_field(QLineEdit(placeholderText="EA123456789CN"))
        self.form.addRow(self.tr("方式"), self.collected)
        self.form.addRow("", self.mail)
        self.form.addRow(self.tr("领取/收件人"), self.recipient)
        self.form.addRow(self.tr("邮寄地址"), self.address)
        self.form.addRow(self.tr("EMS单号"), self.tracking)
        self.mail.toggled.connect(self._sync)
        self._sync()
        self.finish_layout()

    def _sync(self) -> None:
        for w in (self.address, self.tracking):
            w.setEnabled(self.mail.isChecked())

    def problem(self) -> str:
        if self.mail.isChecked() and not (self.address.text().strip()
                                          and self.tracking.text().strip()):
            return self.tr("邮寄送达须填写地址和EMS单号")
        return ""

    def payload(self) -> dict[str, Any]:
        if self.mail.isChecked():
            return {"method": "mail", "recipient": self.recipient.text().strip(),
                    "address": self.address.text().strip(),
                    "tracking_no": self.tracking.text().strip().upper()}
        return {"method": "collected", "recipient": self.recipient.text().strip()}


class ReviewDialog(FormDialog):
    """Record the back office's decision at a standalone counter.

    A reviewer logged in here records it in their own name; otherwise the reviewer of
    the case's department types their number and password and it is recorded in theirs
    (domain.roles: a clerk never decides, a reviewer only their department's cases).
    """

    def __init__(self, catalog: Catalog, is_reviewer: bool, runner,
                 parent: QWidget | None = None, *, department: str | None = None) -> None:
        super().__init__(self.tr("登记审核结果"), parent)
        self.catalog = catalog
        self.runner = runner
        self.department = department
        self.reviewer_id = ""
        self.reviewer: Staff | None = None
        self.approve = QRadioButton(self.tr("审核通过"))
        self.reject_ = QRadioButton(self.tr("审核不通过"))
        self.approve.setChecked(True)
        self.opinion = QPlainTextEdit()
        self.opinion.setFixedHeight(70)
        self.form.addRow(self.tr("结论"), self.approve)
        self.form.addRow("", self.reject_)
        self.form.addRow(self.tr("审核意见"), self.opinion)
        self.is_reviewer = is_reviewer
        self.staff_no = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        if not is_reviewer:
            disable_ime(self.staff_no)
            self.form.addRow(self.tr("审核人工号"), self.staff_no)
            self.form.addRow(self.tr("审核人密码"), self.password)
        self.finish_layout()

    @property
    def kind(self) -> str:
        return "approved" if self.approve.isChecked() else "rejected"

    def problem(self) -> str:
        if self.kind == "rejected" and not self.opinion.toPlainText().strip():
            return self.tr("审核不通过必须填写理由")
        if not self.is_reviewer and not self.staff_no.text():
            return self.tr("请由本部门审核人输入工号和密码")
        return ""

    def _try_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        if self.is_reviewer:
            self.accept()
            return
        staff = self.catalog.staff_member(self.staff_no.text().strip())
        password = self.password.text()
        self.buttons.setEnabled(False)
        self.runner.io(lambda: check_login(staff, password), self._verified, self._failed)

    def _verified(self, staff: Staff) -> None:
        self.buttons.setEnabled(True)
        refusal = roles.refusal(staff, self.kind, item_department=self.department)
        if refusal is not None:
            self.error.setText(self.tr("该工号不是本部门的审核人员") if refusal.code in (
                "role.forbidden", "role.department") else error_text(refusal))
            return
        self.reviewer_id = staff.id
        self.reviewer = staff
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(error_text(exc))

    def payload(self) -> dict[str, Any]:
        p: dict[str, Any] = {"opinion": self.opinion.toPlainText().strip()}
        if self.kind == "rejected":
            p["reason"] = p["opinion"]
        return p
