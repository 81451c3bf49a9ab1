"""The triggers that stamp `kpi_changes` (store/kpi_cache.py), and an index for one
manager's visit satisfaction (their completed visits of a period read from the index
alone: 86 ms -> a few at the big branch).

Per KPI fact and local (UTC+8) month, a growing number is stamped whenever a row the fact
reads is inserted, updated or deleted: by the user, a sync pull or a demo load alike. Rows
whose effect crosses tables mark the other side too: a visit marks its claim's closing
month (visit coverage), a claim or policy the end months of all its customer's policies
(renewal). Customers mark three facts, none by month: 'customer_count' (a customer added
or removed), 'customer_scope' (branch, manager or tombstone changed: who is counted where)
and 'customer_profile' (the fields 0008 checks). A new customer's own rows (claims,
policies, ...) arrive after it and mark their facts themselves.

Marks are UPSERTs, not INSERT OR REPLACE: an outer INSERT OR IGNORE (bulk loads) turns a
trigger's REPLACE into IGNORE and would leave an old stamp. Earlier working versions of
0007/0008 created some of these triggers that way; they are dropped here, and every kept
result computed under them is forgotten.

Revision ID: 0009
Revises: 0008
"""
from __future__ import annotations

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

PROFILE_COLUMNS = "name, gender, birth_date, id_number, phone, address, preferred_channel"

CLOCK = "(SELECT coalesce(max(changed), 0) + 1 FROM kpi_changes)"


def _mark(fact: str, month: str = "'*'", source: str = "", where: str = "true") -> str:
    return (f"INSERT INTO kpi_changes (fact, month, changed) "
            f"SELECT DISTINCT '{fact}', {month}, {CLOCK} {source} WHERE {where} "
            f"ON CONFLICT (fact, month) DO UPDATE SET changed = excluded.changed;")


def _month_of(column: str) -> str:
    return f"strftime('%Y-%m', {column}, '+8 hours')"


def _at(fact: str, column: str) -> str:
    return _mark(fact, _month_of(column), where=f"{column} IS NOT NULL")


def _policies_of(customer: str) -> str:
    return _mark("policies_ending", "strftime('%Y-%m', end_date)", "FROM policies",
                 f"customer_id = {customer}")


def _claim_closing(claim: str) -> str:
    return _mark("claims_closed", _month_of("closed_at"), "FROM claims",
                 f"id = {claim} AND closed_at IS NOT NULL")


MARKS = {  # table: the marks of one row, R being OLD or NEW
    "claims": lambda R: (_at("claims_confirmed", f"{R}.documents_confirmed_at")
                         + _at("claims_closed", f"{R}.closed_at") + _policies_of(f"{R}.customer_id")),
    "visits": lambda R: _at("visits_completed", f"{R}.completed_at") + _claim_closing(f"{R}.claim_id"),
    "care_items": lambda R: _at("care_done", f"{R}.done_at"),
    "complaints": lambda R: _at("complaints_opened", f"{R}.opened_at"),
    "policies": lambda R: (_mark("policies_ending", f"strftime('%Y-%m', {R}.end_date)")
                           + _policies_of(f"{R}.customer_id")),
    "customers": lambda R: _mark("customer_count") + _mark("customer_profile"),
}
UPDATED = {  # only these columns matter (a risk refresh rewrites every customer)
    "visits": "status, deleted, claim_id, completed_at, satisfaction, assignee_id, branch_id",
    "care_items": "status, deleted, done_at, customer_id, branch_id",
    "customers": "deleted, branch_id, manager_id",
}
TRIGGERS = {
    f"kpi_mark_{table}_{event.split()[0].lower()}": f"AFTER {event} ON {table} BEGIN {body} END"
    for table, marks in MARKS.items()
    for event, body in (("INSERT", marks("NEW")), ("DELETE", marks("OLD")),
                        (f"UPDATE OF {UPDATED[table]}" if table in UPDATED else "UPDATE",
                         marks("OLD") + marks("NEW")))
}
TRIGGERS["kpi_mark_customers_update"] = (f"AFTER UPDATE OF {UPDATED['customers']} ON customers "
                                         f"BEGIN {_mark('customer_scope')} END")
TRIGGERS["kpi_mark_customer_profiles_update"] = (f"AFTER UPDATE OF {PROFILE_COLUMNS} ON customers "
                                                 f"BEGIN {_mark('customer_profile')} END")


def upgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index('ix_visits_assignee_completed', ['assignee_id', 'completed_at', 'status',
                              'satisfaction', 'deleted', 'branch_id'], unique=False)
    for name, body in TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("DELETE FROM kpi_kept")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_assignee_completed')
