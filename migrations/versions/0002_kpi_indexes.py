"""KPI indexes: the period and scope queries of store/kpi_queries.py read indexes, not tables.

A whole-branch quarter at 100,000 customers otherwise scans visits, care items and
customers (seconds); with these it reads the period's index entries only.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 07:39:15.058209
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('care_items', schema=None) as batch_op:
        batch_op.create_index('ix_care_items_branch_done', ['branch_id', 'done_at', 'status', 'deleted', 'customer_id'], unique=False)

    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_branch_confirmed', ['branch_id', 'documents_confirmed_at'], unique=False)
        batch_op.create_index('ix_claims_customer_closed', ['customer_id', 'closed_at'], unique=False)

    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_branch_opened', ['branch_id', 'opened_at'], unique=False)

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_scope', ['branch_id', 'deleted', 'manager_id'], unique=False)

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index('ix_visits_branch_completed', ['branch_id', 'completed_at', 'status', 'satisfaction', 'deleted'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_branch_completed')

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_scope')

    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_branch_opened')

    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_customer_closed')
        batch_op.drop_index('ix_claims_branch_confirmed')

    with op.batch_alter_table('care_items', schema=None) as batch_op:
        batch_op.drop_index('ix_care_items_branch_done')

