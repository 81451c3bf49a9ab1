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


@pytest.fixture
def hq_engine(fresh_pg_url: str):
    from claimcare_hq.db import make_engine

    engine = make_engine(fresh_pg_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def shared_hq(pg_cluster, hq_template_db):
    from claimcare_hq.db import make_engine

    from .hq_server import LiveHq

    name = pg_cluster.create_database(template=hq_template_db)
    engine = make_engine(pg_cluster.url(name))
    server = LiveHq(engine).start()
    yield server
    server.stop()
    engine.dispose()
    pg_cluster.drop_database(name)


@pytest.fixture
def live_hq(shared_hq):
    """HQ over real HTTP on 127.0.0.1 on PostgreSQL, shared by the tests of a session: each
    test makes its own branches (tests/support/branches.py), and HQ keeps branches apart."""
    if not shared_hq.running:
        shared_hq.start()
    yield shared_hq
    if not shared_hq.running:
        shared_hq.start()


@pytest.fixture(scope="session")
def profile_template(tmp_path_factory):
    """A migrated, empty desktop database to copy for every simulated PC."""
    from .devices import make_template

    return make_template(tmp_path_factory.mktemp("profile-template"))
