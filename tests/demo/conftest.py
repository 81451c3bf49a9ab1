"""One small generated profile shared by the demo tests (read-only for them)."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from claimcare_desktop.demo.generator import DemoSpec, load_into_profile
from claimcare_desktop.store.db import open_profile

TODAY = date(2026, 11, 26)  # a Thursday, a working day
SPEC = DemoSpec(seed=11, branches=2, customers_per_branch=150, today=TODAY)


@pytest.fixture(scope="session")
def loaded(tmp_path_factory):
    profile = open_profile(tmp_path_factory.mktemp("demo_profile"))
    counts = load_into_profile(profile, SPEC)
    yield profile, counts
    profile.close()


@pytest.fixture(scope="session")
def db(loaded):
    profile, _counts = loaded
    con = sqlite3.connect(f"file:{profile.database_path}?mode=ro", uri=True)
    yield con
    con.close()


def column_values(db: sqlite3.Connection, sql: str) -> set:
    return {row[0] for row in db.execute(sql)}
