"""What people do to a complaint: each action is the complaint's update plus its event row,
in one transaction, checked against the state machine (domain.complaint_flow) first.

The state is re-read inside the transaction, so an action taken from a screen that is a
few seconds old is judged on the complaint as it is now. A manager works only the
complaints they own; a supervisor works any in the branch (and alone may reassign).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.complaint_flow import ComplaintEvent as FlowEvent, check_pause_reason, validate_transition
from ..domain.errors import DomainError, ValidationError
from ..domain.ids import new_id
from ..domain.timeutil import from_naive_utc
from ..domain.vocab import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_COMPLEXITIES,
    ComplaintEventKind as K,
    Role,
    require_member,
)
from .complaint_queries import paused_from
from .customer_ops import clean_text
from .db import Profile
from .models import Complaint, ComplaintEvent, Customer, User
from .outbox import utcnow

NOTE_MAX = 2000
SUMMARY_MAX = 2000


@dataclass(frozen=True)
class Actor:
    """Who acts: the signed-in user's id, role and branch."""

    id: str
    role: str
    branch_id: str


@dataclass(frozen=True)
class ComplaintAction:
    """One event to apply; which fields matter depends on `kind`."""

    kind: str
    note: str | None = None
    reason: str | None = None  # pause reason code
    new_owner_id: str | None = None
    resolution: str | None = None
    root_cause: str | None = None


def _text(value: str | None, field: str, required: bool, max_length: int = NOTE_MAX) -> str | None:
    return clean_text(value, field, required, max_length)


def _check_action_fields(action: ComplaintAction) -> None:
    if action.kind == K.NOTE:
        _text(action.note, "note", required=True)
    if action.kind == K.PAUSED:
        check_pause_reason(action.reason)
    if action.kind == K.RESOLVED:
        _text(action.resolution, "resolution", required=True)
        if not action.root_cause:
            raise ValidationError("root_cause", "required")
        require_member(action.root_cause, COMPLAINT_CATEGORIES, "root_cause")
    _text(action.note, "note", required=False)


def _history(session: Session, complaint_id: str) -> list[FlowEvent]:
    e = ComplaintEvent.__table__.c
    rows = session.execute(
        select(e.kind, e.at, e.reason)
        .where(e.complaint_id == complaint_id, e.deleted.is_(False))
        .order_by(e.at, e.id)
    )
    return [FlowEvent(r.kind, from_naive_utc(r.at), r.reason) for r in rows]


def _complaint_for(session: Session, actor: Actor, complaint_id: str) -> Complaint:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None or complaint.deleted or complaint.branch_id != actor.branch_id:
        raise DomainError("complaint_not_found")
    if actor.role != Role.SUPERVISOR and complaint.owner_id != actor.id:
        raise DomainError("not_owner")
    return complaint


def _check_new_owner(session: Session, complaint: Complaint, new_owner_id: str | None) -> None:
    owner = session.get(User, new_owner_id) if new_owner_id else None
    if new_owner_id and (owner is None or owner.deleted or not owner.active
                         or owner.branch_id != complaint.branch_id):
        raise DomainError("owner_not_in_branch")


def _update_fields(complaint: Complaint, action: ComplaintAction, new_state: str, at: datetime) -> None:
    complaint.state = new_state
    if action.kind == K.ACKNOWLEDGED and complaint.acknowledged_at is None:
        complaint.acknowledged_at = at
    elif action.kind == K.ESCALATED:
        complaint.escalation_level = (complaint.escalation_level or 0) + 1
    elif action.kind == K.REASSIGNED:
        complaint.owner_id = action.new_owner_id
    elif action.kind == K.RESOLVED:
        complaint.resolved_at = at
        complaint.resolution = _text(action.resolution, "resolution", required=True)
        complaint.root_cause = action.root_cause
    elif action.kind == K.CLOSED:
        complaint.closed_at = at
    elif action.kind == K.REOPENED:
        complaint.resolved_at = None
        complaint.closed_at = None


def apply_in_session(session: Session, actor: Actor, complaint_id: str, action: ComplaintAction,
                     at: datetime) -> str:
    """Apply `action` inside the caller's transaction; returns the new state."""
    _check_action_fields(action)
    complaint = _complaint_for(session, actor, complaint_id)
    history = _history(session, complaint_id)
    if action.kind == K.REASSIGNED:
        _check_new_owner(session, complaint, action.new_owner_id)
    new_state = validate_transition(
        complaint.state, action.kind, actor.role, reason=action.reason,
        current_owner=complaint.owner_id, new_owner=action.new_owner_id,
        paused_from=paused_from(history),
    )
    _update_fields(complaint, action, new_state, at)
    session.add(ComplaintEvent(
        id=new_id(), branch_id=complaint.branch_id, complaint_id=complaint_id, user_id=actor.id,
        at=at, kind=action.kind, reason=action.reason if action.kind == K.PAUSED else None,
        note=_text(action.note, "note", required=False),
        new_owner_id=action.new_owner_id if action.kind == K.REASSIGNED else None,
    ))
    return new_state


def apply_action(profile: Profile, actor: Actor, complaint_id: str, action: ComplaintAction,
                 now: datetime | None = None) -> str:
    """The complaint's new state after `action`; DomainError if it is not allowed."""
    with profile.session(actor.id) as session, session.begin():
        return apply_in_session(session, actor, complaint_id, action, now or utcnow())


@dataclass(frozen=True)
class NewComplaint:
    customer_id: str
    category: str
    summary: str
    complexity: str = "simple"
    claim_id: str | None = None
    visit_id: str | None = None
    owner_id: str | None = None  # default: whoever opens it


def open_complaint(profile: Profile, actor: Actor, new: NewComplaint, now: datetime | None = None) -> str:
    """Create a complaint with its `opened` event; returns its id."""
    require_member(new.category, COMPLAINT_CATEGORIES, "complaint_category")
    require_member(new.complexity, COMPLAINT_COMPLEXITIES, "complaint_complexity")
    summary = _text(new.summary, "summary", required=True, max_length=SUMMARY_MAX)
    at = now or utcnow()
    complaint_id = new_id()
    with profile.session(actor.id) as session, session.begin():
        customer = session.get(Customer, new.customer_id)
        if customer is None or customer.deleted:
            raise ValidationError("customer", "customer_not_found")
        owner_id = new.owner_id or actor.id
        validate_transition(None, K.OPENED, actor.role)
        session.add(Complaint(
            id=complaint_id, branch_id=customer.branch_id, customer_id=customer.id,
            claim_id=new.claim_id, visit_id=new.visit_id, owner_id=owner_id, category=new.category,
            complexity=new.complexity, state="open", summary=summary, opened_at=at,
            escalation_level=0,
        ))
        session.flush()  # the event refers to the complaint
        session.add(ComplaintEvent(id=new_id(), branch_id=customer.branch_id,
                                   complaint_id=complaint_id, user_id=actor.id, at=at,
                                   kind=K.OPENED, note=summary))
    return complaint_id
