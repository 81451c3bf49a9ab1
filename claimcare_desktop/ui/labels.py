"""Display names, in the current language, for every code the domain uses.

`label(kind, code)` is the one place codes become words; unknown codes come back
unchanged so a new code shows up as itself rather than as a blank. Error codes are
message templates with `{name}` fields, filled by `error_message`.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP as N
from PySide6.QtCore import QCoreApplication

from claimcare_desktop.domain.errors import DomainError

CONTEXT = "labels"

_LABELS: dict[str, dict[str, str]] = {
    "claim_type": {"auto": N("labels", "Auto"), "health": N("labels", "Health"),
                   "property": N("labels", "Property"), "life": N("labels", "Life"),
                   "accident": N("labels", "Accident")},
    "claim_status": {"open": N("labels", "Open"), "paid": N("labels", "Paid"),
                     "partial": N("labels", "Partly paid"), "rejected": N("labels", "Rejected"),
                     "closed": N("labels", "Closed")},
    "submission_channel": {"app": N("labels", "Mobile app"), "online": N("labels", "Online"),
                           "phone": N("labels", "Phone"), "counter": N("labels", "Counter"),
                           "agent": N("labels", "Agent")},
    "visit_step": {"same_day": N("labels", "Same day"), "day_7": N("labels", "Day 7"),
                   "day_30": N("labels", "Day 30"), "care": N("labels", "Care")},
    "visit_status": {"open": N("labels", "To do"), "done": N("labels", "Done"),
                     "unreachable": N("labels", "Unreachable"),
                     "cancelled": N("labels", "Cancelled")},
    "channel": {"phone": N("labels", "Phone"), "sms": N("labels", "SMS"),
                "wechat": N("labels", "WeChat"), "in_person": N("labels", "In person")},
    "attempt_result": {"reached": N("labels", "Reached"), "no_answer": N("labels", "No answer"),
                       "wrong_number": N("labels", "Wrong number"),
                       "refused": N("labels", "Refused"),
                       "call_back": N("labels", "Asked to call back")},
    "complaint_state": {"open": N("labels", "Open"), "acknowledged": N("labels", "Acknowledged"),
                        "paused": N("labels", "Paused"), "escalated": N("labels", "Escalated"),
                        "resolved": N("labels", "Resolved"), "closed": N("labels", "Closed")},
    "complaint_complexity": {"simple": N("labels", "Simple"), "complex": N("labels", "Complex")},
    "complaint_category": {"payout_delay": N("labels", "Payout delay"),
                           "payout_amount": N("labels", "Payout amount"),
                           "service_attitude": N("labels", "Service attitude"),
                           "process": N("labels", "Process"),
                           "communication": N("labels", "Communication"),
                           "documents": N("labels", "Documents"), "other": N("labels", "Other")},
    "complaint_event_kind": {"opened": N("labels", "Opened"),
                             "acknowledged": N("labels", "Acknowledged"),
                             "note": N("labels", "Note"), "paused": N("labels", "Paused"),
                             "resumed": N("labels", "Resumed"),
                             "escalated": N("labels", "Escalated"),
                             "reassigned": N("labels", "Reassigned"),
                             "resolved": N("labels", "Resolved"), "closed": N("labels", "Closed"),
                             "reopened": N("labels", "Reopened")},
    "pause_reason": {"awaiting_customer": N("labels", "Waiting for the customer"),
                     "awaiting_third_party": N("labels", "Waiting for a third party"),
                     "awaiting_documents": N("labels", "Waiting for documents"),
                     "customer_request": N("labels", "At the customer's request")},
    "care_kind": {"birthday": N("labels", "Birthday"), "festival": N("labels", "Festival"),
                  "health_reminder": N("labels", "Health reminder"),
                  "renewal_reminder": N("labels", "Renewal reminder")},
    "clock_state": {"on_track": N("labels", "On track"), "due_soon": N("labels", "Due soon"),
                    "breached": N("labels", "Breached"), "met": N("labels", "Met"),
                    "paused": N("labels", "Paused")},
    "clock_mode": {"calendar": N("labels", "Calendar time"),
                   "working": N("labels", "Working time")},
    "role": {"manager": N("labels", "Account manager"), "supervisor": N("labels", "Supervisor")},
    "tier": {"standard": N("labels", "Standard"), "silver": N("labels", "Silver"),
             "gold": N("labels", "Gold"), "vip": N("labels", "VIP")},
    "risk_level": {"low": N("labels", "Low"), "medium": N("labels", "Medium"),
                   "high": N("labels", "High")},
    "comparison": {"at_least": N("labels", "At least"), "at_most": N("labels", "At most"),
                   "change_vs_last_year": N("labels", "Change vs last year")},
    "field": {"channel": N("labels", "Channel"), "result": N("labels", "Result"),
              "satisfaction": N("labels", "Satisfaction"), "feedback": N("labels", "Feedback"),
              "call_back_on": N("labels", "Call-back date"), "summary": N("labels", "Summary"),
              "category": N("labels", "Category"), "complexity": N("labels", "Complexity"),
              "phone": N("labels", "Phone"), "id_number": N("labels", "ID number"),
              "username": N("labels", "User name"), "password": N("labels", "Password")},
    "error": {
        "naive_datetime": N("labels", "{name} must be a timezone-aware datetime"),
        "unknown_value": N("labels", "Unknown value: {value}"),
        "negative_duration": N("labels", "Duration must not be negative"),
        "invalid_working_hours": N("labels", "Working hours must satisfy 0 <= start < end <= 24"),
        "required": N("labels", "This field is required"),
        "too_long": N("labels", "At most {limit} characters, please"),
        "id_format": N("labels", "A resident ID number has 17 digits followed by a digit or X"),
        "id_checksum": N("labels", "The check digit of this resident ID number is wrong"),
        "id_birth_date": N("labels", "The birth date inside this resident ID number is not a real date"),
        "id_region": N("labels", "The region code of this resident ID number is unknown"),
        "mobile_format": N("labels", "A mainland mobile number has 11 digits starting with 13-19"),
        "mobile_country": N("labels", "Only mainland China (+86) mobile numbers are accepted"),
        "mobile_invalid": N("labels", "This is not an assigned mainland mobile number"),
        "satisfaction_range": N("labels", "Satisfaction must be a whole number from 1 to 5"),
        "satisfaction_not_allowed": N("labels", "A satisfaction score is only recorded when the customer was reached"),
        "visit_not_open": N("labels", "This visit is already closed"),
        "visit_not_found": N("labels", "This visit no longer exists"),
        "visit_not_yours": N("labels", "This visit belongs to another account manager"),
        "call_back_in_past": N("labels", "The call-back date must not be before the attempt"),
        "invalid_transition": N("labels", "This action is not possible in the complaint's current state"),
        "role_forbidden": N("labels", "Only a supervisor may do this"),
        "pause_reason_required": N("labels", "Pausing a complaint needs a reason"),
        "reassign_owner_required": N("labels", "Reassigning needs the current and the new owner"),
        "reassign_same_owner": N("labels", "The new owner must differ from the current owner"),
        "baseline_required": N("labels", "This KPI needs last year's value"),
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
