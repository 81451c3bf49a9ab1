"""A small branch written with Core (as if pulled from HQ): users, customers, claims, visits."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from claimcare_desktop.domain.ids import new_id, visit_id
from claimcare_desktop.domain.timeutil import local_date
from claimcare_desktop.store import models as m
from claimcare_desktop.ui.context import CurrentUser

# The branch's date, as the app reckons "today" (China time): the machine's own date differs
# from it between 16:00 and 24:00 UTC, and the queue's "due today" tab was empty then.
TODAY = local_date(datetime.now(UTC))
NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴霞")
CLAIM_TYPES = ("auto", "health", "property", "life", "accident")


@dataclass
class SeedData:
    branch_id: str
    supervisor: CurrentUser
    manager: CurrentUser
    other_manager: CurrentUser
    customer_ids: list[str] = field(default_factory=list)
    visit_ids: list[str] = field(default_factory=list)


def _user(branch_id: str, username: str, name: str, role: str) -> CurrentUser:
    return CurrentUser(new_id(), username, name, role, branch_id, "北京朝阳支公司")


def seed_profile(profile, visits_per_customer: int = 3) -> SeedData:
    branch_id = new_id()
    data = SeedData(branch_id, _user(branch_id, "bj01.sup", "孙主管", "supervisor"),
                    _user(branch_id, "bj01.mgr1", "钱经理", "manager"),
                    _user(branch_id, "bj01.mgr2", "李经理", "manager"))
    users = (data.supervisor, data.manager, data.other_manager)
    customers, claims, visits = [], [], []
    for i, name in enumerate(NAMES):
        manager = users[1 + i % 2]
        cid, claim_id = new_id(), new_id()
        data.customer_ids.append(cid)
        customers.append(dict(id=cid, branch_id=branch_id, name=name, phone=f"1380013{i:04d}",
                              tier="standard", tags=[], manager_id=manager.id,
                              preferred_channel=("phone", "wechat")[i % 2], best_time="下午",
                              phone_suffix=f"{i:04d}", risk_level=("low", "medium", "high")[i % 3],
                              risk_score=10 * i))
        closed = datetime(TODAY.year, TODAY.month, TODAY.day, 2) - timedelta(days=i)
        claims.append(dict(id=claim_id, branch_id=branch_id, customer_id=cid,
                           claim_no=f"CLM2026{i:06d}", claim_type=CLAIM_TYPES[i % 5],
                           status="paid", reported_at=closed - timedelta(days=5),
                           closed_at=closed, claimed_fen=1_000_000 + i, paid_fen=523_400 + i))
        for step, offset in (("same_day", -i), ("day_7", 7 - i), ("day_30", 30 - i))[:visits_per_customer]:
            vid = visit_id(claim_id, step)
            data.visit_ids.append(vid)
            visits.append(dict(id=vid, branch_id=branch_id, customer_id=cid, claim_id=claim_id,
                               step=step, due_date=TODAY + timedelta(days=offset),
                               assignee_id=manager.id, status="open", attempts=0))
    with profile.engine.begin() as conn:
        conn.execute(insert(m.Branch.__table__), [dict(id=branch_id, code="bj01", name="北京朝阳支公司")])
        conn.execute(insert(m.User.__table__), [
            dict(id=u.id, branch_id=branch_id, username=u.username, display_name=u.display_name,
                 role=u.role, active=True) for u in users])
        conn.execute(insert(m.Customer.__table__), customers)
        conn.execute(insert(m.Claim.__table__), claims)
        conn.execute(insert(m.Visit.__table__), visits)
    return data
