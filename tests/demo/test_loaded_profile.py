"""A loaded demo profile is consistent: keys, cadence, histories, derived fields."""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from claimcare_desktop.domain.careplan import CareCustomer, ClaimSummary, PolicySummary, plan_care
from claimcare_desktop.domain.complaint_flow import ComplaintEvent, replay_state
from claimcare_desktop.domain.ids import visit_id
from claimcare_desktop.domain.timeutil import local_date
from claimcare_desktop.store.derived import plan_care_items, plan_visits_for_closed_claims
from claimcare_desktop.store.models import CareItem, Claim, Customer, Policy

from .conftest import TODAY


def test_counts_match_rows_and_nothing_waits_in_the_outbox(loaded, db):
    _profile, counts = loaded
    for table, count in counts.items():
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == count
    assert counts["customers"] == 300
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0


def test_foreign_keys_hold(db):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    orphans = db.execute("""SELECT COUNT(*) FROM visits v JOIN claims c ON c.id = v.claim_id
                            WHERE v.customer_id != c.customer_id""").fetchone()[0]
    assert orphans == 0
    cross_branch = db.execute("""SELECT COUNT(*) FROM claims c JOIN customers u
                                 ON u.id = c.customer_id WHERE u.branch_id != c.branch_id""")
    assert cross_branch.fetchone()[0] == 0


def test_every_closed_claim_has_its_three_cadence_visits(db):
    visits = defaultdict(set)
    for vid, claim_id, step in db.execute("SELECT id, claim_id, step FROM visits"):
        assert vid == visit_id(claim_id, step)
        visits[claim_id].add(step)
    closed = [r[0] for r in db.execute("SELECT id FROM claims WHERE closed_at IS NOT NULL")]
    assert closed and all(visits[c] == {"same_day", "day_7", "day_30"} for c in closed)
    open_with_visits = db.execute("""SELECT COUNT(*) FROM claims c JOIN visits v
        ON v.claim_id = c.id WHERE c.closed_at IS NULL""").fetchone()[0]
    assert open_with_visits == 0


def test_planning_after_loading_finds_nothing_missing(loaded):
    profile, _counts = loaded
    with profile.session("tester") as session:
        assert plan_visits_for_closed_claims(session, "tester") == 0
        assert plan_care_items(session, TODAY) == 0
        session.rollback()


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def test_complaint_state_is_what_its_history_replays_to(db):
    events = defaultdict(list)
    for cid, kind, at, reason in db.execute(
            "SELECT complaint_id, kind, at, reason FROM complaint_events ORDER BY at, rowid"):
        events[cid].append(ComplaintEvent(kind, _at(at), reason))
    complaints = db.execute("SELECT id, state, opened_at FROM complaints").fetchall()
    assert complaints
    for cid, state, opened_at in complaints:
        history = events[cid]
        assert history[0].kind == "opened" and history[0].at_utc == _at(opened_at)
        assert replay_state(history) == state, cid


def test_paused_events_have_reasons_and_every_owner_is_staff_of_the_branch(db):
    assert db.execute("""SELECT COUNT(*) FROM complaint_events
                         WHERE kind = 'paused' AND reason IS NULL""").fetchone()[0] == 0
    foreign = db.execute("""SELECT COUNT(*) FROM complaints c JOIN users u ON u.id = c.owner_id
                            WHERE u.branch_id != c.branch_id""").fetchone()[0]
    assert foreign == 0


def test_timelines_run_forward_and_stop_before_now(db):
    now = "2026-11-26 02:30:00.000000"  # 10:30 local on TODAY
    bad = db.execute("""SELECT COUNT(*) FROM claims WHERE documents_confirmed_at < reported_at
                        OR paid_at < documents_confirmed_at OR closed_at > ?
                        OR reported_at > ?""", (now, now)).fetchone()[0]
    assert bad == 0
    assert db.execute("SELECT COUNT(*) FROM complaint_events WHERE at > ?", (now,)).fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM visit_attempts WHERE attempted_at > ?",
                      (now,)).fetchone()[0] == 0


def test_search_keys_and_risk_are_derived(db):
    rows = db.execute("""SELECT name_pinyin, name_initials, phone, phone_suffix, risk_score,
                         risk_level, risk_reasons FROM customers""").fetchall()
    for pinyin, initials, phone, suffix, score, level, reasons in rows:
        assert pinyin and initials and pinyin[0] == initials[0]
        assert suffix == phone[-4:]
        assert level in ("low", "medium", "high")
        assert score == min(100, sum(r["weight"] for r in json.loads(reasons)))
    assert {r[5] for r in rows} == {"low", "medium", "high"}


def _brute_force_care_plan(profile, start, end) -> set[str]:
    """Every customer through domain.careplan.plan_care, one by one, with all its facts."""
    with profile.session() as s:
        claims, policies = defaultdict(list), defaultdict(list)
        for c in s.scalars(select(Claim).where(Claim.closed_at.is_not(None))):
            closed = local_date(c.closed_at.replace(tzinfo=timezone.utc))
            claims[c.customer_id].append(ClaimSummary(c.id, c.claim_type, closed, c.paid_fen))
        for p in s.scalars(select(Policy).where(Policy.status == "active")):
            policies[p.customer_id].append(PolicySummary(p.id, p.end_date))
        return {item.id for c in s.scalars(select(Customer))
                for item in plan_care(CareCustomer(c.id, c.birth_date, c.consent_marketing,
                                                   c.do_not_disturb),
                                      claims[c.id], policies[c.id], start, end)}


def test_care_planning_agrees_with_the_domain_customer_by_customer(loaded):
    profile, _counts = loaded
    later, horizon = TODAY + timedelta(days=45), 60
    end = later + timedelta(days=horizon)
    with profile.session("tester") as s:
        added = plan_care_items(s, later, horizon_days=horizon)
        planned = set(s.scalars(select(CareItem.id).where(CareItem.due_date >= later,
                                                          CareItem.due_date < end)))
        s.rollback()
    assert added > 0
    assert planned == _brute_force_care_plan(profile, later, end)
