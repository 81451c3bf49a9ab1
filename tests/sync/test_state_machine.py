"""The sync protocol as a hypothesis state machine: three PCs in two branches and HQ over
real HTTP on PostgreSQL, with offline edits of every synced kind, lost answers after HQ
committed, duplicate and concurrent deliveries, replays of old pushes and HQ restarts.

After every step: no PC holds another branch's row, and HQ applied each mutation at most
once. At the end, after two sync rounds: nothing acknowledged is lost, nothing duplicated,
every PC equals HQ for its branch. Some new rows are ones HQ refuses (claims are HQ's): they
must end in the branch's conflict log and as a tombstone on the PC that made them only. Examples: 200 with HYPOTHESIS_PROFILE=ci (what
`dev.py test` sets), 2,000 with HYPOTHESIS_PROFILE=deep, 30 otherwise.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select, text

from claimcare_desktop.store.models import (
    SYNCED_MODELS,
    AuditEntry,
    CareItem,
    Claim,
    Communication,
    Complaint,
    ComplaintEvent,
    Customer,
    Visit,
    VisitAttempt,
)
from claimcare_desktop.sync.client import HqClient
from claimcare_desktop.sync.engine import SyncEngine, outbox_mutation, pending_changes
from claimcare_desktop.sync.errors import HqUnreachable
from claimcare_hq.db import make_engine
from claimcare_hq.schema import SYNCED_TABLES, DeviceProgress
from tests.support.branches import BranchSeed, seed_branch
from tests.support.devices import hq_data, new_profile, signed_in_engine, synced_data
from tests.support.hq_server import LiveHq
from tests.support.network import LosingAdapter, run_together, use_network

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
EXAMPLES = {"ci": 200, "deep": 2000}.get(PROFILE, 30)
NOW = datetime(2026, 3, 3, 4, 0)
FAST_RETRIES = {"retries": 1, "backoff_base": 0.001, "sleep": lambda _s: None}


@dataclass
class World:
    engine: Any
    hq: LiveHq
    template: Path
    folder: Path


@dataclass
class Device:
    name: str
    branch: BranchSeed
    username: str
    engine: SyncEngine

    @property
    def user_id(self) -> str:
        return self.branch.users[self.username]

    @property
    def supervisor(self) -> bool:
        return self.username.endswith(".sup")

    @property
    def profile(self):
        return self.engine.profile


@dataclass(frozen=True)
class Edit:
    device: str
    table: str
    row_id: str
    field: str
    value: Any


class SyncMachine(RuleBasedStateMachine):
    world: World

    def __init__(self):
        super().__init__()
        w = self.world
        self.folder = Path(tempfile.mkdtemp(dir=w.folder))
        a, b = seed_branch(w.engine, customers=3), seed_branch(w.engine, customers=3)
        self.devices = [self._device("a1", a, f"{a.code}.mgr1"),
                        self._device("a2", a, f"{a.code}.sup"),
                        self._device("b1", b, f"{b.code}.mgr1")]
        self.edits: list[Edit] = []
        self.created: set[tuple[str, str]] = set()
        self.refused: set[tuple[str, str]] = set()  # new rows HQ must refuse
        self.tombstoned: set[tuple[str, str]] = set()
        self.sent: dict[str, list[list[dict]]] = {d.name: [] for d in self.devices}
        self.counter = 0

    def _device(self, name: str, branch: BranchSeed, username: str) -> Device:
        profile = new_profile(self.world.template, self.folder / name)
        engine = signed_in_engine(profile, self.world.hq, branch, username, **FAST_RETRIES)
        device = Device(name, branch, username, engine)
        original = engine.client.push

        def recording_push(mutations):
            answer = original(mutations)
            self.sent[name].append(mutations)
            return answer

        engine.client.push = recording_push
        return device

    def _unique(self) -> str:
        self.counter += 1
        return f"v{self.counter}-{uuid.uuid4().hex[:6]}"

    # ---- offline edits, through the ORM like the app's operations ----

    def _session(self, device: Device):
        return device.profile.session(device.user_id)

    def _mine(self, device: Device, session, model, owner_field: str | None, pick: int):
        query = select(model).where(model.deleted.is_(False)).order_by(model.id)
        if owner_field and not device.supervisor:
            query = query.where(getattr(model, owner_field) == device.user_id)
        rows = session.scalars(query).all()
        return rows[pick % len(rows)] if rows else None

    def _set(self, device: Device, model, owner_field: str | None, field: str, pick: int,
             value_of=lambda v: v) -> None:
        with self._session(device) as s, s.begin():
            row = self._mine(device, s, model, owner_field, pick)
            if row is None:
                return
            value = value_of(self._unique())
            setattr(row, field, value)
            self.edits.append(Edit(device.name, model.__tablename__, row.id, field, value))

    def _add(self, device: Device, parent_model, make, into: set | None = None) -> None:
        with self._session(device) as s, s.begin():
            parent = self._mine(device, s, parent_model, None, self.counter)
            if parent is None:
                return
            row = make(parent)
            row.id = str(uuid.uuid4())
            row.branch_id = device.branch.id
            s.add(row)
            (self.created if into is None else into).add((row.__tablename__, row.id))

    @rule(d=st.integers(0, 2), kind=st.sampled_from([
        "customer_notes", "customer_tags", "visit_feedback", "complaint_resolution",
        "attempt", "complaint_event", "complaint_new", "care_item_new", "care_item_delete",
        "communication", "audit", "reassign", "claim_new"]), pick=st.integers(0, 50))
    def edit_offline(self, d: int, kind: str, pick: int) -> None:
        device = self.devices[d]
        user = device.user_id
        if kind == "customer_notes":
            self._set(device, Customer, "manager_id", "care_notes", pick)
        elif kind == "customer_tags":
            self._set(device, Customer, "manager_id", "tags", pick, lambda v: [v])
        elif kind == "visit_feedback":
            self._set(device, Visit, "assignee_id", "feedback", pick)
        elif kind == "complaint_resolution":
            self._set(device, Complaint, "owner_id", "resolution", pick)
        elif kind == "attempt":
            self._add(device, Visit, lambda v: VisitAttempt(
                visit_id=v.id, user_id=user, attempted_at=NOW, channel="phone",
                result="no_answer"))
        elif kind == "complaint_event":
            self._add(device, Complaint, lambda c: ComplaintEvent(
                complaint_id=c.id, user_id=user, at=NOW, kind="note", note=self._unique()))
        elif kind == "complaint_new":
            self._add(device, Customer, lambda c: Complaint(
                customer_id=c.id, owner_id=user, category="other", summary=self._unique(),
                opened_at=NOW))
        elif kind == "care_item_new":
            self._add(device, Customer, lambda c: CareItem(
                customer_id=c.id, kind="festival", due_date=date(2026, 4, 4),
                assignee_id=user, title=self._unique()))
        elif kind == "care_item_delete":
            self._tombstone(device, pick)
        elif kind == "communication":
            self._add(device, Customer, lambda c: Communication(
                customer_id=c.id, user_id=user, at=NOW, channel="sms", summary=self._unique()))
        elif kind == "audit":
            self._add(device, Customer, lambda c: AuditEntry(
                user_id=user, at=NOW, action="reveal_phone", target_table="customers",
                target_id=c.id))
        elif kind == "claim_new":  # only HQ's claims system makes claims: refused
            self._add(device, Customer, lambda c: Claim(
                customer_id=c.id, claim_no=self._unique(), claim_type="auto", status="open",
                reported_at=NOW), into=self.refused)
        elif device.supervisor:
            self._reassign(device, pick)

    def _tombstone(self, device: Device, pick: int) -> None:
        with self._session(device) as s, s.begin():
            row = self._mine(device, s, CareItem, "assignee_id", pick)
            if row is not None:
                row.deleted = True
                self.tombstoned.add(("care_items", row.id))

    def _reassign(self, device: Device, pick: int) -> None:
        """Supervisor moves complaints between mgr2 and themself (never mgr1's, whose PC
        edits its own complaints without being refused)."""
        mgr1, mgr2 = device.branch.managers
        with self._session(device) as s, s.begin():
            rows = s.scalars(select(Complaint).where(Complaint.owner_id != mgr1)
                             .order_by(Complaint.id)).all()
            if rows:
                row = rows[pick % len(rows)]
                row.owner_id = device.user_id if row.owner_id == mgr2 else mgr2

    # ---- sync under good and bad networks ----

    def _run(self, device: Device) -> None:
        try:
            device.engine.run_once()
        except HqUnreachable:
            pass

    @rule(d=st.integers(0, 2))
    def sync(self, d: int) -> None:
        self._run(self.devices[d])

    def _run_over(self, device: Device, network: LosingAdapter) -> None:
        use_network(device.engine.client, network)
        try:
            self._run(device)
        finally:
            use_network(device.engine.client)

    @rule(d=st.integers(0, 2), lose=st.integers(1, 3))
    def sync_losing_answers(self, d: int, lose: int) -> None:
        self._run_over(self.devices[d], LosingAdapter(lose=lose))

    @rule(d=st.integers(0, 2))
    def sync_with_duplicate_deliveries(self, d: int) -> None:
        self._run_over(self.devices[d], LosingAdapter(duplicate=True))

    @rule(d=st.integers(0, 2))
    def concurrent_deliveries(self, d: int) -> None:
        device = self.devices[d]
        batch = [outbox_mutation(e) for e in device.engine._outbox_batch()]
        if not batch:
            return
        token = device.engine.client.token
        answers = run_together(*(lambda: HqClient(self.world.hq.url, token).push(batch)
                                 for _ in range(2)))
        assert len(answers) == 2 and answers[0] == answers[1]
        assert answers[0]["acked_through"] == batch[-1]["seq"]
        self.sent[device.name].append(batch)

    @rule(d=st.integers(0, 2), which=st.integers(0, 100))
    def replay_an_old_push(self, d: int, which: int) -> None:
        device = self.devices[d]
        if not self.sent[device.name]:
            return
        batch = self.sent[device.name][which % len(self.sent[device.name])]
        before = hq_data(self.world.engine, device.branch.id)
        answer = HqClient(self.world.hq.url, device.engine.client.token).push(batch)
        assert answer["acked_through"] >= batch[-1]["seq"]
        assert hq_data(self.world.engine, device.branch.id) == before

    @rule()
    def restart_hq(self) -> None:
        self.world.hq.restart()

    # ---- after every step ----

    @invariant()
    def no_device_holds_another_branchs_rows(self) -> None:
        for device in self.devices:
            with device.profile.engine.connect() as conn:
                for model in SYNCED_MODELS:
                    column = "id" if model.__tablename__ == "branches" else "branch_id"
                    foreign = conn.execute(text(
                        f'SELECT count(*) FROM "{model.__tablename__}" WHERE {column} != :b'),
                        {"b": device.branch.id}).scalar_one()
                    assert foreign == 0, (device.name, model.__tablename__)

    @invariant()
    def hq_applied_each_mutation_at_most_once(self) -> None:
        """HQ never got ahead of a PC's own numbering, and no mutation's loss was logged
        twice (every edited value is unique, so a repeat means a repeated application)."""
        progress = DeviceProgress.__table__
        conflicts = SYNCED_TABLES["conflict_log"]
        by_device = {d.engine.device_id: d for d in self.devices}
        branches = list({d.branch.id for d in self.devices})
        with self.world.engine.connect() as conn:
            applied = conn.execute(select(progress.c.device_id, progress.c.last_seq).where(
                progress.c.device_id.in_(list(by_device)))).all()
            losses = conn.execute(select(
                conflicts.c.lost_device_id, conflicts.c.table_name, conflicts.c.row_id,
                conflicts.c.field, conflicts.c.lost_value).where(
                conflicts.c.branch_id.in_(branches))).all()
        for device_id, last_seq in applied:
            assert last_seq <= _highest_mutation_number(by_device[device_id])
        keys = [(*loss[:4], json.dumps(loss[4], sort_keys=True)) for loss in losses]
        assert len(keys) == len(set(keys))

    # ---- the end: two rounds, then everything must agree ----

    def teardown(self) -> None:
        try:
            self._converge_and_check()
        finally:
            for device in self.devices:
                device.engine.client.close()
                device.profile.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _converge_and_check(self) -> None:
        for _round in range(2):
            for device in self.devices:
                use_network(device.engine.client)
                device.engine.run_once()
        data = {b: hq_data(self.world.engine, b) for b in {d.branch.id for d in self.devices}}
        for device in self.devices:
            assert pending_changes(device.profile) == 0, device.name
            local = synced_data(device.profile)
            for table, row_id in self.refused:
                assert row_id not in data[device.branch.id][table]
                row = local[table].pop(row_id, None)  # the tombstone on the PC that made it
                assert row is None or row["deleted"], (device.name, table, row_id)
            assert local == data[device.branch.id]
        self._nothing_lost(data)

    def _nothing_lost(self, data: dict[str, dict]) -> None:
        by_branch = {d.name: d.branch.id for d in self.devices}
        conflict_values = {(c["table_name"], c["row_id"], c["field"],
                            json.dumps(c["lost_value"], sort_keys=True))
                           for rows in data.values() for c in rows["conflict_log"].values()}
        for table, row_id in self.created:
            assert any(row_id in rows[table] for rows in data.values()), (table, row_id)
        refusals = {(c["table_name"], c["row_id"]) for rows in data.values()
                    for c in rows["conflict_log"].values()
                    if c["field"].startswith("refused create: ")}
        assert self.refused <= refusals
        for table, row_id in self.tombstoned:
            assert any(rows[table].get(row_id, {}).get("deleted") for rows in data.values())
        for index, e in enumerate(self.edits):
            held = data[by_branch[e.device]][e.table][e.row_id][e.field]
            superseded = any((later.table, later.row_id, later.field) == (e.table, e.row_id, e.field)
                             for later in self.edits[index + 1:])
            logged = (e.table, e.row_id, e.field, json.dumps(e.value, sort_keys=True)) in conflict_values
            assert held == e.value or superseded or logged, e


def _highest_mutation_number(device: Device) -> int:
    """The device's outbox high-water mark (AUTOINCREMENT never reuses a number)."""
    with device.profile.engine.connect() as conn:
        return conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")).scalar() or 0


@pytest.fixture(scope="module")
def world(pg_cluster, hq_template_db, profile_template, tmp_path_factory):
    name = pg_cluster.create_database(template=hq_template_db)
    engine = make_engine(pg_cluster.url(name))
    hq = LiveHq(engine).start()
    # Profiles on tmpfs where there is one: synchronous=FULL makes every local commit an
    # fsync, which would dominate the run time without testing anything more.
    folder = Path(tempfile.mkdtemp(dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    yield World(engine, hq, profile_template, folder)
    shutil.rmtree(folder, ignore_errors=True)
    hq.stop()
    engine.dispose()
    pg_cluster.drop_database(name)


@pytest.mark.timeout(4800 if PROFILE == "deep" else 600)
def test_sync_state_machine(world):
    SyncMachine.world = world
    run_state_machine_as_test(SyncMachine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=6, deadline=None,
        suppress_health_check=list(HealthCheck)))
