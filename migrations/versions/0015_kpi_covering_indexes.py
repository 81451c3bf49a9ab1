"""KPI measures read from indexes alone, so a report with nothing kept costs half as much.

With nothing kept (after a sync touching every month) a quarter's report at 100,000
customers cost ~650 ms of CPU, most of it looking up table rows behind index entries
(`deleted`, the customer, the paid time) and counting distinct cared-for customers by
sorting ~150,000 ids. The period indexes now carry the columns their measures read, the
renewal's successor and after-claim checks have covering indexes, and
`ix_care_items_reached` hands care coverage the done items of a branch in customer order
(counted by a GROUP BY that needs no sort). Together with one read of the period's
complaints for resolution and response time: ~320 ms (store/kpi_queries.py).

Revision ID: 0015
Revises: 0014
"""
from __future__ import annotations

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

# name: (table, columns before, columns now); "before" None for a new index
INDEXES = {
    "ix_claims_branch_confirmed": ("claims", ["branch_id", "documents_confirmed_at"],
                                   ["branch_id", "documents_confirmed_at", "deleted", "paid_at",
                                    "customer_id"]),
    "ix_claims_branch_closed": ("claims", ["branch_id", "closed_at"],
                                ["branch_id", "closed_at", "deleted", "customer_id", "id"]),
    "ix_claims_customer_closed": ("claims", ["customer_id", "closed_at"],
                                  ["customer_id", "closed_at", "deleted"]),
    "ix_policies_branch_end": ("policies", ["branch_id", "end_date"],
                               ["branch_id", "end_date", "deleted", "customer_id", "product_type",
                                "start_date", "status", "id"]),
    "ix_complaints_branch_opened": ("complaints", ["branch_id", "opened_at"],
                                    ["branch_id", "opened_at", "deleted", "customer_id", "owner_id",
                                     "resolved_at", "acknowledged_at", "closed_at"]),
    "ix_policies_successor": ("policies", None,
                              ["customer_id", "product_type", "deleted", "start_date", "id"]),
    "ix_care_items_reached": ("care_items", None,
                              ["branch_id", "status", "deleted", "customer_id", "done_at"]),
}


def upgrade() -> None:
    # plain statements, not batch mode: a rebuilt table would lose its triggers
    for name, (table, before, now) in INDEXES.items():
        if before is not None:
            op.drop_index(name, table_name=table)
        op.create_index(name, table, now)


def downgrade() -> None:
    for name, (table, before, _now) in INDEXES.items():
        op.drop_index(name, table_name=table)
        if before is not None:
            op.create_index(name, table, before)
