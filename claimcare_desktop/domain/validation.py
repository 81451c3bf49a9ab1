"""Checks of customer data: resident ID numbers, mobile numbers, profile quality.

Validators return the normalised value or raise ValidationError with a stable code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

import phonenumbers
from stdnum import numdb
from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent

from .errors import ValidationError
from .vocab import CONTACT_CHANNELS

_ID_SHAPE = re.compile(r"\d{17}[\dX]")
_ID_SEPARATORS = re.compile(r"[\s-]")
_MOBILE_SHAPE = re.compile(r"1[3-9]\d{9}")
_PHONE_SEPARATORS = re.compile(r"[\s\-().]")

# Field names follow the customers table.
REQUIRED_PROFILE_FIELDS = (
    "name", "gender", "birth_date", "id_number", "phone", "address", "preferred_channel",
)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_resident_id(value: str | None, field: str = "id_number", today: date | None = None) -> str:
    """An 18-character mainland resident ID number, upper-case X, no separators.

    Codes: required, id_format, id_checksum, id_birth_date (not a date, or after
    `today` when given), id_region (unknown area code).
    """
    if _blank(value):
        raise ValidationError(field, "required")
    number = _ID_SEPARATORS.sub("", value).upper()
    if not _ID_SHAPE.fullmatch(number):
        raise ValidationError(field, "id_format")
    try:
        birth = ric.get_birth_date(number)
    except InvalidComponent:
        raise ValidationError(field, "id_birth_date") from None
    if today is not None and birth > today:
        raise ValidationError(field, "id_birth_date")
    if number[-1] != ric.calc_check_digit(number):
        raise ValidationError(field, "id_checksum")
    if not _known_area(number):
        raise ValidationError(field, "id_region")
    return number


def _known_area(number: str) -> bool:
    # stdnum's own validate() also rejects an area code created after the birth year,
    # but people keep the code of where they registered, so real IDs would fail.
    parts = numdb.get("cn/loc").info(number[:6])
    return any("county" in props for _part, props in parts)


def birth_date_from_resident_id(number: str) -> date:
    return ric.get_birth_date(validate_resident_id(number))


def validate_mobile(value: str | None, field: str = "phone") -> str:
    """A mainland mobile number as 11 digits; accepts +86 / 0086, spaces and dashes.

    Codes: required, mobile_format (not 11 digits 1[3-9]...), mobile_country (another
    country code), mobile_invalid (a range no carrier assigns).
    """
    if _blank(value):
        raise ValidationError(field, "required")
    compact = _PHONE_SEPARATORS.sub("", value)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    try:
        parsed = phonenumbers.parse(compact, "CN")
    except phonenumbers.NumberParseException:
        raise ValidationError(field, "mobile_format") from None
    if parsed.country_code != 86:
        raise ValidationError(field, "mobile_country")
    national = str(parsed.national_number)
    if not _MOBILE_SHAPE.fullmatch(national):
        raise ValidationError(field, "mobile_format")
    if not phonenumbers.is_valid_number(parsed) or (
        phonenumbers.number_type(parsed) != phonenumbers.PhoneNumberType.MOBILE
    ):
        raise ValidationError(field, "mobile_invalid")
    return national


def profile_completeness(
    profile: Mapping[str, Any], required: tuple[str, ...] = REQUIRED_PROFILE_FIELDS
) -> float:
    """Share of `required` fields that hold a value (blank strings do not count)."""
    if not required:
        return 1.0
    filled = sum(1 for name in required if not _blank(profile.get(name)))
    return filled / len(required)


@dataclass(frozen=True)
class FieldValidity:
    """Filled fields that were checked, and which of them failed."""

    checked: int
    invalid_fields: tuple[str, ...]

    @property
    def valid(self) -> int:
        return self.checked - len(self.invalid_fields)

    @property
    def rate(self) -> float | None:
        return self.valid / self.checked if self.checked else None


def _field_ok(name: str, profile: Mapping[str, Any]) -> bool:
    value = profile[name]
    try:
        if name == "phone":
            validate_mobile(value)
        elif name == "id_number":
            validate_resident_id(value)
        elif name == "preferred_channel":
            return value in CONTACT_CHANNELS
        elif name == "birth_date":
            return _birth_date_agrees(value, profile.get("id_number"))
    except ValidationError:
        return False
    return True


def _birth_date_agrees(birth: Any, id_number: Any) -> bool:
    """A birth date must be a date and, when the ID number is valid, match it."""
    if not isinstance(birth, date):
        return False
    if _blank(id_number):
        return True
    try:
        return birth_date_from_resident_id(id_number) == birth
    except ValidationError:
        return True  # the ID number itself is counted invalid; do not count twice


CHECKED_FIELDS = ("phone", "id_number", "birth_date", "preferred_channel")


def field_validity(profile: Mapping[str, Any]) -> FieldValidity:
    """Validity of the filled, checkable fields (phone, ID number, birth date agreeing
    with the ID number, preferred channel). Empty fields count for completeness only."""
    filled = [name for name in CHECKED_FIELDS if not _blank(profile.get(name))]
    invalid = tuple(name for name in filled if not _field_ok(name, profile))
    return FieldValidity(checked=len(filled), invalid_fields=invalid)
