"""KPI facts gathered by SQL, on a branch small enough to work out every value by hand
(see tests/export/dataset.py for the rows and why each counts)."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from claimcare_desktop.domain import validation
from claimcare_desktop.store import kpi_queries as kq
from claimcare_desktop.store.at_risk import at_risk_customers
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.models import Customer
from tests.export import dataset as d

NOW = d.NOW.replace(tzinfo=UTC)


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    profile = open_profile(tmp_path_factory.mktemp("kpi"))
    d.build().write(profile)
    yield profile
    profile.close()


def _by_key(results):
    return {r.key: r for r in results}


def _report(profile, manager_id=None):
    with profile.engine.connect() as conn:
        return _by_key(kq.kpi_report(conn, kq.KpiScope(d.BRANCH, manager_id), *d.Q1_2026, now=NOW))


def test_branch_quarter_actuals(profile):
    r = _report(profile)
    assert r["profile_completeness"].actual == pytest.approx(2 / 3)
    assert r["field_validity"].actual == pytest.approx(10 / 12)
    assert r["payout_within_48h"].actual == pytest.approx(0.5)  # cl3 not yet due
    assert r["visit_coverage"].actual == pytest.approx(0.5)
    assert r["visit_satisfaction"].actual == pytest.approx(2 / 3)
    assert r["care_coverage"].actual == pytest.approx(1 / 3)
    assert r["complaint_rate"].actual == pytest.approx(1.0)
    assert r["resolution_rate"].actual == pytest.approx(0.5)
    assert r["renewal_rate"].actual == pytest.approx(0.5)
    assert r["response_time"].actual == pytest.approx(5.0)
    assert r["satisfaction_score"].actual == pytest.approx(80.0)


def test_branch_quarter_targets_and_last_year(profile):
    r = _report(profile)
    assert r["profile_completeness"].on_target is False
    assert r["complaint_rate"].baseline_last_year == pytest.approx(0.5)
    assert r["complaint_rate"].target == pytest.approx(0.425)
    assert r["complaint_rate"].on_target is False
    assert r["resolution_rate"].baseline_last_year == pytest.approx(1.0)
    assert r["renewal_rate"].baseline_last_year == pytest.approx(1.0)
    assert r["response_time"].baseline_last_year == pytest.approx(10.0)
    assert r["response_time"].target == pytest.approx(8.0)
    assert r["response_time"].on_target is True
    assert r["satisfaction_score"].target == pytest.approx(65.0)
    assert r["satisfaction_score"].on_target is True
    assert r["payout_within_48h"].baseline_last_year is None


def test_one_manager_scope(profile):
    m1, m2 = _report(profile, d.M1), _report(profile, d.M2)
    assert m1["profile_completeness"].actual == pytest.approx(0.5)
    assert m1["field_validity"].actual == pytest.approx(7 / 8)
    assert m1["visit_satisfaction"].actual == pytest.approx(0.5)
    assert m1["care_coverage"].actual == pytest.approx(0.5)
    assert m1["complaint_rate"].actual == pytest.approx(0.5)
    assert m1["resolution_rate"].actual == pytest.approx(1.0)
    assert m2["field_validity"].actual == pytest.approx(3 / 4)
    assert m2["visit_satisfaction"].actual == pytest.approx(1.0)
    assert m2["care_coverage"].actual == pytest.approx(0.0)
    assert m2["resolution_rate"].actual == pytest.approx(0.0)
    for key in ("payout_within_48h", "visit_coverage", "complaint_rate", "response_time",
                "renewal_rate"):
        assert m2[key].actual is None and m2[key].on_target is None, key


def test_sql_field_validity_agrees_with_the_domain(profile):
    with profile.engine.connect() as conn:
        rows = conn.execute(select(Customer.__table__).where(
            Customer.branch_id == d.BRANCH, Customer.deleted.is_(False))).mappings().all()
        _total, _complete, pairs = kq.customer_quality(conn, kq.KpiScope(d.BRANCH))
    checks = [validation.field_validity(row) for row in rows]
    assert sum(v for v, _ in pairs) == sum(c.valid for c in checks)
    assert sum(n for _, n in pairs) == sum(c.checked for c in checks)
    complete = sum(validation.profile_completeness(row) == 1.0 for row in rows)
    assert _complete == complete


def test_by_manager_lists_managers_of_the_branch_only(profile):
    with profile.engine.connect() as conn:
        per_manager = kq.kpi_by_manager(conn, d.BRANCH, *d.Q1_2026, now=NOW)
    assert [m.display_name for m in per_manager] == ["李经理", "钱经理"]
    assert _by_key(per_manager[1].results)["visit_satisfaction"].actual == pytest.approx(0.5)


def test_monthly_trend(profile):
    with profile.engine.connect() as conn:
        trend = kq.kpi_monthly_trend(conn, kq.KpiScope(d.BRANCH), date(2026, 3, 31), months=3,
                                     now=NOW)
    assert [t.month_start for t in trend] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    scores = [_by_key(t.results)["satisfaction_score"].actual for t in trend]
    assert scores[0] == pytest.approx(80.0) and scores[1] is None and scores[2] == pytest.approx(80.0)
    feb = _by_key(trend[1].results)
    assert feb["satisfaction_score"].baseline_last_year == pytest.approx(60.0)
    assert feb["payout_within_48h"].actual == pytest.approx(0.0)
    assert feb["profile_completeness"].actual == pytest.approx(2 / 3)


def test_at_risk_customers_highest_first_without_deleted_or_other_branches(profile):
    with profile.engine.connect() as conn:
        rows = at_risk_customers(conn, kq.KpiScope(d.BRANCH), limit=10)
        top = at_risk_customers(conn, kq.KpiScope(d.BRANCH), limit=1)
        mine = at_risk_customers(conn, kq.KpiScope(d.BRANCH, d.M2), limit=10)
    assert [r.customer_id for r in rows] == [d.C1, d.C2]
    assert rows[0].manager_name == "钱经理" and rows[0].level == "high"
    assert rows[0].reasons[0]["code"] == "low_satisfaction"
    assert [r.customer_id for r in top] == [d.C1]
    assert mine == []


def test_session_works_like_a_connection(profile):
    with profile.session() as session:
        results = kq.kpi_report(session, kq.KpiScope(d.BRANCH), *d.Q1_2026, now=NOW)
    assert [r.key for r in results] == [t.key for t in kq.kpi.KPI_TARGETS]


def _aware(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_sql_payout_count_agrees_with_the_domain(profile):
    """The payout target is counted in SQL; the domain's row-by-row rule must agree."""
    window = kq.Window(*d.Q1_2026, NOW)
    scope = kq.KpiScope(d.BRANCH)
    with profile.engine.connect() as conn:
        rows = [(_aware(a), b and _aware(b)) for a, b in conn.execute(kq.payout_rows(scope, window))]
        counted = kq._payout_within_48h(conn, scope, window)
    as_of = min(NOW, kq.from_naive_utc(window.end_utc))
    assert len(rows) == 3
    assert counted == kq.kpi.payout_on_time_rate(rows, as_of=as_of) == pytest.approx(0.5)


