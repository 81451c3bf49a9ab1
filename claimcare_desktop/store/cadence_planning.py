"""Cadence visits of closed claims that this PC has not seen planned yet (they sync).

Claims imported at HQ (`claimcare-hq import-claims`) arrive closed without visits, so a
branch's first sync can bring 100,000 claims to plan for. The planning walks them a chunk
at a time in claim id order and writes each chunk's visits with one Core insert, with the
outbox entries the session's flush hook would have written (`CoreOutbox.created`): memory
stays that of one chunk, and nothing is kept in the session, however big the branch.

A planning of a full chunk or more runs in the KPI bulk-load mode (store/kpi_cache.py), as
the sync's apply of a big page does: the visits' mark triggers cost 15-25% of the planning
even though new (open) visits mark nothing, and the one price, every kept KPI result
recomputed once, is nothing on a first sync, which has none yet.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimcare_desktop.domain.cadence import CADENCE_DAYS, plan_visits

from . import outbox
from .bulk import BulkInserter
from .core_outbox import CoreOutbox
from .id_filter import load_ids
from .kpi_cache import begin_bulk_load, end_bulk_load
from .models import Claim, Customer, Visit

CHUNK_CLAIMS = 2000
BULK_FROM_CLAIMS = CHUNK_CLAIMS  # claims of the first chunk that make a planning "big"
PLANNED_TABLE = "planned_visit_ids"
STEPS = tuple(CADENCE_DAYS)


def _missing_visits(after: str, limit: int):
    """The next `limit` closed claims after id `after` with fewer visits than cadence steps
    (a tombstoned visit counts: it was planned once)."""
    planned = (select(func.count()).where(Visit.claim_id == Claim.id, Visit.step.in_(STEPS))
               .correlate(Claim).scalar_subquery())
    return (select(Claim.id, Claim.customer_id, Claim.closed_at, Claim.branch_id, Customer.manager_id)
            .join(Customer, Customer.id == Claim.customer_id)
            .where(Claim.id > after, Claim.closed_at.is_not(None), Claim.deleted.is_(False),
                   planned < len(STEPS))
            .order_by(Claim.id).limit(limit))


def _claim_chunks(session: Session) -> Iterator[list]:
    after = ""
    while claims := session.execute(_missing_visits(after, CHUNK_CLAIMS)).all():
        yield claims
        after = claims[-1].id


def _planned_rows(claims: list, now) -> list[dict]:
    """Every cadence visit of the claims, as the rows an ORM flush would write."""
    rows = []
    for claim in claims:
        closed = claim.closed_at.replace(tzinfo=timezone.utc)
        for plan in plan_visits(claim.id, claim.customer_id, closed, claim.manager_id):
            rows.append({"id": plan.id, "branch_id": claim.branch_id, "customer_id": claim.customer_id,
                         "claim_id": claim.id, "step": plan.step, "due_date": plan.due_date,
                         "assignee_id": plan.manager_id, "status": str(plan.status), "attempts": 0,
                         "modified_at": now})
    return rows


def _existing_ids(session: Session, rows: list[dict]) -> set[str]:
    conn = session.connection()
    load_ids(conn, PLANNED_TABLE, (row["id"] for row in rows))
    return {r[0] for r in conn.exec_driver_sql(
        f"SELECT id FROM visits WHERE id IN (SELECT id FROM temp.{PLANNED_TABLE})")}


def _add_missing(session: Session, claims: list, inserter: BulkInserter) -> int:
    """Insert the chunk's visits that do not exist yet, each with its outbox entry."""
    now = outbox.utcnow()
    planned = _planned_rows(claims, now)
    existing = _existing_ids(session, planned)
    rows = [row for row in planned if row["id"] not in existing]
    if rows:
        conn = session.connection()
        inserter.insert(conn, rows)
        entries = CoreOutbox(now, session.info.get("user_id"))
        for row in rows:
            entries.created(Visit, row)
        entries.flush(conn)
    return len(rows)


def plan_visits_for_closed_claims(session: Session, user_id: str | None) -> int:
    """Add the cadence visits that closed claims are missing; returns how many.

    Visits already there (even tombstoned or worked on another PC) are never touched.
    Flushes the caller's pending rows first and does not commit: the caller owns the unit
    of work, and the visits commit with it or not at all."""
    session.info.setdefault("user_id", user_id)
    session.flush()  # the caller's pending rows first: the chunks below write with Core
    inserter = BulkInserter(Visit.__table__)
    added, bulk = 0, False
    try:
        for claims in _claim_chunks(session):
            if not bulk and len(claims) >= BULK_FROM_CLAIMS:
                begin_bulk_load(session.connection())
                bulk = True
            added += _add_missing(session, claims, inserter)
    finally:
        if bulk:  # the triggers back before anything can commit, even after an error
            end_bulk_load(session.connection())
    return added
