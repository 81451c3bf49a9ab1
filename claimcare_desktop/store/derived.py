"""Fields and rows each PC derives from synced facts.

- `refresh_search_keys` / `refresh_risk` fill the customers' LOCAL_FIELDS with set-based
  SQL; they run inside the caller's transaction and write no outbox entries (the values
  are never synced; every PC computes the same ones).
- `plan_visits_for_closed_claims` / `plan_care_items` create missing rows through the
  ORM session, so they get outbox entries and reach HQ. Their ids are deterministic
  (domain.ids), so two PCs planning the same visit create one row at HQ.
The sync engine calls them after applying pulled rows; the demo loader after loading.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from claimcare_desktop.domain.cadence import CADENCE_DAYS, plan_visits
from claimcare_desktop.domain.careplan import (
    HEALTH_REMINDER_DAYS,
    RENEWAL_REMINDER_DAYS_BEFORE,
    CareCustomer,
    ClaimSummary,
    PolicySummary,
    plan_care,
)
from claimcare_desktop.domain.pinyin import name_search_keys
from claimcare_desktop.domain.risk import RiskFacts, score_risk
from claimcare_desktop.domain.timeutil import local_date
from claimcare_desktop.domain.vocab import ClaimType

from . import codec
from .care_titles import care_title
from .id_filter import customer_batches
from .models import CareItem, Claim, Customer, Policy, Visit
from .risk_facts import gather

CARE_HORIZON_DAYS = 60
_BATCH = 2000


@lru_cache(maxsize=65536)
def _keys(name: str | None) -> tuple[str, str]:
    return name_search_keys(name)


def phone_suffix(phone: str | None) -> str | None:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits[-4:] if len(digits) >= 4 else None


def refresh_search_keys(conn: Connection, customer_ids: Iterable[str] | None = None) -> int:
    """Pinyin, initials and phone suffix of the customers (all when `customer_ids` is None)."""
    done = 0
    for only in customer_batches(conn, customer_ids):
        rows = conn.exec_driver_sql(
            f"SELECT id, name, phone FROM customers WHERE 1 = 1 {only('id')}").fetchall()
        updates = [(*_keys(name), phone_suffix(phone), cid) for cid, name, phone in rows]
        if updates:
            conn.exec_driver_sql("UPDATE customers SET name_pinyin = ?, name_initials = ?, "
                                 "phone_suffix = ? WHERE id = ?", updates)
        done += len(updates)
    return done


def _reasons_json(reasons) -> str:
    return json.dumps([{"code": r.code, "weight": r.weight,
                        "params": {k: codec.encode(v) for k, v in r.detail_params.items()}}
                       for r in reasons], ensure_ascii=False)


def _risk_updates(conn: Connection, today: date, only) -> list[tuple]:
    ids = [row[0] for row in
           conn.exec_driver_sql(f"SELECT id FROM customers WHERE deleted = 0 {only('id')}")]
    defaults = RiskFacts()
    facts = [(name, values, getattr(defaults, name))
             for name, values in gather(conn, today, only("customer_id")).items()]
    updates = []
    for cid in ids:
        risk = score_risk(RiskFacts(**{name: values.get(cid, default)
                                       for name, values, default in facts}), today)
        updates.append((risk.score, str(risk.level), _reasons_json(risk.reasons), cid))
    return updates


def refresh_risk(conn: Connection, today: date, customer_ids: Iterable[str] | None = None) -> int:
    """Risk score, level and reasons (domain.risk) of the customers, as of `today`,
    gathered with grouped queries per batch of customers."""
    done = 0
    for only in customer_batches(conn, customer_ids):
        updates = _risk_updates(conn, today, only)
        if updates:
            conn.exec_driver_sql("UPDATE customers SET risk_score = ?, risk_level = ?, "
                                 "risk_reasons = ? WHERE id = ?", updates)
        done += len(updates)
    return done


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


def plan_care_items(session: Session, today: date, horizon_days: int = CARE_HORIZON_DAYS,
                    customer_ids: Iterable[str] | None = None) -> int:
    """Add the care items (domain.careplan) due from `today` for `horizon_days` that do
    not exist yet; returns how many. Flushes, does not commit."""
    end = today + timedelta(days=horizon_days)
    ids = None if customer_ids is None else list(customer_ids)
    claims = _health_claims(session, today)
    policies = _ending_policies(session, today, horizon_days)
    existing = set(session.scalars(select(CareItem.id).where(
        CareItem.due_date >= today, CareItem.due_date < end)))
    added = 0
    for row in _care_customers(session, ids):
        who = CareCustomer(row.id, row.birth_date, row.consent_marketing, row.do_not_disturb)
        for item in plan_care(who, claims.get(row.id, ()), policies.get(row.id, ()), today, end):
            if item.id in existing:
                continue
            session.add(CareItem(id=item.id, branch_id=row.branch_id, customer_id=row.id,
                                 kind=item.kind, due_date=item.due_date,
                                 title=care_title(item.kind, item.key),
                                 assignee_id=row.manager_id, status="planned"))
            existing.add(item.id)
            added += 1
    session.flush()
    return added
