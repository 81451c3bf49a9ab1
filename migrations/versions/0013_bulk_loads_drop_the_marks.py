"""Bulk loads set the KPI marks aside by dropping their triggers inside the transaction.

0011 made every mark trigger check a `kpi_bulk_load` row first; that check alone cost
~6 µs per inserted row (a trigger program runs for every row). A bulk writer now drops the
kpi_mark_* triggers at the start of its transaction and creates them again before
committing (store/kpi_cache.py): DDL is transactional in SQLite, so no other connection
ever sees them missing, and the rows inserted meanwhile cost nothing extra. The check and
its table go.

Revision ID: 0013
Revises: 0012
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

CHECK = "NOT EXISTS (SELECT 1 FROM kpi_bulk_load)"
MARK_TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kpi_mark_%'"


def upgrade() -> None:
    for name, sql in op.get_bind().exec_driver_sql(MARK_TRIGGERS).fetchall():
        op.execute(f"DROP TRIGGER {name}")
        op.execute(sql.replace(f" WHEN {CHECK} AND ", " WHEN ").replace(f" WHEN {CHECK} BEGIN ", " BEGIN "))
    op.drop_table('kpi_bulk_load')


def downgrade() -> None:
    op.create_table('kpi_bulk_load', sa.Column('active', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('active', name=op.f('pk_kpi_bulk_load')))
    for name, sql in op.get_bind().exec_driver_sql(MARK_TRIGGERS).fetchall():
        op.execute(f"DROP TRIGGER {name}")
        if " WHEN " in sql:
            op.execute(sql.replace(" WHEN ", f" WHEN {CHECK} AND ", 1))
        else:
            op.execute(sql.replace(" BEGIN ", f" WHEN {CHECK} BEGIN ", 1))
