"""HQ's tables.

The synced tables are derived from the desktop's models so the two can never drift: same
data columns, but `(branch_id, id)` as primary key (the branch is the shard key, DESIGN §6),
a per-branch change sequence number `change_seq`, no foreign keys and no unique constraints
(they would cross shards). Local-only columns stay on the PCs. Bookkeeping tables are
typed models below.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from claimcare_desktop.store.models import NAMING_CONVENTION, SYNCED_MODELS

Id = String(36)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _copied_column(column: Any) -> Column:
    return Column(column.name, column.type, nullable=column.nullable and not column.primary_key,
                  default=column.default.arg if column.default is not None
                  and column.default.is_scalar else None)


def _synced_table(model: Any) -> Table:
    local = model.__table__
    columns = [Column("branch_id", Id, primary_key=True), Column("id", Id, primary_key=True)]
    columns += [_copied_column(c) for c in local.columns
                if c.name not in model.LOCAL_FIELDS and c.name not in ("id", "branch_id")]
    columns.append(Column("change_seq", BigInteger, nullable=False))
    name = local.name
    return Table(name, Base.metadata, *columns,
                 Index(f"ix_{name}_branch_change_seq", "branch_id", "change_seq", unique=True))


SYNCED_TABLES: dict[str, Table] = {m.__tablename__: _synced_table(m) for m in SYNCED_MODELS}
APPEND_ONLY: frozenset[str] = frozenset(m.__tablename__ for m in SYNCED_MODELS if m.APPEND_ONLY)


class BranchCounter(Base):
    """Next change sequence number of a branch; locked by every transaction that writes it."""

    __tablename__ = "branch_counters"
    branch_id: Mapped[str] = mapped_column(Id, primary_key=True)
    next_seq: Mapped[int] = mapped_column(BigInteger, default=1)


class DeviceProgress(Base):
    """Per device: the last mutation applied and the answer given, for replays."""

    __tablename__ = "device_progress"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    branch_id: Mapped[str] = mapped_column(Id)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_first_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_response: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class Account(Base):
    """Sign-in credentials of a user (the user's visible data is in the synced `users`)."""

    __tablename__ = "accounts"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(Id, unique=True)
    branch_id: Mapped[str] = mapped_column(Id)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Token(Base):
    """A bearer token, stored as its SHA-256 only; bound to user, branch and device."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(Id, index=True)
    branch_id: Mapped[str] = mapped_column(Id)
    device_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # refreshed at most hourly (auth.TOUCH_EVERY), so most requests do not write
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)


class SignInThrottle(Base):
    """Failed sign-ins per username, so any HQ process can slow down guessing."""

    __tablename__ = "sign_in_throttle"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_failure_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

