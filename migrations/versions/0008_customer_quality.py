"""Customers' profile quality kept as bits, so the KPI snapshot counts instead of checking.

Profile completeness and field validity checked 100,000 customers in SQL on every read
(~0.8 s). `customers.quality` (a LOCAL field) holds the result of the same checks per
customer, set by triggers whenever a customer is inserted or a checked field changes:

- bit 0: every field of domain.validation.REQUIRED_PROFILE_FIELDS is filled
- for the i-th of QUALITY_FIELDS: bit 1 + 2i filled, bit 2 + 2i filled and valid

The checks are domain.validation's per-field rules as SQL (ID number shape, real birth date
and check digit; mobile shape; birth date agreeing with the ID; a known channel); not the
ID's region code nor the carrier ranges `phonenumbers` knows. Values are stored normalised,
so a stored "+86 138..." is invalid here.

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

REQUIRED = ("name", "gender", "birth_date", "id_number", "phone", "address", "preferred_channel")
QUALITY_FIELDS = ("phone", "id_number", "birth_date", "preferred_channel")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHANNELS = ("phone", "sms", "wechat", "in_person")


def _filled(column: str) -> str:
    if column == "birth_date":
        return "birth_date IS NOT NULL"
    return f"trim(coalesce({column}, '')) != ''"


ID_BIRTH = ("(substr(id_number, 7, 4) || '-' || substr(id_number, 11, 2) || '-' "
            "|| substr(id_number, 13, 2))")
ID_WEIGHTED = " + ".join(f"CAST(substr(id_number, {i + 1}, 1) AS INTEGER) * {w}"
                         for i, w in enumerate(ID_WEIGHTS))
ID_OK = (f"(id_number GLOB '{'[0-9]' * 17}[0-9X]' AND date({ID_BIRTH}, '+0 days') = {ID_BIRTH}"
         f" AND substr('10X98765432', ({ID_WEIGHTED}) % 11 + 1, 1) = substr(id_number, 18, 1))")
VALID = {
    "phone": f"phone GLOB '1[3-9]{'[0-9]' * 9}'",
    "id_number": ID_OK,
    "birth_date": (f"(NOT ({_filled('id_number')}) OR NOT {ID_OK}"
                   f" OR strftime('%Y-%m-%d', birth_date) = {ID_BIRTH})"),
    "preferred_channel": f"preferred_channel IN ({', '.join(repr(c) for c in CHANNELS)})",
}


def _bit(condition: str, bit: int) -> str:
    return f"CASE WHEN {condition} THEN {1 << bit} ELSE 0 END"


QUALITY = " + ".join(
    [_bit(" AND ".join(_filled(c) for c in REQUIRED), 0)]
    + [part for i, name in enumerate(QUALITY_FIELDS)
       for part in (_bit(_filled(name), 1 + 2 * i),
                    _bit(f"{_filled(name)} AND {VALID[name]}", 2 + 2 * i))])
PROFILE_COLUMNS = ", ".join(REQUIRED)
SET_QUALITY = f"UPDATE customers SET quality = {QUALITY} WHERE id = NEW.id;"

TRIGGERS = {
    "customer_quality_insert": f"AFTER INSERT ON customers BEGIN {SET_QUALITY} END",
    "customer_quality_update": f"AFTER UPDATE OF {PROFILE_COLUMNS} ON customers BEGIN {SET_QUALITY} END",
}


def upgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quality', sa.Integer(), nullable=True))
        batch_op.create_index('ix_customers_quality', ['branch_id', 'deleted', 'manager_id', 'quality'], unique=False)
    op.execute(f"UPDATE customers SET quality = {QUALITY}")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_quality')
        batch_op.drop_column('quality')
