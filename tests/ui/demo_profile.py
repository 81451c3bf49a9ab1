"""A small demo branch from the real generator, built once per session and copied per test."""
from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select, text

from claimcare_desktop.demo.generator import DemoSpec, load_into_profile
from claimcare_desktop.store import models as m
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.paths import database_file
from claimcare_desktop.ui.context import CurrentUser

from .seed import TODAY, SeedData

SPEC = DemoSpec(seed=7, branches=1, customers_per_branch=40, today=TODAY)


def build_template(folder: Path) -> Path:
    profile = open_profile(folder)
    load_into_profile(profile, SPEC)
    with profile.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    profile.close()
    return database_file(folder)


def copy_template(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, database_file(folder))
    return folder


def demo_seed(profile) -> SeedData:
    """The generated branch's people, in the shape the tests use."""
    with profile.session() as s:
        users = s.scalars(select(m.User).order_by(m.User.username)).all()
        branch = s.get(m.Branch, users[0].branch_id)
        visit_ids = s.scalars(select(m.Visit.id).where(m.Visit.status == "open")).all()

    def current(user: m.User) -> CurrentUser:
        return CurrentUser(user.id, user.username, user.display_name, user.role, branch.id,
                           branch.name)

    managers = [current(u) for u in users if u.role == "manager"]
    sup = next(current(u) for u in users if u.role == "supervisor")
    return SeedData(branch.id, sup, managers[0], managers[1], visit_ids=list(visit_ids))
