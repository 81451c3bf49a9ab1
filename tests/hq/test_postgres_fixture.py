"""The test PostgreSQL server: real, migrated, one fresh database per test."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from alembic.runtime.migration import MigrationContext

from claimcare_hq.db import head_revisions, make_engine

pytestmark = pytest.mark.postgres


def test_fresh_database_is_postgres_at_head_and_empty(fresh_pg_url):
    engine = make_engine(fresh_pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("show server_version_num")).scalar_one() >= "150000"
            assert conn.execute(text("select count(*) from branches")).scalar_one() == 0
            assert [MigrationContext.configure(conn).get_current_revision()] == head_revisions()
        assert "device_progress" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_each_test_gets_its_own_database(fresh_pg_url, pg_cluster, hq_template_db):
    assert hq_template_db not in fresh_pg_url
    engine = make_engine(fresh_pg_url)
    with engine.begin() as conn:
        conn.execute(text("insert into branch_counters (branch_id, next_seq) values ('b', 1)"))
    engine.dispose()
    other = pg_cluster.create_database(template=hq_template_db)
    try:
        engine = make_engine(pg_cluster.url(other))
        with engine.connect() as conn:
            assert conn.execute(text("select count(*) from branch_counters")).scalar_one() == 0
        engine.dispose()
    finally:
        pg_cluster.drop_database(other)
