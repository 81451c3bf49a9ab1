"""Complaint lists: filters, keyset pages, and SLA clocks that tick without the database."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from claimcare_desktop.domain.vocab import ClockState
from claimcare_desktop.store.complaint_ops import Actor, ComplaintAction as A, NewComplaint, apply_action, open_complaint
from claimcare_desktop.store.complaint_queries import (
    ComplaintFilter,
    count_complaints,
    list_complaints,
    load_complaint,
)
from claimcare_desktop.store.db import open_profile
from tests.ui.seed import seed_profile

T0 = datetime(2026, 3, 2, 1, 0)
NOW = (T0 + timedelta(hours=20)).replace(tzinfo=timezone.utc)
CATEGORIES = ("payout_delay", "service_attitude", "documents")


@pytest.fixture
def branch(tmp_path):
    profile = open_profile(tmp_path / "p")
    data = seed_profile(profile)
    owners = (data.manager, data.other_manager)
    ids = []
    for i in range(9):
        owner = owners[i % 2]
        actor = Actor(owner.id, owner.role, data.branch_id)
        ids.append(open_complaint(profile, actor, NewComplaint(
            data.customer_ids[i], CATEGORIES[i % 3], f"投诉{i}"), now=T0 - timedelta(days=i)))
    with profile.engine.connect() as conn:
        yield profile, conn, data, ids
    profile.close()


def test_filters_by_owner_category_age_and_state(branch):
    profile, conn, data, ids = branch
    base = ComplaintFilter(branch_id=data.branch_id)
    assert count_complaints(conn, base) == 9
    mine = list_complaints(conn, ComplaintFilter(data.branch_id, owner_id=data.manager.id), NOW)
    assert {r.owner_id for r in mine.rows} == {data.manager.id} and len(mine.rows) == 5
    docs = list_complaints(conn, ComplaintFilter(data.branch_id, category="documents"), NOW)
    assert [r.summary for r in docs.rows] == ["投诉2", "投诉5", "投诉8"]
    old = ComplaintFilter(data.branch_id, opened_before=T0 - timedelta(days=6))
    assert count_complaints(conn, old) == 2
    manager = Actor(data.manager.id, "manager", data.branch_id)
    apply_action(profile, manager, ids[0], A("resolved", resolution="ok", root_cause="process"),
                 now=T0 + timedelta(hours=1))
    assert count_complaints(conn, base) == 8
    resolved = list_complaints(conn, ComplaintFilter(data.branch_id, states=("resolved",)), NOW)
    assert [r.id for r in resolved.rows] == [ids[0]]
    assert count_complaints(conn, ComplaintFilter(data.branch_id, states=())) == 9


def test_keyset_pages_cover_everything_once_newest_first(branch):
    _profile, conn, data, ids = branch
    flt = ComplaintFilter(data.branch_id)
    seen, page = [], list_complaints(conn, flt, NOW, limit=4)
    seen.extend(page.rows)
    while page.next_cursor:
        page = list_complaints(conn, flt, NOW, after=page.next_cursor, limit=4)
        seen.extend(page.rows)
    assert [r.id for r in seen] == ids


def test_clocks_tick_forward_from_one_read(branch):
    profile, conn, data, ids = branch
    newest = list_complaints(conn, ComplaintFilter(data.branch_id), NOW, limit=1).rows[0]
    respond = newest.clocks.respond
    assert respond.deadline_utc == (T0 + timedelta(hours=24)).replace(tzinfo=timezone.utc)
    assert respond.at(NOW) == (ClockState.DUE_SOON, timedelta(hours=4))
    assert respond.at(NOW + timedelta(hours=5))[0] == ClockState.BREACHED
    assert newest.clocks.solve.at(NOW)[0] == ClockState.ON_TRACK
    manager = Actor(data.manager.id, "manager", data.branch_id)
    apply_action(profile, manager, ids[0], A("acknowledged"), now=T0 + timedelta(hours=2))
    apply_action(profile, manager, ids[0], A("paused", reason="awaiting_customer"), now=T0 + timedelta(hours=3))
    story = load_complaint(conn, ids[0], NOW)
    assert story.row.clocks.respond.at(NOW + timedelta(days=3))[0] == ClockState.MET
    assert story.row.clocks.solve.at(NOW + timedelta(days=3))[0] == ClockState.PAUSED
    assert story.paused_from == "acknowledged"
    assert story.row.clocks.statutory.deadline_utc == (T0 + timedelta(days=15)).replace(tzinfo=timezone.utc)
