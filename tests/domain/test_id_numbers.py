"""Resident ID numbers: GB 11643 check character, birth date, gender, masking."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import idnumber
from domain.errors import DomainError, InvalidIdNumber

# The valid vectors of shared/protocols/idcard-reader.md, with what they encode.
VALID = [
    ("11010519491231002X", dt.date(1949, 12, 31), "女", "110105"),
    ("440524188001010014", dt.date(1880, 1, 1), "男", "440524"),
    ("110105198001010024", dt.date(1980, 1, 1), "女", "110105"),
    ("810000199001010019", dt.date(1990, 1, 1), "男", "810000"),
]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def independent_check(first17: str) -> str:
    """The check character written out from the standard, not from the module."""
    remainder = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11
    return {0: "1", 1: "0", 2: "X", 3: "9", 4: "8", 5: "7", 6: "6", 7: "5", 8: "4",
            9: "3", 10: "2"}[remainder]


def error_code(text: str) -> str:
    with pytest.raises(InvalidIdNumber) as info:
        idnumber.parse(text)
    assert str(info.value)  # a message the clerk can read
    return info.value.code


@pytest.mark.parametrize(("number", "birth", "gender", "region"), VALID)
def test_valid_vectors(number, birth, gender, region):
    info = idnumber.parse(number)
    assert info.number == number
    assert info.birth_date == birth
    assert info.gender == gender
    assert info.region == region
    assert idnumber.is_valid(number)
    assert idnumber.check_char(number[:17]) == number[17] == independent_check(number[:17])


def test_worked_example_of_the_check_character():
    # 11010519491231002: 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5
    # +0*8+0*4+2*2 = 167; 167 % 11 = 2 → "X"
    assert sum(int(d) * w for d, w in zip("11010519491231002", WEIGHTS, strict=True)) == 167
    assert idnumber.check_char("11010519491231002") == "X"


def test_lower_case_x_is_accepted_and_upper_cased():
    info = idnumber.parse("11010519491231002x")
    assert info.number == "11010519491231002X"


def test_full_width_digits_and_blanks_are_normalised():
    full = "１１０１０５１９４９１２３１００２ｘ"
    assert idnumber.parse(full).number == "11010519491231002X"
    assert idnumber.parse(" 110105 19491231 002X \n").number == "11010519491231002X"


@pytest.mark.parametrize("number", [v[0] for v in VALID])
def test_every_wrong_check_character_is_refused(number):
    for wrong in "0123456789X":
        if wrong == number[17]:
            continue
        assert error_code(number[:17] + wrong) == "id.check_digit"


@pytest.mark.parametrize(("position", "number"), [(p, VALID[2][0]) for p in (0, 3, 14, 15, 16)])
def test_a_changed_digit_outside_the_date_fails_the_check(position, number):
    for d in "0123456789":
        if d == number[position]:
            continue
        assert error_code(number[:position] + d + number[position + 1:]) == "id.check_digit"


def _with_check(first17: str) -> str:
    return first17 + independent_check(first17)


@pytest.mark.parametrize("date", ["20250230", "19000229", "20230229", "19801301", "19800100",
                                  "19800132", "19800431", "00000000"])
def test_impossible_birth_dates_are_refused_even_with_a_right_check(date):
    assert error_code(_with_check(f"110105{date}002")) == "id.birth_date"


def test_leap_day_is_a_real_date():
    number = _with_check("11010520000229001")
    assert idnumber.parse(number).birth_date == dt.date(2000, 2, 29)


def test_birth_in_the_future_is_refused_when_today_is_given():
    number = _with_check("11010520300101001")
    assert idnumber.parse(number).birth_date == dt.date(2030, 1, 1)
    with pytest.raises(InvalidIdNumber) as info:
        idnumber.parse(number, today=dt.date(2026, 1, 1))
    assert info.value.code == "id.birth_date"


def test_birth_before_1850_is_refused():
    assert error_code(_with_check("11010518491231001")) == "id.birth_date"


@pytest.mark.parametrize("text", ["", "1101051949123100", "11010519491231002", "11010519491231002X1",
                                  "110105194912310", "110105491231002"])
def test_wrong_length(text):
    assert error_code(text) == "id.length"


@pytest.mark.parametrize("text", ["11010519491231002Y", "1101051949123100X2", "A1010519491231002X",
                                  "110105-9491231002X", "1101051949123100.X",
                                  # digits of other scripts pass str.isdigit()
                                  "1101051٩491231002X", "11010519491231002²"])
def test_letters_and_other_characters(text):
    assert error_code(text) == "id.characters"


def test_error_codes_are_distinct_and_typed():
    codes = {error_code("123"), error_code("11010519491231002Y"),
             error_code(_with_check("11010520250230001")), error_code("110105194912310021")}
    assert codes == {"id.length", "id.characters", "id.birth_date", "id.check_digit"}
    assert issubclass(InvalidIdNumber, DomainError)
    assert not idnumber.is_valid("110105194912310021")


@pytest.mark.parametrize("digit17", "0123456789")
def test_gender_from_digit_17(digit17):
    number = _with_check(f"1101051980010100{digit17}")
    assert idnumber.parse(number).gender == ("男" if int(digit17) % 2 else "女")


def test_mask_shape():
    assert idnumber.mask("32010219800101123X") == "3201**********123X"
    masked = idnumber.mask("11010519491231002X")
    assert masked == "1101" + "*" * 10 + "002X"
    assert len(masked) == 18
    assert "19491231" not in masked
    assert idnumber.mask("") == "" and idnumber.mask(None) == ""
    # odd document numbers are masked too, never shown whole
    assert idnumber.mask("E12345678") == "E123*5678"
    short = idnumber.mask("AB1234")
    assert short != "AB1234" and len(short) == 6 and "*" in short


def test_mask_name():
    assert idnumber.mask_name("张三") == "张*"
    assert idnumber.mask_name("欧阳娜娜") == "欧**娜"
    assert idnumber.mask_name("王") == "王"
    assert idnumber.mask_name(None) == ""
