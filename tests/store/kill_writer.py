"""The writer test_kill_safety kills: customer changes through ORM sessions, one small
transaction after another, until it is killed. Runs in a child process (forkserver, with
this module preloaded so that each child starts in milliseconds) or as `python -m`."""
from __future__ import annotations

import random
import sys

from sqlalchemy import select

from claimcare_desktop.domain.ids import new_id
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.models import Customer, User


def _one_transaction(profile, rng: random.Random, manager: User, n: int) -> None:
    with profile.session(manager.id) as s, s.begin():
        ids = s.scalars(select(Customer.id)).all()
        if not ids or rng.random() < 0.4:
            s.add_all(Customer(id=new_id(), branch_id=manager.branch_id, name=f"客户{n}-{i}",
                               manager_id=manager.id, tags=[]) for i in range(rng.randint(1, 3)))
            return
        for cid in rng.sample(ids, min(len(ids), rng.randint(1, 3))):
            row = s.get(Customer, cid)
            row.care_notes = f"edit {n}"
            row.tags = [f"t{n}"]
            row.deleted = rng.random() < 0.05


def main(directory: str, seed: int, ready=None) -> None:
    """Write until killed; `ready` (an Event) is set after the first commit."""
    rng = random.Random(seed)
    profile = open_profile(directory)
    with profile.session() as s:
        manager = s.scalars(select(User)).first()
    n = 0
    while True:
        n += 1
        _one_transaction(profile, rng, manager, n)
        if n == 1:
            if ready is None:
                print("ready", flush=True)
            else:
                ready.set()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
