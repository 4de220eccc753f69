"""Made-up cards for the simulator, the demo and the tests (no real person).

``zhangsan`` is the test vector of shared/protocols/idcard-reader.md byte for byte
(its gender field says 男 although the number's 17th digit is even: the vector is kept
as published). Every resident/J number passes the GB 11643 check.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from devices.idcard.card import LONG_TERM, IdCard


def fake_photo(seed: str) -> bytes:
    """1024 deterministic bytes standing in for a WLT photo."""
    out = b""
    block = seed.encode()
    while len(out) < 1024:
        block = hashlib.sha256(block).digest()
        out += block
    return out[:1024]


D = dt.date

SAMPLE_CARDS: dict[str, IdCard] = {
    "zhangsan": IdCard(
        card_type="resident", name="张三", gender="男", nation="汉族",
        birth_date=D(1949, 12, 31), address="北京市朝阳区建国路1号",
        id_number="11010519491231002X", authority="北京市公安局朝阳分局",
        valid_from=D(2015, 1, 1), valid_to=D(2035, 1, 1), photo=bytes(1024),
        nation_code="01",
    ),
    "wangfang": IdCard(
        card_type="resident", name="王芳", gender="女", nation="回族",
        birth_date=D(1985, 6, 15), address="宁夏回族自治区银川市兴庆区解放西街88号3单元502室",
        id_number="64010419850615002X", authority="银川市公安局兴庆区分局",
        valid_from=D(2019, 3, 1), valid_to=D(2039, 3, 1), photo=fake_photo("wangfang"),
        nation_code="03",
    ),
    "ayguli": IdCard(
        card_type="resident", name="阿依古丽·买买提", gender="女", nation="维吾尔族",
        birth_date=D(1960, 3, 2), address="新疆乌鲁木齐市天山区解放南路12号",
        id_number="650102196003020047", authority="乌鲁木齐市公安局天山区分局",
        valid_from=D(2012, 5, 20), valid_to=LONG_TERM, photo=fake_photo("ayguli"),
        nation_code="05",
    ),
    "chendawen": IdCard(
        card_type="hk_mo_tw", name="陈大文", gender="男", nation="",
        birth_date=D(1990, 1, 1), address="香港特别行政区九龙弥敦道100号",
        id_number="810000199001010019", authority="深圳市公安局",
        valid_from=D(2020, 7, 1), valid_to=D(2025, 7, 1), pass_number="H12345678",
        issue_count=1, photo=fake_photo("chendawen"),
    ),
    "smith": IdCard(
        card_type="foreign_2017", name="史密斯", gender="男", nation="",
        birth_date=D(1980, 1, 1), address="", id_number="CAN110080010115",
        authority="1500", valid_from=D(2018, 1, 1), valid_to=D(2028, 1, 1),
        english_name="SMITH, JOHN", nationality="CAN", card_version="01",
        photo=fake_photo("smith"),
    ),
    "williamson": IdCard(
        card_type="foreign_2023", name="威廉姆森", gender="男", nation="",
        birth_date=D(1980, 1, 1), address="", id_number="911101198001010010",
        authority="", valid_from=D(2024, 1, 1), valid_to=D(2034, 1, 1),
        english_name="WILLIAMSON-FITZGERALD, ALEXANDER JAMES HENRY", nationality="GBR",
        issue_count=0, photo=fake_photo("williamson"),
    ),
}

#: The vector's name works too: ``--card 张三``.
_BY_NAME = {card.name: key for key, card in SAMPLE_CARDS.items()}


def sample_card(name: str) -> IdCard:
    """A sample by key (``zhangsan``) or Chinese name (``张三``); KeyError otherwise."""
    return SAMPLE_CARDS[_BY_NAME.get(name, name)]
