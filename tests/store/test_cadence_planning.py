"""Cadence visits planned for closed claims that arrived without them (claims imported at HQ):
worked a chunk of claims at a time with Core inserts and nothing held in the session, each
visit with the outbox entry the flush hook would write, visits already there never touched,
and everything inside the caller's transaction."""
from __future__ import annotations

import tracemalloc
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import event, select

from claimcare_desktop.domain.cadence import plan_visits
from claimcare_desktop.domain.ids import new_id, visit_id
from claimcare_desktop.store import cadence_planning, kpi_cache, outbox
from claimcare_desktop.store.bulk import BulkInserter
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.derived import plan_visits_for_closed_claims
from claimcare_desktop.store.models import Branch, Claim, Customer, OutboxEntry, User, Visit

CLOSED_FROM = datetime(2026, 9, 1, 2, 0)
VISIT_COLUMNS = [c.name for c in Visit.__table__.columns]


@pytest.fixture
def profile(tmp_path):
    p = open_profile(tmp_path / "profile")
    yield p
    p.close()


def _insert(profile, model, rows) -> None:
    """As a sync pull writes rows: Core, no outbox."""
    with profile.engine.begin() as conn:
        BulkInserter(model.__table__).insert(conn, rows)


def _imported_branch(profile, closed: int, open_claims: int = 0, deleted: int = 0) -> dict:
    """A branch whose claims came from HQ's claims import: closed, with no visits."""
    branch, manager = new_id(), new_id()
    _insert(profile, Branch, [{"id": branch, "code": "t01", "name": "测试支公司"}])
    _insert(profile, User, [{"id": manager, "branch_id": branch, "username": "t01.mgr1",
                             "display_name": "王伟", "role": "manager"}])
    customers, claims = [], []
    for n in range(closed + open_claims + deleted):
        customer = new_id()
        customers.append({"id": customer, "branch_id": branch, "name": f"客户{n}",
                          "manager_id": manager})
        claims.append({"id": new_id(), "branch_id": branch, "customer_id": customer,
                       "claim_no": f"C{n:06d}", "claim_type": "auto", "status": "paid",
                       "reported_at": CLOSED_FROM - timedelta(days=5),
                       "closed_at": None if closed <= n < closed + open_claims
                       else CLOSED_FROM + timedelta(hours=7 * n),
                       "deleted": n >= closed + open_claims})
    _insert(profile, Customer, customers)
    _insert(profile, Claim, claims)
    return {"branch": branch, "manager": manager, "claims": claims}


def _expected_visits(claims: list[dict], manager: str) -> set[tuple]:
    """(id, claim, customer, step, due date, assignee) the domain plans for the live closed claims."""
    return {(p.id, p.claim_id, p.customer_id, p.step, p.due_date, p.manager_id)
            for c in claims if c["closed_at"] is not None and not c["deleted"]
            for p in plan_visits(c["id"], c["customer_id"], c["closed_at"].replace(tzinfo=timezone.utc),
                                 manager)}


def _visits(profile) -> set[tuple]:
    with profile.session() as s:
        return {(v.id, v.claim_id, v.customer_id, v.step, v.due_date, v.assignee_id)
                for v in s.scalars(select(Visit))}


def _visit_rows(profile) -> dict[str, tuple]:
    with profile.engine.connect() as conn:
        return {row[0]: tuple(row) for row in conn.exec_driver_sql("SELECT id, * FROM visits")}


def _outbox_ids(profile) -> list[str]:
    with profile.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT row_id FROM outbox ORDER BY seq").scalars().all()


def _inserts_per_table(profile) -> dict[str, list[int]]:
    """Rows per executed INSERT into visits and outbox, recorded from now on."""
    sizes: dict[str, list[int]] = {"visits": [], "outbox": []}

    def record(_conn, _cursor, statement, parameters, _context, executemany):
        for table, found in sizes.items():
            if statement.startswith(f"INSERT INTO {table} "):
                found.append(len(parameters) if executemany else 1)

    event.listen(profile.engine, "before_cursor_execute", record)
    return sizes


