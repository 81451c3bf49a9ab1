from datetime import date

import pytest
from hypothesis import assume, given, strategies as st
from stdnum.cn import ric

from claimcare_desktop.domain.errors import ValidationError
from claimcare_desktop.domain.validation import (
    REQUIRED_PROFILE_FIELDS, field_validity, profile_completeness, validate_mobile, validate_resident_id,
)

AREAS = ["110105", "310104", "440305", "330106", "510107", "320102"]


def make_id(area, birth, sequence):
    body = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


VALID_ID = make_id("110105", date(1949, 12, 31), 2)


def _code(func, value, **kwargs):
    with pytest.raises(ValidationError) as caught:
        func(value, **kwargs)
    return caught.value.code


def test_resident_id_is_normalised():
    assert VALID_ID == "11010519491231002X"
    assert validate_resident_id(" 110105 19491231 002x ") == VALID_ID


def test_resident_id_error_codes():
    assert _code(validate_resident_id, "") == "required"
    assert _code(validate_resident_id, "1101051949123100") == "id_format"
    assert _code(validate_resident_id, "11010519491231002Y") == "id_format"
    assert _code(validate_resident_id, "110105194912310021") == "id_checksum"
    assert _code(validate_resident_id, make_id("110105", date(1949, 12, 1), 2)[:10] + "1332002X") == "id_birth_date"
    assert _code(validate_resident_id, make_id("990105", date(1990, 1, 1), 5)) == "id_region"
    assert _code(validate_resident_id, VALID_ID, today=date(1949, 12, 30)) == "id_birth_date"


def test_area_codes_newer_than_the_birth_year_are_accepted():
    # Shenzhen Nanshan (440305) dates from 1990; people born earlier still hold such IDs.
    assert validate_resident_id(make_id("440305", date(1950, 6, 15), 123))


def test_error_carries_its_field():
    with pytest.raises(ValidationError) as caught:
        validate_resident_id("x", field="spouse_id")
    assert caught.value.field == "spouse_id"


@pytest.mark.parametrize("raw", [
    "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678",
    "0086 13812345678", "(+86) 138-1234-5678",
])
def test_mobile_formats_accepted(raw):
    assert validate_mobile(raw) == "13812345678"


@pytest.mark.parametrize("raw, code", [
    ("", "required"), (None, "required"), ("12812345678", "mobile_format"), ("1381234567", "mobile_format"),
    ("010 6512 3456", "mobile_format"), ("+852 6123 4567", "mobile_country"), ("14012345678", "mobile_invalid"),
    ("phone", "mobile_format"),
])
def test_mobile_rejections(raw, code):
    assert _code(validate_mobile, raw) == code


PREFIXES = ["130", "133", "135", "138", "139", "150", "152", "157", "159", "166", "177", "180", "186", "189", "191", "199"]


@given(st.sampled_from(PREFIXES), st.integers(0, 10**8 - 1), st.sampled_from(["", " ", "-"]), st.booleans())
def test_every_generated_mobile_is_accepted(prefix, rest, separator, with_country):
    digits = f"{prefix}{rest:08d}"
    raw = separator.join([digits[:3], digits[3:7], digits[7:]])
    if with_country:
        raw = "+86" + separator + raw
    assert validate_mobile(raw) == digits


@given(st.sampled_from(AREAS), st.dates(date(1950, 1, 1), date(2020, 12, 31)), st.integers(0, 999),
       st.sampled_from("0123456789X"))
def test_generated_ids_pass_and_mutated_check_digits_fail(area, birth, sequence, other):
    number = make_id(area, birth, sequence)
    assert validate_resident_id(number) == number
    assume(other != number[-1])
    assert _code(validate_resident_id, number[:-1] + other) == "id_checksum"


def test_profile_completeness():
    full = {name: "x" for name in REQUIRED_PROFILE_FIELDS}
    assert profile_completeness(full) == 1.0
    assert profile_completeness({**full, "address": "  ", "gender": None}) == pytest.approx(5 / 7)
    assert profile_completeness({}) == 0.0
    assert profile_completeness({}, required=()) == 1.0


def test_field_validity():
    good = {"phone": "13812345678", "id_number": VALID_ID, "birth_date": date(1949, 12, 31),
            "preferred_channel": "wechat"}
    assert field_validity(good).rate == 1.0 and field_validity(good).valid == 4
    bad = {"phone": "12345", "id_number": VALID_ID, "birth_date": date(1950, 1, 1),
           "preferred_channel": "fax", "address": None}
    result = field_validity(bad)
    assert result.invalid_fields == ("phone", "birth_date", "preferred_channel")
    assert (result.checked, result.valid) == (4, 1)
    assert field_validity({}).rate is None
    # an invalid ID number is counted once, not again through the birth date
    assert field_validity({"id_number": "110105194912310021", "birth_date": date(1949, 12, 31)}).valid == 1
