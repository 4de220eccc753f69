"""Case and slip numbers: layout, Damm check digit, parsing, slip → case id."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from domain import numbering
from domain.errors import InvalidNumber

DAY = dt.date(2026, 3, 2)

# Sample numbers for the exhaustive error checks: both kinds, several days/terminals.
SAMPLES = [
    numbering.case_number(DAY, "0001", 1),
    numbering.case_number(dt.date(2025, 12, 31), "9001", 9999),
    numbering.case_number(dt.date(2024, 2, 29), "4711", 123),
    numbering.slip_number(DAY, "0001", 1, "0101"),
    numbering.slip_number(dt.date(2025, 10, 11), "0420", 57, "0801"),
]


def test_damm_known_vector():
    # The published example of the Damm algorithm: 572 → check digit 4.
    assert numbering.damm("572") == "4"
    assert numbering.damm("5724") == "0"


def test_case_number_layout():
    n = numbering.case_number(DAY, "0042", 7)
    assert len(n) == 16 and n.isdigit()
    assert n[:15] == "1" + "260302" + "0042" + "0007"
    assert numbering.damm(n) == "0"


def test_slip_number_layout():
    n = numbering.slip_number(DAY, "0042", 7, "0801")
    assert len(n) == 20 and n.isdigit()
    assert n[:19] == "2" + "260302" + "0042" + "0007" + "0801"
    assert numbering.damm(n) == "0"


@pytest.mark.parametrize("number", SAMPLES)
def test_round_trip_through_parse(number):
    p = numbering.parse(number)
    assert p.number == number
    if p.kind == "case":
        assert numbering.case_number(p.day, p.terminal_code, p.serial) == number
        assert p.item_no is None
    else:
        assert numbering.slip_number(p.day, p.terminal_code, p.serial, p.item_no) == number
    assert len(number) <= 20 and number.isdigit()


def test_parse_gives_the_parts():
    p = numbering.parse(numbering.slip_number(dt.date(2025, 10, 11), "0420", 57, "0801"))
    assert (p.kind, p.day, p.terminal_code, p.serial, p.item_no) == (
        "slip", dt.date(2025, 10, 11), "0420", 57, "0801")
    p = numbering.parse(" " + numbering.case_number(DAY, "9001", 9999) + "\n")
    assert (p.kind, p.day, p.terminal_code, p.serial) == ("case", DAY, "9001", 9999)


@pytest.mark.parametrize("number", SAMPLES)
def test_every_single_digit_substitution_is_caught(number):
    for pos in range(len(number)):
        for d in "0123456789":
            if d == number[pos]:
                continue
            bad = number[:pos] + d + number[pos + 1:]
            assert numbering.damm(bad) != "0", (number, pos, d)
            with pytest.raises(InvalidNumber):
                numbering.parse(bad)


@pytest.mark.parametrize("number", SAMPLES)
def test_every_adjacent_transposition_is_caught(number):
    for pos in range(len(number) - 1):
        a, b = number[pos], number[pos + 1]
        if a == b:
            continue
        bad = number[:pos] + b + a + number[pos + 2:]
        assert numbering.damm(bad) != "0", (number, pos)
        with pytest.raises(InvalidNumber):
            numbering.parse(bad)


def test_bad_check_digit_has_its_own_code():
    good = numbering.case_number(DAY, "0001", 1)
    for d in "0123456789":
        if d == good[-1]:
            continue
        with pytest.raises(InvalidNumber) as info:
            numbering.parse(good[:-1] + d)
        assert info.value.code == "number.check_digit"


@pytest.mark.parametrize(("text", "code"), [
    ("", "number.characters"),
    ("12603020001000A7", "number.characters"),
    ("1260302-00010001", "number.characters"),
    # digits of other scripts pass str.isdigit()
    ("1٢60302000100013", "number.characters"),
    ("126030200010001", "number.format"),        # 15 digits
    ("12603020001000100", "number.format"),      # 17 digits
    ("3260302000100010", "number.format"),       # unknown prefix
    ("1260302000100010101", "number.format"),    # 19 digits
    ("12603020001000101010", "number.format"),   # 20 digits but a case prefix
    ("2260302000100010", "number.format"),       # 16 digits but a slip prefix
])
def test_malformed_numbers(text, code):
    with pytest.raises(InvalidNumber) as info:
        numbering.parse(text)
    assert info.value.code == code


def test_impossible_date_with_a_valid_check_digit():
    body = "1" + "250230" + "0001" + "0001"  # 30 February
    with pytest.raises(InvalidNumber) as info:
        numbering.parse(body + numbering.damm(body))
    assert info.value.code == "number.date"


@pytest.mark.parametrize(("terminal", "serial"), [("001", 1), ("00001", 1), ("00a1", 1),
                                                  ("0001", 0), ("0001", 10000), ("0001", -1)])
def test_making_a_number_checks_its_parts(terminal, serial):
    with pytest.raises(InvalidNumber):
        numbering.case_number(DAY, terminal, serial)
    with pytest.raises(InvalidNumber):
        numbering.slip_number(DAY, terminal, serial, "0101")


@pytest.mark.parametrize("item_no", ["101", "01010", "01a1", ""])
def test_slip_item_number_must_be_four_digits(item_no):
    with pytest.raises(InvalidNumber) as info:
        numbering.slip_number(DAY, "0001", 1, item_no)
    assert info.value.code == "number.item_no"


def test_numbers_of_different_terminals_and_days_differ():
    seen = {numbering.case_number(d, t, s)
            for d in (DAY, DAY + dt.timedelta(days=1))
            for t in ("0001", "0002")
            for s in range(1, 51)}
    assert len(seen) == 2 * 2 * 50


def test_case_id_for_slip_is_deterministic():
    slip = numbering.slip_number(DAY, "0001", 1, "0101")
    other = numbering.slip_number(DAY, "0001", 2, "0101")
    a = numbering.case_id_for_slip(slip)
    assert a == numbering.case_id_for_slip(slip)
    assert a != numbering.case_id_for_slip(other)
    assert uuid.UUID(a).version == 5
    # fixed namespace: the same on every terminal, in every release
    assert a == str(uuid.uuid5(uuid.UUID("6f1d2f0e-3c1b-4f5e-9a57-59c3b1a0e001"), slip))


def test_looks_like_number():
    assert numbering.looks_like_number(SAMPLES[0])
    assert numbering.looks_like_number(" " + SAMPLES[3] + " ")
    assert not numbering.looks_like_number("11010519491231002X")
    assert not numbering.looks_like_number("110105194912310021")  # 18 digits: an ID number
    assert not numbering.looks_like_number("张三")
    assert not numbering.looks_like_number("3" + SAMPLES[0][1:])