def test_each_chunk_of_claims_is_one_insert_and_nothing_stays_in_the_session(profile, monkeypatch):
    monkeypatch.setattr(cadence_planning, "CHUNK_CLAIMS", 10)
    branch = _imported_branch(profile, closed=35, open_claims=2, deleted=1)
    inserts = _inserts_per_table(profile)
    with profile.session("u1") as s, s.begin():
        assert plan_visits_for_closed_claims(s, "u1") == 105
        assert not s.new and not [o for o in s.identity_map.values() if isinstance(o, Visit)]
    # 38 claims, 35 of them closed and live: three chunks of 10 and one of 5, three visits each
    assert inserts == {"visits": [30, 30, 30, 15], "outbox": [30, 30, 30, 15]}
    assert _visits(profile) == _expected_visits(branch["claims"], branch["manager"])
    with profile.session("u1") as s, s.begin():
        assert plan_visits_for_closed_claims(s, "u1") == 0
    assert inserts == {"visits": [30, 30, 30, 15], "outbox": [30, 30, 30, 15]}
    assert len(_outbox_ids(profile)) == 105


def _planning_peak_bytes(folder, claims: int) -> int:
    profile = open_profile(folder)
    try:
        _imported_branch(profile, closed=claims)
        with profile.session("u1") as s, s.begin():
            tracemalloc.start()
            try:
                assert plan_visits_for_closed_claims(s, "u1") == 3 * claims
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    finally:
        profile.close()


def test_memory_is_that_of_one_chunk_however_many_claims(tmp_path, monkeypatch):
    monkeypatch.setattr(cadence_planning, "CHUNK_CLAIMS", 100)
    _planning_peak_bytes(tmp_path / "warm", 100)  # statements compiled, calendars loaded
    small = _planning_peak_bytes(tmp_path / "small", 200)
    big = _planning_peak_bytes(tmp_path / "big", 2000)
    # the 6,000 visits held at once (as the one ORM flush did) took 10x the small run
    assert big < 1.5 * small, (small, big)


def test_outbox_entries_are_the_flush_hooks(profile):
    _imported_branch(profile, closed=4)
    with profile.session("u1") as s, s.begin():
        assert plan_visits_for_closed_claims(s, "u1") == 12
    with profile.session() as s:
        visits = s.scalars(select(Visit)).all()
        entries = {e.row_id: e for e in s.scalars(select(OutboxEntry))}
    assert len(entries) == len(visits) == 12
    for visit in visits:
        columns = {name: getattr(visit, name) for name in VISIT_COLUMNS}
        hooked = outbox._new_row_entry(Visit(**columns), visit.modified_at, "u1")
        entry = entries[visit.id]
        assert (entry.table_name, entry.op, entry.fields, entry.base) == (
            hooked.table_name, hooked.op, hooked.fields, hooked.base)
        assert entry.created_at == visit.modified_at and entry.user_id == "u1"


def test_visits_already_there_are_never_touched(profile):
    branch = _imported_branch(profile, closed=2)
    first, second = branch["claims"]
    other_pc = new_id()
    _insert(profile, User, [{"id": other_pc, "branch_id": branch["branch"], "username": "t01.mgr2",
                             "display_name": "李娜", "role": "manager"}])
    worked = datetime(2026, 9, 3, 6, 0)
    pulled = [  # as HQ sent them: one tombstoned, one worked on another PC, all of `second`
        {"id": visit_id(first["id"], "same_day"), "step": "same_day", "deleted": True, **_of(first)},
        {"id": visit_id(first["id"], "day_7"), "step": "day_7", "status": "done", "attempts": 2,
         "satisfaction": 4, "completed_at": worked, "assignee_id": other_pc, **_of(first)},
        *({"id": visit_id(second["id"], step), "step": step, "assignee_id": other_pc, **_of(second)}
          for step in ("same_day", "day_7", "day_30"))]
    _insert(profile, Visit, [{"due_date": date(2026, 9, 1), "modified_at": worked, **v} for v in pulled])
    before = _visit_rows(profile)
    with profile.session("u1") as s, s.begin():
        assert plan_visits_for_closed_claims(s, "u1") == 1
    after = _visit_rows(profile)
    planned = visit_id(first["id"], "day_30")
    assert after == {**before, planned: after[planned]} and len(before) == 5
    assert _outbox_ids(profile) == [planned]
    with profile.session("u1") as s, s.begin():
        assert plan_visits_for_closed_claims(s, "u1") == 0
    assert _visit_rows(profile) == after and _outbox_ids(profile) == [planned]


