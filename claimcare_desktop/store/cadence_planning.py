"""Cadence visits of closed claims that this PC has not seen planned yet (they sync)."""
from __future__ import annotations

from datetime import timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimcare_desktop.domain.cadence import CADENCE_DAYS, plan_visits

from .models import Claim, Customer, Visit

_BATCH = 2000


def _claims_missing_visits(session: Session) -> list:
    steps = tuple(CADENCE_DAYS)
    planned = (select(func.count()).where(Visit.claim_id == Claim.id, Visit.step.in_(steps))
               .correlate(Claim).scalar_subquery())
    return session.execute(
        select(Claim.id, Claim.customer_id, Claim.closed_at, Claim.branch_id, Customer.manager_id)
        .join(Customer, Customer.id == Claim.customer_id)
        .where(Claim.closed_at.is_not(None), Claim.deleted.is_(False), planned < len(steps))
    ).all()


def _existing_ids(session: Session, column, values: list[str], id_column) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), _BATCH):
        batch = values[start:start + _BATCH]
        found.update(session.scalars(select(id_column).where(column.in_(batch))))
    return found


def plan_visits_for_closed_claims(session: Session, user_id: str | None) -> int:
    """Add the cadence visits that closed claims are missing; returns how many.

    Visits already there (even tombstoned or worked on another PC) are never touched.
    Flushes but does not commit: the caller owns the unit of work."""
    session.info.setdefault("user_id", user_id)
    claims = _claims_missing_visits(session)
    existing = _existing_ids(session, Visit.claim_id, [c.id for c in claims], Visit.id)
    added = 0
    for claim in claims:
        closed = claim.closed_at.replace(tzinfo=timezone.utc)
        for plan in plan_visits(claim.id, claim.customer_id, closed, claim.manager_id):
            if plan.id in existing:
                continue
            session.add(Visit(id=plan.id, branch_id=claim.branch_id, customer_id=claim.customer_id,
                              claim_id=claim.id, step=plan.step, due_date=plan.due_date,
                              assignee_id=plan.manager_id, status=str(plan.status), attempts=0))
            existing.add(plan.id)
            added += 1
    session.flush()
    return added
