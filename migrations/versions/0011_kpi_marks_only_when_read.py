"""KPI change marks only for rows a measure reads, and none during a bulk load.

0009's triggers marked every inserted visit, care item and claim, which doubled the cost of
a bulk insert (demo load, first sync: ~12 µs a row). A measure reads only done visits (with
a score, for satisfaction), done care items, claims confirmed or closed, and some columns
of complaints and policies; an open visit or a planned care item changes no KPI, so the
triggers now fire only when the old or the new row is one a measure reads, and updates only
when a column a measure reads is set. The marks themselves are 0009's.

A bulk writer (the demo loader; the sync's apply of a big page could) inserts a row into
`kpi_bulk_load` inside its transaction: the triggers then skip their marks, and before
committing it marks every fact as changed in every month and deletes that row
(store/kpi_cache.py `bulk_load`), so no other connection ever sees it.

Revision ID: 0011
Revises: 0010
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

CLOCK = "(SELECT coalesce(max(changed), 0) + 1 FROM kpi_changes)"
NOT_BULK = "NOT EXISTS (SELECT 1 FROM kpi_bulk_load)"


def _mark(fact: str, month: str, source: str, where: str) -> str:
    return (f"INSERT INTO kpi_changes (fact, month, changed) "
            f"SELECT DISTINCT '{fact}', {month}, {CLOCK} {source} WHERE {where} "
            f"ON CONFLICT (fact, month) DO UPDATE SET changed = excluded.changed;")


def _local_month(column: str) -> str:
    return f"strftime('%Y-%m', {column}, '+8 hours')"


class Marks:
    """One table's marks: (condition on row R, fact, month, source, where) each."""

    def __init__(self, table: str, columns: str | None, *marks: tuple) -> None:
        self.table, self.columns, self.marks = table, columns, marks

    def when(self, row: str) -> str:
        return "(" + " OR ".join(f"({cond(row)})" for cond, *_ in self.marks) + ")"

    def body(self, row: str) -> str:
        return "".join(_mark(fact, month(row), source, f"({cond(row)}) AND {where(row)}")
                       for cond, fact, month, source, where in self.marks)

    def triggers(self) -> dict[str, str]:
        update = f"UPDATE OF {self.columns}" if self.columns else "UPDATE"
        return {
            f"kpi_mark_{self.table}_insert":
                f"AFTER INSERT ON {self.table} WHEN {NOT_BULK} AND {self.when('NEW')} "
                f"BEGIN {self.body('NEW')} END",
            f"kpi_mark_{self.table}_delete":
                f"AFTER DELETE ON {self.table} WHEN {NOT_BULK} AND {self.when('OLD')} "
                f"BEGIN {self.body('OLD')} END",
            f"kpi_mark_{self.table}_update":
                (f"AFTER {update} ON {self.table} WHEN {NOT_BULK} AND "
                 f"({self.when('OLD')} OR {self.when('NEW')}) "
                 f"BEGIN {self.body('OLD')}{self.body('NEW')} END"),
        }


def _always(_row: str) -> str:
    return "true"


def _closing_of_claim(row: str) -> str:
    return f"id = {row}.claim_id AND closed_at IS NOT NULL"


def _policies_of_customer(row: str) -> str:
    return f"customer_id = {row}.customer_id"


POLICY_END = "strftime('%Y-%m', end_date)"
TABLES = (
    Marks("visits", "status, deleted, claim_id, completed_at, satisfaction, assignee_id, branch_id",
          (lambda r: f"{r}.status = 'done' AND {r}.satisfaction IS NOT NULL AND {r}.completed_at IS NOT NULL",
           "visits_completed", lambda r: _local_month(f"{r}.completed_at"), "", _always),
          (lambda r: f"{r}.status = 'done' AND {r}.claim_id IS NOT NULL",
           "claims_closed", lambda r: _local_month("closed_at"), "FROM claims", _closing_of_claim)),
    Marks("care_items", "status, deleted, done_at, customer_id, branch_id",
          (lambda r: f"{r}.status = 'done' AND {r}.done_at IS NOT NULL",
           "care_done", lambda r: _local_month(f"{r}.done_at"), "", _always)),
    Marks("claims", "customer_id, documents_confirmed_at, paid_at, closed_at, deleted, branch_id",
          (lambda r: f"{r}.documents_confirmed_at IS NOT NULL",
           "claims_confirmed", lambda r: _local_month(f"{r}.documents_confirmed_at"), "", _always),
          (lambda r: f"{r}.closed_at IS NOT NULL",
           "claims_closed", lambda r: _local_month(f"{r}.closed_at"), "", _always),
          (lambda r: f"{r}.closed_at IS NOT NULL",  # renewal counts customers after a claim
           "policies_ending", lambda r: POLICY_END, "FROM policies", _policies_of_customer)),
    Marks("complaints", ("customer_id, owner_id, opened_at, acknowledged_at, resolved_at, closed_at, "
                         "deleted, branch_id"),
          (_always, "complaints_opened", lambda r: _local_month(f"{r}.opened_at"), "",
           lambda r: f"{r}.opened_at IS NOT NULL")),
    Marks("policies", "customer_id, product_type, start_date, end_date, status, deleted, branch_id",
          (_always, "policies_ending", lambda r: f"strftime('%Y-%m', {r}.end_date)", "", _always),
          (_always, "policies_ending", lambda r: POLICY_END, "FROM policies", _policies_of_customer)),
)
TRIGGERS = {name: body for marks in TABLES for name, body in marks.triggers().items()}
CUSTOMER_MARKS = {  # 0009's, skipped during a bulk load too
    "kpi_mark_customers_insert": "AFTER INSERT ON customers",
    "kpi_mark_customers_delete": "AFTER DELETE ON customers",
    "kpi_mark_customers_update": "AFTER UPDATE OF deleted, branch_id, manager_id ON customers",
    "kpi_mark_customer_profiles_update": ("AFTER UPDATE OF name, gender, birth_date, id_number, "
                                          "phone, address, preferred_channel ON customers"),
}


def _customer_marks() -> dict[str, str]:
    earlier = op.get_context().script.get_revision("0009").module.TRIGGERS
    return {name: f"{event} WHEN {NOT_BULK} BEGIN {earlier[name].split(' BEGIN ', 1)[1]}"
            for name, event in CUSTOMER_MARKS.items()}


def upgrade() -> None:
    op.create_table('kpi_bulk_load', sa.Column('active', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('active', name=op.f('pk_kpi_bulk_load')))
    for name, body in {**TRIGGERS, **_customer_marks()}.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    """Back to 0009's triggers, as that revision defines them."""
    earlier = op.get_context().script.get_revision("0009").module.TRIGGERS
    for name in (*TRIGGERS, *CUSTOMER_MARKS):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        if name in earlier:
            op.execute(f"CREATE TRIGGER {name} {earlier[name]}")
    op.drop_table('kpi_bulk_load')
