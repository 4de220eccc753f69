"""The fields of one person (applicant or agent), checked as they are typed.

The whole ID number is shown here, and only here: the clerk is entering or checking it
against the card. The birth date and gender it encodes are shown next to it, so a
wrong digit is noticed while the citizen is still at the window.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.feedback import restyle
from desktop.messages import error_text
from desktop.scan_filter import disable_ime
from domain import idnumber, phone
from domain.errors import DomainError

ID_TYPES = (
    ("resident", "居民身份证"),
    ("hk_mo_tw", "港澳台居民居住证"),
    ("foreign_2023", "外国人永久居留身份证"),
    ("passport", "护照"),
    ("other", "其他证件"),
)
CARD_TYPES = {"resident": "resident", "hk_mo_tw": "hk_mo_tw", "foreign_2017": "foreign_2023",
              "foreign_2023": "foreign_2023"}


class PersonFields(QWidget):
    """Name, document, phone, address of one person."""

    sig_changed = Signal()
    """Something was typed or filled in."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.card_extra: dict[str, Any] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.name_info = QLabel("", objectName="hintText")
        self.name_info.hide()
        self.id_type = QComboBox()
        for code, _label in ID_TYPES:
            self.id_type.addItem(self._type_label(code), code)
        self.id_number = QLineEdit(placeholderText=self.tr("18位身份证号码"))
        self.id_number.setMaxLength(30)
        disable_ime(self.id_number)
        self.id_info = QLabel("", objectName="hintText")
        self.phone = QLineEdit(placeholderText=self.tr("手机或带区号的固定电话"))
        disable_ime(self.phone)
        self.phone_info = QLabel("", objectName="hintText")
        self.address = QLineEdit()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow("", self.name_info)
        form.addRow(self.tr("证件类型"), self.id_type)
        form.addRow(self.tr("证件号码"), self.id_number)
        form.addRow("", self.id_info)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow("", self.phone_info)
        form.addRow(self.tr("地址"), self.address)
        self.id_number.textChanged.connect(self._check_id)
        self.name.textChanged.connect(lambda _t: self.name_info.hide())
        self.phone.editingFinished.connect(self._check_phone)
        for w in (self.name, self.id_number, self.phone, self.address):
            w.textChanged.connect(self.sig_changed)

    def _type_label(self, code: str) -> str:
        labels = {
            "resident": self.tr("居民身份证"), "hk_mo_tw": self.tr("港澳台居民居住证"),
            "foreign_2023": self.tr("外国人永久居留身份证"), "passport": self.tr("护照"),
            "other": self.tr("其他证件"),
        }
        return labels[code]

    # --- live checks ----------------------------------------------------------
    def _check_id(self) -> None:
        if self.id_type.currentData() not in ("resident", "hk_mo_tw"):
            self.id_info.setText("")
            return
        text = idnumber.normalize(self.id_number.text())
        if len(text) < 18:
            self.id_info.setProperty("state", "")
            self.id_info.setText(self.tr("还差%n位", "", 18 - len(text)) if text else "")
        else:
            try:
                info = idnumber.parse(text, today=self.today)
            except DomainError as exc:
                self.id_info.setProperty("state", "error")
                self.id_info.setText(error_text(exc))
            else:
                age = (self.today - info.birth_date).days // 365
                gender = self.tr("男") if info.gender == "男" else self.tr("女")
                self.id_info.setProperty("state", "ok")
                self.id_info.setText(self.tr("✓ 出生日期 {date}　{gender}　{age}岁").format(
                    date=info.birth_date.isoformat(), gender=gender, age=age))
        self.id_info.style().unpolish(self.id_info)
        self.id_info.style().polish(self.id_info)

    def _check_phone(self) -> None:
        text = self.phone.text().strip()
        if not text:
            self.phone_info.setText("")
            return
        try:
            phone.parse(text)
        except DomainError as exc:
            self.phone_info.setProperty("state", "error")
            self.phone_info.setText(error_text(exc))
        else:
            self.phone_info.setProperty("state", "ok")
            self.phone_info.setText(self.tr("✓ 可接收办理进度和评价短信") if phone.is_mobile(text)
                                    else "✓")
        self.phone_info.style().unpolish(self.phone_info)
        self.phone_info.style().polish(self.phone_info)

    def show_error(self, exc: DomainError) -> bool:
        """A refusal about one of these fields, under it, with the cursor there."""
        code = getattr(exc, "code", "") or ""
        if code.startswith("person.name"):
            label, field = self.name_info, self.name
        elif code.startswith("id.") or code == "person.id_required":
            label, field = self.id_info, self.id_number
        elif code.startswith("phone."):
            label, field = self.phone_info, self.phone
        else:
            return False
        label.setProperty("state", "error")
        label.setText(error_text(exc))
        label.show()
        restyle(label)
        field.setFocus()
        return True

    # --- values ---------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The raw values, for domain.application.validate_person."""
        return {"name": self.name.text().strip(), "id_type": self.id_type.currentData(),
                "id_number": self.id_number.text().strip(), "phone": self.phone.text().strip(),
                "address": self.address.text().strip()}

    def set_values(self, values: dict[str, Any]) -> None:
        index = self.id_type.findData(values.get("id_type") or "resident")
        self.id_type.setCurrentIndex(max(index, 0))
        self.name.setText(str(values.get("name") or ""))
        self.id_number.setText(str(values.get("id_number") or ""))
        self.phone.setText(str(values.get("phone") or ""))
        self.address.setText(str(values.get("address") or ""))
        self._check_phone()

    def fill_from_card(self, card: dict[str, Any]) -> None:
        """What the ID-card reader read: never retype what a device can read."""
        self.card_extra = {k: card.get(k) for k in ("gender", "nation", "birth_date")}
        self.set_values({
            "name": card.get("name", ""),
            "id_type": CARD_TYPES.get(str(card.get("card_type") or "resident"), "other"),
            "id_number": card.get("id_number", ""),
            "phone": self.phone.text(),
            "address": card.get("address", "") or self.address.text(),
        })

    def clear(self) -> None:
        """Personal data leaves the screen as soon as the citizen's business is done."""
        self.card_extra = {}
        for w in (self.name, self.id_number, self.phone, self.address):
            w.clear()
        self.id_type.setCurrentIndex(0)
        self.id_info.clear()
        self.phone_info.clear()
        self.name_info.hide()

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.name, self.id_number, self.phone, self.address):
            w.setReadOnly(read_only)
        self.id_type.setEnabled(not read_only)
