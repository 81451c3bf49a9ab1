"""The care profile's data: header, claims timeline with payout delays, visits and attempts."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert, update

from claimcare_desktop.domain.ids import new_id
from claimcare_desktop.store import models as m
from claimcare_desktop.store.customer_profile import CustomerNotFound, load_profile
from claimcare_desktop.store.db import open_profile
from tests.ui.seed import seed_profile

CONFIRMED = datetime(2026, 3, 2, 1, 0)


@pytest.fixture
def branch(tmp_path):
    profile = open_profile(tmp_path / "p")
    data = seed_profile(profile)
    cid = data.customer_ids[0]
    claims = m.Claim.__table__
    with profile.engine.begin() as conn:
        conn.execute(update(m.Customer.__table__).where(m.Customer.__table__.c.id == cid).values(
            id_number="110105194912310021", tier="vip", tags=["车主", "高净值"],
            advisor_id=data.supervisor.id, risk_score=35, risk_level="medium",
            risk_reasons=[{"code": "late_payout", "weight": 10, "params": {"count": 1}},
                          {"code": "renewal_due", "weight": 15, "detail_params": {"days": 20}}]))
        conn.execute(update(claims).where(claims.c.customer_id == cid).values(
            documents_confirmed_at=CONFIRMED, paid_at=CONFIRMED + timedelta(hours=60)))
        conn.execute(insert(claims), [dict(
            id=new_id(), branch_id=data.branch_id, customer_id=cid, claim_no="CLM-FAST",
            claim_type="health", status="paid", reported_at=CONFIRMED - timedelta(days=40),
            documents_confirmed_at=CONFIRMED - timedelta(days=30),
            paid_at=CONFIRMED - timedelta(days=30) + timedelta(hours=20))])
        visit_id = data.visit_ids[0]
        conn.execute(insert(m.VisitAttempt.__table__), [
            dict(id=new_id(), branch_id=data.branch_id, visit_id=visit_id, user_id=data.manager.id,
                 attempted_at=CONFIRMED + timedelta(days=d), channel="phone", result=r, satisfaction=s)
            for d, r, s in ((3, "no_answer", None), (4, "reached", 5))])
        conn.execute(insert(m.Communication.__table__), [dict(
            id=new_id(), branch_id=data.branch_id, customer_id=cid, user_id=data.manager.id,
            at=CONFIRMED, channel="wechat", direction="out", summary="发送理赔进度")])
        conn.execute(insert(m.CareItem.__table__), [dict(
            id=new_id(), branch_id=data.branch_id, customer_id=cid, kind="birthday",
            due_date=CONFIRMED.date(), title="生日祝福", status="planned")])
    with profile.engine.connect() as conn:
        yield conn, data
    profile.close()


def test_header_is_masked_with_names_of_people(branch):
    conn, data = branch
    header = load_profile(conn, data.customer_ids[0]).header
    assert (header.name, header.tier, header.tags) == ("张伟", "vip", ("车主", "高净值"))
    assert header.masked_phone == "138****0000"
    assert header.masked_id == "110***********0021"
    assert header.advisor_name == data.supervisor.display_name
    assert header.manager_name == data.manager.display_name


def test_claims_timeline_flags_payouts_over_48_hours(branch):
    conn, data = branch
    claims = {c.claim_no: c for c in load_profile(conn, data.customer_ids[0]).claims}
    assert claims["CLM2026000000"].payout_delay == timedelta(hours=60)
    assert claims["CLM2026000000"].payout_late
    assert not claims["CLM-FAST"].payout_late
    assert list(claims) == ["CLM2026000000", "CLM-FAST"]  # newest first


def test_visits_carry_every_attempt_and_the_rest_of_the_sections(branch):
    conn, data = branch
    profile = load_profile(conn, data.customer_ids[0])
    visit = next(v for v in profile.visits if v.id == data.visit_ids[0])
    assert [a.result for a in visit.attempts] == ["no_answer", "reached"]
    assert visit.attempts[1].user_name == data.manager.display_name
    assert visit.claim_no == "CLM2026000000"
    assert len(profile.visits) == 3
    assert [c.summary for c in profile.communications] == ["发送理赔进度"]
    assert [c.kind for c in profile.care_items] == ["birthday"]
    assert profile.preferences.preferred_channel == "phone"
    assert profile.risk.score == 35
    assert [(r.code, r.params) for r in profile.risk.reasons] == [
        ("late_payout", {"count": 1}), ("renewal_due", {"days": 20})]


def test_unknown_customer(branch):
    conn, _ = branch
    with pytest.raises(CustomerNotFound):
        load_profile(conn, new_id())
