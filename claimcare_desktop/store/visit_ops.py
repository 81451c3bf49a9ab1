"""Writes for the visit queue: logging an attempt, opening a complaint from a visit.

Each operation is one ORM transaction, so the rows and their outbox entries commit
together or not at all (DESIGN §4.2); any rule broken raises before anything is
written. Callers announce the touched tables on the ChangeBus afterwards.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from ..domain.cadence import VisitState, after_attempt, should_open_complaint
from ..domain.complaint_flow import validate_transition
from ..domain.errors import DomainError, ValidationError
from ..domain.ids import new_id
from ..domain.timeutil import to_naive_utc
from ..domain.vocab import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_COMPLEXITIES,
    CONTACT_CHANNELS,
    ComplaintEventKind,
    Role,
)
from .db import Profile
from .models import Complaint, ComplaintEvent, Customer, Visit, VisitAttempt

FEEDBACK_MAX = 2000
SUMMARY_MAX = 2000
INVALID_PHONE_TAG = "invalid_phone"


@dataclass(frozen=True)
class Actor:
    """Who does the write: their id, role and branch (the UI's signed-in user)."""

    user_id: str
    role: str
    branch_id: str


@dataclass(frozen=True)
class AttemptInput:
    channel: str
    result: str
    satisfaction: int | None = None
    feedback: str = ""
    follow_up_needed: bool = False
    customer_complained: bool = False
    call_back_on: date | None = None


@dataclass(frozen=True)
class AttemptLogged:
    visit_id: str
    attempt_id: str
    customer_id: str
    status: str
    attempts: int
    next_due_date: date | None
    offer_complaint: bool


def _check_choice(field: str, value: str | None, allowed: tuple[str, ...]) -> str:
    if not value:
        raise ValidationError(field, "required")
    if value not in allowed:
        raise ValidationError(field, "unknown_value", vocabulary=field, value=value)
    return value


def _check_length(field: str, value: str, limit: int) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ValidationError(field, "too_long", limit=limit)
    return value


def _visit_for(session: Session, actor: Actor, visit_id: str) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.deleted or visit.branch_id != actor.branch_id:
        raise DomainError("visit_not_found")
    if actor.role != Role.SUPERVISOR and visit.assignee_id not in (None, actor.user_id):
        raise DomainError("visit_not_yours")
    return visit


def log_attempt(profile: Profile, actor: Actor, visit_id: str, entry: AttemptInput,
                now_utc: datetime | None = None) -> AttemptLogged:
    """Record one contact attempt and move the visit on (done, retry, unreachable)."""
    now = now_utc or datetime.now(UTC)
    channel = _check_choice("channel", entry.channel, CONTACT_CHANNELS)
    feedback = _check_length("feedback", entry.feedback, FEEDBACK_MAX)
    with profile.session(actor.user_id) as session, session.begin():
        visit = _visit_for(session, actor, visit_id)
        outcome = after_attempt(
            VisitState(visit.id, visit.step, visit.status, visit.attempts, visit.due_date),
            entry.result, now, satisfaction=entry.satisfaction, call_back_on=entry.call_back_on)
        attempt = VisitAttempt(id=new_id(), branch_id=visit.branch_id, visit_id=visit.id,
                               user_id=actor.user_id, attempted_at=to_naive_utc(now),
                               channel=channel, result=entry.result,
                               satisfaction=outcome.satisfaction, notes=feedback or None)
        session.add(attempt)
        _apply_outcome(visit, outcome, channel, feedback, entry.follow_up_needed)
        if outcome.phone_invalid:
            _flag_invalid_phone(session, visit.customer_id)
        return AttemptLogged(visit.id, attempt.id, visit.customer_id, outcome.status,
                             outcome.attempts, outcome.next_due_date,
                             should_open_complaint(entry.result, entry.satisfaction,
                                                   entry.customer_complained))


def _apply_outcome(visit: Visit, outcome, channel: str, feedback: str, follow_up: bool) -> None:
    visit.status = outcome.status
    visit.attempts = outcome.attempts
    visit.channel = channel
    if outcome.next_due_date is not None:
        visit.due_date = outcome.next_due_date
    if outcome.satisfaction is not None:
        visit.satisfaction = outcome.satisfaction
    if feedback:
        visit.feedback = feedback
    visit.follow_up_needed = bool(follow_up)
    if outcome.completed_at_utc is not None:
        visit.completed_at = to_naive_utc(outcome.completed_at_utc)


def _flag_invalid_phone(session: Session, customer_id: str) -> None:
    customer = session.get(Customer, customer_id)
    if customer is not None and INVALID_PHONE_TAG not in (customer.tags or []):
        customer.tags = [*(customer.tags or []), INVALID_PHONE_TAG]


@dataclass(frozen=True)
class ComplaintInput:
    category: str
    summary: str
    complexity: str = "simple"


def open_complaint_from_visit(profile: Profile, actor: Actor, visit_id: str,
                              entry: ComplaintInput, now_utc: datetime | None = None) -> str:
    """A new complaint owned by `actor`, linked to the visit's customer and claim; its id."""
    now = to_naive_utc(now_utc or datetime.now(UTC))
    category = _check_choice("category", entry.category, COMPLAINT_CATEGORIES)
    complexity = _check_choice("complexity", entry.complexity, COMPLAINT_COMPLEXITIES)
    summary = _check_length("summary", entry.summary, SUMMARY_MAX)
    if not summary:
        raise ValidationError("summary", "required")
    state = validate_transition(None, ComplaintEventKind.OPENED, actor.role)
    with profile.session(actor.user_id) as session, session.begin():
        visit = _visit_for(session, actor, visit_id)
        complaint = Complaint(id=new_id(), branch_id=visit.branch_id,
                              customer_id=visit.customer_id, claim_id=visit.claim_id,
                              visit_id=visit.id, owner_id=actor.user_id, category=category,
                              complexity=complexity, state=state, summary=summary, opened_at=now)
        session.add(complaint)
        session.add(ComplaintEvent(id=new_id(), branch_id=visit.branch_id,
                                   complaint_id=complaint.id, user_id=actor.user_id, at=now,
                                   kind=ComplaintEventKind.OPENED, note=summary))
        return complaint.id
