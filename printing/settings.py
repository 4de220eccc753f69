"""What differs between halls on paper, as data: never an `if hall == …` in code.

The hall's name, address and phone come from the catalog (server-owned reference data);
seal text, footer, review authority and the like from the terminal's settings dict.
Both are folded into one frozen dataclass at start-up and handed to the builders.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.catalog import Hall


class SettingsError(ValueError):
    """A printing setting has a wrong name or type; the message names it."""

    code = "printing.settings"


@dataclass(frozen=True)
class HallPrintSettings:
    """Everything a builder needs to know about the hall that prints."""

    hall_code: str
    hall_name: str
    address: str = ""
    phone: str = ""
    hours: str = ""
    query_hint: str = ""
    seal_text: str = ""  # 印章文字; defaults to the hall name
    footer: str = "政务服务便民热线：12345"
    rating_hint: str = (
        "欢迎对本次服务作出评价（非常满意/满意/基本满意/不满意/非常不满意）："
        "可在窗口评价器评价，或将本告知单投入大厅评议箱，或回复办结短信。"
    )
    review_authority: str = "有管辖权的行政复议机关"  # named in the refusal notice
    court: str = "有管辖权的人民法院"
    notice_paper: str = "A4"  # A4 | A5
    # docs (by build() name) that print the applicant's whole ID number; none by
    # default (个人信息保护法): the number is masked unless a hall's rule needs it
    full_id_docs: tuple[str, ...] = ()
    strict_glyphs: bool = False  # True: refuse to print a character no font has
    sender_name: str = ""  # mailing sheet; defaults to the hall name

    @property
    def seal(self) -> str:
        return self.seal_text or self.hall_name

    @property
    def sender(self) -> str:
        return self.sender_name or self.hall_name


_FIELDS = {f.name: f for f in dataclasses.fields(HallPrintSettings)}
_FROM_HALL = ("hall_code", "hall_name", "address", "phone", "hours", "query_hint")


def _coerce(name: str, value: Any) -> Any:
    default = _FIELDS[name].default
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise SettingsError(f"打印设置 {name} 应为 true/false")
        return value
    if isinstance(default, tuple):
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            raise SettingsError(f"打印设置 {name} 应为字符串列表")
        return tuple(value)
    if not isinstance(value, str):
        raise SettingsError(f"打印设置 {name} 应为字符串")
    if name == "notice_paper" and value not in ("A4", "A5"):
        raise SettingsError(f"打印设置 notice_paper 只能是 A4 或 A5，而不是 {value}")
    return value


def settings_from(hall: Hall, overrides: Mapping[str, Any] | None = None) -> HallPrintSettings:
    """The hall's catalog record, with a terminal's settings dict on top.

    Unknown keys are refused rather than ignored: a typo in a seal text setting would
    otherwise print the wrong seal text for months.
    """
    values: dict[str, Any] = {
        "hall_code": hall.code, "hall_name": hall.name, "address": hall.address,
        "phone": hall.phone, "hours": hall.hours, "query_hint": hall.query_hint,
    }
    for key, value in (overrides or {}).items():
        if key not in _FIELDS:
            raise SettingsError(f"未知的打印设置: {key}")
        if value is None and key not in _FROM_HALL:
            continue
        values[key] = _coerce(key, value) if value is not None else values[key]
    return HallPrintSettings(**values)
