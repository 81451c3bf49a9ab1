"""Customers by risk score within a branch, for the dashboard's at-risk list.

The list is the top 100 of a branch's live customers by score. Since 0008 added
ix_customers_quality the planner read them through it: 100,000 index entries, each with
a lookup of its row in index order (random reads), then a sort: ~200 ms. With this index
it walks the highest scores first and stops after the page.

Revision ID: 0012
Revises: 0011
"""
from __future__ import annotations

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_risk', ['branch_id', 'deleted', 'risk_score'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_risk')
