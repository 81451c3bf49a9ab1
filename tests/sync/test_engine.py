"""The desktop's sync engine against HQ over HTTP on PostgreSQL."""
from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from sqlalchemy import select

import claimcare_desktop.sync.engine as engine_module

from claimcare_desktop.store.models import (
    CareItem,
    Claim,
    ConflictEntry,
    Customer,
    OutboxEntry,
    Visit,
)
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
    monkeypatch.setattr(engine_module, "REFRESH_ALL_FROM", 5)
    device = _device(live_hq, branch, profile_template, tmp_path, "sup")
    _received, changed = device._pull_all(_Never())
    assert changed.everything and not dict(changed) and changed
    with device.profile.engine.connect() as conn:
        assert engine_module._affected_customers(conn, changed) is None


def _add_refused_claim(device, branch, claim_no: str) -> str:
    claim_id = str(uuid.uuid4())
    with device.profile.session(_user(device)) as s, s.begin():  # claims are HQ's: refused
        s.add(Claim(id=claim_id, branch_id=branch.id, customer_id=branch.customers[0],
                    claim_no=claim_no, claim_type="auto", status="open",
                    reported_at=datetime(2026, 3, 2, 9, 0)))
    return claim_id


def _live(data: dict[str, dict], table: str) -> dict[str, dict]:
    return {row_id: row for row_id, row in data[table].items() if not row["deleted"]}


def test_a_create_hq_refuses_leaves_the_pc_in_the_same_round_and_is_in_the_conflict_log(
        live_hq, branch, profile_template, tmp_path):
    device = _device(live_hq, branch, profile_template, tmp_path, "mgr1")
    device.run_once()
    claim_id = _add_refused_claim(device, branch, "PC-1")
    report = device.run_once()
    assert report.rejected == 1 and pending_changes(device.profile) == 0
    mine, hq = synced_data(device.profile), hq_data(live_hq.engine, branch.id)
    assert mine["claims"][claim_id]["deleted"] and claim_id not in hq["claims"]
    assert _live(mine, "claims") == hq["claims"]  # the PC shows what HQ holds
    assert {t: rows for t, rows in mine.items() if t != "claims"} == \
        {t: rows for t, rows in hq.items() if t != "claims"}
    with device.profile.engine.connect() as conn:  # what the dashboard's tab lists
        (refused,) = [c for c in conflict_log(conn, branch.id) if c.row_id == claim_id]
    assert (refused.table_name, refused.field) == ("claims", "refused create: read_only_table")
    assert refused.kept_value is None and refused.lost_value["claim_no"] == "PC-1"
    assert refused.lost_user_name  # who made it, by name
    again = device.run_once()  # nothing left to send, nothing comes back
    assert (again.sent, again.received, again.rejected) == (0, 0, 0)


def _refuse_a_claim_and_lose_the_answer(device, branch) -> str:
    device.run_once()
    claim_id = _add_refused_claim(device, branch, "PC-LOST")
    deliver = device.client.push

    def answer_lost(mutations):
        deliver(mutations)
        raise HqUnreachable("the answer was lost after HQ committed")

    device.client.push = answer_lost
    with pytest.raises(HqUnreachable):
        device.run_once()
    device.client.push = deliver
    _edit_customer(device, branch.customers[0], care_notes="after the lost answer")
    return claim_id


@pytest.mark.parametrize("conflict_log_followed", [True, False],
                         ids=["conflict log followed", "round too big to follow it"])
def test_a_refused_create_whose_answer_was_lost_is_refused_again_and_leaves_the_pc(
        live_hq, branch, profile_template, tmp_path, monkeypatch, conflict_log_followed):
    """HQ skips the create it applied before when a repeated push also carries newer changes,
    and repeats its refusal from its last answer: the PC needs no conflict-log row, which it
    does not follow in rounds of more than REFRESH_ALL_FROM pulled rows."""
    device = _device(live_hq, branch, profile_template, tmp_path, "mgr1")
    claim_id = _refuse_a_claim_and_lose_the_answer(device, branch)
    if not conflict_log_followed:  # the round's pull is "too big": its ids are not kept
        monkeypatch.setattr(engine_module, "REFRESH_ALL_FROM", 1)
    report = device.run_once()
    assert (report.sent, report.rejected) == (2, 1)  # the claim's refusal, repeated
    mine, hq = synced_data(device.profile), hq_data(live_hq.engine, branch.id)
    assert mine["claims"][claim_id]["deleted"] and _live(mine, "claims") == hq["claims"]
    assert pending_changes(device.profile) == 0


def test_rows_made_on_a_refused_row_are_refused_and_leave_the_pc_too(
        live_hq, branch, profile_template, tmp_path):
    device = _device(live_hq, branch, profile_template, tmp_path, "mgr1")
    device.run_once()
    device.push_batch = 1  # the claim's refusal is decided before the visit arrives
    claim_id = _add_refused_claim(device, branch, "PC-3")
    visit_id = str(uuid.uuid4())
    with device.profile.session(_user(device)) as s, s.begin():
        s.add(Visit(id=visit_id, branch_id=branch.id, customer_id=branch.customers[0],
                    claim_id=claim_id, step="same_day", due_date=date(2026, 3, 2)))
    assert device.run_once().rejected == 2
    mine, hq = synced_data(device.profile), hq_data(live_hq.engine, branch.id)
    assert mine["visits"][visit_id]["deleted"] and visit_id not in hq["visits"]
    assert _live(mine, "visits") == hq["visits"] and _live(mine, "claims") == hq["claims"]
    with device.profile.engine.connect() as conn:
        fields = {c.row_id: c.field for c in conflict_log(conn, branch.id)}
    assert fields[visit_id] == "refused create: reference_outside_branch"


def test_a_refused_create_of_a_row_hq_holds_comes_back_from_hq(
        live_hq, branch, profile_template, tmp_path):
    """The same row made on two PCs (deterministic ids): HQ refuses the second manager's
    create of the first one's row and re-sends its own, which stays on the PC."""
    mgr1 = _device(live_hq, branch, profile_template, tmp_path, "mgr1")
    mgr2 = _device(live_hq, branch, profile_template, tmp_path, "mgr2")
    mgr1.run_once()
    mgr2.run_once()
    item_id = str(uuid.uuid4())
    for device, title in ((mgr1, "from mgr1"), (mgr2, "from mgr2")):
        with device.profile.session(_user(device)) as s, s.begin():
            s.add(CareItem(id=item_id, branch_id=branch.id, customer_id=branch.customers[0],
                           kind="festival", due_date=date(2026, 4, 4),
                           assignee_id=_user(mgr1), title=title))
    mgr1.run_once()
    assert mgr2.run_once().rejected == 1
    mine = synced_data(mgr2.profile)
    assert mine["care_items"][item_id]["title"] == "from mgr1"
    assert not mine["care_items"][item_id]["deleted"]
    assert mine == hq_data(live_hq.engine, branch.id)
