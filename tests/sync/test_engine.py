"""The desktop's sync engine against HQ over HTTP on PostgreSQL."""
from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import select

from claimcare_desktop.store.models import Claim, ConflictEntry, Customer, OutboxEntry
from claimcare_desktop.store.workload import conflict_log
from claimcare_desktop.sync.engine import last_sync_at, pending_changes
from claimcare_desktop.sync.errors import HqUnreachable, SyncCancelled
from tests.support.branches import seed_branch
from tests.support.devices import hq_data, new_profile, signed_in_engine, synced_data

pytestmark = pytest.mark.postgres


@pytest.fixture
def branch(live_hq):
    return seed_branch(live_hq.engine, customers=4)


def _device(live_hq, branch, profile_template, tmp_path, username, **options):
    profile = new_profile(profile_template, tmp_path / uuid.uuid4().hex[:8])
    return signed_in_engine(profile, live_hq, branch, f"{branch.code}.{username}", **options)


def _edit_customer(engine, customer_id: str, **values) -> None:
    user_id = engine.client and _user(engine)
    with engine.profile.session(user_id) as s, s.begin():
        customer = s.get(Customer, customer_id)
        for name, value in values.items():
            setattr(customer, name, value)


def _user(engine) -> str:
    from claimcare_desktop.sync import state

    with engine.profile.engine.connect() as conn:
        return state.read(conn, state.USER_ID)


def test_first_sync_brings_the_branch_and_the_second_brings_nothing(live_hq, branch,
                                                                      profile_template, tmp_path):
    device = _device(live_hq, branch, profile_template, tmp_path, "mgr1", )
    assert last_sync_at(device.profile) is None
    seeded = sum(len(rows) for rows in hq_data(live_hq.engine, branch.id).values())
    first = device.run_once()
    assert first.received == seeded + first.sent and first.rejected == 0  # + echo of planned rows
    assert synced_data(device.profile) == hq_data(live_hq.engine, branch.id)
    assert device.run_once().received == 0
    assert last_sync_at(device.profile) is not None
    with device.profile.engine.connect() as conn:
        pinyin = conn.execute(select(Customer.name_pinyin)).scalars().all()
    assert all(pinyin)  # derived search keys were refreshed after the pull


def test_offline_edits_wait_and_drain_when_hq_is_back(live_hq, branch, profile_template, tmp_path):
    device = _device(live_hq, branch, profile_template, tmp_path, "mgr1", retries=1,
                     backoff_base=0.01)
    device.run_once()
    _edit_customer(device, branch.customers[0], tags=["offline"])
    live_hq.stop()
    try:
        with pytest.raises(HqUnreachable):
            device.run_once()
        assert pending_changes(device.profile) == 1
    finally:
        live_hq.start()
    report = device.run_once()
    assert report.sent == 1 and pending_changes(device.profile) == 0
    assert hq_data(live_hq.engine, branch.id)["customers"][branch.customers[0]]["tags"] == ["offline"]


def test_pull_keeps_local_fields_that_are_not_pushed_yet(live_hq, branch, profile_template, tmp_path):
    sup = _device(live_hq, branch, profile_template, tmp_path, "sup")
    mgr = _device(live_hq, branch, profile_template, tmp_path, "mgr1")
    sup.run_once()
    mgr.run_once()
    customer = branch.customers[0]
    _edit_customer(sup, customer, care_notes="from supervisor", best_time="evening")
    sup.run_once()
    _edit_customer(mgr, customer, care_notes="from manager")
    received, _ = mgr._pull_all(_Never())  # pull only: the local edit is still pending
    assert received >= 1
    with mgr.profile.engine.connect() as conn:
        row = conn.execute(select(Customer.care_notes, Customer.best_time)
                           .where(Customer.id == customer)).one()
    assert tuple(row) == ("from manager", "evening")
    mgr.run_once()
    sup.run_once()
    assert synced_data(mgr.profile) == synced_data(sup.profile) == hq_data(live_hq.engine, branch.id)
    with mgr.profile.engine.connect() as conn:
        lost = conn.execute(select(ConflictEntry.lost_value, ConflictEntry.kept_value)).one()
    assert tuple(lost) == ("from manager", "from supervisor")


class _Never:
    def report(self, done, total, message):
        pass

    def cancelled(self):
        return False


class _CancelAtOnce(_Never):
    def cancelled(self):
        return True


def test_cancel_keeps_everything_consistent(live_hq, branch, profile_template, tmp_path):
    device = _device(live_hq, branch, profile_template, tmp_path, "mgr1")
    device.run_once()
    _edit_customer(device, branch.customers[0], tags=["x"])
    with pytest.raises(SyncCancelled):
        device.run_once(_CancelAtOnce())
    with device.profile.engine.connect() as conn:
        assert conn.execute(select(OutboxEntry.seq)).scalars().all()
    assert device.run_once().sent == 1


def test_pushes_go_in_bounded_batches(live_hq, branch, profile_template, tmp_path):
    device = _device(live_hq, branch, profile_template, tmp_path, "sup")
    device.push_batch = 3
    device.run_once()
    for n in range(7):
        _edit_customer(device, branch.customers[n % 4], care_notes=f"note {n}")
    seen = []
    original = device.client.push
    device.client.push = lambda mutations: seen.append(len(mutations)) or original(mutations)
    assert device.run_once().sent == 7
    assert seen == [3, 3, 1]


def test_a_big_round_stops_collecting_ids_and_refreshes_everything(live_hq, branch,
                                                                   profile_template, tmp_path,
                                                                   monkeypatch):
    import claimcare_desktop.sync.engine as engine_module

    monkeypatch.setattr(engine_module, "REFRESH_ALL_FROM", 5)
    device = _device(live_hq, branch, profile_template, tmp_path, "sup")
    _received, changed = device._pull_all(_Never())
    assert changed.everything and not dict(changed) and changed
    with device.profile.engine.connect() as conn:
        assert engine_module._affected_customers(conn, changed) is None


def test_a_create_hq_refuses_shows_in_the_conflict_log_the_dashboard_lists(
        live_hq, branch, profile_template, tmp_path):
    device = _device(live_hq, branch, profile_template, tmp_path, "mgr1")
    device.run_once()
    claim_id = str(uuid.uuid4())
    with device.profile.session(_user(device)) as s, s.begin():  # claims are HQ's: refused
        s.add(Claim(id=claim_id, branch_id=branch.id, customer_id=branch.customers[0],
                    claim_no="PC-1", claim_type="auto", status="open",
                    reported_at=datetime(2026, 3, 2, 9, 0)))
    report = device.run_once()
    assert report.rejected == 1 and pending_changes(device.profile) == 0
    with device.profile.engine.connect() as conn:
        shown = conflict_log(conn, branch.id)
    (refused,) = [c for c in shown if c.row_id == claim_id]
    assert (refused.table_name, refused.field) == ("claims", "refused create: read_only_table")
    assert refused.kept_value is None and refused.lost_value["claim_no"] == "PC-1"
    assert refused.lost_user_name  # who made it, by name
