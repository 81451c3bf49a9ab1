"""Customers' search keys go stale when their name or phone changes.

`derived.refresh_search_keys` computes pinyin, initials and phone suffix only for customers
whose `name_pinyin` is NULL: new rows (sync and demo loads never write LOCAL_FIELDS), and
rows whose name or phone an UPDATE changed without setting the keys in the same statement,
which this trigger clears. A sync that touched many rows then re-keys only those, instead of
running pypinyin over the whole branch (~7 s of CPU at 100,000 customers).

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

STALE_WHEN = ("(OLD.name IS NOT NEW.name AND OLD.name_pinyin IS NEW.name_pinyin) "
              "OR (OLD.phone IS NOT NEW.phone AND OLD.phone_suffix IS NEW.phone_suffix)")


def upgrade() -> None:
    op.execute(f"CREATE TRIGGER customer_search_keys_stale AFTER UPDATE OF name, phone ON customers "
               f"WHEN {STALE_WHEN} BEGIN UPDATE customers SET name_pinyin = NULL WHERE id = NEW.id; END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS customer_search_keys_stale")
