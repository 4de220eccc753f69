"""The 256-byte text block of a card (UTF-16LE, space padded) ⇄ :class:`IdCard`.

The character at byte 248 names the card type: ``J`` Hong Kong/Macau/Taiwan residence
permit, ``I`` foreigner permanent residence card (2017), ``Y`` foreigner permanent ID
card (2023); anything blank is a resident card. Layouts are tables of
(field, offset, length) so decoding and encoding (for the simulator) cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from devices.errors import IdCardProtocolError
from devices.idcard.card import GENDER_CODES, GENDERS, LONG_TERM, IdCard
from devices.idcard.nations import nation_code, nation_name

TEXT_LEN = 256
TYPE_OFFSET = 248

Layout = tuple[tuple[str, int, int], ...]

RESIDENT: Layout = (
    ("name", 0, 30),
    ("gender", 30, 2),
    ("nation", 32, 4),
    ("birth", 36, 16),
    ("address", 52, 70),
    ("number", 122, 36),
    ("authority", 158, 30),
    ("valid_from", 188, 16),
    ("valid_to", 204, 16),
)
HK_MO_TW: Layout = (*RESIDENT, ("pass_number", 220, 18), ("issue_count", 238, 4))
FOREIGN_2017: Layout = (
    ("english_name", 0, 120),
    ("gender", 120, 2),
    ("number", 122, 30),
    ("nationality", 152, 6),
    ("name", 158, 30),
    ("valid_from", 188, 16),
    ("valid_to", 204, 16),
    ("birth", 220, 16),
    ("version", 236, 4),
    ("authority", 240, 8),
)
FOREIGN_2023: Layout = (
    ("name", 0, 30),
    ("gender", 30, 2),
    ("issue_count", 32, 4),
    ("birth", 36, 16),
    ("english_name", 52, 70),
    ("number", 122, 36),
    ("valid_from", 188, 16),
    ("valid_to", 204, 16),
    ("english_name_2", 220, 22),
    ("nationality", 242, 6),
)
LAYOUTS: dict[str, tuple[str, Layout]] = {
    "": ("resident", RESIDENT),
    "J": ("hk_mo_tw", HK_MO_TW),
    "I": ("foreign_2017", FOREIGN_2017),
    "Y": ("foreign_2023", FOREIGN_2023),
}
TYPE_CHARS = {card_type: char for char, (card_type, _) in LAYOUTS.items()}


def _field(block: bytes, offset: int, length: int, *, strip: bool = True) -> str:
    try:
        text = block[offset : offset + length].decode("utf-16-le")
    except UnicodeDecodeError as exc:
        raise IdCardProtocolError(f"text at {offset} is not UTF-16") from exc
    return text.strip(" \x00") if strip else text


def _date(value: str, what: str) -> dt.date:
    try:
        if len(value) != 8 or not value.isascii() or not value.isdigit():
            raise ValueError(value)
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError as exc:
        raise IdCardProtocolError(f"{what} is not a YYYYMMDD date") from exc


def _count(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() else None


def card_type_of(block: bytes) -> str:
    """The card type named by byte 248 (``resident`` when blank)."""
    char = _field(block, TYPE_OFFSET, 2)
    if char not in LAYOUTS:
        raise IdCardProtocolError(f"card type {char!r}", kind="unsupported_card")
    return LAYOUTS[char][0]


def decode_text(block: bytes, photo: bytes = b"", fingerprint: bytes = b"") -> IdCard:
    """Decode a 256-byte text block (plus the raw photo) into an :class:`IdCard`."""
    if len(block) != TEXT_LEN:
        raise IdCardProtocolError(f"text block of {len(block)} bytes")
    card_type = card_type_of(block)
    layout = LAYOUTS[TYPE_CHARS[card_type]][1]
    f = {name: _field(block, off, n) for name, off, n in layout}
    valid_to = f["valid_to"]
    english = f.get("english_name", "")
    if card_type == "foreign_2023":  # the English name continues at offset 220
        both = _field(block, 52, 70, strip=False) + _field(block, 220, 22, strip=False)
        english = both.strip(" \x00")
    return IdCard(
        card_type=card_type,  # type: ignore[arg-type]
        name=f["name"],
        gender=GENDERS.get(f["gender"], "未知"),
        nation=nation_name(f.get("nation", "")),
        birth_date=_date(f["birth"], "birth date"),
        address=f.get("address", ""),
        id_number=f["number"],
        authority=f.get("authority", ""),
        valid_from=_date(f["valid_from"], "valid-from date"),
        valid_to=LONG_TERM if valid_to == LONG_TERM else _date(valid_to, "valid-to date"),
        pass_number=f.get("pass_number", ""),
        issue_count=_count(f.get("issue_count", "")),
        english_name=english,
        nationality=f.get("nationality", ""),
        photo=bytes(photo),
        nation_code=f.get("nation", ""),
        card_version=f.get("version", ""),
        fingerprint=bytes(fingerprint),
    )


def _values(card: IdCard) -> dict[str, str]:
    def ymd(d: dt.date | str) -> str:
        return d if isinstance(d, str) else d.strftime("%Y%m%d")

    english = card.english_name
    return {
        "name": card.name,
        "gender": GENDER_CODES.get(card.gender, "0"),
        "nation": card.nation_code or nation_code(card.nation),
        "birth": ymd(card.birth_date),
        "address": card.address,
        "number": card.id_number,
        "authority": card.authority,
        "valid_from": ymd(card.valid_from),
        "valid_to": ymd(card.valid_to),
        "pass_number": card.pass_number,
        "issue_count": "" if card.issue_count is None else f"{card.issue_count:02d}",
        "english_name": english[:35] if card.card_type == "foreign_2023" else english,
        "english_name_2": english[35:],
        "nationality": card.nationality,
        "version": card.card_version,
    }


def encode_text(card: IdCard) -> bytes:
    """The 256-byte block a reader would send for ``card`` (used by the simulator)."""
    layout = LAYOUTS[TYPE_CHARS[card.card_type]][1]
    block = bytearray(" ".encode("utf-16-le") * (TEXT_LEN // 2))
    values = _values(card)
    for name, off, n in layout:
        raw = values[name].encode("utf-16-le")
        if len(raw) > n:
            raise ValueError(f"{name} does not fit in {n} bytes")
        block[off : off + len(raw)] = raw
    char = TYPE_CHARS[card.card_type]
    if char:
        block[TYPE_OFFSET : TYPE_OFFSET + 2] = char.encode("utf-16-le")
    return bytes(block)
