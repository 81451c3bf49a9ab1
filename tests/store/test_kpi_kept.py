"""Kept KPI measures (store/kpi_cache.py) always equal a fresh computation, whatever rows
change in between: the triggers of migration 0007 must mark every change a measure reads."""
from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from alembic import command
from sqlalchemy import insert, update

from claimcare_desktop.domain import kpi
from claimcare_desktop.store import cadence_planning, kpi_cache
from claimcare_desktop.store import kpi_queries as kq
from claimcare_desktop.store import models as m
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.schema import alembic_config
from tests.export import dataset as d

AFTER_Q1 = d.NOW.replace(tzinfo=UTC)
INSIDE_Q1 = datetime(2026, 3, 31, 4, tzinfo=UTC)  # the quarter still open: payout never kept
SCOPES = (kq.KpiScope(d.BRANCH), kq.KpiScope(d.BRANCH, d.M2))

# (table, row id, changed columns): each changes something some measure reads
EDITS = [
    ("visits", "v2", dict(status="done", satisfaction=2, completed_at=datetime(2026, 2, 10, 3))),
    ("visits", "v6", dict(deleted=True)),
    ("visits", "v1", dict(status="cancelled")),
    ("visits", "v3", dict(assignee_id=d.M2)),
    ("visits", "v4", dict(claim_id="cl2")),
    ("visits", "v1", dict(completed_at=datetime(2025, 2, 3, 1))),
    ("claims", "cl3", dict(paid_at=datetime(2026, 3, 31, 1))),
    ("claims", "cl1", dict(closed_at=datetime(2025, 3, 1))),
    ("claims", "cl2", dict(deleted=True)),
    ("claims", "cl0", dict(closed_at=None)),
    ("claims", "cl2", dict(customer_id=d.C3)),
    ("claims", "cl1", dict(documents_confirmed_at=datetime(2026, 3, 29))),
    ("care_items", "ci2", dict(status="done", done_at=datetime(2026, 3, 16, 2))),
    ("care_items", "ci1", dict(deleted=True)),
    ("care_items", "ci3", dict(done_at=datetime(2026, 1, 5, 2))),
    ("care_items", "ci2", dict(customer_id=d.C1)),
    ("care_items", "ci3", dict(status="planned")),
    ("care_items", "ci1", dict(done_at=datetime(2025, 12, 31, 17))),  # local: 1 January
    ("complaints", "k2", dict(resolved_at=datetime(2026, 3, 5))),
    ("complaints", "k1", dict(opened_at=datetime(2025, 2, 1))),
    ("complaints", "k2", dict(owner_id=d.M1)),
    ("complaints", "k3", dict(deleted=True)),
    ("policies", "p1b", dict(start_date=date(2026, 4, 1))),
    ("policies", "p2", dict(status="renewed")),
    ("policies", "p1", dict(end_date=date(2026, 4, 15))),
    ("policies", "p0", dict(deleted=True)),
    ("customers", d.C1, dict(manager_id=d.M2)),
    ("customers", d.C2, dict(address="上海市浦东新区1号")),
    ("customers", d.C3, dict(id_number=d.VALID_ID_1)),
    ("customers", d.C4, dict(deleted=False)),
    ("customers", d.C2, dict(deleted=True)),
]
NEW_ROWS = [
    ("visits", dict(id="v-new", customer_id=d.C2, claim_id="cl2", step="day_7",
                    due_date=date(2026, 3, 3), assignee_id=d.M1, status="done", attempts=1,
                    satisfaction=5, completed_at=datetime(2026, 3, 3, 2))),
    ("care_items", dict(id="ci-new", customer_id=d.C3, kind="festival", due_date=date(2026, 2, 1),
                        assignee_id=d.M2, status="done", done_at=datetime(2026, 2, 1, 2))),
    ("claims", dict(id="cl-new", customer_id=d.C2, claim_no="CLM-new", claim_type="health",
                    status="paid", reported_at=datetime(2026, 3, 1), claimed_fen=1, paid_fen=1,
                    closed_at=datetime(2026, 3, 10))),
    ("policies", dict(id="p-new", customer_id=d.C2, policy_no="P-new", product_type="health",
                      start_date=date(2026, 3, 10), end_date=date(2027, 3, 10), premium_fen=1,
                      status="active")),
]
CHANGES = st.one_of(st.sampled_from(EDITS), st.sampled_from(NEW_ROWS))


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kept_template")
    profile = open_profile(folder)
    d.build().write(profile)
    profile.close()
    return folder


