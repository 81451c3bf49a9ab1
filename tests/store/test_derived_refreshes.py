"""Derived fields and planned rows: bulk rows read back typed, risk facts, deterministic plans."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from claimcare_desktop.domain.ids import new_id, visit_id
from claimcare_desktop.store.bulk import BulkInserter
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.derived import (
    plan_care_items,
    plan_visits_for_closed_claims,
    refresh_risk,
    refresh_search_keys,
)
from claimcare_desktop.store.models import (
    Branch,
    CareItem,
    Claim,
    Complaint,
    ComplaintEvent,
    Customer,
    OutboxEntry,
    Policy,
    User,
    Visit,
)

TODAY = date(2026, 11, 26)


@pytest.fixture
def profile(tmp_path):
    p = open_profile(tmp_path)
    yield p
    p.close()


def _insert(profile, model, rows):
    with profile.engine.begin() as conn:
        BulkInserter(model.__table__).insert(conn, rows)


@pytest.fixture
def branch(profile):
    b, m = new_id(), new_id()
    _insert(profile, Branch, [{"id": b, "code": "sh01", "name": "上海浦东支公司"}])
    _insert(profile, User, [{"id": m, "branch_id": b, "username": "sh01.mgr1",
                             "display_name": "王芳", "role": "manager"}])
    return b, m


def _customer(profile, branch, **fields) -> str:
    b, m = branch
    cid = new_id()
    _insert(profile, Customer, [{"id": cid, "branch_id": b, "name": "欧阳娜", "phone": "13912345678",
                                 "manager_id": m, "birth_date": date(1980, 3, 9), **fields}])
    return cid


def test_bulk_rows_read_back_through_the_orm_with_their_types(profile, branch):
    cid = _customer(profile, branch, tags=["车主", "高净值"], do_not_disturb=True)
    with profile.session() as s:
        c = s.get(Customer, cid)
        assert c.tags == ["车主", "高净值"] and c.do_not_disturb is True
        assert c.birth_date == date(1980, 3, 9) and c.tier == "standard" and c.deleted is False
    assert profile.session().scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_search_keys_of_only_the_given_customers(profile, branch):
    first, second = _customer(profile, branch), _customer(profile, branch, name="曾伟", phone=None)
    with profile.engine.begin() as conn:
        assert refresh_search_keys(conn, [second]) == 1
    with profile.session() as s:
        assert s.get(Customer, first).name_pinyin is None
        c = s.get(Customer, second)
        assert (c.name_pinyin, c.name_initials, c.phone_suffix) == ("zengwei", "zw", None)
    with profile.engine.begin() as conn:
        refresh_search_keys(conn)
    with profile.session() as s:
        c = s.get(Customer, first)
        assert (c.name_pinyin, c.name_initials, c.phone_suffix) == ("ouyangna", "oyn", "5678")


def _keys(profile, cid):
    with profile.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT name_pinyin, name_initials, phone_suffix FROM customers "
                                    "WHERE id = ?", (cid,)).one()


def test_search_keys_only_where_missing_or_the_name_or_phone_changed(profile, branch, monkeypatch):
    monkeypatch.setattr("claimcare_desktop.store.id_filter.BATCH_CUSTOMERS", 2)
    ids = [_customer(profile, branch) for _ in range(5)]
    with profile.engine.begin() as conn:
        assert refresh_search_keys(conn) == 5
        assert refresh_search_keys(conn) == 0  # nothing changed: no pinyin computed
        # as a sync pull applies them: name and phone only, never the local keys
        conn.exec_driver_sql("UPDATE customers SET name = '曾伟' WHERE id = ?", (ids[1],))
        conn.exec_driver_sql("UPDATE customers SET phone = '13800004321' WHERE id = ?", (ids[3],))
        conn.exec_driver_sql("UPDATE customers SET address = '上海' WHERE id = ?", (ids[4],))
        # a write that sets the keys itself keeps them
        conn.exec_driver_sql("UPDATE customers SET name = '王芳', name_pinyin = 'wangfang', "
                             "name_initials = 'wf' WHERE id = ?", (ids[0],))
        assert refresh_search_keys(conn) == 2
        assert refresh_search_keys(conn, ids) == 0
    assert _keys(profile, ids[1]) == ("zengwei", "zw", "5678")
    assert _keys(profile, ids[3]) == ("ouyangna", "oyn", "4321")
    assert _keys(profile, ids[0]) == ("wangfang", "wf", "5678")


def test_risk_is_written_only_where_it_changed(profile, branch):
    ids = [_customer(profile, branch) for _ in range(3)]
    with profile.engine.begin() as conn:
        assert refresh_risk(conn, TODAY) == 3
        conn.exec_driver_sql("CREATE TEMP TABLE risk_writes (id TEXT)")
        conn.exec_driver_sql("CREATE TEMP TRIGGER count_risk_writes AFTER UPDATE OF risk_score "
                             "ON customers BEGIN INSERT INTO risk_writes VALUES (NEW.id); END")
        assert refresh_risk(conn, TODAY) == 3
        unchanged = conn.exec_driver_sql("SELECT count(*) FROM risk_writes").scalar()
        conn.exec_driver_sql("UPDATE customers SET risk_score = 99 WHERE id = ?", (ids[2],))
        conn.exec_driver_sql("DELETE FROM risk_writes")
        refresh_risk(conn, TODAY)
        repaired = [r[0] for r in conn.exec_driver_sql("SELECT id FROM risk_writes")]
    assert (unchanged, repaired) == (0, [ids[2]])
    assert _risk(profile, ids[2])[:2] == (0, "low")


def test_refreshes_work_through_every_batch(profile, branch, monkeypatch):
    monkeypatch.setattr("claimcare_desktop.store.id_filter.BATCH_CUSTOMERS", 3)
    ids = [_customer(profile, branch) for _ in range(7)]
    with profile.engine.begin() as conn:
        assert refresh_search_keys(conn) == 7
        assert refresh_risk(conn, TODAY, ids[:4]) == 4
        assert refresh_risk(conn, TODAY) == 7
    with profile.session() as s:
        rows = s.execute(select(Customer.name_initials, Customer.risk_level)).all()
    assert rows == [("oyn", "low")] * 7


def _claim(profile, branch, cid, **fields) -> str:
    claim_id = new_id()
    row = {"id": claim_id, "branch_id": branch[0], "customer_id": cid, "claim_no": claim_id[:12],
           "claim_type": "auto", "status": "paid", "reported_at": datetime(2026, 10, 1, 2),
           **fields}
    _insert(profile, Claim, [row])
    return claim_id


def _complaint(profile, branch, cid, opened, events, state) -> None:
    complaint_id = new_id()
    _insert(profile, Complaint, [{"id": complaint_id, "branch_id": branch[0], "customer_id": cid,
                                  "owner_id": branch[1], "category": "process", "state": state,
                                  "summary": "x", "opened_at": opened}])
    _insert(profile, ComplaintEvent, [
        {"id": new_id(), "branch_id": branch[0], "complaint_id": complaint_id, "at": at,
         "kind": kind, "reason": "awaiting_customer" if kind == "paused" else None}
        for kind, at in events])


def _risk(profile, cid) -> tuple[int, str, dict]:
    with profile.session() as s:
        c = s.get(Customer, cid)
        return c.risk_score, c.risk_level, {r["code"]: r for r in c.risk_reasons}


def test_risk_gathers_each_fact_and_scores_it_with_the_domain_weights(profile, branch):
    cid = _customer(profile, branch)
    quiet = _customer(profile, branch)
    _claim(profile, branch, cid, documents_confirmed_at=datetime(2026, 10, 2, 2),
           paid_at=datetime(2026, 10, 5, 2), closed_at=datetime(2026, 10, 5, 2))  # 72 h: late
    _claim(profile, branch, cid, status="rejected", closed_at=datetime(2026, 10, 9, 2))
    _insert(profile, Policy, [{"id": new_id(), "branch_id": branch[0], "customer_id": cid,
                               "policy_no": "PA1", "product_type": "auto",
                               "start_date": date(2025, 12, 20), "end_date": date(2026, 12, 19)}])
    # breached: acknowledged 30 h after opening; on time: paused for two days, then solved
    _complaint(profile, branch, cid, datetime(2026, 11, 1, 2),
               [("opened", datetime(2026, 11, 1, 2)), ("acknowledged", datetime(2026, 11, 2, 8))],
               "acknowledged")
    _complaint(profile, branch, cid, datetime(2026, 11, 10, 2),
               [("opened", datetime(2026, 11, 10, 2)), ("acknowledged", datetime(2026, 11, 10, 3)),
                ("paused", datetime(2026, 11, 10, 4)), ("resumed", datetime(2026, 11, 13, 4)),
                ("resolved", datetime(2026, 11, 13, 6))], "resolved")
    with profile.engine.begin() as conn:
        assert refresh_risk(conn, TODAY) == 2
    score, level, reasons = _risk(profile, cid)
    assert set(reasons) == {"late_payout", "rejected_claim", "renewal_due", "open_complaint",
                            "breached_complaint"}
    assert reasons["renewal_due"]["params"] == {"days": 23}
    assert reasons["breached_complaint"]["params"] == {"count": 1}
    assert (score, level) == (min(100, 10 + 20 + 15 + 15 + 20), "high")
    assert _risk(profile, quiet) == (0, "low", {})


def test_cadence_visits_are_planned_once_with_outbox_entries_and_the_same_ids_everywhere(
        profile, branch, tmp_path):
    cid = _customer(profile, branch)
    claim_id = _claim(profile, branch, cid, closed_at=datetime(2026, 11, 20, 3))
    _claim(profile, branch, cid, status="open")
    with profile.session("u1") as s, s.begin():
        assert plan_visits_for_closed_claims(s, "u1") == 3
    with profile.session("u1") as s, s.begin():
        assert plan_visits_for_closed_claims(s, "u1") == 0
        visits = s.scalars(select(Visit).order_by(Visit.due_date)).all()
        entries = s.scalars(select(OutboxEntry.row_id).where(OutboxEntry.table_name == "visits"))
        assert set(entries) == {v.id for v in visits}
    assert [(v.step, v.due_date, v.assignee_id) for v in visits] == [
        ("same_day", date(2026, 11, 20), branch[1]), ("day_7", date(2026, 11, 27), branch[1]),
        ("day_30", date(2026, 12, 21), branch[1])]  # 20 Dec is a Sunday
    assert {v.id for v in visits} == {visit_id(claim_id, s) for s in ("same_day", "day_7", "day_30")}


def test_care_items_are_planned_once_within_the_horizon(profile, branch):
    cid = _customer(profile, branch, birth_date=date(1980, 12, 30), consent_marketing=False)
    with profile.session("u1") as s, s.begin():
        assert plan_care_items(s, TODAY, horizon_days=60) == 0  # no consent: no greetings
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE customers SET consent_marketing = 1")
    with profile.session("u1") as s, s.begin():
        added = plan_care_items(s, TODAY, horizon_days=60)
        assert plan_care_items(s, TODAY, horizon_days=60) == 0
    with profile.session() as s:
        items = s.scalars(select(CareItem).order_by(CareItem.due_date)).all()
        outbox = s.scalar(select(func.count()).where(OutboxEntry.table_name == "care_items"))
    assert added == len(items) == outbox
    # the next festival (Spring Festival 2027) is past the 60-day horizon
    assert [(i.kind, i.due_date, i.title, i.customer_id, i.status) for i in items] == [
        ("birthday", date(2026, 12, 30), "生日祝福", cid, "planned")]
