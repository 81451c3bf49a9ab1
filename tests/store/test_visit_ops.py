from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from claimcare_desktop.domain.errors import DomainError, ValidationError
from claimcare_desktop.store import models as m
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.visit_ops import (
    Actor,
    AttemptInput,
    ComplaintInput,
    log_attempt,
    open_complaint_from_visit,
)
from tests.ui.seed import seed_profile

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # a Thursday, 10:00 in China


@pytest.fixture
def branch(tmp_path):
    profile = open_profile(tmp_path / "p")
    data = seed_profile(profile)
    yield profile, data
    profile.close()


def _actor(user):
    return Actor(user.id, user.role, user.branch_id)


def _mine(profile, data):
    with profile.session() as s:
        return s.scalars(select(m.Visit).where(m.Visit.assignee_id == data.manager.id)).first()


def _counts(profile):
    with profile.engine.connect() as conn:
        return {t: conn.scalar(select(func.count()).select_from(t))
                for t in (m.VisitAttempt.__table__, m.OutboxEntry.__table__, m.Complaint.__table__)}


def test_reached_completes_the_visit_with_outbox_entries(branch):
    profile, data = branch
    visit = _mine(profile, data)
    done = log_attempt(profile, _actor(data.manager), visit.id,
                       AttemptInput("phone", "reached", 5, "很满意"), NOW)
    assert (done.status, done.attempts, done.offer_complaint) == ("done", 1, False)
    with profile.session() as s:
        saved = s.get(m.Visit, visit.id)
        assert (saved.status, saved.satisfaction, saved.feedback) == ("done", 5, "很满意")
        assert saved.completed_at == NOW.replace(tzinfo=None)
        outbox = s.scalars(select(m.OutboxEntry.table_name)).all()
    assert sorted(outbox) == ["visit_attempts", "visits"]


def test_no_answer_schedules_the_retry_on_the_next_working_day(branch):
    profile, data = branch
    visit = _mine(profile, data)
    retry = log_attempt(profile, _actor(data.manager), visit.id, AttemptInput("phone", "no_answer"), NOW)
    assert (retry.status, retry.attempts) == ("open", 1)
    assert retry.next_due_date.isoformat() == "2026-11-27"
    with profile.session() as s:
        assert s.get(m.Visit, visit.id).due_date == retry.next_due_date


def test_invalid_input_writes_nothing(branch):
    profile, data = branch
    visit = _mine(profile, data)
    before = _counts(profile)
    with pytest.raises(ValidationError) as bad_score:
        log_attempt(profile, _actor(data.manager), visit.id, AttemptInput("phone", "reached", 9), NOW)
    assert bad_score.value.code == "satisfaction_range"
    with pytest.raises(ValidationError) as no_channel:
        log_attempt(profile, _actor(data.manager), visit.id, AttemptInput("", "reached", 3), NOW)
    assert no_channel.value.field == "channel"
    with pytest.raises(DomainError) as not_yours:
        log_attempt(profile, _actor(data.other_manager), visit.id, AttemptInput("sms", "no_answer"), NOW)
    assert not_yours.value.code == "visit_not_yours"
    assert _counts(profile) == before


def test_low_score_offers_a_complaint_that_opens_with_its_event(branch):
    profile, data = branch
    visit = _mine(profile, data)
    logged = log_attempt(profile, _actor(data.manager), visit.id,
                         AttemptInput("phone", "reached", 2, "赔付太慢"), NOW)
    assert logged.offer_complaint
    complaint_id = open_complaint_from_visit(profile, _actor(data.manager), visit.id,
                                             ComplaintInput("payout_delay", "赔付太慢"), NOW)
    with profile.session() as s:
        complaint = s.get(m.Complaint, complaint_id)
        events = s.scalars(select(m.ComplaintEvent).where(
            m.ComplaintEvent.complaint_id == complaint_id)).all()
    assert (complaint.customer_id, complaint.visit_id, complaint.owner_id, complaint.state) == \
        (visit.customer_id, visit.id, data.manager.id, "open")
    assert [e.kind for e in events] == ["opened"]


def test_wrong_number_flags_the_customer_phone(branch):
    profile, data = branch
    visit = _mine(profile, data)
    logged = log_attempt(profile, _actor(data.manager), visit.id, AttemptInput("phone", "wrong_number"), NOW)
    assert logged.status == "unreachable"
    with profile.session() as s:
        assert "invalid_phone" in s.get(m.Customer, visit.customer_id).tags


def _entries_of(profile, *row_ids):
    with profile.session() as s:
        rows = s.scalars(select(m.OutboxEntry).where(m.OutboxEntry.row_id.in_(row_ids))
                         .order_by(m.OutboxEntry.seq)).all()
    return [(e.table_name, e.op, e.user_id, e.fields, e.base) for e in rows]


def _same_change_through_the_orm(profile, actor, visit_id, attempt_id, result, satisfaction):
    """What the ORM session (store/outbox.py) records for the change log_attempt makes."""
    with profile.session(actor.user_id) as s, s.begin():
        visit = s.get(m.Visit, visit_id)
        s.add(m.VisitAttempt(id=attempt_id, branch_id=visit.branch_id, visit_id=visit.id,
                             user_id=actor.user_id, attempted_at=NOW.replace(tzinfo=None),
                             channel="phone", result=result, satisfaction=satisfaction, notes=None))
        visit.status, visit.attempts, visit.channel = (
            "done" if result == "reached" else "unreachable"), 1, "phone"
        if satisfaction is not None:
            visit.satisfaction = satisfaction
        visit.follow_up_needed = False
        visit.completed_at = NOW.replace(tzinfo=None)
        if result == "wrong_number":
            customer = s.get(m.Customer, visit.customer_id)
            customer.tags = [*customer.tags, "invalid_phone"]


@pytest.mark.parametrize("result,satisfaction", [("reached", 4), ("wrong_number", None)])
def test_core_save_leaves_the_outbox_entries_a_session_would(branch, result, satisfaction):
    profile, data = branch
    actor = _actor(data.supervisor)
    core_visit, orm_visit = data.visit_ids[0], data.visit_ids[3]  # two customers' same_day visits
    logged = log_attempt(profile, actor, core_visit, AttemptInput("phone", result, satisfaction), NOW)
    _same_change_through_the_orm(profile, actor, orm_visit, "orm-attempt", result, satisfaction)
    with profile.session() as s:
        core_customer = s.get(m.Visit, core_visit).customer_id
        orm_customer = s.get(m.Visit, orm_visit).customer_id
        stamps = {s.get(m.Visit, core_visit).modified_at, s.get(m.VisitAttempt, logged.attempt_id).modified_at}
    core = _entries_of(profile, logged.attempt_id, core_visit, core_customer)
    orm = _entries_of(profile, "orm-attempt", orm_visit, orm_customer)
    for entry in core + orm:
        entry[3].pop("visit_id", None)
    assert core == orm and len(core) == (3 if result == "wrong_number" else 2)
    assert len(stamps) == 1 and None not in stamps