@pytest.mark.parametrize("manager", [None, d.M1])
@pytest.mark.parametrize("period", [d.Q1_2026, (date(2025, 1, 1), date(2025, 4, 1))])
def test_sql_complaint_counts_agree_with_the_domain(profile, manager, period):
    """Resolution and response time are counted in SQL; the domain's row-by-row rules
    (`kpi.resolution_rate`, `kpi.mean_response_hours`) must agree."""
    window, scope, k = kq.Window(*period, NOW), kq.KpiScope(d.BRANCH, manager), kq.complaints_t.c
    owned = [k.branch_id == d.BRANCH, k.deleted.is_(False), window.covers(k.opened_at)]
    if manager is not None:
        owned.append(k.owner_id == manager)
    with profile.engine.connect() as conn:
        rows = [(_aware(str(a)), b and _aware(str(b))) for a, b in conn.execute(
            select(k.opened_at, kq.first_response_at()).where(*owned))]
        resolved = [(_aware(str(a)), b and _aware(str(b))) for a, b in conn.execute(
            select(k.opened_at, k.resolved_at).where(*owned))]
        opened, resolved_count, mean_hours = kq.complaint_handling(conn, scope, window)
    assert opened == len(rows) > 0
    end = kq.from_naive_utc(window.end_utc)
    assert kq.kpi.rate_from_counts(resolved_count, opened) == kq.kpi.resolution_rate(resolved, end)
    expected_hours = kq.kpi.mean_response_hours(rows)
    assert (mean_hours is None) == (expected_hours is None)
    assert mean_hours == pytest.approx(expected_hours, rel=1e-9)


def test_snapshot_follows_a_local_edit(tmp_path):
    profile = open_profile(tmp_path)
    d.build().write(profile)
    scope = kq.KpiScope(d.BRANCH, d.M1)
    try:
        with profile.engine.connect() as conn:
            before = _by_key(kq.kpi_report(conn, scope, *d.Q1_2026, now=NOW))
        with profile.session(d.M1) as s, s.begin():
            s.get(Customer, d.C2).address = "北京市海淀区1号"
        with profile.engine.connect() as conn:
            after = _by_key(kq.kpi_report(conn, scope, *d.Q1_2026, now=NOW))
    finally:
        profile.close()
    assert before["profile_completeness"].actual == pytest.approx(0.5)
    assert after["profile_completeness"].actual == pytest.approx(1.0)
