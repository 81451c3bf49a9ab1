"""A hand-built branch whose KPI values and report rows can be worked out on paper.

Period under test: Q1 2026 (local dates 2026-01-01 .. 2026-04-01); last year: Q1 2025.
Rows are written with Core (as if pulled from HQ), so they create no outbox entries.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert

from claimcare_desktop.store import models as m

BRANCH = "b0000000-0000-0000-0000-000000000001"
OTHER_BRANCH = "b0000000-0000-0000-0000-000000000002"
SUP, M1, M2, OTHER_MGR = "u-sup", "u-m1", "u-m2", "u-other"
C1, C2, C3, C4, C_OTHER = "c1", "c2", "c3", "c4-deleted", "c-other-branch"
Q1_2026 = (date(2026, 1, 1), date(2026, 4, 1))
NOW = datetime(2026, 4, 10, 12, 0)  # naive UTC; tests make it aware

VALID_ID_1 = "11010519491231002X"
VALID_ID_2 = "310104198503151231"
BAD_CHECKSUM_ID = "440305199001012340"  # check digit should be 7


@dataclass
class Dataset:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, **values: Any) -> dict[str, Any]:
        values.setdefault("branch_id", BRANCH)
        values.setdefault("deleted", False)
        self.rows.setdefault(table, []).append(values)
        return values

    def write(self, profile) -> None:
        with profile.engine.begin() as conn:
            for model in m.SYNCED_MODELS:
                rows = self.rows.get(model.__tablename__)
                if rows:
                    keys = {k for row in rows for k in row}
                    conn.execute(insert(model.__table__), [{k: r.get(k) for k in keys} for r in rows])


def _customer(ds: Dataset, cid: str, manager: str, name: str, **values: Any) -> None:
    base = dict(gender="F", birth_date=date(1949, 12, 31), id_number=VALID_ID_1,
                phone="13812345678", address="北京市朝阳区建国路1号", tier="gold", tags=[],
                preferred_channel="phone", do_not_disturb=False, consent_marketing=True)
    base.update(values)
    ds.add("customers", id=cid, name=name, manager_id=manager, **base)


def _people(ds: Dataset) -> None:
    ds.add("branches", id=BRANCH, code="bj01", name="北京朝阳支公司", branch_id=None)
    ds.rows["branches"][0].pop("branch_id")
    ds.add("branches", id=OTHER_BRANCH, code="sh01", name="上海浦东支公司")
    ds.rows["branches"][1].pop("branch_id")
    for uid, username, name, role in ((SUP, "bj01.sup", "孙主管", "supervisor"),
                                      (M1, "bj01.mgr1", "钱经理", "manager"),
                                      (M2, "bj01.mgr2", "李经理", "manager")):
        ds.add("users", id=uid, username=username, display_name=name, role=role, active=True)
    ds.add("users", id=OTHER_MGR, username="sh01.mgr1", display_name="周经理", role="manager",
           active=True, branch_id=OTHER_BRANCH)
    # c1: complete and valid. c2: no address, a phone no carrier uses. c3: bad ID check digit.
    _customer(ds, C1, M1, "张伟", risk_score=60, risk_level="high",
              risk_reasons=[{"code": "low_satisfaction", "weight": 25, "params": {"score": 2}},
                            {"code": "open_complaint", "weight": 15, "params": {"count": 1}}])
    _customer(ds, C2, M1, "=HYPERLINK(\"http://x\",\"y\")", address=None, phone="12345678901",
              id_number=VALID_ID_2, birth_date=date(1985, 3, 15), preferred_channel="wechat",
              risk_score=30, risk_level="medium",
              risk_reasons=[{"code": "late_payout", "weight": 10, "params": {"count": 1}}])
    _customer(ds, C3, M2, "+1", id_number=BAD_CHECKSUM_ID, birth_date=date(1990, 1, 1),
              phone="13900001111", risk_score=0, risk_level="low", risk_reasons=[])
    _customer(ds, C4, M2, "已删除", deleted=True, risk_score=90, risk_level="high")
    _customer(ds, C_OTHER, OTHER_MGR, "外地客户", branch_id=OTHER_BRANCH)


def _claims(ds: Dataset) -> None:
    def claim(cid: str, customer: str, closed: datetime | None, **values: Any) -> None:
        base = dict(claim_no=f"CLM-{cid}", claim_type="auto", status="paid", submission_channel="app",
                    reported_at=datetime(2024, 12, 1), claimed_fen=1_000_000, paid_fen=523_456)
        base.update(values)
        ds.add("claims", id=cid, customer_id=customer, closed_at=closed, **base)

    # Q1 2026: cl1 paid in 24 h; cl2 paid in 72 h (late); cl3 confirmed 40 h before the period
    # ends and unpaid (not yet due); both cl1 and cl2 closed in the period.
    claim("cl1", C1, datetime(2026, 1, 12), documents_confirmed_at=datetime(2026, 1, 10, 1),
          paid_at=datetime(2026, 1, 11, 1))
    claim("cl2", C2, datetime(2026, 2, 5), documents_confirmed_at=datetime(2026, 2, 1),
          paid_at=datetime(2026, 2, 4))
    claim("cl3", C3, None, status="open", documents_confirmed_at=datetime(2026, 3, 30), paid_fen=0)
    # Q1 2025: two claims closed.
    claim("cl0", C1, datetime(2025, 1, 10), documents_confirmed_at=datetime(2025, 1, 8),
          paid_at=datetime(2025, 1, 9))
    claim("cl00", C2, datetime(2025, 2, 10), documents_confirmed_at=datetime(2025, 2, 8),
          paid_at=datetime(2025, 2, 9))
    claim("cl-other", C_OTHER, datetime(2026, 1, 5), branch_id=OTHER_BRANCH,
          documents_confirmed_at=datetime(2026, 1, 1), paid_at=datetime(2026, 1, 9))


def _visits(ds: Dataset) -> None:
    def visit(vid: str, customer: str, claim: str | None, step: str, due: date, who: str,
              **values: Any) -> None:
        base = dict(status="open", attempts=0, follow_up_needed=False)
        base.update(values)
        ds.add("visits", id=vid, customer_id=customer, claim_id=claim, step=step, due_date=due,
               assignee_id=who, **base)

    visit("v1", C1, "cl1", "same_day", date(2026, 1, 12), M1, status="done", attempts=1,
          channel="phone", satisfaction=5, completed_at=datetime(2026, 1, 12, 3), feedback="很满意")
    visit("v2", C2, "cl2", "same_day", date(2026, 2, 5), M1, status="unreachable", attempts=3)
    visit("v3", C1, "cl1", "day_7", date(2026, 1, 19), M1, status="done", attempts=2,
          channel="wechat", satisfaction=3, completed_at=datetime(2026, 1, 21, 2),
          feedback="-2 分太低")
    visit("v4", C3, None, "care", date(2026, 3, 1), M2, status="done", attempts=1,
          channel="phone", satisfaction=4, completed_at=datetime(2026, 3, 1, 6), feedback="@x")
    visit("v5", C1, "cl0", "same_day", date(2025, 1, 10), M1, status="done", attempts=1,
          channel="phone", satisfaction=3, completed_at=datetime(2025, 2, 1, 2))
    visit("v6", C3, None, "day_30", date(2026, 3, 20), M2, status="open", attempts=0)
    visit("v-other", C_OTHER, "cl-other", "same_day", date(2026, 1, 5), OTHER_MGR,
          branch_id=OTHER_BRANCH, status="done", satisfaction=1, completed_at=datetime(2026, 1, 5))
    for aid, vid, at, result, score, notes in (
            ("a1", "v1", datetime(2026, 1, 12, 3), "reached", 5, "\t制表符开头"),
            ("a2", "v2", datetime(2026, 2, 5, 2), "no_answer", None, None),
            ("a3", "v2", datetime(2026, 2, 6, 2), "no_answer", None, None),
            ("a4", "v2", datetime(2026, 2, 9, 2), "wrong_number", None, "\r回车开头"),
            ("a5", "v3", datetime(2026, 1, 20, 2), "no_answer", None, None),
            ("a6", "v3", datetime(2026, 1, 21, 2), "reached", 3, None)):
        ds.add("visit_attempts", id=aid, visit_id=vid, user_id=M1, attempted_at=at,
               channel="phone", result=result, satisfaction=score, notes=notes)


def _complaints(ds: Dataset) -> None:
    def complaint(kid: str, customer: str, owner: str, opened: datetime, **values: Any) -> None:
        base = dict(category="payout_delay", complexity="simple", state="open",
                    summary="赔款慢", escalation_level=0)
        base.update(values)
        ds.add("complaints", id=kid, customer_id=customer, owner_id=owner, opened_at=opened, **base)

    complaint("k1", C2, M1, datetime(2026, 2, 6, 0), state="resolved",
              acknowledged_at=datetime(2026, 2, 6, 5), resolved_at=datetime(2026, 2, 7, 6),
              resolution="补付差额", root_cause="process", claim_id="cl2")
    complaint("k2", C3, M2, datetime(2026, 3, 1, 0), category="service_attitude",
              complexity="complex", summary="=1+1")
    for eid, kid, kind, at in (
            ("e1", "k1", "opened", datetime(2026, 2, 6, 0)),
            ("e2", "k1", "acknowledged", datetime(2026, 2, 6, 5)),
            ("e3", "k1", "resolved", datetime(2026, 2, 7, 6)),
            ("e4", "k2", "opened", datetime(2026, 3, 1, 0))):
        ds.add("complaint_events", id=eid, complaint_id=kid, user_id=M1, at=at, kind=kind)
    complaint("k3", C1, M1, datetime(2025, 1, 15, 0), state="closed",
              acknowledged_at=datetime(2025, 1, 15, 10), resolved_at=datetime(2025, 1, 16),
              closed_at=datetime(2025, 1, 17), resolution="已解释", root_cause="communication")


def _policies_and_care(ds: Dataset) -> None:
    def policy(pid: str, customer: str, product: str, start: date, end: date) -> None:
        ds.add("policies", id=pid, customer_id=customer, policy_no=f"P-{pid}",
               product_type=product, start_date=start, end_date=end, premium_fen=300_000,
               status="active")

    policy("p0", C1, "auto", date(2024, 3, 1), date(2025, 3, 1))  # renewed by p1
    policy("p1", C1, "auto", date(2025, 3, 1), date(2026, 2, 20))  # renewed by p1b
    policy("p1b", C1, "auto", date(2026, 2, 20), date(2027, 2, 20))
    policy("p2", C2, "health", date(2025, 3, 15), date(2026, 3, 15))  # not renewed
    for iid, customer, kind, due, status, done in (
            ("ci1", C1, "festival", date(2026, 2, 14), "done", datetime(2026, 2, 14, 1)),
            ("ci2", C2, "birthday", date(2026, 3, 15), "planned", None),
            ("ci3", C3, "renewal_reminder", date(2025, 2, 1), "done", datetime(2025, 2, 1, 1))):
        ds.add("care_items", id=iid, customer_id=customer, kind=kind, due_date=due,
               title=f"{kind} {due}", assignee_id=M1 if customer != C3 else M2,
               status=status, done_at=done)


def build() -> Dataset:
    ds = Dataset()
    _people(ds)
    _claims(ds)
    _visits(ds)
    _complaints(ds)
    _policies_and_care(ds)
    return ds
