"""Care coverage from one row per customer and year (`kpi_care_months`), kept by triggers.

Care coverage counts the distinct customers with a care item done in a period: over the
~150,000 done items of a quarter at 100,000 customers that distinct count was the largest
single cost of a KPI report with nothing kept (~120 ms of ~320), and a year of monthly
trend paid it for every month (~700 ms grouped). `kpi_care_months` holds, per branch,
local year and customer, the number of done live care items in each local month (m01..m12);
a period of whole months within a year is then a count of rows whose months add up to more
than zero (store/kpi_queries.py). The triggers below keep it on every insert, update and
delete of a care item, whoever writes (user, sync pull, demo load); they are not
`kpi_mark_*` triggers, so bulk loads keep them (only done items pay, a few µs each).

Revision ID: 0016
Revises: 0015
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

MONTHS = [f"m{n:02d}" for n in range(1, 13)]
TRIGGERS = ("kpi_care_months_insert", "kpi_care_months_delete", "kpi_care_months_update")


def _done(row: str) -> str:
    """The care items care coverage counts (kpi_queries._cared_for)."""
    return f"({row}.status = 'done' AND {row}.deleted = 0 AND {row}.done_at IS NOT NULL)"


def _local(part: str, row: str) -> str:
    return f"CAST(strftime('{part}', {row}.done_at, '+8 hours') AS INTEGER)"


def _count(row: str, sign: int) -> str:
    """Add `sign` to the month of `row`'s item, if it is one care coverage counts."""
    flags = ", ".join(f"{sign} * ({_local('%m', row)} = {n})" for n in range(1, 13))
    added = ", ".join(f"{m} = {m} + excluded.{m}" for m in MONTHS)
    return (f"INSERT INTO kpi_care_months (branch_id, year, customer_id, {', '.join(MONTHS)}) "
            f"SELECT {row}.branch_id, {_local('%Y', row)}, {row}.customer_id, {flags} "
            f"WHERE {_done(row)} "
            f"ON CONFLICT (branch_id, year, customer_id) DO UPDATE SET {added};")


def upgrade() -> None:
    op.create_table(
        'kpi_care_months',
        sa.Column('branch_id', sa.String(length=36), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.String(length=36), nullable=False),
        *(sa.Column(m, sa.Integer(), nullable=False) for m in MONTHS),
        sa.PrimaryKeyConstraint('branch_id', 'year', 'customer_id', name=op.f('pk_kpi_care_months')),
        sqlite_with_rowid=False,  # rows of a branch and year read in key order
    )
    sums = ", ".join(f"sum({_local('%m', 'care_items')} = {n})" for n in range(1, 13))
    op.execute(f"INSERT INTO kpi_care_months (branch_id, year, customer_id, {', '.join(MONTHS)}) "
               f"SELECT branch_id, {_local('%Y', 'care_items')}, customer_id, {sums} "
               f"FROM care_items WHERE {_done('care_items')} "
               f"GROUP BY branch_id, {_local('%Y', 'care_items')}, customer_id")
    op.execute(f"CREATE TRIGGER kpi_care_months_insert AFTER INSERT ON care_items "
               f"WHEN {_done('NEW')} BEGIN {_count('NEW', 1)} END")
    op.execute(f"CREATE TRIGGER kpi_care_months_delete AFTER DELETE ON care_items "
               f"WHEN {_done('OLD')} BEGIN {_count('OLD', -1)} END")
    op.execute(f"CREATE TRIGGER kpi_care_months_update AFTER UPDATE OF "
               f"status, deleted, done_at, customer_id, branch_id ON care_items "
               f"WHEN {_done('OLD')} OR {_done('NEW')} BEGIN {_count('OLD', -1)} {_count('NEW', 1)} END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('kpi_care_months')
