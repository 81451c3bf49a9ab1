"""Care-plan items due soon that do not exist yet (they sync; ids are deterministic)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimcare_desktop.domain.careplan import (
    HEALTH_REMINDER_DAYS,
    RENEWAL_REMINDER_DAYS_BEFORE,
    CareCustomer,
    ClaimSummary,
    PolicySummary,
    plan_care,
)
from claimcare_desktop.domain.ids import care_item_id
from claimcare_desktop.domain.timeutil import local_date
from claimcare_desktop.domain.vocab import ClaimType

from .care_titles import care_title
from .models import CareItem, Claim, Customer, Policy

CARE_HORIZON_DAYS = 60
_BATCH = 2000


def _care_customers(session: Session, customer_ids: list[str] | None) -> list:
    query = select(Customer.id, Customer.branch_id, Customer.birth_date,
                   Customer.consent_marketing, Customer.do_not_disturb,
                   Customer.manager_id).where(Customer.deleted.is_(False))
    if customer_ids is None:
        return session.execute(query).all()
    return [row for start in range(0, len(customer_ids), _BATCH)
            for row in session.execute(query.where(
                Customer.id.in_(customer_ids[start:start + _BATCH])))]


def _health_claims(session: Session, today: date) -> dict[str, list[ClaimSummary]]:
    since = today - timedelta(days=max(HEALTH_REMINDER_DAYS) + 1)
    rows = session.execute(
        select(Claim.id, Claim.customer_id, Claim.closed_at, Claim.paid_fen)
        .where(Claim.claim_type == ClaimType.HEALTH, Claim.deleted.is_(False),
               Claim.closed_at >= datetime.combine(since, time(0))))
    found: dict[str, list[ClaimSummary]] = {}
    for cid, customer_id, closed_at, paid in rows:
        closed_on = local_date(closed_at.replace(tzinfo=timezone.utc))
        found.setdefault(customer_id, []).append(ClaimSummary(cid, ClaimType.HEALTH, closed_on, paid))
    return found


def _ending_policies(session: Session, today: date, horizon: int) -> dict[str, list[PolicySummary]]:
    first = today + timedelta(days=RENEWAL_REMINDER_DAYS_BEFORE)
    rows = session.execute(
        select(Policy.id, Policy.customer_id, Policy.end_date)
        .where(Policy.deleted.is_(False), Policy.status == "active",
               Policy.end_date >= first, Policy.end_date < first + timedelta(days=horizon)))
    found: dict[str, list[PolicySummary]] = {}
    for pid, customer_id, end in rows:
        found.setdefault(customer_id, []).append(PolicySummary(pid, end))
    return found


class _Planner:
    """What `domain.careplan.plan_care` gives each customer in [today, end).

    Festival greetings depend only on consent and do-not-disturb, so for a customer with
    no birthday, health claim or ending policy in the window the result is the plan of a
    template customer with the same flags, re-identified (domain.ids.care_item_id). Only
    the others go through `plan_care` one by one: it computes every candidate of five
    years, which at 100,000 customers is the difference between seconds and minutes."""

    def __init__(self, today: date, end: date, claims: dict, policies: dict) -> None:
        self.today, self.end = today, end
        self.claims, self.policies = claims, policies
        self.templates: dict[tuple[bool, bool], list] = {}
        days = (end - today).days
        window = [today + timedelta(days=n) for n in range(days)]
        self.birthdays = {(d.month, d.day) for d in window} | {(2, 29)}

    def _template(self, consent: bool, dnd: bool) -> list:
        key = (consent, dnd)
        if key not in self.templates:
            who = CareCustomer("", None, consent, dnd)
            self.templates[key] = plan_care(who, (), (), self.today, self.end)
        return self.templates[key]

    def _needs_own_plan(self, row) -> bool:
        birth = row.birth_date
        return (row.id in self.claims or row.id in self.policies
                or (birth is not None and (birth.month, birth.day) in self.birthdays))

    def items(self, row) -> list[tuple[str, str, date, str]]:
        """(id, kind, due date, key) of the customer's items."""
        if self._needs_own_plan(row):
            who = CareCustomer(row.id, row.birth_date, row.consent_marketing, row.do_not_disturb)
            planned = plan_care(who, self.claims.get(row.id, ()), self.policies.get(row.id, ()),
                                self.today, self.end)
            return [(i.id, i.kind, i.due_date, i.key) for i in planned]
        return [(care_item_id(row.id, i.kind, i.due_date, i.key), i.kind, i.due_date, i.key)
                for i in self._template(row.consent_marketing, row.do_not_disturb)]


def plan_care_items(session: Session, today: date, horizon_days: int = CARE_HORIZON_DAYS,
                    customer_ids: Iterable[str] | None = None) -> int:
    """Add the care items (domain.careplan) due from `today` for `horizon_days` that do
    not exist yet; returns how many. Flushes, does not commit."""
    end = today + timedelta(days=horizon_days)
    ids = None if customer_ids is None else list(customer_ids)
    planner = _Planner(today, end, _health_claims(session, today),
                       _ending_policies(session, today, horizon_days))
    existing = set(session.scalars(select(CareItem.id).where(
        CareItem.due_date >= today, CareItem.due_date < end)))
    added = 0
    for row in _care_customers(session, ids):
        for item_id, kind, due, key in planner.items(row):
            if item_id in existing:
                continue
            session.add(CareItem(id=item_id, branch_id=row.branch_id, customer_id=row.id,
                                 kind=kind, due_date=due, title=care_title(kind, key),
                                 assignee_id=row.manager_id, status="planned"))
            existing.add(item_id)
            added += 1
    session.flush()
    return added
