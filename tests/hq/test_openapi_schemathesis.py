"""schemathesis against HQ's /openapi.json over real HTTP: no server error, every answer
matches the published schema (status codes, content types, bodies)."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import requests

from claimcare_hq.app import create_app
from claimcare_hq.db import make_engine
from tests.support.branches import seed_branch, token_for
from tests.support.hq_server import LiveHq

pytestmark = pytest.mark.postgres

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def seeded_hq(pg_cluster, hq_template_db):
    name = pg_cluster.create_database(template=hq_template_db)
    engine = make_engine(pg_cluster.url(name))
    server = LiveHq(engine).start()
    branch = seed_branch(engine, customers=3)
    yield server, branch
    server.stop()
    engine.dispose()
    pg_cluster.drop_database(name)


# The same document the server publishes at /openapi.json (checked below), built without a
# server so pytest can collect one test per operation.
schema = schemathesis.openapi.from_dict(create_app("sqlite://").openapi())


def test_served_openapi_is_the_schema_under_test(seeded_hq):
    server, _branch = seeded_hq
    assert requests.get(f"{server.url}/openapi.json").json() == schema.raw_schema


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_answers_match_the_schema(case, seeded_hq):
    server, branch = seeded_hq
    token = token_for(server.engine, branch, f"{branch.code}.sup", "schemathesis-device")
    case.call_and_validate(base_url=server.url, headers={"Authorization": f"Bearer {token}"},
                           checks=CHECKS)
