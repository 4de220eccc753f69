"""Applicants' phone numbers: mobiles, landlines with area code, masking."""

from __future__ import annotations

import pytest

from domain import phone
from domain.errors import InvalidPhone


@pytest.mark.parametrize(("text", "expected"), [
    ("13800138000", "13800138000"),
    ("199 0000 1111", "19900001111"),
    ("+86 138 0013 8000", "13800138000"),
    ("+8613800138000", "13800138000"),
    ("  15612345678\n", "15612345678"),
    ("010-12345678", "010-12345678"),
    ("0633-8881234", "0633-8881234"),
    ("063312345678", "063312345678"),
    ("0633—8881234", "0633-8881234"),
    ("１３８００１３８０００", "13800138000"),
])
def test_parse_accepts_and_normalises(text, expected):
    assert phone.parse(text) == expected


@pytest.mark.parametrize("text", [
    "", "1380013800", "138001380001", "12800138000", "23800138000", "1380013800a",
    "010-123456", "10-12345678", "abc", "+1 415 555 0100",
    # \d would match these digits of other scripts without re.ASCII
    "138٠٠١٣٨٠٠٠",
])
def test_parse_refuses(text):
    with pytest.raises(InvalidPhone) as info:
        phone.parse(text)
    assert info.value.code == "phone.invalid"


def test_only_mobiles_get_messages():
    assert phone.is_mobile("+86 138 0013 8000")
    assert not phone.is_mobile("0633-8881234")
    assert not phone.is_mobile("")


def test_mask():
    assert phone.mask("13812345678") == "138****5678"
    assert phone.mask("+86 138 1234 5678") == "138****5678"
    landline = phone.mask("0633-8881234")
    assert landline.startswith("063") and landline.endswith("1234")
    assert "888" not in landline and len(landline) == len("0633-8881234")
    assert phone.mask("12345") == "*****"
    assert phone.mask(None) == "" and phone.mask("") == ""
