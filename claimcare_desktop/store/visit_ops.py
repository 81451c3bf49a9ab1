"""Writes for the visit queue: logging an attempt, opening a complaint from a visit.

Each operation is one ORM transaction, so the rows and their outbox entries commit
together or not at all (DESIGN §4.2); any rule broken raises before anything is
written. Callers announce the touched tables on the ChangeBus afterwards.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, bindparam, insert, select, update
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
from .core_outbox import CoreOutbox
from .db import Profile
from .models import Complaint, ComplaintEvent, Customer, Visit, VisitAttempt
from .outbox import utcnow

FEEDBACK_MAX = 2000
SUMMARY_MAX = 2000
INVALID_PHONE_TAG = "invalid_phone"

visits_t, attempts_t, customers_t = Visit.__table__, VisitAttempt.__table__, Customer.__table__
_VISIT_READ = ("id", "branch_id", "customer_id", "assignee_id", "deleted", "step", "status",
               "attempts", "due_date", "channel", "satisfaction", "feedback",
               "follow_up_needed", "completed_at")
# Built once: SQLAlchemy then reuses their compiled form (the SET clause follows the keys
# given, one compiled form per set of changed columns).
READ_VISIT = select(*(visits_t.c[name] for name in _VISIT_READ)).where(
    visits_t.c.id == bindparam("visit_id"))
UPDATE_VISIT = update(visits_t).where(visits_t.c.id == bindparam("visit_id"))


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


def _check_visit(actor: Actor, found: bool, branch_id: str | None, assignee_id: str | None) -> None:
    if not found or branch_id != actor.branch_id:
        raise DomainError("visit_not_found")
    if actor.role != Role.SUPERVISOR and assignee_id not in (None, actor.user_id):
        raise DomainError("visit_not_yours")


def _visit_for(session: Session, actor: Actor, visit_id: str) -> Visit:
    visit = session.get(Visit, visit_id)
    live = visit is not None and not visit.deleted
    _check_visit(actor, live, visit and visit.branch_id, visit and visit.assignee_id)
    return visit


def _visit_row(conn: Connection, actor: Actor, visit_id: str) -> dict:
    row = conn.execute(READ_VISIT, {"visit_id": visit_id}).mappings().first()
    live = row is not None and not row["deleted"]
    _check_visit(actor, live, row and row["branch_id"], row and row["assignee_id"])
    return dict(row)


def log_attempt(profile: Profile, actor: Actor, visit_id: str, entry: AttemptInput,
                now_utc: datetime | None = None) -> AttemptLogged:
    """Record one contact attempt and move the visit on (done, retry, unreachable).

    Core statements in one transaction (the ORM's unit of work cost more than the writes),
    with the same outbox entries a session would record (store/core_outbox.py)."""
    now = now_utc or datetime.now(UTC)
    channel = _check_choice("channel", entry.channel, CONTACT_CHANNELS)
    feedback = _check_length("feedback", entry.feedback, FEEDBACK_MAX)
    with profile.engine.begin() as conn:
        visit = _visit_row(conn, actor, visit_id)
        outcome = after_attempt(
            VisitState(visit["id"], visit["step"], visit["status"], visit["attempts"],
                       visit["due_date"]),
            entry.result, now, satisfaction=entry.satisfaction, call_back_on=entry.call_back_on)
        log = CoreOutbox(utcnow(), actor.user_id)
        attempt = {"id": new_id(), "branch_id": visit["branch_id"], "visit_id": visit["id"],
                   "user_id": actor.user_id, "attempted_at": to_naive_utc(now), "channel": channel,
                   "result": entry.result, "satisfaction": outcome.satisfaction,
                   "notes": feedback or None, "deleted": False}
        conn.execute(insert(attempts_t), {**attempt, "modified_at": log.now})
        log.created(VisitAttempt, attempt)
        changes = _outcome_changes(outcome, channel, feedback, entry.follow_up_needed)
        if log.changed(Visit, visit["id"], visit, changes):
            conn.execute(UPDATE_VISIT, {**changes, "modified_at": log.now, "visit_id": visit["id"]})
        if outcome.phone_invalid:
            _flag_invalid_phone(conn, log, visit["customer_id"])
        log.flush(conn)
        return AttemptLogged(visit["id"], attempt["id"], visit["customer_id"], outcome.status,
                             outcome.attempts, outcome.next_due_date,
                             should_open_complaint(entry.result, entry.satisfaction,
                                                   entry.customer_complained))


def _outcome_changes(outcome, channel: str, feedback: str, follow_up: bool) -> dict:
    changes = {"status": outcome.status, "attempts": outcome.attempts, "channel": channel}
    if outcome.next_due_date is not None:
        changes["due_date"] = outcome.next_due_date
    if outcome.satisfaction is not None:
        changes["satisfaction"] = outcome.satisfaction
    if feedback:
        changes["feedback"] = feedback
    changes["follow_up_needed"] = bool(follow_up)
    if outcome.completed_at_utc is not None:
        changes["completed_at"] = to_naive_utc(outcome.completed_at_utc)
    return changes


def _flag_invalid_phone(conn: Connection, log: CoreOutbox, customer_id: str) -> None:
    c = customers_t.c
    tags = conn.execute(select(c.tags).where(c.id == customer_id)).scalar_one_or_none()
    if INVALID_PHONE_TAG in (tags or []):
        return
    after = {"tags": [*(tags or []), INVALID_PHONE_TAG]}
    if log.changed(Customer, customer_id, {"tags": tags}, after):
        conn.execute(update(customers_t).where(c.id == customer_id).values(
            **after, modified_at=log.now))


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
