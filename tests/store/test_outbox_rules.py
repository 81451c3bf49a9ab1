"""Changes made through a session carry their outbox entry in the same transaction."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from claimcare_desktop.domain.ids import new_id
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.models import Customer, OutboxEntry, VisitAttempt, Visit
from claimcare_desktop.store.outbox import HistoryIsAppendOnly, SyncedRowsAreTombstoned

from .helpers import add_branch_and_manager, new_customer


@pytest.fixture
def profile(tmp_path):
    p = open_profile(tmp_path)
    yield p
    p.close()


@pytest.fixture
def staff(profile):
    with profile.session("setup") as s, s.begin():
        return add_branch_and_manager(s)


def _entries(profile, row_id: str) -> list[OutboxEntry]:
    with profile.session() as s:
        return list(s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == row_id)
                              .order_by(OutboxEntry.seq)))


def test_a_created_row_has_one_upsert_with_all_synced_fields(profile, staff):
    customer = new_customer(*staff)
    with profile.session("u1") as s, s.begin():
        s.add(customer)
    [entry] = _entries(profile, customer.id)
    assert (entry.table_name, entry.op, entry.user_id, entry.base) == ("customers", "upsert", "u1", {})
    assert entry.fields["name"] == "张三" and entry.fields["tags"] == ["车主"]
    assert entry.fields["do_not_disturb"] is False  # Python defaults are in the entry too
    assert not set(entry.fields) & (Customer.LOCAL_FIELDS | {"id"})


def test_an_update_records_changed_fields_with_their_base(profile, staff):
    customer = new_customer(*staff)
    with profile.session("u1") as s, s.begin():
        s.add(customer)
    with profile.session("u2") as s, s.begin():
        row = s.get(Customer, customer.id)
        row.best_time = "晚上"
        row.tags = ["车主", "家庭客户"]
        row.risk_score = 80  # a local field: never synced
    entries = _entries(profile, customer.id)
    assert len(entries) == 2
    assert entries[1].fields == {"best_time": "晚上", "tags": ["车主", "家庭客户"]}
    assert entries[1].base == {"best_time": None, "tags": ["车主"]}


def test_a_change_of_local_fields_only_writes_no_entry(profile, staff):
    customer = new_customer(*staff)
    with profile.session() as s, s.begin():
        s.add(customer)
    with profile.session() as s, s.begin():
        s.get(Customer, customer.id).name_pinyin = "zhangsan"
    assert len(_entries(profile, customer.id)) == 1


def test_a_rolled_back_change_leaves_neither_row_nor_entry(profile, staff):
    customer = new_customer(*staff)
    with pytest.raises(RuntimeError), profile.session() as s, s.begin():
        s.add(customer)
        s.flush()
        raise RuntimeError("the user cancelled")
    with profile.session() as s:
        assert s.get(Customer, customer.id) is None
    assert _entries(profile, customer.id) == []


def _attempt(profile, staff) -> VisitAttempt:
    branch_id, manager_id = staff
    customer = new_customer(branch_id, manager_id)
    visit = Visit(id=new_id(), branch_id=branch_id, customer_id=customer.id, step="care",
                  due_date=datetime(2026, 1, 5).date(), assignee_id=manager_id)
    attempt = VisitAttempt(id=new_id(), branch_id=branch_id, visit_id=visit.id,
                           user_id=manager_id, attempted_at=datetime(2026, 1, 5, 2),
                           channel="phone", result="no_answer")
    with profile.session() as s, s.begin():
        s.add_all([customer, visit, attempt])
    return attempt


def test_history_rows_cannot_be_edited(profile, staff):
    attempt = _attempt(profile, staff)
    with pytest.raises(HistoryIsAppendOnly), profile.session() as s, s.begin():
        s.get(VisitAttempt, attempt.id).result = "reached"
    with profile.session() as s:
        assert s.get(VisitAttempt, attempt.id).result == "no_answer"


def test_synced_rows_are_tombstoned_not_deleted(profile, staff):
    customer = new_customer(*staff)
    with profile.session() as s, s.begin():
        s.add(customer)
    with pytest.raises(SyncedRowsAreTombstoned), profile.session() as s, s.begin():
        s.delete(s.get(Customer, customer.id))
    with profile.session() as s, s.begin():
        s.get(Customer, customer.id).deleted = True
    entries = _entries(profile, customer.id)
    assert entries[-1].fields == {"deleted": True} and entries[-1].base == {"deleted": False}