def _apply(profile, change) -> None:
    table = m.MODEL_BY_TABLE[change[0]].__table__
    with profile.engine.begin() as conn:
        if len(change) == 3:
            conn.execute(update(table).where(table.c.id == change[1]).values(**change[2]))
        else:
            conn.execute(insert(table).prefix_with("OR IGNORE").values(
                branch_id=d.BRANCH, deleted=False, **change[1]))


def _fresh(conn, scope, start, end, now):
    """The report as computed before anything was kept: every measure from the rows."""
    w = kq.Window(start, end, now)
    actual = kq._snapshot_rates_now(conn, scope)
    facts, last_year = kq._PeriodFacts(conn, scope, w), kq._PeriodFacts(conn, scope, w.last_year())
    actual.update({t.key: facts.measure(t.key) for t in kpi.KPI_TARGETS if t.key not in actual})
    baseline = {key: last_year.measure(key) for key in kq.CHANGE_KEYS}
    return [kpi.evaluate(t.key, actual[t.key], baseline.get(t.key)) for t in kpi.KPI_TARGETS]


PERIODS_OF_WHOLE_MONTHS = [d.Q1_2026, (date(2026, 1, 1), date(2026, 2, 1)),
                           (date(2026, 3, 1), date(2026, 4, 1)), (date(2025, 1, 1), date(2025, 4, 1))]


def _check_care_months(conn) -> None:
    """kpi_care_months (migration 0016's triggers) counts what the care items say."""
    for scope in SCOPES:
        for start, end in PERIODS_OF_WHOLE_MONTHS:
            w = kq.Window(start, end, AFTER_Q1)
            kept = conn.execute(kq._reached_in_months(scope, w)).scalar_one()
            assert kept == conn.execute(kq._cared_for(scope, w)).scalar_one(), (scope, start)


def _check_every_report(profile) -> None:
    with profile.engine.connect() as conn:
        _check_care_months(conn)
        for scope in SCOPES:
            for now in (AFTER_Q1, INSIDE_Q1):
                kept = kq.kpi_report(conn, scope, *d.Q1_2026, now=now)
                assert kept == _fresh(conn, scope, *d.Q1_2026, now), (scope, now)
        for scope in SCOPES:  # a trend's months read their care coverage in one pass
            trend = kq.kpi_monthly_trend(conn, scope, date(2026, 3, 31), months=3, now=AFTER_Q1)
            for month in trend:
                end = date(month.month_start.year, month.month_start.month + 1, 1)
                assert month.results == _fresh(conn, scope, month.month_start, end, AFTER_Q1), scope


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(CHANGES, min_size=1, max_size=5))
def test_kept_measures_equal_a_fresh_computation_after_any_changes(template, changes):
    folder = Path(tempfile.mkdtemp(prefix="kept_"))
    try:
        shutil.copytree(template, folder, dirs_exist_ok=True)
        profile = open_profile(folder)
        try:
            _check_every_report(profile)  # keeps every measure
            for change in changes:
                _apply(profile, change)
                _check_every_report(profile)
        finally:
            profile.close()
    finally:
        shutil.rmtree(folder)


def test_a_bulk_load_marks_everything_once_instead_of_row_by_row(template, tmp_path):
    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    profile = open_profile(tmp_path)
    try:
        _check_every_report(profile)
        with profile.engine.begin() as conn:
            kpi_cache.begin_bulk_load(conn)
            set_aside = list(conn.info[kpi_cache.SET_ASIDE])
            marks_before = conn.exec_driver_sql("SELECT max(changed) FROM kpi_changes").scalar()
            with profile.engine.connect() as other:  # another connection still has them
                seen_meanwhile = other.exec_driver_sql(kpi_cache.MARK_TRIGGERS).fetchall()
            for table, row in NEW_ROWS:
                conn.execute(insert(m.MODEL_BY_TABLE[table].__table__).values(
                    branch_id=d.BRANCH, deleted=False, **row))
            skipped = conn.exec_driver_sql("SELECT max(changed) FROM kpi_changes").scalar() == marks_before
            kpi_cache.end_bulk_load(conn)
        _check_every_report(profile)
        with profile.engine.connect() as conn:
            back = conn.exec_driver_sql(kpi_cache.MARK_TRIGGERS).fetchall()
    finally:
        profile.close()
    assert skipped and sorted(back) == sorted(set_aside) == sorted(seen_meanwhile)
    assert len(back) == 19


