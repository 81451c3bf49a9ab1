"""Vocabulary: every enum-like value is a plain lowercase string.

Each StrEnum member compares equal to its string, so rows read from the database
need no conversion; the tuples list the allowed values in display order.
"""
from __future__ import annotations

from enum import StrEnum

from .errors import DomainError


class ClaimType(StrEnum):
    AUTO = "auto"
    HEALTH = "health"
    PROPERTY = "property"
    LIFE = "life"
    ACCIDENT = "accident"


class ClaimStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"
    PARTIAL = "partial"
    REJECTED = "rejected"
    CLOSED = "closed"


class SubmissionChannel(StrEnum):
    APP = "app"
    ONLINE = "online"
    PHONE = "phone"
    COUNTER = "counter"
    AGENT = "agent"


class VisitStep(StrEnum):
    SAME_DAY = "same_day"
    DAY_7 = "day_7"
    DAY_30 = "day_30"
    CARE = "care"


class VisitStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    UNREACHABLE = "unreachable"
    CANCELLED = "cancelled"


class ContactChannel(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    WECHAT = "wechat"
    IN_PERSON = "in_person"


class AttemptResult(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    REFUSED = "refused"
    CALL_BACK = "call_back"


class ComplaintState(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    PAUSED = "paused"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"


class ComplaintComplexity(StrEnum):
    SIMPLE = "simple"
    COMPLEX = "complex"


class ComplaintCategory(StrEnum):
    PAYOUT_DELAY = "payout_delay"
    PAYOUT_AMOUNT = "payout_amount"
    SERVICE_ATTITUDE = "service_attitude"
    PROCESS = "process"
    COMMUNICATION = "communication"
    DOCUMENTS = "documents"
    OTHER = "other"


class ComplaintEventKind(StrEnum):
    OPENED = "opened"
    ACKNOWLEDGED = "acknowledged"
    NOTE = "note"
    PAUSED = "paused"
    RESUMED = "resumed"
    ESCALATED = "escalated"
    REASSIGNED = "reassigned"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"


class PauseReason(StrEnum):
    AWAITING_CUSTOMER = "awaiting_customer"
    AWAITING_THIRD_PARTY = "awaiting_third_party"
    AWAITING_DOCUMENTS = "awaiting_documents"
    CUSTOMER_REQUEST = "customer_request"


class CareItemKind(StrEnum):
    BIRTHDAY = "birthday"
    FESTIVAL = "festival"
    HEALTH_REMINDER = "health_reminder"
    RENEWAL_REMINDER = "renewal_reminder"


class ClockState(StrEnum):
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    BREACHED = "breached"
    MET = "met"
    PAUSED = "paused"


class ClockMode(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


class Role(StrEnum):
    MANAGER = "manager"
    SUPERVISOR = "supervisor"


class CustomerTier(StrEnum):
    STANDARD = "standard"
    SILVER = "silver"
    GOLD = "gold"
    VIP = "vip"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Comparison(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    CHANGE_VS_LAST_YEAR = "change_vs_last_year"


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


CLAIM_TYPES = _values(ClaimType)
CLAIM_STATUSES = _values(ClaimStatus)
SUBMISSION_CHANNELS = _values(SubmissionChannel)
VISIT_STEPS = _values(VisitStep)
VISIT_STATUSES = _values(VisitStatus)
CONTACT_CHANNELS = _values(ContactChannel)
ATTEMPT_RESULTS = _values(AttemptResult)
COMPLAINT_STATES = _values(ComplaintState)
COMPLAINT_COMPLEXITIES = _values(ComplaintComplexity)
COMPLAINT_CATEGORIES = _values(ComplaintCategory)
COMPLAINT_EVENT_KINDS = _values(ComplaintEventKind)
PAUSE_REASONS = _values(PauseReason)
CARE_ITEM_KINDS = _values(CareItemKind)
CLOCK_STATES = _values(ClockState)
CLOCK_MODES = _values(ClockMode)
ROLES = _values(Role)
CUSTOMER_TIERS = _values(CustomerTier)
RISK_LEVELS = _values(RiskLevel)
COMPARISONS = _values(Comparison)


def require_member(value: object, allowed: tuple[str, ...], vocabulary: str) -> str:
    """Return `value` as a plain str if it is in `allowed`, else raise `unknown_value`."""
    if value not in allowed:
        raise DomainError("unknown_value", vocabulary=vocabulary, value=value)
    return str(value)
