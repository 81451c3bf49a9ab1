"""Edits a user makes on a customer's care profile, each one transaction with its outbox entry.

Input is checked before anything is written (ValidationError with a stable code the UI
translates); revealing a phone or ID number returns it and records the audit entry in
the same transaction, so no one sees a number without the entry being written.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.ids import new_id
from ..domain.vocab import CONTACT_CHANNELS
from .db import Profile
from .models import AuditEntry, Communication, Customer
from .outbox import utcnow

BEST_TIME_MAX = 32
CARE_NOTES_MAX = 500
TAG_MAX = 20
TAGS_MAX = 12
SUMMARY_MAX = 2000
DIRECTIONS = ("in", "out")
REVEALABLE = {"phone": "reveal_phone", "id_number": "reveal_id_number"}


@dataclass(frozen=True)
class PreferenceEdit:
    preferred_channel: str | None
    best_time: str | None
    do_not_disturb: bool
    consent_marketing: bool
    care_notes: str | None = None


def clean_text(value: str | None, field: str, required: bool, max_length: int) -> str | None:
    """Trimmed text, None when blank; ValidationError when required and blank, or too long."""
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(field, "required")
        return None
    if len(text) > max_length:
        raise ValidationError(field, "text_too_long", max=max_length)
    return text


def _channel(value: str | None, field: str, required: bool) -> str | None:
    if not value:
        if required:
            raise ValidationError(field, "required")
        return None
    if value not in CONTACT_CHANNELS:
        raise ValidationError(field, "unknown_value", vocabulary="channel", value=value)
    return value


def clean_preferences(edit: PreferenceEdit) -> PreferenceEdit:
    return PreferenceEdit(
        preferred_channel=_channel(edit.preferred_channel, "preferred_channel", required=False),
        best_time=clean_text(edit.best_time, "best_time", False, BEST_TIME_MAX),
        do_not_disturb=bool(edit.do_not_disturb),
        consent_marketing=bool(edit.consent_marketing),
        care_notes=clean_text(edit.care_notes, "care_notes", False, CARE_NOTES_MAX),
    )


def clean_tags(tags: list[str]) -> list[str]:
    """Trimmed, without blanks or repeats, in the order given."""
    cleaned: list[str] = []
    for tag in tags:
        text = clean_text(tag, "tags", False, TAG_MAX)
        if text and text not in cleaned:
            cleaned.append(text)
    if len(cleaned) > TAGS_MAX:
        raise ValidationError("tags", "too_many_tags", max=TAGS_MAX)
    return cleaned


def _customer(session: Session, customer_id: str) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted:
        raise ValidationError("customer", "customer_not_found")
    return customer


def save_preferences(profile: Profile, user_id: str, customer_id: str, edit: PreferenceEdit) -> None:
    clean = clean_preferences(edit)
    with profile.session(user_id) as session, session.begin():
        customer = _customer(session, customer_id)
        customer.preferred_channel = clean.preferred_channel
        customer.best_time = clean.best_time
        customer.do_not_disturb = clean.do_not_disturb
        customer.consent_marketing = clean.consent_marketing
        customer.care_notes = clean.care_notes


def save_tags(profile: Profile, user_id: str, customer_id: str, tags: list[str]) -> list[str]:
    cleaned = clean_tags(tags)
    with profile.session(user_id) as session, session.begin():
        customer = _customer(session, customer_id)
        customer.tags = list(cleaned)  # a new list: JSON columns do not track in-place edits
    return cleaned


def reveal(profile: Profile, user_id: str, customer_id: str, field: str,
           now: datetime | None = None) -> str:
    """The full phone or ID number; the audit entry commits with the read or not at all."""
    if field not in REVEALABLE:
        raise ValidationError("field", "unknown_value", vocabulary="revealable_field", value=field)
    with profile.session(user_id) as session, session.begin():
        customer = _customer(session, customer_id)
        session.add(AuditEntry(
            id=new_id(), branch_id=customer.branch_id, user_id=user_id, at=now or utcnow(),
            action=REVEALABLE[field], target_table="customers", target_id=customer_id,
            detail=field,
        ))
        return getattr(customer, field) or ""


def add_communication(profile: Profile, user_id: str, customer_id: str, channel: str,
                      summary: str, direction: str = "out", at: datetime | None = None) -> str:
    checked_channel = _channel(channel, "channel", required=True)
    text = clean_text(summary, "summary", True, SUMMARY_MAX)
    if direction not in DIRECTIONS:
        raise ValidationError("direction", "unknown_value", vocabulary="direction", value=direction)
    entry_id = new_id()
    with profile.session(user_id) as session, session.begin():
        customer = _customer(session, customer_id)
        session.add(Communication(
            id=entry_id, branch_id=customer.branch_id, customer_id=customer_id, user_id=user_id,
            at=at or utcnow(), channel=checked_channel, direction=direction, summary=text,
        ))
    return entry_id
