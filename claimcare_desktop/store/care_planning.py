"""Care-plan items due soon that do not exist yet (they sync; ids are deterministic)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import insert, select, text
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
from . import id_filter, outbox
from .id_filter import customer_batches, load_ids
from .core_outbox import CoreOutbox
from .models import CareItem, Claim, Customer, Policy

CARE_HORIZON_DAYS = 60
CHUNK_CUSTOMERS = 2000
PLANNED_TABLE = "planned_care_ids"
_ITEM_DEFAULTS = {c.key: c.default.arg for c in CareItem.__table__.columns
                  if c.default is not None and c.default.is_scalar}


def _in_chunk(column: str):
    """`column` is one of the customers of the chunk `id_filter.customer_batches` loaded."""
    return text(f"{column} IN (SELECT id FROM temp.{id_filter.TEMP_TABLE})")


def _care_customers(session: Session) -> list:
    return session.execute(
        select(Customer.id, Customer.branch_id, Customer.birth_date, Customer.consent_marketing,
               Customer.do_not_disturb, Customer.manager_id)
        .where(Customer.deleted.is_(False), _in_chunk("customers.id"))).all()


def _health_claims(session: Session, today: date) -> dict[str, list[ClaimSummary]]:
    since = today - timedelta(days=max(HEALTH_REMINDER_DAYS) + 1)
    rows = session.execute(
        select(Claim.id, Claim.customer_id, Claim.closed_at, Claim.paid_fen)
        .where(Claim.claim_type == ClaimType.HEALTH, Claim.deleted.is_(False),
               Claim.closed_at >= datetime.combine(since, time(0)),
               _in_chunk("claims.customer_id")))
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
               Policy.end_date >= first, Policy.end_date < first + timedelta(days=horizon),
               _in_chunk("policies.customer_id")))
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

    def __init__(self, today: date, end: date) -> None:
        self.today, self.end = today, end
        self.claims: dict[str, list[ClaimSummary]] = {}
        self.policies: dict[str, list[PolicySummary]] = {}
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


def _existing_items(session: Session, planned: list[tuple], today: date, end: date) -> set[str]:
    """Which of the planned item ids exist already with a due date in [today, end)."""
    conn = session.connection()
    load_ids(conn, PLANNED_TABLE, (item_id for _row, (item_id, *_rest) in planned))
    return {row[0] for row in conn.exec_driver_sql(
        f"SELECT id FROM care_items WHERE id IN (SELECT id FROM temp.{PLANNED_TABLE}) "
        "AND due_date >= ? AND due_date < ?", (today.isoformat(), end.isoformat()))}


def _new_item_row(row, item_id: str, kind: str, due: date, key: str, now: datetime) -> dict:
    """Every column of the care item, as an ORM flush would write it."""
    given = {"id": item_id, "branch_id": row.branch_id, "customer_id": row.id, "kind": kind,
             "due_date": due, "title": care_title(kind, key), "assignee_id": row.manager_id,
             "status": "planned", "modified_at": now}
    return {column.key: given.get(column.key, _ITEM_DEFAULTS.get(column.key))
            for column in CareItem.__table__.columns}


def _add_missing(session: Session, planned: list[tuple], existing: set[str]) -> int:
    """Insert the planned items not in `existing` with Core statements, each with the
    outbox entry an ORM flush would have written (so they reach HQ the same way) at a
    fraction of the ORM's cost, and nothing kept in the session."""
    now = outbox.utcnow()
    items = []
    for row, (item_id, kind, due, key) in planned:
        if item_id not in existing:
            existing.add(item_id)
            items.append(_new_item_row(row, item_id, kind, due, key, now))
    if items:
        conn = session.connection()
        conn.execute(insert(CareItem.__table__), items)
        entries = CoreOutbox(now, session.info.get("user_id"))
        for item in items:
            entries.created(CareItem, item)
        entries.flush(conn)
    return len(items)


def plan_care_items(session: Session, today: date, horizon_days: int = CARE_HORIZON_DAYS,
                    customer_ids: Iterable[str] | None = None) -> int:
    """Add the care items (domain.careplan) due from `today` for `horizon_days` that do
    not exist yet; returns how many. Works a chunk of customers at a time, writing each
    chunk's items with Core statements, so memory does not grow with the branch; flushes
    the session, does not commit."""
    end = today + timedelta(days=horizon_days)
    session.flush()  # the caller's pending rows first: the chunks below write with Core
    planner = _Planner(today, end)
    added = 0
    for _chunk in customer_batches(session.connection(), customer_ids, CHUNK_CUSTOMERS):
        planner.claims = _health_claims(session, today)
        planner.policies = _ending_policies(session, today, horizon_days)
        planned = [(row, item) for row in _care_customers(session) for item in planner.items(row)]
        added += _add_missing(session, planned, _existing_items(session, planned, today, end))
    return added
