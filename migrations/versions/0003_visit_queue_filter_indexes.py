"""Visit queue filter indexes: a branch's claims of one type, customers of one channel.

store/visit_queue.py lets a rare claim type or preferred channel lead the query; these
indexes make collecting those ids read a few index entries instead of the branch's
whole claims or customers (tens of milliseconds at 50,000 per branch).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 07:50:27.120818
"""
from __future__ import annotations

from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_branch_type', ['branch_id', 'claim_type'], unique=False)

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_branch_channel', ['branch_id', 'preferred_channel'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_branch_channel')

    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_branch_type')
