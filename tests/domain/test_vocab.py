import pytest

from claimcare_desktop.domain import vocab
from claimcare_desktop.domain.errors import DomainError


def test_values_are_the_agreed_lowercase_strings():
    assert vocab.CLAIM_TYPES == ("auto", "health", "property", "life", "accident")
    assert vocab.CLAIM_STATUSES == ("open", "paid", "partial", "rejected", "closed")
    assert vocab.SUBMISSION_CHANNELS == ("app", "online", "phone", "counter", "agent")
    assert vocab.VISIT_STEPS == ("same_day", "day_7", "day_30", "care")
    assert vocab.VISIT_STATUSES == ("open", "done", "unreachable", "cancelled")
    assert vocab.CONTACT_CHANNELS == ("phone", "sms", "wechat", "in_person")
    assert vocab.ATTEMPT_RESULTS == ("reached", "no_answer", "wrong_number", "refused", "call_back")
    assert vocab.COMPLAINT_STATES == ("open", "acknowledged", "paused", "escalated", "resolved", "closed")
    assert vocab.COMPLAINT_COMPLEXITIES == ("simple", "complex")
    assert vocab.COMPLAINT_CATEGORIES == (
        "payout_delay", "payout_amount", "service_attitude", "process", "communication",
        "documents", "other")
    assert vocab.COMPLAINT_EVENT_KINDS == (
        "opened", "acknowledged", "note", "paused", "resumed", "escalated", "reassigned",
        "resolved", "closed", "reopened")
    assert vocab.PAUSE_REASONS == (
        "awaiting_customer", "awaiting_third_party", "awaiting_documents", "customer_request")
    assert vocab.CARE_ITEM_KINDS == ("birthday", "festival", "health_reminder", "renewal_reminder")
    assert vocab.CLOCK_STATES == ("on_track", "due_soon", "breached", "met", "paused")
    assert vocab.ROLES == ("manager", "supervisor")
    assert vocab.CUSTOMER_TIERS == ("standard", "silver", "gold", "vip")


def test_tuples_hold_plain_str_and_members_equal_their_strings():
    assert all(type(v) is str for v in vocab.CLAIM_TYPES)
    assert vocab.ClaimType.HEALTH == "health"


def test_require_member():
    assert vocab.require_member("vip", vocab.CUSTOMER_TIERS, "tier") == "vip"
    with pytest.raises(DomainError) as caught:
        vocab.require_member("platinum", vocab.CUSTOMER_TIERS, "tier")
    assert caught.value.code == "unknown_value"