def _of(claim: dict) -> dict:
    return {"branch_id": claim["branch_id"], "customer_id": claim["customer_id"], "claim_id": claim["id"]}


class _Stop(Exception):
    pass


def test_the_visits_commit_with_the_callers_work_or_not_at_all(profile):
    _imported_branch(profile, closed=3)
    with profile.session() as s:
        customer_id = s.scalars(select(Customer.id).order_by(Customer.id)).first()
    with pytest.raises(_Stop), profile.session("u1") as s, s.begin():
        s.get(Customer, customer_id).care_notes = "pending when the planning starts"
        assert plan_visits_for_closed_claims(s, "u1") == 9
        raise _Stop
    assert _visit_rows(profile) == {} and _outbox_ids(profile) == []
    with profile.session("u1") as s, s.begin():
        s.get(Customer, customer_id).care_notes = "pending when the planning starts"
        assert plan_visits_for_closed_claims(s, "u1") == 9
    with profile.session() as s:
        tables = s.scalars(select(OutboxEntry.table_name).order_by(OutboxEntry.seq)).all()
        assert s.get(Customer, customer_id).care_notes == "pending when the planning starts"
    assert tables == ["customers"] + ["visits"] * 9  # the caller's edit was flushed first


def _mark_triggers(conn) -> list[tuple]:
    return sorted(tuple(row) for row in conn.exec_driver_sql(kpi_cache.MARK_TRIGGERS))


def test_a_big_planning_sets_the_kpi_marks_aside_and_always_brings_them_back(profile, monkeypatch):
    monkeypatch.setattr(cadence_planning, "CHUNK_CLAIMS", 5)
    monkeypatch.setattr(cadence_planning, "BULK_FROM_CLAIMS", 5)
    _imported_branch(profile, closed=12)
    with profile.engine.connect() as conn:
        triggers = _mark_triggers(conn)
    seen_in_chunks = []
    add_missing = cadence_planning._add_missing

    def second_chunk_fails(session, claims, inserter):
        seen_in_chunks.append(_mark_triggers(session.connection()))
        if len(seen_in_chunks) == 2:
            raise _Stop
        return add_missing(session, claims, inserter)

    monkeypatch.setattr(cadence_planning, "_add_missing", second_chunk_fails)
    session = profile.session("u1")
    session.begin()
    with pytest.raises(_Stop):
        plan_visits_for_closed_claims(session, "u1")
    assert seen_in_chunks == [[], []]  # set aside while the visits were written
    assert _mark_triggers(session.connection()) == triggers  # back before the caller goes on
    session.commit()  # a caller that commits what was done before the error
    session.close()
    with profile.engine.connect() as conn:
        assert _mark_triggers(conn) == triggers
    assert len(_visit_rows(profile)) == len(_outbox_ids(profile)) == 15
    monkeypatch.setattr(cadence_planning, "_add_missing", add_missing)
    with profile.session("u1") as s, s.begin():
        assert plan_visits_for_closed_claims(s, "u1") == 21
    with profile.engine.connect() as conn:
        assert _mark_triggers(conn) == triggers
