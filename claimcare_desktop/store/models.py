"""The desktop's local schema.

Synced tables share `SyncedRow`: a client-generated UUID key, the owning branch, a
tombstone flag and a local modification time (shown to people, never used to decide a
merge). History tables (attempts, complaint events, communications, audit entries) are
append-only. Amounts are integer fen; datetimes are UTC, stored naive.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Id = String(36)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedRow:
    """Columns every synced table has. `LOCAL_FIELDS` are derived here and never pushed."""

    SYNCED: ClassVar[bool] = True
    APPEND_ONLY: ClassVar[bool] = False
    LOCAL_FIELDS: ClassVar[frozenset[str]] = frozenset({"modified_at"})

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    modified_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Branch(SyncedRow, Base):
    __tablename__ = "branches"
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))

    @property
    def branch_id(self) -> str:
        return self.id


class User(SyncedRow, Base):
    __tablename__ = "users"
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), index=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Customer(SyncedRow, Base):
    __tablename__ = "customers"
    # KPI counts of a branch's or a manager's live customers read this index alone
    __table_args__ = (
        Index("ix_customers_scope", "branch_id", "deleted", "manager_id"),
        # visit queue: a branch's customers preferring one channel, when few do
        Index("ix_customers_branch_channel", "branch_id", "preferred_channel"),
        # KPI snapshot fingerprint: count and latest edit of live customers from the index
        Index("ix_customers_branch_modified", "branch_id", "deleted", "modified_at"),
        # KPI profile completeness and field validity: a count per quality, from the index
        Index("ix_customers_quality", "branch_id", "deleted", "manager_id", "quality"),
        # the dashboard's at-risk list: the top of a branch's customers by risk score
        Index("ix_customers_risk", "branch_id", "deleted", "risk_score"),
    )
    LOCAL_FIELDS = frozenset({"modified_at", "name_pinyin", "name_initials", "phone_suffix",
                              "risk_score", "risk_level", "risk_reasons", "quality"})
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    gender: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(200))
    tier: Mapped[str] = mapped_column(String(16), default="standard")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    manager_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    advisor_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    preferred_channel: Mapped[str | None] = mapped_column(String(16))
    best_time: Mapped[str | None] = mapped_column(String(32))
    do_not_disturb: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_marketing: Mapped[bool] = mapped_column(Boolean, default=True)
    care_notes: Mapped[str | None] = mapped_column(Text)
    # search keys, derived on this PC from name and phone
    name_pinyin: Mapped[str | None] = mapped_column(String(128), index=True)
    name_initials: Mapped[str | None] = mapped_column(String(32), index=True)
    phone_suffix: Mapped[str | None] = mapped_column(String(4), index=True)
    # risk, recomputed on this PC from synced facts
    risk_score: Mapped[int | None] = mapped_column(Integer)
    risk_level: Mapped[str | None] = mapped_column(String(8))
    risk_reasons: Mapped[list[Any] | None] = mapped_column(JSON)
    # profile checks as bits (kpi_queries.QUALITY_BITS), kept by migration 0008's triggers
    quality: Mapped[int | None] = mapped_column(Integer)


class Policy(SyncedRow, Base):
    __tablename__ = "policies"
    __table_args__ = (  # KPI renewal target, read from the indexes alone (migration 0015)
        Index("ix_policies_branch_end", "branch_id", "end_date", "deleted", "customer_id",
              "product_type", "start_date", "status", "id"),  # policies ending in a period
        Index("ix_policies_successor", "customer_id", "product_type", "deleted", "start_date", "id"),
    )
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    policy_no: Mapped[str] = mapped_column(String(32), unique=True)
    product_type: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date, index=True)
    premium_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(16), default="active")


class Claim(SyncedRow, Base):
    __tablename__ = "claims"
    __table_args__ = (  # KPI payout target by period; renewal target's "after a claim"
        Index("ix_claims_branch_confirmed", "branch_id", "documents_confirmed_at", "deleted",
              "paid_at", "customer_id"),
        Index("ix_claims_customer_closed", "customer_id", "closed_at", "deleted"),
        Index("ix_claims_branch_type", "branch_id", "claim_type"),  # visit queue: rare types
        Index("ix_claims_branch_closed", "branch_id", "closed_at", "deleted", "customer_id",
              "id"),  # KPIs: claims closed in a period
    )
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    policy_id: Mapped[str | None] = mapped_column(ForeignKey("policies.id"))
    claim_no: Mapped[str] = mapped_column(String(32), unique=True)
    claim_type: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    submission_channel: Mapped[str | None] = mapped_column(String(16))
    reported_at: Mapped[datetime] = mapped_column(DateTime)
    documents_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    paid_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    claimed_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    paid_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class Visit(SyncedRow, Base):
    __tablename__ = "visits"
    __table_args__ = (
        # the queue's tabs; `deleted` last so a tab's count reads the index alone
        Index("ix_visits_queue", "branch_id", "status", "due_date", "id", "deleted"),
        Index("ix_visits_assignee_queue", "assignee_id", "status", "due_date", "id", "deleted"),
        # the visit register: a period's visits in order, whatever their status
        Index("ix_visits_branch_due", "branch_id", "deleted", "due_date", "id"),
        # KPI visit coverage reads whether a claim has a done visit from the index alone
        Index("ix_visits_claim_status", "claim_id", "status", "deleted"),
        # KPI satisfaction of a period, read from the index alone
        Index("ix_visits_branch_completed", "branch_id", "completed_at", "status", "satisfaction",
              "deleted"),
        # the same for one manager's visits
        Index("ix_visits_assignee_completed", "assignee_id", "completed_at", "status",
              "satisfaction", "deleted", "branch_id"),
    )
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    claim_id: Mapped[str | None] = mapped_column(ForeignKey("claims.id"), index=True)
    step: Mapped[str] = mapped_column(String(16))
    due_date: Mapped[date] = mapped_column(Date)
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    channel: Mapped[str | None] = mapped_column(String(16))
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    feedback: Mapped[str | None] = mapped_column(Text)
    follow_up_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)


class VisitAttempt(SyncedRow, Base):
    __tablename__ = "visit_attempts"
    APPEND_ONLY = True
    # the visit register's attempts of a period (else every attempt of the branch is read)
    __table_args__ = (Index("ix_visit_attempts_branch_time", "branch_id", "attempted_at"),)
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    attempted_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(16))
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


class Complaint(SyncedRow, Base):
    __tablename__ = "complaints"
    __table_args__ = (
        Index("ix_complaints_branch_state", "branch_id", "state", "opened_at"),
        Index("ix_complaints_branch_opened", "branch_id", "opened_at", "deleted", "customer_id",
              "owner_id", "resolved_at", "acknowledged_at", "closed_at"),  # KPIs, register by period
    )
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    claim_id: Mapped[str | None] = mapped_column(ForeignKey("claims.id"))
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visits.id"))
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    complexity: Mapped[str] = mapped_column(String(16), default="simple")
    state: Mapped[str] = mapped_column(String(16), default="open")
    summary: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    resolution: Mapped[str | None] = mapped_column(Text)
    root_cause: Mapped[str | None] = mapped_column(String(32))


class ComplaintEvent(SyncedRow, Base):
    __tablename__ = "complaint_events"
    APPEND_ONLY = True
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    complaint_id: Mapped[str] = mapped_column(ForeignKey("complaints.id"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    new_owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))


class CareItem(SyncedRow, Base):
    __tablename__ = "care_items"
    __table_args__ = (
        Index("ix_care_items_due", "branch_id", "status", "due_date"),
        # KPI care coverage of a period, read from the index alone
        Index("ix_care_items_branch_done", "branch_id", "done_at", "status", "deleted", "customer_id"),
        # KPI care coverage: a branch's done items in customer order, grouped without a sort
        Index("ix_care_items_reached", "branch_id", "status", "deleted", "customer_id", "done_at"),
    )
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    due_date: Mapped[date] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(String(100))
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(16), default="planned")
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class Communication(SyncedRow, Base):
    __tablename__ = "communications"
    APPEND_ONLY = True
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(8), default="out")
    summary: Mapped[str] = mapped_column(Text)


class AuditEntry(SyncedRow, Base):
    __tablename__ = "audit_log"
    APPEND_ONLY = True
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(32))
    target_table: Mapped[str | None] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(Id)
    detail: Mapped[str | None] = mapped_column(Text)


class ConflictEntry(SyncedRow, Base):
    """A same-field conflict decided by HQ: the value that lost is kept here."""

    __tablename__ = "conflict_log"
    APPEND_ONLY = True
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"), index=True)
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(Id)
    field: Mapped[str] = mapped_column(String(64))
    kept_value: Mapped[Any] = mapped_column(JSON)
    lost_value: Mapped[Any] = mapped_column(JSON)
    lost_device_id: Mapped[str | None] = mapped_column(String(64))
    lost_user_id: Mapped[str | None] = mapped_column(Id)


# ---- local bookkeeping, never synced ----

class OutboxEntry(Base):
    """One local mutation waiting for HQ. `seq` is this device's mutation number."""

    __tablename__ = "outbox"
    __table_args__ = {"sqlite_autoincrement": True}
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(Id)
    op: Mapped[str] = mapped_column(String(8))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    base: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[str | None] = mapped_column(Id)


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LocalCredential(Base):
    """What lets a user who signed in online once sign in offline: never the password."""

    __tablename__ = "local_credentials"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(Id)
    verifier: Mapped[str] = mapped_column(String(256))
    verified_online_at: Mapped[datetime] = mapped_column(DateTime)


