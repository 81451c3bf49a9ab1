"""Workload per manager, work falling due in 14 days, supervisor bulk reassignment."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select

from claimcare_desktop.domain.errors import DomainError
from claimcare_desktop.store import models as m
from claimcare_desktop.store.complaint_ops import Actor, NewComplaint, open_complaint
from claimcare_desktop.store.complaint_queries import load_complaint
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.workload import bulk_reassign, conflict_log, due_work, manager_workload
from tests.ui.seed import TODAY, seed_profile

NOW = datetime.combine(TODAY, datetime.min.time()).replace(hour=2, tzinfo=timezone.utc)


@pytest.fixture
def branch(tmp_path):
    profile = open_profile(tmp_path / "p")
    data = seed_profile(profile)
    actor = Actor(data.manager.id, "manager", data.branch_id)
    complaint_id = open_complaint(profile, actor, NewComplaint(data.customer_ids[0], "process", "流程太慢"),
                                  now=NOW.replace(tzinfo=None))
    yield profile, data, complaint_id
    profile.close()


def test_counts_per_manager_and_due_forecast(branch):
    profile, data, complaint_id = branch
    with profile.engine.connect() as conn:
        loads = {w.user_id: w for w in manager_workload(conn, data.branch_id, TODAY, NOW)}
        items = due_work(conn, data.branch_id, TODAY, NOW).items
    mine = loads[data.manager.id]
    # seed: 10 customers alternate between the two managers, 3 open visits each, due
    # today-i, today+7-i and today+30-i for customer i.
    assert (mine.open_visits, mine.open_complaints) == (15, 1)
    assert mine.overdue_visits == 5  # same-day visits of customers 2, 4, 6, 8; day-7 of 8
    assert loads[data.supervisor.id].open_visits == 0
    assert all(item.due < TODAY + timedelta(days=14) for item in items)
    complaint = next(i for i in items if i.kind == "complaint")
    assert complaint.id == complaint_id and complaint.due == TODAY + timedelta(days=2)
    upcoming = [i for i in items if i.due >= TODAY and i.owner_id == data.manager.id]
    assert mine.due_soon == len(upcoming)
    assert [i.due for i in items] == sorted(i.due for i in items)


def test_due_work_lists_the_earliest_few_and_counts_them_all(branch):
    profile, data, complaint_id = branch
    with profile.engine.connect() as conn:
        everything = due_work(conn, data.branch_id, TODAY, NOW)
        first = due_work(conn, data.branch_id, TODAY, NOW, limit=4)
        loads = manager_workload(conn, data.branch_id, TODAY, NOW)
    assert everything.total == len(everything.items) > 4
    assert first.items == everything.items[:4] and first.total == everything.total
    upcoming = [i for i in everything.items if i.due >= TODAY]
    assert sum(load.due_soon for load in loads) == len(upcoming)


def test_supervisor_moves_visits_and_complaints_in_one_go(branch):
    profile, data, complaint_id = branch
    supervisor = Actor(data.supervisor.id, "supervisor", data.branch_id)
    # visit_ids[3] is customer 1's, already the other manager's: left as it is
    with profile.engine.connect() as conn:
        visits = [i.id for i in due_work(conn, data.branch_id, TODAY, NOW).items
                  if i.kind == "visit" and i.owner_id == data.manager.id]
    moved = bulk_reassign(profile, supervisor, data.other_manager.id, visits + [data.visit_ids[3]],
                          [complaint_id], now=NOW.replace(tzinfo=None) + timedelta(minutes=5))
    assert (moved.visits_moved, moved.complaints_moved, moved.unchanged) == (len(visits), 1, 1)
    with profile.engine.connect() as conn:
        owners = set(conn.execute(select(m.Visit.assignee_id).where(m.Visit.id.in_(visits))).scalars())
        story = load_complaint(conn, complaint_id, NOW)
    assert owners == {data.other_manager.id}
    assert story.row.owner_id == data.other_manager.id
    assert story.events[-1].kind == "reassigned"


def test_manager_cannot_bulk_reassign_and_target_must_be_in_branch(branch):
    profile, data, complaint_id = branch
    manager = Actor(data.manager.id, "manager", data.branch_id)
    with pytest.raises(DomainError) as err:
        bulk_reassign(profile, manager, data.other_manager.id, data.visit_ids[:2], [complaint_id])
    assert err.value.code == "supervisor_only"
    supervisor = Actor(data.supervisor.id, "supervisor", data.branch_id)
    with pytest.raises(DomainError) as err:
        bulk_reassign(profile, supervisor, "stranger", data.visit_ids[:2], [])
    assert err.value.code == "owner_not_in_branch"
    with profile.engine.connect() as conn:
        assert conn.execute(select(m.OutboxEntry.seq).where(m.OutboxEntry.table_name == "visits")).all() == []


def test_conflict_log_newest_first_with_the_losing_user(branch):
    profile, data, _complaint_id = branch
    rows = [dict(id=f"c{i}", branch_id=data.branch_id, decided_at=NOW.replace(tzinfo=None) + timedelta(minutes=i),
                 table_name="customers", row_id=data.customer_ids[0], field="best_time",
                 kept_value="上午", lost_value=f"晚上{i}", lost_device_id="pc-2",
                 lost_user_id=data.other_manager.id) for i in range(2)]
    with profile.engine.begin() as conn:
        conn.execute(insert(m.ConflictEntry.__table__), rows)
        entries = conflict_log(conn, data.branch_id)
        assert conflict_log(conn, "another-branch") == []
    assert [e.lost_value for e in entries] == ["晚上1", "晚上0"]
    assert entries[0].lost_user_name == data.other_manager.display_name
    assert entries[0].kept_value == "上午"