@pytest.mark.parametrize("big", [False, True], ids=["few", "big"])
def test_visits_planned_for_closed_claims_leave_the_kept_measures_right(template, tmp_path,
                                                                        monkeypatch, big):
    """A claim that arrived closed gets its cadence visits planned (store/cadence_planning.py).
    They are open, which no measure reads: a small planning marks nothing, so kept measures
    stay kept; a big one runs in the bulk-load mode, which marks every fact changed. Either
    way every kept measure equals a fresh computation afterwards."""
    monkeypatch.setattr(cadence_planning, "BULK_FROM_CLAIMS", 1 if big else 2000)
    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    profile = open_profile(tmp_path)
    try:
        _apply(profile, NEW_ROWS[2])  # as pulled: closed, no visits
        _check_every_report(profile)  # keeps every measure
        marks = "SELECT fact, month, changed FROM kpi_changes ORDER BY fact, month"
        with profile.engine.connect() as conn:
            before = conn.exec_driver_sql(marks).fetchall()
        with profile.session(d.M1) as session, session.begin():
            added = cadence_planning.plan_visits_for_closed_claims(session, d.M1)
        with profile.engine.connect() as conn:
            after = conn.exec_driver_sql(marks).fetchall()
        _check_every_report(profile)
    finally:
        profile.close()
    assert added >= 3
    assert (after != before) == big


def test_a_trend_across_new_year_equals_each_month_computed_alone(template, tmp_path):
    """A trend reads each fact once for all its months (and last year's), grouped by month;
    every month must equal its own computation, across a year's end too."""
    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    profile = open_profile(tmp_path)
    try:
        with profile.engine.connect() as conn:
            for scope in SCOPES:
                trend = kq.kpi_monthly_trend(conn, scope, date(2026, 3, 31), months=15, now=AFTER_Q1)
                fresh = [_fresh(conn, scope, m.month_start, kq._next_month(m.month_start), AFTER_Q1)
                         for m in trend]
                assert [m.results for m in trend] == fresh, scope
    finally:
        profile.close()
    assert trend[0].month_start == date(2025, 1, 1)


def test_an_upgraded_profile_counts_its_care_items_done_before(template, tmp_path):
    """Migration 0016 fills kpi_care_months from the care items already there."""
    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{tmp_path / 'claimcare.sqlite3'}")
    command.downgrade(cfg, "0015")  # before kpi_care_months
    command.upgrade(cfg, "head")
    profile = open_profile(tmp_path)
    try:
        with profile.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT count(*) FROM kpi_care_months").scalar_one()
            _check_care_months(conn)
    finally:
        profile.close()
    assert rows > 0


def test_a_second_read_is_served_from_what_was_kept(template, tmp_path):
    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    profile = open_profile(tmp_path)
    try:
        with profile.engine.connect() as conn:
            first = kq.kpi_report(conn, SCOPES[0], *d.Q1_2026, now=AFTER_Q1)
            kept = conn.exec_driver_sql("SELECT count(*) FROM kpi_kept").scalar()
            conn.exec_driver_sql("UPDATE kpi_kept SET value = 0.125 WHERE key = 'visit_coverage'")
            conn.commit()
            served = {r.key: r.actual for r in kq.kpi_report(conn, SCOPES[0], *d.Q1_2026, now=AFTER_Q1)}
    finally:
        profile.close()
    assert kept == 2 + 9 + 5  # snapshot, this quarter's measures, last year's change bases
    assert served["visit_coverage"] == 0.125  # the kept row, not a recomputation
    assert {r.key: r.actual for r in first}["visit_coverage"] == pytest.approx(0.5)
