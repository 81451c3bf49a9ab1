"""Derived refreshes in bounded memory: worked a chunk of customers (of claims, for the
cadence visits) at a time they give exactly what one pass over the whole branch gives, and
planned care items reach the outbox as the ORM's flush hook would have written them."""
from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

from claimcare_desktop.demo.generator import DemoSpec, load_into_profile
from claimcare_desktop.store import cadence_planning, care_planning, derived, id_filter, outbox
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.models import CareItem, OutboxEntry, User, Visit

TODAY = date(2026, 11, 26)
SPEC = DemoSpec(seed=5, branches=1, customers_per_branch=240, today=TODAY)
DERIVED = ("name_pinyin", "name_initials", "phone_suffix", "risk_score", "risk_level", "risk_reasons")


@pytest.fixture(scope="module")
def stale_branch(tmp_path_factory):
    """A generated branch as a first sync leaves it: no derived fields, the care items of
    the coming weeks and the cadence visits of open work not planned yet."""
    folder = tmp_path_factory.mktemp("stale_branch")
    profile = open_profile(folder)
    load_into_profile(profile, SPEC)
    path = profile.database_path
    profile.close()
    db = sqlite3.connect(path)
    db.execute(f"UPDATE customers SET {', '.join(f'{c} = NULL' for c in DERIVED)}")
    db.execute("DELETE FROM care_items WHERE status = 'planned' AND due_date >= ?", (TODAY.isoformat(),))
    db.execute("DELETE FROM visits WHERE status = 'open' AND attempts = 0 AND id NOT IN "
               "(SELECT visit_id FROM visit_attempts)")
    db.commit()
    db.close()
    return path


def _refresh(path, tmp_path, customer_ids=None):
    """Copy the stale branch and run the refreshes the sync engine runs after a big pull."""
    tmp_path.mkdir(exist_ok=True)
    shutil.copy(path, tmp_path / path.name)
    profile = open_profile(tmp_path)
    with profile.engine.begin() as conn:
        derived.refresh_search_keys(conn, customer_ids)
        derived.refresh_risk(conn, TODAY, customer_ids)
    with profile.session() as session:
        user_id = session.scalar(select(User.id).order_by(User.id).limit(1))
    with profile.session(user_id) as session, session.begin():
        visits = derived.plan_visits_for_closed_claims(session, user_id)
        items = derived.plan_care_items(session, TODAY, customer_ids=customer_ids)
        kept = [o for o in session.identity_map.values() if isinstance(o, CareItem)]
    return profile, visits, items, kept


def _snapshot(profile) -> dict:
    db = sqlite3.connect(profile.database_path)
    try:
        return {
            "customers": db.execute(f"SELECT id, {', '.join(DERIVED)} FROM customers ORDER BY id").fetchall(),
            "care_items": db.execute(f"SELECT {_columns(CareItem)} FROM care_items ORDER BY id").fetchall(),
            "visits": db.execute(f"SELECT {_columns(Visit)} FROM visits ORDER BY id").fetchall(),
            "outbox": sorted(db.execute("SELECT table_name, row_id, op, fields, base, user_id FROM outbox")),
        }
    finally:
        db.close()


def _columns(model) -> str:
    """Every column but modified_at, which is only the clock of the run."""
    return ", ".join(c.name for c in model.__table__.columns if c.name != "modified_at")


def _without_times(snapshot: dict) -> dict:
    entries = [(t, r, op, _no_modified(f), b, u) for t, r, op, f, b, u in snapshot["outbox"]]
    return {**snapshot, "outbox": sorted(entries)}


def _no_modified(fields: str) -> str:
    return json.dumps({k: v for k, v in json.loads(fields).items() if k != "modified_at"}, sort_keys=True)


@pytest.fixture
def whole_branch(stale_branch, tmp_path, monkeypatch):
    """The reference: every customer in one chunk (one pass, as before chunking)."""
    monkeypatch.setattr(care_planning, "CHUNK_CUSTOMERS", 100_000)
    monkeypatch.setattr(cadence_planning, "CHUNK_CLAIMS", 100_000)
    monkeypatch.setattr(id_filter, "BATCH_CUSTOMERS", 100_000)
    profile, visits, items, _kept = _refresh(stale_branch, tmp_path / "whole")
    yield visits, items, _without_times(_snapshot(profile))
    profile.close()


@pytest.mark.parametrize("given_ids", [False, True], ids=["all", "given-ids"])
def test_small_chunks_give_what_one_pass_gives(stale_branch, whole_branch, tmp_path, monkeypatch, given_ids):
    visits, items, expected = whole_branch
    assert items > 50 and visits > 20  # the branch really had planning to do
    monkeypatch.setattr(care_planning, "CHUNK_CUSTOMERS", 17)
    monkeypatch.setattr(cadence_planning, "CHUNK_CLAIMS", 19)
    monkeypatch.setattr(id_filter, "BATCH_CUSTOMERS", 23)
    ids = None
    if given_ids:
        db = sqlite3.connect(stale_branch)
        ids = [row[0] for row in db.execute("SELECT id FROM customers")]
        db.close()
    profile, chunked_visits, chunked_items, kept = _refresh(stale_branch, tmp_path / "chunked", ids)
    try:
        assert (chunked_visits, chunked_items) == (visits, items)
        assert _without_times(_snapshot(profile)) == expected
        assert kept == []  # nothing of the planned items stays in the session
    finally:
        profile.close()


def test_planned_items_outbox_entries_are_the_orm_hooks(stale_branch, tmp_path):
    profile, _visits, items, _kept = _refresh(stale_branch, tmp_path)
    try:
        with profile.session() as session:
            planned = session.scalars(select(CareItem).where(CareItem.status == "planned",
                                                             CareItem.due_date >= TODAY)).all()
            entries = {e.row_id: e for e in session.scalars(
                select(OutboxEntry).where(OutboxEntry.table_name == "care_items"))}
            assert len(planned) == len(entries) == items
            for item in planned:
                columns = {c.key: getattr(item, c.key) for c in CareItem.__table__.columns}
                hooked = outbox._new_row_entry(CareItem(**columns), item.modified_at, entries[item.id].user_id)
                entry = entries[item.id]
                assert (entry.op, entry.fields, entry.base) == (hooked.op, hooked.fields, hooked.base)
                assert entry.created_at == item.modified_at and entry.user_id is not None
    finally:
        profile.close()
