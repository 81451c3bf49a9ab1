"""Everything the care profile shows about one customer, read in a handful of queries.

Datetimes stay naive UTC (as stored); the UI turns them into branch-local text.
Sensitive numbers leave here masked only: revealing one is `customer_ops.reveal_*`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select

from ..domain.errors import DomainError
from ..domain.kpi import PAYOUT_WITHIN
from ..domain.masking import mask_id, mask_phone
from ..domain.vocab import ClaimStatus
from .models import CareItem, Claim, Communication, Complaint, Customer, User, Visit, VisitAttempt

COMMUNICATIONS_SHOWN = 200


class CustomerNotFound(DomainError):
    def __init__(self, customer_id: str) -> None:
        super().__init__("customer_not_found", customer_id=customer_id)
        self.customer_id = customer_id


@dataclass(frozen=True)
class ProfileHeader:
    id: str
    branch_id: str
    name: str
    gender: str | None
    birth_date: date | None
    tier: str
    tags: tuple[str, ...]
    manager_name: str
    advisor_name: str
    masked_phone: str
    masked_id: str
    address: str | None


NO_PAYOUT_STATUSES = frozenset({ClaimStatus.REJECTED, ClaimStatus.CLOSED})


@dataclass(frozen=True)
class ClaimEntry:
    id: str
    claim_no: str
    claim_type: str
    status: str
    reported_at: datetime
    documents_confirmed_at: datetime | None
    paid_at: datetime | None
    closed_at: datetime | None
    claimed_fen: int
    paid_fen: int

    @property
    def payout_delay(self) -> timedelta | None:
        if self.documents_confirmed_at is None or self.paid_at is None:
            return None
        return self.paid_at - self.documents_confirmed_at

    @property
    def awaits_payout(self) -> bool:
        """Documents confirmed, nothing paid, and not turned down or closed: money is owed."""
        return (self.documents_confirmed_at is not None and self.paid_at is None
                and self.status not in NO_PAYOUT_STATUSES)

    @property
    def payout_late(self) -> bool:
        delay = self.payout_delay
        return delay is not None and delay > PAYOUT_WITHIN


@dataclass(frozen=True)
class AttemptEntry:
    attempted_at: datetime
    channel: str
    result: str
    satisfaction: int | None
    notes: str | None
    user_name: str


@dataclass(frozen=True)
class VisitEntry:
    id: str
    claim_no: str
    step: str
    due_date: date
    status: str
    assignee_name: str
    satisfaction: int | None
    feedback: str | None
    attempts: tuple[AttemptEntry, ...]


@dataclass(frozen=True)
class ComplaintEntry:
    id: str
    category: str
    state: str
    summary: str
    opened_at: datetime
    owner_name: str


@dataclass(frozen=True)
class CommunicationEntry:
    at: datetime
    channel: str
    direction: str
    summary: str
    user_name: str


@dataclass(frozen=True)
class Preferences:
    preferred_channel: str | None
    best_time: str | None
    do_not_disturb: bool
    consent_marketing: bool
    care_notes: str | None


@dataclass(frozen=True)
class CareEntry:
    kind: str
    due_date: date
    title: str | None
    status: str
    done_at: datetime | None


@dataclass(frozen=True)
class RiskReasonEntry:
    code: str
    weight: int
    params: dict[str, Any]


@dataclass(frozen=True)
class RiskEntry:
    score: int | None
    level: str | None
    reasons: tuple[RiskReasonEntry, ...]


@dataclass(frozen=True)
class CustomerProfile:
    header: ProfileHeader
    preferences: Preferences
    risk: RiskEntry
    claims: tuple[ClaimEntry, ...]
    visits: tuple[VisitEntry, ...]
    complaints: tuple[ComplaintEntry, ...]
    communications: tuple[CommunicationEntry, ...]
    care_items: tuple[CareEntry, ...]


def user_names(conn: Connection) -> dict[str, str]:
    """Display names of every user on this PC (a branch has a few dozen at most)."""
    users = User.__table__.c
    return {row.id: row.display_name for row in conn.execute(select(users.id, users.display_name))}


def _risk_reason(raw: Any) -> RiskReasonEntry:
    if isinstance(raw, dict):
        params = raw.get("params", raw.get("detail_params")) or {}
        return RiskReasonEntry(str(raw.get("code", "")), int(raw.get("weight", 0)), dict(params))
    return RiskReasonEntry(str(raw), 0, {})


def _header(row: Any, names: dict[str, str]) -> ProfileHeader:
    return ProfileHeader(
        id=row.id, branch_id=row.branch_id, name=row.name, gender=row.gender,
        birth_date=row.birth_date, tier=row.tier, tags=tuple(row.tags or ()),
        manager_name=names.get(row.manager_id, ""), advisor_name=names.get(row.advisor_id, ""),
        masked_phone=mask_phone(row.phone), masked_id=mask_id(row.id_number), address=row.address,
    )


def _preferences(row: Any) -> Preferences:
    return Preferences(row.preferred_channel, row.best_time, bool(row.do_not_disturb),
                       bool(row.consent_marketing), row.care_notes)


def _risk(row: Any) -> RiskEntry:
    reasons = tuple(_risk_reason(r) for r in (row.risk_reasons or ()))
    return RiskEntry(row.risk_score, row.risk_level, reasons)


def _customer_row(conn: Connection, customer_id: str) -> Any:
    c = Customer.__table__.c
    row = conn.execute(select(Customer.__table__).where(c.id == customer_id, c.deleted.is_(False))).first()
    if row is None:
        raise CustomerNotFound(customer_id)
    return row


def _claims(conn: Connection, customer_id: str) -> tuple[ClaimEntry, ...]:
    c = Claim.__table__.c
    rows = conn.execute(
        select(c.id, c.claim_no, c.claim_type, c.status, c.reported_at, c.documents_confirmed_at,
               c.paid_at, c.closed_at, c.claimed_fen, c.paid_fen)
        .where(c.customer_id == customer_id, c.deleted.is_(False))
        .order_by(c.reported_at.desc())
    )
    return tuple(ClaimEntry(*row) for row in rows)


def _attempts_by_visit(conn: Connection, customer_id: str, names: dict[str, str]) -> dict[str, list[AttemptEntry]]:
    a = VisitAttempt.__table__.c
    v = Visit.__table__.c
    rows = conn.execute(
        select(a.visit_id, a.attempted_at, a.channel, a.result, a.satisfaction, a.notes, a.user_id)
        .join(Visit.__table__, v.id == a.visit_id)
        .where(v.customer_id == customer_id, a.deleted.is_(False))
        .order_by(a.attempted_at)
    )
    attempts: dict[str, list[AttemptEntry]] = {}
    for row in rows:
        entry = AttemptEntry(row.attempted_at, row.channel, row.result, row.satisfaction, row.notes,
                             names.get(row.user_id, ""))
        attempts.setdefault(row.visit_id, []).append(entry)
    return attempts


def _visits(conn: Connection, customer_id: str, names: dict[str, str],
            claim_numbers: dict[str, str]) -> tuple[VisitEntry, ...]:
    v = Visit.__table__.c
    attempts = _attempts_by_visit(conn, customer_id, names)
    rows = conn.execute(
        select(v.id, v.claim_id, v.step, v.due_date, v.status, v.assignee_id, v.satisfaction, v.feedback)
        .where(v.customer_id == customer_id, v.deleted.is_(False))
        .order_by(v.due_date.desc(), v.id)
    )
    return tuple(
        VisitEntry(row.id, claim_numbers.get(row.claim_id, ""), row.step, row.due_date, row.status,
                   names.get(row.assignee_id, ""), row.satisfaction, row.feedback,
                   tuple(attempts.get(row.id, ())))
        for row in rows
    )


def _complaints(conn: Connection, customer_id: str, names: dict[str, str]) -> tuple[ComplaintEntry, ...]:
    c = Complaint.__table__.c
    rows = conn.execute(
        select(c.id, c.category, c.state, c.summary, c.opened_at, c.owner_id)
        .where(c.customer_id == customer_id, c.deleted.is_(False))
        .order_by(c.opened_at.desc())
    )
    return tuple(ComplaintEntry(r.id, r.category, r.state, r.summary, r.opened_at,
                                names.get(r.owner_id, "")) for r in rows)


def _communications(conn: Connection, customer_id: str, names: dict[str, str]) -> tuple[CommunicationEntry, ...]:
    c = Communication.__table__.c
    rows = conn.execute(
        select(c.at, c.channel, c.direction, c.summary, c.user_id)
        .where(c.customer_id == customer_id, c.deleted.is_(False))
        .order_by(c.at.desc())
        .limit(COMMUNICATIONS_SHOWN)
    )
    return tuple(CommunicationEntry(r.at, r.channel, r.direction, r.summary, names.get(r.user_id, ""))
                 for r in rows)


def _care_items(conn: Connection, customer_id: str) -> tuple[CareEntry, ...]:
    c = CareItem.__table__.c
    rows = conn.execute(
        select(c.kind, c.due_date, c.title, c.status, c.done_at)
        .where(c.customer_id == customer_id, c.deleted.is_(False))
        .order_by(c.due_date)
    )
    return tuple(CareEntry(*row) for row in rows)


def load_profile(conn: Connection, customer_id: str) -> CustomerProfile:
    """The whole profile; raises CustomerNotFound for an unknown or deleted customer."""
    row = _customer_row(conn, customer_id)
    names = user_names(conn)
    claims = _claims(conn, customer_id)
    claim_numbers = {claim.id: claim.claim_no for claim in claims}
    return CustomerProfile(
        header=_header(row, names),
        preferences=_preferences(row),
        risk=_risk(row),
        claims=claims,
        visits=_visits(conn, customer_id, names, claim_numbers),
        complaints=_complaints(conn, customer_id, names),
        communications=_communications(conn, customer_id, names),
        care_items=_care_items(conn, customer_id),
    )
