"""Dialogs of the 行政许可法's steps: an extension approved by the head (art. 42), a
request for one, and acceptance on a written promise (容缺受理).

As with every dialog, the domain checks the payload again before anything is stored;
the limits shown here (the item's extension days, the promise's date range) are the
domain's own numbers so the clerk is never offered what will be refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.counter.jobs import check_login
from desktop.form_dialog import FormDialog
from desktop.messages import error_text
from desktop.scan_filter import disable_ime
from domain import acceptance, roles
from domain.catalog import Catalog, Material, Staff


class ExtensionRequestDialog(FormDialog):
    """申请延期: how many working days and why; the head decides."""

    def __init__(self, limit: int, parent: QWidget | None = None, *,
                 title: str | None = None, finish: bool = True) -> None:
        super().__init__(title or self.tr("申请延长办理期限"), parent)
        self.lay.addWidget(QLabel(self.tr(
            "依照行政许可法第四十二条，经本部门负责人批准，办理期限可以延长一次，"
            "最多{n}个工作日，并书面告知申请人延长的理由。").format(n=limit), wordWrap=True))
        self.days = QSpinBox(minimum=1, maximum=max(limit, 1), value=min(5, max(limit, 1)))
        self.days.setAccessibleName(self.tr("延长工作日"))
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(80)
        self.reason.setAccessibleName(self.tr("延期理由"))
        self.form.addRow(self.tr("延长工作日"), self.days)
        self.form.addRow(self.tr("理由（必填）"), self.reason)
        if finish:
            self.finish_layout()

    def problem(self) -> str:
        return "" if self.reason.toPlainText().strip() else self.tr("必须填写理由")

    def payload(self) -> dict[str, Any]:
        return {"days": self.days.value(), "reason": self.reason.toPlainText().strip()}


class ExtendDialog(ExtensionRequestDialog):
    """延期 at the window: a head of the case's department approves it there, with their
    own work number and password; the step is recorded in the head's name."""

    def __init__(self, catalog: Catalog, department: str | None, limit: int, runner,
                 parent: QWidget | None = None) -> None:
        super().__init__(limit, parent, title=self.tr("延长办理期限（负责人批准）"),
                         finish=False)
        self.runner = runner
        self.approver: Staff | None = None
        self.head = QComboBox()
        self.head.setAccessibleName(self.tr("批准的负责人"))
        for s in catalog.heads_of(department):
            self.head.addItem(f"{s.name}（{s.no}）", s)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("负责人密码"))
        disable_ime(self.password)
        self.form.addRow(self.tr("批准负责人"), self.head)
        self.form.addRow(self.tr("负责人密码"), self.password)
        self.finish_layout()
        if not self.head.count():
            self.error.setText(self.tr("本部门没有登记负责人，不能批准延期：请联系管理员"))
            self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)

    def problem(self) -> str:
        return super().problem() or ("" if self.password.text() else self.tr("请负责人输入密码"))

    def _try_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        head, password = self.head.currentData(), self.password.text()
        self.buttons.setEnabled(False)
        self.runner.io(lambda: check_login(head, password), self._verified, self._failed)

    def _verified(self, staff: Staff) -> None:
        self.buttons.setEnabled(True)
        if not roles.may(staff, "extended", item_department=staff.department):
            self.error.setText(self.tr("该工号不是部门负责人"))
            return
        self.approver = staff
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.error.setText(error_text(exc))

    def payload(self) -> dict[str, Any]:
        p = super().payload()
        if self.approver is not None:
            p["approved_by"] = self.approver.id
        return p


class ToleranceDialog(FormDialog):
    """容缺受理: the missing non-key materials and the date the applicant promises each;
    the 容缺受理承诺书 prints for the applicant to sign."""

    def __init__(self, materials: list[Material], today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("容缺受理（申请人书面承诺）"), parent)
        self.materials = materials
        self.lay.addWidget(QLabel(self.tr(
            "以下非关键材料暂缺，申请人书面承诺按期补齐后可先行受理；材料补齐前不予出件。"),
            wordWrap=True))
        self.dates: list[QDateEdit] = []
        first = today + dt.timedelta(days=1)
        last = today + dt.timedelta(days=acceptance.MAX_PROMISE_DAYS)
        default = today + dt.timedelta(days=7)
        for m in materials:
            edit = QDateEdit(QDate(default.year, default.month, default.day))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(QDate(first.year, first.month, first.day))
            edit.setMaximumDate(QDate(last.year, last.month, last.day))
            edit.setAccessibleName(self.tr("{name}的承诺补齐日期").format(name=m.name))
            self.dates.append(edit)
            label = QLabel(m.name, wordWrap=True)
            self.form.addRow(label, edit)
        self.lay.addWidget(QLabel(self.tr("受理后请打印《容缺受理承诺书》由申请人签字。"),
                                  objectName="hintText"))
        self.finish_layout()

    def payload(self) -> dict[str, Any]:
        return {"promises": [{"material": m.id, "due": d.date().toString("yyyy-MM-dd")}
                             for m, d in zip(self.materials, self.dates, strict=True)]}