class KpiChange(Base):
    """When rows behind a KPI fact last changed, per local month ('*': not by month).

    Written only by the triggers of migration 0007, on every insert, update or delete of the
    rows a fact reads (user edits, sync pulls and demo loads alike); `changed` grows with
    every mark, so a kept result is current while no mark it depends on is newer."""

    __tablename__ = "kpi_changes"
    fact: Mapped[str] = mapped_column(String(32), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    changed: Mapped[int] = mapped_column(Integer, index=True)


class KpiKept(Base):
    """One KPI measure of a scope and period as last computed (store/kpi_cache.py)."""

    __tablename__ = "kpi_kept"
    branch_id: Mapped[str] = mapped_column(Id, primary_key=True)
    manager_id: Mapped[str] = mapped_column(Id, primary_key=True)  # '' for the whole branch
    period_start: Mapped[str] = mapped_column(String(10), primary_key=True)  # '' for snapshots
    period_end: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[float | None] = mapped_column(Float)
    computed: Mapped[int] = mapped_column(Integer)  # kpi_changes' newest mark when computed


class KpiCareMonths(Base):
    """Done, live care items of one customer (by the items' branch) per local month of a
    year: `mNN` counts those done in month NN. Kept by migration 0016's triggers on every
    write (bulk loads included), so care coverage counts the customers reached in a period
    from one row per customer instead of a distinct count over every care item."""

    __tablename__ = "kpi_care_months"
    __table_args__ = {"sqlite_with_rowid": False}  # a branch's year read in key order
    branch_id: Mapped[str] = mapped_column(Id, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[str] = mapped_column(Id, primary_key=True)
    m01: Mapped[int] = mapped_column(Integer, default=0)
    m02: Mapped[int] = mapped_column(Integer, default=0)
    m03: Mapped[int] = mapped_column(Integer, default=0)
    m04: Mapped[int] = mapped_column(Integer, default=0)
    m05: Mapped[int] = mapped_column(Integer, default=0)
    m06: Mapped[int] = mapped_column(Integer, default=0)
    m07: Mapped[int] = mapped_column(Integer, default=0)
    m08: Mapped[int] = mapped_column(Integer, default=0)
    m09: Mapped[int] = mapped_column(Integer, default=0)
    m10: Mapped[int] = mapped_column(Integer, default=0)
    m11: Mapped[int] = mapped_column(Integer, default=0)
    m12: Mapped[int] = mapped_column(Integer, default=0)


SYNCED_MODELS: tuple[type[Base], ...] = (
    Branch, User, Customer, Policy, Claim, Visit, VisitAttempt, Complaint, ComplaintEvent,
    CareItem, Communication, AuditEntry, ConflictEntry,
)
MODEL_BY_TABLE: dict[str, type[Base]] = {m.__tablename__: m for m in SYNCED_MODELS}
