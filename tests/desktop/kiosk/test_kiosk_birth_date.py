"""The kiosk refuses a birth date after today with the domain's one rule (issue 10)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.kiosk.registration import person_from_card, person_from_typed
from domain.errors import InvalidIdNumber
from domain.idnumber import check_char

LATER = "37110220410305201" + check_char("37110220410305201")


def test_a_typed_number_born_in_2041_is_refused():
    with pytest.raises(InvalidIdNumber) as info:
        person_from_typed(LATER)
    assert info.value.code == "id.birth_date"


def test_a_card_born_after_today_is_refused():
    body = f"371102{dt.date.today() + dt.timedelta(days=2):%Y%m%d}201"
    with pytest.raises(InvalidIdNumber):
        person_from_card({"name": "李未来", "id_number": body + check_char(body)})
    assert person_from_typed("11010519491231002X").id_number == "11010519491231002X"
