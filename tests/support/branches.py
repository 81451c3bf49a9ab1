"""Small hand-made branches written into HQ for the tests (unique codes, so many can share
one database), and tokens for their users."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import Engine

from claimcare_hq.auth import issue_token
from claimcare_hq.passwords import hash_password
from claimcare_hq.seed import seed

PASSWORD = "correct horse 7"
DAY0 = datetime(2026, 3, 2, 2, 0)


@cache
def password_hash() -> str:
    return hash_password(PASSWORD)


@dataclass
class BranchSeed:
    id: str
    code: str
    users: dict[str, str] = field(default_factory=dict)  # username -> user id
    customers: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    visits: list[str] = field(default_factory=list)
    complaints: list[str] = field(default_factory=list)

    @property
    def supervisor(self) -> str:
        return self.users[f"{self.code}.sup"]

    @property
    def managers(self) -> list[str]:
        return [self.users[f"{self.code}.mgr1"], self.users[f"{self.code}.mgr2"]]


def _new_id() -> str:
    return str(uuid.uuid4())


def _people(b: BranchSeed) -> list[tuple[str, list[dict]]]:
    users = []
    for suffix, role in (("sup", "supervisor"), ("mgr1", "manager"), ("mgr2", "manager")):
        user_id = _new_id()
        b.users[f"{b.code}.{suffix}"] = user_id
        users.append({"id": user_id, "branch_id": b.id, "username": f"{b.code}.{suffix}",
                      "display_name": f"{b.code} {suffix}", "role": role, "active": True,
                      "deleted": False})
    return [("branches", [{"id": b.id, "code": b.code, "name": f"Branch {b.code}",
                           "deleted": False}]), ("users", users)]


def _customer(b: BranchSeed, n: int) -> dict:
    return {"id": _new_id(), "branch_id": b.id, "name": f"客户{n}", "gender": "F",
            "birth_date": date(1980, 1 + n % 12, 1 + n % 28), "phone": f"1380000{n:04d}", "tier": "standard",
            "tags": [], "manager_id": b.managers[n % 2], "do_not_disturb": False,
            "consent_marketing": True, "deleted": False}


def _claim(b: BranchSeed, customer: dict, n: int) -> dict:
    return {"id": _new_id(), "branch_id": b.id, "customer_id": customer["id"],
            "claim_no": f"{b.code}-C{n}", "claim_type": "auto", "status": "open",
            "reported_at": DAY0, "claimed_fen": 100_000 * (n + 1), "paid_fen": 0,
            "deleted": False}


def _visit(b: BranchSeed, customer: dict, claim: dict) -> dict:
    return {"id": _new_id(), "branch_id": b.id, "customer_id": customer["id"],
            "claim_id": claim["id"], "step": "same_day", "due_date": DAY0.date(),
            "assignee_id": customer["manager_id"], "status": "open", "attempts": 0,
            "follow_up_needed": False, "deleted": False}


def _complaint(b: BranchSeed, customer: dict) -> dict:
    return {"id": _new_id(), "branch_id": b.id, "customer_id": customer["id"],
            "owner_id": customer["manager_id"], "category": "process", "complexity": "simple",
            "state": "open", "summary": "slow payout", "opened_at": DAY0 + timedelta(hours=1),
            "escalation_level": 0, "deleted": False}


def seed_branch(engine: Engine, customers: int = 4, code: str | None = None) -> BranchSeed:
    b = BranchSeed(_new_id(), code or f"t{uuid.uuid4().hex[:8]}")
    batches = _people(b)
    rows = {"customers": [], "claims": [], "visits": [], "complaints": []}
    for n in range(customers):
        customer = _customer(b, n)
        claim = _claim(b, customer, n)
        rows["customers"].append(customer)
        rows["claims"].append(claim)
        rows["visits"].append(_visit(b, customer, claim))
        if n % 2 == 0:
            rows["complaints"].append(_complaint(b, customer))
    batches += list(rows.items())
    seed(engine, batches, password_hash=password_hash())
    b.customers = [r["id"] for r in rows["customers"]]
    b.claims = [r["id"] for r in rows["claims"]]
    b.visits = [r["id"] for r in rows["visits"]]
    b.complaints = [r["id"] for r in rows["complaints"]]
    return b


def token_for(engine: Engine, branch: BranchSeed, username: str, device_id: str) -> str:
    with engine.begin() as conn:
        return issue_token(conn, branch.users[username], branch.id, device_id)
