"""A branch and its people: one supervisor and about one manager per 2,500 customers (>= 2).

Usernames are `<code>.sup`, `<code>.mgr1`, `<code>.mgr2`, ... (HQ seeds their passwords).
"""
from __future__ import annotations

import random

from .context import Staff, random_uuid
from .people import person_name
from .places import branch_site

CUSTOMERS_PER_MANAGER = 2500
MIN_MANAGERS = 2


def manager_count(customers: int) -> int:
    return max(MIN_MANAGERS, -(-customers // CUSTOMERS_PER_MANAGER))


def _user(rng: random.Random, branch_id: str, username: str, role: str) -> dict:
    gender = rng.choice("MF")
    return {"id": random_uuid(rng), "branch_id": branch_id,
            "username": username, "display_name": person_name(rng, gender), "role": role,
            "active": True, "deleted": False}


def make_branch(seed: int, index: int, customers: int) -> tuple[dict, list[dict], Staff]:
    site = branch_site(index)
    rng = random.Random(f"{seed}/{site.code}/staff")
    branch_id = random_uuid(rng)
    # branches carry their own id as branch_id too, like every other row (HQ shards by it)
    branch = {"id": branch_id, "branch_id": branch_id, "code": site.code, "name": site.name,
              "deleted": False}
    supervisor = _user(rng, branch_id, f"{site.code}.sup", "supervisor")
    managers = [_user(rng, branch_id, f"{site.code}.mgr{n}", "manager")
                for n in range(1, manager_count(customers) + 1)]
    staff = Staff(branch_id, site, supervisor["id"], tuple(m["id"] for m in managers))
    return branch, [supervisor, *managers], staff
