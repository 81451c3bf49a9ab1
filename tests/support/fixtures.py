"""pytest fixtures: one PostgreSQL server per session, a fresh HQ database per test."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from .postgres import PgCluster, postgres_cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    with postgres_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def hq_template_db(pg_cluster: PgCluster) -> Iterator[str]:
    """A database at HQ's newest schema, used as the template of every test database."""
    from claimcare_hq.db import make_engine, upgrade

    name = pg_cluster.create_database()
    engine = make_engine(pg_cluster.url(name))
    upgrade(engine)
    engine.dispose()
    yield name
    pg_cluster.drop_database(name)


@pytest.fixture
def fresh_pg_url(pg_cluster: PgCluster, hq_template_db: str) -> Iterator[str]:
    """SQLAlchemy URL of a new, migrated, empty HQ database, dropped after the test."""
    name = pg_cluster.create_database(template=hq_template_db)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)
