"""The pull form PostgreSQL stores in each synced row (claimcare_hq/wire_rows.py): the same
JSON as the Python encoder's, kept by every writer, rebuilt when its definition changes."""
from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select, text

from claimcare_hq.auth import issue_token, token_hash
from claimcare_hq.db import upgrade
from claimcare_hq.permissions import Actor
from claimcare_hq.pull import pull_page, pull_page_for_token
from claimcare_hq.push_sqlalchemy import push_mutations
from claimcare_hq.schema import SYNCED_TABLES, Account
from claimcare_hq.seed import seed_demo
from claimcare_hq.wire_rows import install

pytestmark = pytest.mark.postgres


def _supervisor(engine) -> Actor:
    accounts = Account.__table__
    with engine.connect() as conn:
        account = conn.execute(select(accounts).where(accounts.c.role == "supervisor")).first()
    return Actor(account.user_id, account.branch_id, "dev-wire", "supervisor")


def _token(engine, actor: Actor) -> str:
    with engine.begin() as conn:
        return token_hash(issue_token(conn, actor.user_id, actor.branch_id, actor.device_id))


def _pages(engine, actor: Actor, hashed: str, limit: int) -> list[tuple[bytes, bytes]]:
    """Every page of the branch: (the Python encoder's body, the stored forms' body)."""
    pages, cursor = [], 0
    while True:
        row, stored = pull_page_for_token(engine, hashed, cursor, limit)
        assert row[1] == actor.branch_id
        pages.append((pull_page(engine, actor.branch_id, cursor, limit), stored))
        page = json.loads(stored)
        if not page["has_more"]:
            return pages
        cursor = page["next_cursor"]


def _push_conflict_and_audit_entry(engine, actor: Actor) -> None:
    """A same-field conflict (HQ keeps its value and logs the loser in conflict_log) and an
    audit entry at a time with microseconds: the two tables the demo data leaves empty."""
    customers = SYNCED_TABLES["customers"]
    with engine.connect() as conn:
        row_id = conn.execute(select(customers.c.id).where(
            customers.c.branch_id == actor.branch_id).limit(1)).scalar_one()
    with engine.begin() as conn:
        push_mutations(conn, actor, [{"seq": 1, "table": "customers", "row_id": row_id,
                                      "fields": {"care_notes": "来电请找王女士"},
                                      "base": {"care_notes": "a value HQ never had"}},
                                     {"seq": 2, "table": "audit_log", "row_id": str(uuid.uuid4()),
                                      "fields": {"at": "2026-11-26T09:30:05.000120",
                                                 "action": "export", "user_id": actor.user_id,
                                                 "detail": "导出 \"回访\" \\ 明细"},
                                      "base": {}}])


def test_stored_forms_are_the_python_encoders_json_for_every_synced_table(hq_engine):
    seed_demo(hq_engine, 1, 40, 11, "pw")
    actor = _supervisor(hq_engine)
    _push_conflict_and_audit_entry(hq_engine, actor)
    with hq_engine.connect() as conn:
        empty = [name for name in SYNCED_TABLES
                 if not conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar()]
    assert empty == []  # every table's columns are compared below
    pages = _pages(hq_engine, actor, _token(hq_engine, actor), limit=97)
    assert len(pages) > 3
    for python_body, stored_body in pages:  # same values, timestamps with six fraction digits
        assert json.loads(stored_body) == json.loads(python_body)


def test_a_stale_definition_is_replaced_and_its_rows_rebuilt_once(hq_engine):
    seed_demo(hq_engine, 1, 10, 3, "pw")
    with hq_engine.begin() as conn:
        assert install(conn) == []  # the upgrade installed it: nothing to do
        conn.execute(text("CREATE OR REPLACE FUNCTION claimcare_wire_customers() RETURNS trigger "
                          "LANGUAGE plpgsql AS $$BEGIN NEW.wire := '{}'; RETURN NEW; END$$"))
        conn.execute(text("UPDATE customers SET care_notes = 'x'"))
        assert conn.execute(text("SELECT DISTINCT wire FROM customers")).scalars().all() == ["{}"]
    upgrade(hq_engine)
    with hq_engine.begin() as conn:
        assert install(conn) == []
    actor = _supervisor(hq_engine)
    for python_body, stored_body in _pages(hq_engine, actor, _token(hq_engine, actor), 500):
        assert json.loads(stored_body) == json.loads(python_body)


def test_an_unknown_token_pulls_nothing(hq_engine):
    seed_demo(hq_engine, 1, 5, 3, "pw")
    row, body = pull_page_for_token(hq_engine, token_hash("not a token"), 0, 100)
    assert row == (None, None, None, None, None)
    assert body == b'{"rows":[],"next_cursor":0,"has_more":false}'
