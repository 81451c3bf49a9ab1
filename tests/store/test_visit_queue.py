from dataclasses import replace
from datetime import timedelta

import pytest

from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store import visit_queue
from claimcare_desktop.store.visit_queue import (
    QueueCount,
    QueueFilter,
    QueuePlan,
    count,
    fetch_page,
    plan,
    reversed_filter,
)
from tests.ui.seed import TODAY, seed_profile


@pytest.fixture
def branch(tmp_path):
    profile = open_profile(tmp_path / "p")
    data = seed_profile(profile)
    with profile.engine.connect() as conn:
        yield conn, data
    profile.close()


def test_tabs_split_open_visits_by_due_date(branch):
    conn, data = branch
    today = fetch_page(conn, QueueFilter(data.branch_id, TODAY, "today"))
    overdue = fetch_page(conn, QueueFilter(data.branch_id, TODAY, "overdue"))
    upcoming = fetch_page(conn, QueueFilter(data.branch_id, TODAY, "upcoming"))
    assert {r.due_date for r in today} == {TODAY}
    assert all(r.due_date < TODAY for r in overdue)
    assert all(r.due_date > TODAY for r in upcoming)
    assert len(today) + len(overdue) + len(upcoming) == len(data.visit_ids)


def test_keyset_pages_follow_each_other_without_gaps(branch):
    conn, data = branch
    flt = QueueFilter(data.branch_id, TODAY, "upcoming")
    everything = fetch_page(conn, flt)
    pages, after = [], None
    while page := fetch_page(conn, flt, after=after, limit=4):
        pages.extend(page)
        after = page[-1].key
    assert [r.visit_id for r in pages] == [r.visit_id for r in everything]
    assert [r.key for r in pages] == sorted(r.key for r in pages)
    assert count(conn, flt).visits == len(pages) and not count(conn, flt).more


def test_reversed_filter_starts_from_the_end(branch):
    conn, data = branch
    flt = QueueFilter(data.branch_id, TODAY, "overdue")
    forward = fetch_page(conn, flt)
    assert [r.visit_id for r in fetch_page(conn, reversed_filter(flt))] == \
        [r.visit_id for r in reversed(forward)]


def test_mine_step_type_channel_and_search_filters(branch):
    conn, data = branch
    base = QueueFilter(data.branch_id, TODAY, "upcoming")
    mine = fetch_page(conn, replace(base, assignee_id=data.manager.id))
    assert mine and {r.assignee_id for r in mine} == {data.manager.id}
    assert {r.step for r in fetch_page(conn, replace(base, step="day_30"))} == {"day_30"}
    assert {r.claim_type for r in fetch_page(conn, replace(base, claim_type="health"))} == {"health"}
    assert {r.preferred_channel for r in fetch_page(conn, replace(base, channel="wechat"))} == {"wechat"}
    found = fetch_page(conn, replace(base, text="王芳"))
    assert {r.customer_name for r in found} == {"王芳"}
    assert fetch_page(conn, replace(base, text="nobody-here")) == []


def test_rare_filters_lead_the_query_and_agree_with_the_queue_walk(branch, monkeypatch):
    conn, data = branch
    for kw in ({"claim_type": "health"}, {"channel": "wechat"}, {"text": "王芳"}):
        flt = QueueFilter(data.branch_id, TODAY, "overdue", **kw)
        led = plan(conn, flt)
        assert led.driver != "queue"
        walked = fetch_page(conn, flt, qplan=QueuePlan("queue")) if "text" not in kw else None
        rows = fetch_page(conn, flt, qplan=led)
        assert rows and [r.key for r in rows] == sorted(r.key for r in rows)
        if walked is not None:
            assert [r.visit_id for r in rows] == [r.visit_id for r in walked]
            assert count(conn, flt, led) == count(conn, flt, QueuePlan("queue"))
    monkeypatch.setattr(visit_queue, "FEW", 0)
    assert plan(conn, QueueFilter(data.branch_id, TODAY, "overdue", claim_type="health")).driver == "queue"


def test_counts_stop_early_and_say_so(branch, monkeypatch):
    conn, data = branch
    monkeypatch.setattr(visit_queue, "COUNT_CAP", 3)
    monkeypatch.setattr(visit_queue, "COUNT_WINDOW", 4)
    assert count(conn, QueueFilter(data.branch_id, TODAY, "overdue")) == QueueCount(3, True)
    assert count(conn, QueueFilter(data.branch_id, TODAY, "overdue", channel="phone"),
                 QueuePlan("queue")).more


def test_rows_carry_masked_phone_and_claim(branch):
    conn, data = branch
    row = fetch_page(conn, QueueFilter(data.branch_id, TODAY, "today"))[0]
    assert "****" in row.masked_phone and len(row.masked_phone) == 11
    assert row.claim_no.startswith("CLM") and row.paid_fen > 0
    assert row.due_date == TODAY and row.due_date - timedelta(days=1) < TODAY


def test_one_statement_shape_serves_every_value_it_binds(branch):
    """The SQL is built once per shape; the values (assignee, text, keyset) are bound."""
    conn, data = branch
    base = QueueFilter(data.branch_id, TODAY, "upcoming")
    for manager in (data.manager, data.other_manager, data.manager):
        rows = fetch_page(conn, replace(base, assignee_id=manager.id))
        assert rows and {r.assignee_id for r in rows} == {manager.id}
        assert count(conn, replace(base, assignee_id=manager.id)).visits == len(rows)
    for name in ("王芳", "刘洋"):
        assert {r.customer_name for r in fetch_page(conn, replace(base, text=name))} == {name}
    first = fetch_page(conn, base, limit=2)
    second = fetch_page(conn, base, after=first[-1].key, limit=2)
    assert second and second[0].key > first[-1].key
