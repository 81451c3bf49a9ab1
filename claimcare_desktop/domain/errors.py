"""Errors the domain raises, each with a stable `code` the UI translates."""
from __future__ import annotations

from typing import Any, Mapping

# English defaults; the UI looks the code up in its translations first.
DEFAULT_MESSAGES: dict[str, str] = {
    "naive_datetime": "{name} must be a timezone-aware datetime",
    "unknown_value": "Unknown {vocabulary} value: {value!r}",
    "negative_duration": "Duration must not be negative",
    "invalid_working_hours": "Working hours must satisfy 0 <= start < end <= 24",
    "required": "This field is required",
    "id_format": "A resident ID number has 17 digits followed by a digit or X",
    "id_checksum": "The check digit of this resident ID number is wrong",
    "id_birth_date": "The birth date inside this resident ID number is not a real date",
    "id_region": "The region code of this resident ID number is unknown",
    "mobile_format": "A mainland mobile number has 11 digits starting with 13-19",
    "mobile_country": "Only mainland China (+86) mobile numbers are accepted",
    "mobile_invalid": "This is not an assigned mainland mobile number",
    "satisfaction_range": "Satisfaction must be a whole number from 1 to 5",
    "satisfaction_not_allowed": "A satisfaction score is only recorded when the customer was reached",
    "visit_not_open": "This visit is already {status}",
    "call_back_in_past": "The call-back date must not be before the attempt",
    "invalid_transition": "A complaint that is {state} cannot be {event}",
    "role_forbidden": "A {role} may not do this to a complaint that is {state}",
    "pause_reason_required": "Pausing a complaint needs a reason",
    "reassign_owner_required": "Reassigning needs the current and the new owner",
    "reassign_same_owner": "The new owner must differ from the current owner",
    "baseline_required": "This KPI needs last year's value",
}


class DomainError(Exception):
    """A broken business rule. `code` is stable; `params` fill the message."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        template = DEFAULT_MESSAGES.get(self.code, self.code)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template


class ValidationError(DomainError):
    """A field value that breaks a rule; `field` names the input it came from."""

    def __init__(
        self, field: str, code: str, message_params: Mapping[str, Any] | None = None, **params: Any
    ) -> None:
        self.field = field
        super().__init__(code, **{**(message_params or {}), **params})
