"""The typed record a card read produces, for every card type the reader knows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from devices.idcard import idnumber

CardType = Literal["resident", "hk_mo_tw", "foreign_2017", "foreign_2023"]

#: Shown instead of an end date on cards valid for life.
LONG_TERM = "长期"

GENDERS = {"1": "男", "2": "女", "0": "未知", "9": "未说明"}
GENDER_CODES = {v: k for k, v in GENDERS.items()}


@dataclass(frozen=True)
class IdCard:
    """One card as read, with text fields stripped of padding.

    ``repr`` masks the name and ID number and leaves the address out, so a card that
    ends up in a log line or a traceback does not leak personal data.
    """

    card_type: CardType
    name: str  # Chinese name; on foreign cards the Chinese name if any
    gender: str  # 男 / 女 / 未知 / 未说明
    nation: str  # 汉族 …; '' on cards without a nation
    birth_date: dt.date
    address: str
    id_number: str  # 18-character ID number, or the foreign card number
    authority: str  # issuing authority; the authority code on a 2017 foreign card
    valid_from: dt.date
    valid_to: dt.date | str  # a date or LONG_TERM
    pass_number: str = ""  # J card: the travel permit number
    issue_count: int | None = None  # J card: issue count; Y card: renewal count
    english_name: str = ""
    nationality: str = ""  # ISO 3166 alpha-3 on foreign cards (CAN, USA …)
    photo: bytes = field(default=b"", repr=False)  # 1024 bytes of WLT, undecoded
    nation_code: str = ""
    card_version: str = ""  # 2017 foreign card: the version field
    fingerprint: bytes = field(default=b"", repr=False)

    def __repr__(self) -> str:
        return (
            f"IdCard({self.card_type}, name={idnumber.mask_name(self.name)!r}, "
            f"id={idnumber.mask(self.id_number)!r}, photo={len(self.photo)} bytes)"
        )

    __str__ = __repr__

    @property
    def masked_id(self) -> str:
        """The ID number masked as ``1101**********002X``."""
        return idnumber.mask(self.id_number)

    @property
    def id_number_valid(self) -> bool:
        """GB 11643 check for resident and J cards (foreign numbers have other rules)."""
        if self.card_type in ("resident", "hk_mo_tw"):
            return idnumber.is_valid(self.id_number)
        return True

    def expired(self, today: dt.date) -> bool:
        """True when ``valid_to`` is a date before ``today`` (the caller's clock)."""
        return isinstance(self.valid_to, dt.date) and self.valid_to < today

    def to_json_dict(self, *, show_id: bool = False) -> dict[str, object]:
        """A JSON-ready dict (dates as YYYY-MM-DD), ID masked unless ``show_id``.

        Keys depend on the card type: J cards add ``pass_number`` and ``issue_count``,
        foreign cards ``english_name`` and ``nationality``. The photo is left out.
        """
        out: dict[str, object] = {
            "card_type": self.card_type,
            "name": self.name,
            "gender": self.gender,
            "nation": self.nation,
            "birth_date": self.birth_date.isoformat(),
            "address": self.address,
            "id_number": self.id_number if show_id else self.masked_id,
            "authority": self.authority,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": (
                self.valid_to.isoformat() if isinstance(self.valid_to, dt.date) else self.valid_to
            ),
        }
        if self.card_type == "hk_mo_tw":
            out["pass_number"] = self.pass_number
            out["issue_count"] = self.issue_count
        if self.card_type in ("foreign_2017", "foreign_2023"):
            out["english_name"] = self.english_name
            out["nationality"] = self.nationality
            if self.issue_count is not None:
                out["issue_count"] = self.issue_count
        return out
