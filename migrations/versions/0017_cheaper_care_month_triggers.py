"""kpi_care_months' triggers read the item's local month once instead of thirteen times.

0016's trigger body called strftime for the year and again in each of the twelve month
flags: ~8.5 µs per done care item written, which a bulk load (demo load, first sync) pays
for every done item (~0.8 s per 94,000). Reading year and month once in a sub-select
halves it (~4 µs). Same counts; tests/store/test_kpi_kept.py holds them to the care items.

Revision ID: 0017
Revises: 0016
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def _revision_0016():
    """0016's helpers (what its triggers count, and its body for the downgrade)."""
    spec = importlib.util.spec_from_file_location(
        "revision_0016", Path(__file__).with_name("0016_kpi_care_months.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


R0016 = _revision_0016()
_done, _local, MONTHS = R0016._done, R0016._local, R0016.MONTHS
UPDATED_COLUMNS = "status, deleted, done_at, customer_id, branch_id"


def _count(row: str, sign: int) -> str:
    """Add `sign` to the month of `row`'s item, if it is one care coverage counts."""
    flags = ", ".join(f"{sign} * (month = {n})" for n in range(1, 13))
    added = ", ".join(f"{m} = {m} + excluded.{m}" for m in MONTHS)
    return (f"INSERT INTO kpi_care_months (branch_id, year, customer_id, {', '.join(MONTHS)}) "
            f"SELECT {row}.branch_id, year, {row}.customer_id, {flags} "
            f"FROM (SELECT {_local('%Y', row)} AS year, {_local('%m', row)} AS month) "
            f"WHERE {_done(row)} "
            f"ON CONFLICT (branch_id, year, customer_id) DO UPDATE SET {added};")


def _triggers(count) -> dict[str, str]:
    return {
        "kpi_care_months_insert": f"AFTER INSERT ON care_items WHEN {_done('NEW')} "
                                  f"BEGIN {count('NEW', 1)} END",
        "kpi_care_months_delete": f"AFTER DELETE ON care_items WHEN {_done('OLD')} "
                                  f"BEGIN {count('OLD', -1)} END",
        "kpi_care_months_update": f"AFTER UPDATE OF {UPDATED_COLUMNS} ON care_items "
                                  f"WHEN {_done('OLD')} OR {_done('NEW')} "
                                  f"BEGIN {count('OLD', -1)} {count('NEW', 1)} END",
    }


def _replace(triggers: dict[str, str]) -> None:
    for name, body in triggers.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def upgrade() -> None:
    _replace(_triggers(_count))


def downgrade() -> None:
    _replace(_triggers(R0016._count))
