"""Display names, in the current language, for every code the domain uses.

`label(kind, code)` is the one place codes become words; unknown codes come back
unchanged so a new code shows up as itself rather than as a blank. Error codes are
message templates with `{name}` fields, filled by `error_message`.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from claimcare_desktop.domain.errors import DomainError

CONTEXT = "labels"

_LABELS: dict[str, dict[str, str]] = {
    "claim_type": {
        "auto": QT_TRANSLATE_NOOP("labels", "Auto"),
        "health": QT_TRANSLATE_NOOP("labels", "Health"),
        "property": QT_TRANSLATE_NOOP("labels", "Property"),
        "life": QT_TRANSLATE_NOOP("labels", "Life"),
        "accident": QT_TRANSLATE_NOOP("labels", "Accident"),
    },
    "claim_status": {
        "open": QT_TRANSLATE_NOOP("labels", "Open"),
        "paid": QT_TRANSLATE_NOOP("labels", "Paid"),
        "partial": QT_TRANSLATE_NOOP("labels", "Partly paid"),
        "rejected": QT_TRANSLATE_NOOP("labels", "Rejected"),
        "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    },
    "submission_channel": {
        "app": QT_TRANSLATE_NOOP("labels", "Mobile app"),
        "online": QT_TRANSLATE_NOOP("labels", "Online"),
        "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
        "counter": QT_TRANSLATE_NOOP("labels", "Counter"),
        "agent": QT_TRANSLATE_NOOP("labels", "Agent"),
    },
    "visit_step": {
        "same_day": QT_TRANSLATE_NOOP("labels", "Same day"),
        "day_7": QT_TRANSLATE_NOOP("labels", "Day 7"),
        "day_30": QT_TRANSLATE_NOOP("labels", "Day 30"),
        "care": QT_TRANSLATE_NOOP("labels", "Care"),
    },
    "visit_status": {
        "open": QT_TRANSLATE_NOOP("labels", "To do"),
        "done": QT_TRANSLATE_NOOP("labels", "Done"),
        "unreachable": QT_TRANSLATE_NOOP("labels", "Unreachable"),
        "cancelled": QT_TRANSLATE_NOOP("labels", "Cancelled"),
    },
    "channel": {
        "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
        "sms": QT_TRANSLATE_NOOP("labels", "SMS"),
        "wechat": QT_TRANSLATE_NOOP("labels", "WeChat"),
        "in_person": QT_TRANSLATE_NOOP("labels", "In person"),
    },
    "attempt_result": {
        "reached": QT_TRANSLATE_NOOP("labels", "Reached"),
        "no_answer": QT_TRANSLATE_NOOP("labels", "No answer"),
        "wrong_number": QT_TRANSLATE_NOOP("labels", "Wrong number"),
        "refused": QT_TRANSLATE_NOOP("labels", "Refused"),
        "call_back": QT_TRANSLATE_NOOP("labels", "Asked to call back"),
    },
    "complaint_state": {
        "open": QT_TRANSLATE_NOOP("labels", "New"),
        "acknowledged": QT_TRANSLATE_NOOP("labels", "Acknowledged"),
        "paused": QT_TRANSLATE_NOOP("labels", "Paused"),
        "escalated": QT_TRANSLATE_NOOP("labels", "Escalated"),
        "resolved": QT_TRANSLATE_NOOP("labels", "Resolved"),
        "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    },
    "complaint_complexity": {
        "simple": QT_TRANSLATE_NOOP("labels", "Simple"),
        "complex": QT_TRANSLATE_NOOP("labels", "Complex"),
    },
    "complaint_category": {
        "payout_delay": QT_TRANSLATE_NOOP("labels", "Payout delay"),
        "payout_amount": QT_TRANSLATE_NOOP("labels", "Payout amount"),
        "service_attitude": QT_TRANSLATE_NOOP("labels", "Service attitude"),
        "process": QT_TRANSLATE_NOOP("labels", "Process"),
        "communication": QT_TRANSLATE_NOOP("labels", "Communication"),
        "documents": QT_TRANSLATE_NOOP("labels", "Documents"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    "complaint_event_kind": {
        "opened": QT_TRANSLATE_NOOP("labels", "Opened"),
        "acknowledged": QT_TRANSLATE_NOOP("labels", "Acknowledged"),
        "note": QT_TRANSLATE_NOOP("labels", "Note"),
        "paused": QT_TRANSLATE_NOOP("labels", "Paused"),
        "resumed": QT_TRANSLATE_NOOP("labels", "Resumed"),
        "escalated": QT_TRANSLATE_NOOP("labels", "Escalated"),
        "reassigned": QT_TRANSLATE_NOOP("labels", "Reassigned"),
        "resolved": QT_TRANSLATE_NOOP("labels", "Resolved"),
        "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
        "reopened": QT_TRANSLATE_NOOP("labels", "Reopened"),
    },
    "pause_reason": {
        "awaiting_customer": QT_TRANSLATE_NOOP("labels", "Waiting for the customer"),
        "awaiting_third_party": QT_TRANSLATE_NOOP("labels", "Waiting for a third party"),
        "awaiting_documents": QT_TRANSLATE_NOOP("labels", "Waiting for documents"),
        "customer_request": QT_TRANSLATE_NOOP("labels", "At the customer's request"),
    },
    "care_kind": {
        "birthday": QT_TRANSLATE_NOOP("labels", "Birthday"),
        "festival": QT_TRANSLATE_NOOP("labels", "Festival"),
        "health_reminder": QT_TRANSLATE_NOOP("labels", "Health reminder"),
        "renewal_reminder": QT_TRANSLATE_NOOP("labels", "Renewal reminder"),
    },
    "clock_state": {
        "on_track": QT_TRANSLATE_NOOP("labels", "On track"),
        "due_soon": QT_TRANSLATE_NOOP("labels", "Due soon"),
        "breached": QT_TRANSLATE_NOOP("labels", "Breached"),
        "met": QT_TRANSLATE_NOOP("labels", "Met"),
        "paused": QT_TRANSLATE_NOOP("labels", "Paused"),
    },
    "clock_mode": {
        "calendar": QT_TRANSLATE_NOOP("labels", "Calendar time"),
        "working": QT_TRANSLATE_NOOP("labels", "Working time"),
    },
    "role": {
        "manager": QT_TRANSLATE_NOOP("labels", "Account manager"),
        "supervisor": QT_TRANSLATE_NOOP("labels", "Supervisor"),
    },
    "tier": {
        "standard": QT_TRANSLATE_NOOP("labels", "Standard"),
        "silver": QT_TRANSLATE_NOOP("labels", "Silver"),
        "gold": QT_TRANSLATE_NOOP("labels", "Gold"),
        "vip": QT_TRANSLATE_NOOP("labels", "VIP"),
    },
    "risk_level": {
        "low": QT_TRANSLATE_NOOP("labels", "Low"),
        "medium": QT_TRANSLATE_NOOP("labels", "Medium"),
        "high": QT_TRANSLATE_NOOP("labels", "High"),
    },
    "comparison": {
        "at_least": QT_TRANSLATE_NOOP("labels", "At least"),
        "at_most": QT_TRANSLATE_NOOP("labels", "At most"),
        "change_vs_last_year": QT_TRANSLATE_NOOP("labels", "Change vs last year"),
    },
    "field": {
        "channel": QT_TRANSLATE_NOOP("labels", "Channel"),
        "result": QT_TRANSLATE_NOOP("labels", "Result"),
        "satisfaction": QT_TRANSLATE_NOOP("labels", "Satisfaction"),
        "feedback": QT_TRANSLATE_NOOP("labels", "Feedback"),
        "call_back_on": QT_TRANSLATE_NOOP("labels", "Call-back date"),
        "summary": QT_TRANSLATE_NOOP("labels", "Summary"),
        "category": QT_TRANSLATE_NOOP("labels", "Category"),
        "complexity": QT_TRANSLATE_NOOP("labels", "Complexity"),
        "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
        "id_number": QT_TRANSLATE_NOOP("labels", "ID number"),
        "username": QT_TRANSLATE_NOOP("labels", "User name"),
        "password": QT_TRANSLATE_NOOP("labels", "Password"),
    },
    "error": {
        "naive_datetime": QT_TRANSLATE_NOOP("labels", "{name} must be a timezone-aware datetime"),
        "unknown_value": QT_TRANSLATE_NOOP("labels", "Unknown value: {value}"),
        "negative_duration": QT_TRANSLATE_NOOP("labels", "Duration must not be negative"),
        "invalid_working_hours": QT_TRANSLATE_NOOP(
            "labels", "Working hours must satisfy 0 <= start < end <= 24"),
        "required": QT_TRANSLATE_NOOP("labels", "This field is required"),
        "too_long": QT_TRANSLATE_NOOP("labels", "At most {limit} characters, please"),
        "id_format": QT_TRANSLATE_NOOP(
            "labels", "A resident ID number has 17 digits followed by a digit or X"),
        "id_checksum": QT_TRANSLATE_NOOP(
            "labels", "The check digit of this resident ID number is wrong"),
        "id_birth_date": QT_TRANSLATE_NOOP(
            "labels", "The birth date inside this resident ID number is not a real date"),
        "id_region": QT_TRANSLATE_NOOP(
            "labels", "The region code of this resident ID number is unknown"),
        "mobile_format": QT_TRANSLATE_NOOP(
            "labels", "A mainland mobile number has 11 digits starting with 13-19"),
        "mobile_country": QT_TRANSLATE_NOOP(
            "labels", "Only mainland China (+86) mobile numbers are accepted"),
        "mobile_invalid": QT_TRANSLATE_NOOP(
            "labels", "This is not an assigned mainland mobile number"),
        "satisfaction_range": QT_TRANSLATE_NOOP(
            "labels", "Satisfaction must be a whole number from 1 to 5"),
        "satisfaction_not_allowed": QT_TRANSLATE_NOOP(
            "labels", "A satisfaction score is only recorded when the customer was reached"),
        "visit_not_open": QT_TRANSLATE_NOOP("labels", "This visit is already closed"),
        "visit_not_found": QT_TRANSLATE_NOOP("labels", "This visit no longer exists"),
        "visit_not_yours": QT_TRANSLATE_NOOP(
            "labels", "This visit belongs to another account manager"),
        "call_back_in_past": QT_TRANSLATE_NOOP(
            "labels", "The call-back date must not be before the attempt"),
        "invalid_transition": QT_TRANSLATE_NOOP(
            "labels", "This action is not possible in the complaint's current state"),
        "role_forbidden": QT_TRANSLATE_NOOP("labels", "Only a supervisor may do this"),
        "pause_reason_required": QT_TRANSLATE_NOOP("labels", "Pausing a complaint needs a reason"),
        "reassign_owner_required": QT_TRANSLATE_NOOP(
            "labels", "Reassigning needs the current and the new owner"),
        "reassign_same_owner": QT_TRANSLATE_NOOP(
            "labels", "The new owner must differ from the current owner"),
        "baseline_required": QT_TRANSLATE_NOOP("labels", "This KPI needs last year's value"),
    },
}

KINDS = tuple(_LABELS)


def label(kind: str, code: str | None) -> str:
    """The translated display name of `code` in vocabulary `kind` ("" for None)."""
    if code is None:
        return ""
    source = _LABELS.get(kind, {}).get(str(code))
    if source is None:
        return str(code)
    return QCoreApplication.translate(CONTEXT, source)


def codes(kind: str) -> tuple[str, ...]:
    return tuple(_LABELS[kind])


def error_message(error: DomainError) -> str:
    """The error in the current language, with its parameters filled in."""
    template = label("error", error.code)
    if template == error.code:
        return error.message
    try:
        return template.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return template
