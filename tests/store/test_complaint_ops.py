"""Complaint actions: one update + one event per action, state machine and roles enforced."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from claimcare_desktop.domain.errors import DomainError, ValidationError
from claimcare_desktop.store import models as m
from claimcare_desktop.store.complaint_ops import (
    Actor,
    ComplaintAction as A,
    NewComplaint,
    apply_action,
    open_complaint,
)
from claimcare_desktop.store.complaint_queries import load_complaint
from claimcare_desktop.store.db import open_profile
from tests.ui.seed import seed_profile

T0 = datetime(2026, 3, 2, 1, 0)


@pytest.fixture
def branch(tmp_path):
    profile = open_profile(tmp_path / "p")
    data = seed_profile(profile)
    yield profile, data
    profile.close()


def actors(data):
    return tuple(Actor(u.id, u.role, data.branch_id)
                 for u in (data.manager, data.other_manager, data.supervisor))


def opened(profile, data, owner=None):
    manager = actors(data)[0]
    return open_complaint(profile, manager, NewComplaint(data.customer_ids[0], "payout_delay",
                                                         "赔款迟迟未到", owner_id=owner), now=T0)


def detail(profile, cid, now=T0 + timedelta(days=10)):
    with profile.engine.connect() as conn:
        return load_complaint(conn, cid, now.replace(tzinfo=timezone.utc))


def counts(profile):
    with profile.engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar()
                     for t in (m.ComplaintEvent.__table__, m.OutboxEntry.__table__))


def test_whole_life_keeps_one_owner_and_every_event(branch):
    profile, data = branch
    manager, other, supervisor = actors(data)
    cid = opened(profile, data)
    steps = [
        (manager, A("acknowledged"), "acknowledged"),
        (manager, A("paused", reason="awaiting_documents", note="等客户补发票"), "paused"),
        (manager, A("resumed"), "acknowledged"),
        (manager, A("escalated", note="金额争议"), "escalated"),
        (supervisor, A("reassigned", new_owner_id=other.id), "escalated"),
        (other, A("note", note="已联系客户")), 
        (other, A("resolved", resolution="补付差额", root_cause="payout_amount"), "resolved"),
        (other, A("closed"), "closed"),
        (supervisor, A("reopened", note="客户不认可"), "open"),
    ]
    for i, (actor, action, *expected) in enumerate(steps, start=1):
        state = apply_action(profile, actor, cid, action, now=T0 + timedelta(hours=i))
        if expected:
            assert state == expected[0], action.kind
    story = detail(profile, cid)
    assert [e.kind for e in story.events] == ["opened"] + [s[1].kind for s in steps]
    assert story.row.owner_id == other.id and story.row.state == "open"
    assert story.row.escalation_level == 1
    assert story.events[2].reason == "awaiting_documents"
    assert story.events[5].new_owner_name == data.other_manager.display_name
    assert story.acknowledged_at == T0 + timedelta(hours=1)
    assert (story.resolved_at, story.closed_at) == (None, None)
    assert story.resolution == "补付差额" and story.root_cause == "payout_amount"


def test_each_action_writes_complaint_and_event_together(branch):
    profile, data = branch
    manager = actors(data)[0]
    cid = opened(profile, data)
    before = counts(profile)
    apply_action(profile, manager, cid, A("acknowledged"), now=T0 + timedelta(hours=1))
    assert counts(profile) == (before[0] + 1, before[1] + 2)  # event insert + complaint update


def test_refusals_leave_nothing_behind(branch):
    profile, data = branch
    manager, other, supervisor = actors(data)
    cid = opened(profile, data)
    before = counts(profile)
    refusals = [
        (manager, A("resumed"), "invalid_transition"),
        (manager, A("paused", reason="awaiting_documents"), "invalid_transition"),  # still open
        (manager, A("reassigned", new_owner_id=other.id), "role_forbidden"),
        (other, A("acknowledged"), "not_owner"),
        (supervisor, A("reassigned", new_owner_id=manager.id), "reassign_same_owner"),
        (supervisor, A("reassigned", new_owner_id="nobody"), "owner_not_in_branch"),
        (manager, A("note", note="  "), "required"),
        (manager, A("resolved", resolution="ok"), "required"),
        (manager, A("resolved", resolution="ok", root_cause="weather"), "unknown_value"),
    ]
    for actor, action, code in refusals:
        with pytest.raises(DomainError) as err:
            apply_action(profile, actor, cid, action, now=T0 + timedelta(hours=1))
        assert err.value.code == code, action
    apply_action(profile, manager, cid, A("acknowledged"), now=T0 + timedelta(hours=1))
    with pytest.raises(DomainError) as err:
        apply_action(profile, manager, cid, A("paused"), now=T0 + timedelta(hours=2))
    assert err.value.code == "pause_reason_required"
    assert counts(profile) == (before[0] + 1, before[1] + 2)


def test_open_complaint_validates_input(branch):
    profile, data = branch
    manager = actors(data)[0]
    with pytest.raises(ValidationError):
        open_complaint(profile, manager, NewComplaint(data.customer_ids[0], "payout_delay", " "))
    with pytest.raises(DomainError):
        open_complaint(profile, manager, NewComplaint(data.customer_ids[0], "weather", "x"))
    cid = opened(profile, data, owner=data.other_manager.id)
    story = detail(profile, cid)
    assert story.row.owner_id == data.other_manager.id
    assert [(e.kind, e.user_id) for e in story.events] == [("opened", data.manager.id)]
