"""The visit register reads a period's visits from its index, in order: without it SQLite
walked every visit of the branch and sorted the period's (most of a 100k-row export)."""
from __future__ import annotations

from datetime import date

from sqlalchemy.dialects import sqlite

from claimcare_desktop.store import report_queries as rq
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.kpi_queries import KpiScope


def _plan(conn, statement) -> str:
    compiled = statement.compile(dialect=sqlite.dialect())
    params = tuple(compiled.params[name] for name in compiled.positiontup)
    rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params).all()
    return "\n".join(row[3] for row in rows)


def test_register_and_its_count_read_visits_by_due_date_without_sorting(tmp_path):
    profile = open_profile(tmp_path / "profile")
    scope = KpiScope(branch_id="b1")
    start, end = date(2026, 1, 1), date(2026, 4, 1)
    with profile.engine.connect() as conn:
        rows = _plan(conn, rq.visit_statement(scope, start, end))
        count = _plan(conn, rq.visit_count(scope, start, end))
    profile.close()
    assert "ix_visits_branch_due" in rows and "TEMP B-TREE" not in rows, rows
    assert "COVERING INDEX ix_visits_branch_due" in count, count
