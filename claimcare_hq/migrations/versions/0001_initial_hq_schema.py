"""initial HQ schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_accounts')),
    sa.UniqueConstraint('user_id', name=op.f('uq_accounts_user_id'))
    )
    op.create_table('audit_log',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('target_table', sa.String(length=32), nullable=True),
    sa.Column('target_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('branch_counters',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('next_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', name=op.f('pk_branch_counters'))
    )
    op.create_table('branches',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_branches'))
    )
    with op.batch_alter_table('branches', schema=None) as batch_op:
        batch_op.create_index('ix_branches_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('care_items',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=True),
    sa.Column('assignee_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_care_items'))
    )
    with op.batch_alter_table('care_items', schema=None) as batch_op:
        batch_op.create_index('ix_care_items_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('claims',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('policy_id', sa.String(length=36), nullable=True),
    sa.Column('claim_no', sa.String(length=32), nullable=False),
    sa.Column('claim_type', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('submission_channel', sa.String(length=16), nullable=True),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('documents_confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('paid_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('claimed_fen', sa.BigInteger(), nullable=False),
    sa.Column('paid_fen', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('communications',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_communications'))
    )
    with op.batch_alter_table('communications', schema=None) as batch_op:
        batch_op.create_index('ix_communications_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('complaint_events',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('complaint_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('new_owner_id', sa.String(length=36), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_complaint_events'))
    )
    with op.batch_alter_table('complaint_events', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_events_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('complaints',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('claim_id', sa.String(length=36), nullable=True),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('complexity', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('escalation_level', sa.Integer(), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('root_cause', sa.String(length=32), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_complaints'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('conflict_log',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('table_name', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('kept_value', sa.JSON(), nullable=False),
    sa.Column('lost_value', sa.JSON(), nullable=False),
    sa.Column('lost_device_id', sa.String(length=64), nullable=True),
    sa.Column('lost_user_id', sa.String(length=36), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_conflict_log'))
    )
    with op.batch_alter_table('conflict_log', schema=None) as batch_op:
        batch_op.create_index('ix_conflict_log_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('customers',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('tier', sa.String(length=16), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('manager_id', sa.String(length=36), nullable=True),
    sa.Column('advisor_id', sa.String(length=36), nullable=True),
    sa.Column('preferred_channel', sa.String(length=16), nullable=True),
    sa.Column('best_time', sa.String(length=32), nullable=True),
    sa.Column('do_not_disturb', sa.Boolean(), nullable=False),
    sa.Column('consent_marketing', sa.Boolean(), nullable=False),
    sa.Column('care_notes', sa.Text(), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_customers'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('device_progress',
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_first_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_response', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('device_id', name=op.f('pk_device_progress'))
    )
    op.create_table('policies',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('policy_no', sa.String(length=32), nullable=False),
    sa.Column('product_type', sa.String(length=16), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('premium_fen', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_policies'))
    )
    with op.batch_alter_table('policies', schema=None) as batch_op:
        batch_op.create_index('ix_policies_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('sign_in_throttle',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('blocked_until', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_sign_in_throttle'))
    )
    op.create_table('tokens',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_tokens'))
    )
    with op.batch_alter_table('tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('users',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_users'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index('ix_users_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('visit_attempts',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('attempted_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_visit_attempts'))
    )
    with op.batch_alter_table('visit_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_visit_attempts_branch_change_seq', ['branch_id', 'change_seq'], unique=True)

    op.create_table('visits',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('claim_id', sa.String(length=36), nullable=True),
    sa.Column('step', sa.String(length=16), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('assignee_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('feedback', sa.Text(), nullable=True),
    sa.Column('follow_up_needed', sa.Boolean(), nullable=False),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index('ix_visits_branch_change_seq', ['branch_id', 'change_seq'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_branch_change_seq')

    op.drop_table('visits')
    with op.batch_alter_table('visit_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_attempts_branch_change_seq')

    op.drop_table('visit_attempts')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index('ix_users_branch_change_seq')

    op.drop_table('users')
    with op.batch_alter_table('tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tokens_user_id'))

    op.drop_table('tokens')
    op.drop_table('sign_in_throttle')
    with op.batch_alter_table('policies', schema=None) as batch_op:
        batch_op.drop_index('ix_policies_branch_change_seq')

    op.drop_table('policies')
    op.drop_table('device_progress')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_branch_change_seq')

    op.drop_table('customers')
    with op.batch_alter_table('conflict_log', schema=None) as batch_op:
        batch_op.drop_index('ix_conflict_log_branch_change_seq')

    op.drop_table('conflict_log')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_branch_change_seq')

    op.drop_table('complaints')
    with op.batch_alter_table('complaint_events', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_events_branch_change_seq')

    op.drop_table('complaint_events')
    with op.batch_alter_table('communications', schema=None) as batch_op:
        batch_op.drop_index('ix_communications_branch_change_seq')

    op.drop_table('communications')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_branch_change_seq')

    op.drop_table('claims')
    with op.batch_alter_table('care_items', schema=None) as batch_op:
        batch_op.drop_index('ix_care_items_branch_change_seq')

    op.drop_table('care_items')
    with op.batch_alter_table('branches', schema=None) as batch_op:
        batch_op.drop_index('ix_branches_branch_change_seq')

    op.drop_table('branches')
    op.drop_table('branch_counters')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_branch_change_seq')

    op.drop_table('audit_log')
    op.drop_table('accounts')
