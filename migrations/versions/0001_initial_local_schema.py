"""initial local schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 07:17:58.758757
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('branches',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_branches')),
    sa.UniqueConstraint('code', name=op.f('uq_branches_code'))
    )
    op.create_table('local_credentials',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('verifier', sa.String(length=256), nullable=False),
    sa.Column('verified_online_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_local_credentials'))
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('base', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sqlite_autoincrement=True
    )
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    op.create_table('conflict_log',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('table_name', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('kept_value', sa.JSON(), nullable=False),
    sa.Column('lost_value', sa.JSON(), nullable=False),
    sa.Column('lost_device_id', sa.String(length=64), nullable=True),
    sa.Column('lost_user_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_conflict_log_branch_id_branches')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict_log'))
    )
    with op.batch_alter_table('conflict_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_log_branch_id'), ['branch_id'], unique=False)

    op.create_table('users',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_users_branch_id_branches')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_branch_id'), ['branch_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('target_table', sa.String(length=32), nullable=True),
    sa.Column('target_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_audit_log_branch_id_branches')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_branch_id'), ['branch_id'], unique=False)

    op.create_table('customers',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
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
    sa.Column('name_pinyin', sa.String(length=128), nullable=True),
    sa.Column('name_initials', sa.String(length=32), nullable=True),
    sa.Column('phone_suffix', sa.String(length=4), nullable=True),
    sa.Column('risk_score', sa.Integer(), nullable=True),
    sa.Column('risk_level', sa.String(length=8), nullable=True),
    sa.Column('risk_reasons', sa.JSON(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['advisor_id'], ['users.id'], name=op.f('fk_customers_advisor_id_users')),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_customers_branch_id_branches')),
    sa.ForeignKeyConstraint(['manager_id'], ['users.id'], name=op.f('fk_customers_manager_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_manager_id'), ['manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_name_pinyin'), ['name_pinyin'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_phone_suffix'), ['phone_suffix'], unique=False)

    op.create_table('care_items',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=True),
    sa.Column('assignee_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_care_items_assignee_id_users')),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_care_items_branch_id_branches')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_care_items_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_items'))
    )
    with op.batch_alter_table('care_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_items_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_care_items_due', ['branch_id', 'status', 'due_date'], unique=False)

    op.create_table('communications',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_communications_branch_id_branches')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_communications_customer_id_customers')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_communications_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communications'))
    )
    with op.batch_alter_table('communications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communications_customer_id'), ['customer_id'], unique=False)

    op.create_table('policies',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('policy_no', sa.String(length=32), nullable=False),
    sa.Column('product_type', sa.String(length=16), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('premium_fen', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_policies_branch_id_branches')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_policies_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policies')),
    sa.UniqueConstraint('policy_no', name=op.f('uq_policies_policy_no'))
    )
    with op.batch_alter_table('policies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_policies_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_policies_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_policies_end_date'), ['end_date'], unique=False)

    op.create_table('claims',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
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
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_claims_branch_id_branches')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_claims_customer_id_customers')),
    sa.ForeignKeyConstraint(['policy_id'], ['policies.id'], name=op.f('fk_claims_policy_id_policies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims')),
    sa.UniqueConstraint('claim_no', name=op.f('uq_claims_claim_no'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_closed_at'), ['closed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_customer_id'), ['customer_id'], unique=False)

    op.create_table('visits',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
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
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_visits_assignee_id_users')),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_visits_branch_id_branches')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_visits_claim_id_claims')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_visits_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index('ix_visits_assignee_queue', ['assignee_id', 'status', 'due_date', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_visits_queue', ['branch_id', 'status', 'due_date', 'id'], unique=False)

    op.create_table('complaints',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
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
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_complaints_branch_id_branches')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_complaints_claim_id_claims')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_complaints_customer_id_customers')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_complaints_owner_id_users')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_complaints_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_branch_state', ['branch_id', 'state', 'opened_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaints_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaints_owner_id'), ['owner_id'], unique=False)

    op.create_table('visit_attempts',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('attempted_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_visit_attempts_branch_id_branches')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_visit_attempts_user_id_users')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_attempts_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_attempts'))
    )
    with op.batch_alter_table('visit_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_attempts_visit_id'), ['visit_id'], unique=False)

    op.create_table('complaint_events',
    sa.Column('branch_id', sa.String(length=36), nullable=False),
    sa.Column('complaint_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('new_owner_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_complaint_events_branch_id_branches')),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_complaint_events_complaint_id_complaints')),
    sa.ForeignKeyConstraint(['new_owner_id'], ['users.id'], name=op.f('fk_complaint_events_new_owner_id_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_complaint_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_events'))
    )
    with op.batch_alter_table('complaint_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_events_complaint_id'), ['complaint_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('complaint_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_events_complaint_id'))

    op.drop_table('complaint_events')
    with op.batch_alter_table('visit_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_attempts_visit_id'))

    op.drop_table('visit_attempts')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaints_owner_id'))
        batch_op.drop_index(batch_op.f('ix_complaints_customer_id'))
        batch_op.drop_index('ix_complaints_branch_state')

    op.drop_table('complaints')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_queue')
        batch_op.drop_index(batch_op.f('ix_visits_customer_id'))
        batch_op.drop_index(batch_op.f('ix_visits_claim_id'))
        batch_op.drop_index('ix_visits_assignee_queue')

    op.drop_table('visits')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_customer_id'))
        batch_op.drop_index(batch_op.f('ix_claims_closed_at'))
        batch_op.drop_index(batch_op.f('ix_claims_branch_id'))

    op.drop_table('claims')
    with op.batch_alter_table('policies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_policies_end_date'))
        batch_op.drop_index(batch_op.f('ix_policies_customer_id'))
        batch_op.drop_index(batch_op.f('ix_policies_branch_id'))

    op.drop_table('policies')
    with op.batch_alter_table('communications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communications_customer_id'))

    op.drop_table('communications')
    with op.batch_alter_table('care_items', schema=None) as batch_op:
        batch_op.drop_index('ix_care_items_due')
        batch_op.drop_index(batch_op.f('ix_care_items_customer_id'))

    op.drop_table('care_items')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_phone_suffix'))
        batch_op.drop_index(batch_op.f('ix_customers_name_pinyin'))
        batch_op.drop_index(batch_op.f('ix_customers_name_initials'))
        batch_op.drop_index(batch_op.f('ix_customers_name'))
        batch_op.drop_index(batch_op.f('ix_customers_manager_id'))
        batch_op.drop_index(batch_op.f('ix_customers_branch_id'))

    op.drop_table('customers')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_branch_id'))

    op.drop_table('audit_log')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_branch_id'))

    op.drop_table('users')
    with op.batch_alter_table('conflict_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_log_branch_id'))

    op.drop_table('conflict_log')
    op.drop_table('sync_state')
    op.drop_table('outbox')
    op.drop_table('local_credentials')
    op.drop_table('branches')
