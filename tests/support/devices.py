"""Desktop profiles for sync tests: copies of one migrated empty database (fast), signed in
to HQ with a token minted for their user."""
from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from claimcare_desktop.store.db import Profile, open_profile
from claimcare_desktop.store.models import SYNCED_MODELS
from claimcare_desktop.store.paths import database_file
from claimcare_desktop.sync import state
from claimcare_desktop.sync.client import HqClient
from claimcare_desktop.sync.engine import SyncEngine
from claimcare_desktop.sync.protocol import synced_columns
from claimcare_hq.schema import SYNCED_TABLES

from .branches import BranchSeed, token_for


def make_template(folder: Path) -> Path:
    profile = open_profile(folder)
    profile.close()
    return database_file(folder)


def new_profile(template: Path, folder: Path) -> Profile:
    """A copy of the template, which is at the newest schema already (no migration check)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, database_file(folder))
    return open_profile(folder, upgrade=False)


def signed_in_engine(profile: Profile, hq, branch: BranchSeed, username: str,
                     **client_options) -> SyncEngine:
    """What `sync.session.sign_in` leaves behind, without the argon2 cost per device."""
    device = state.device_id(profile)
    token = token_for(hq.engine, branch, username, device)
    with profile.engine.begin() as conn:
        for key, value in ((state.HQ_URL, hq.url), (state.USERNAME, username),
                           (state.HQ_TOKEN, token), (state.USER_ID, branch.users[username]),
                           (state.BRANCH_ID, branch.id)):
            state.write(conn, key, value)
    client = HqClient(hq.url, token, **client_options)
    return SyncEngine(profile, client, device)


def synced_data(profile: Profile) -> dict[str, dict[str, dict]]:
    """Every synced row of the profile as {table: {id: {column: value}}}, wire columns only."""
    data = {}
    with profile.engine.connect() as conn:
        for model in SYNCED_MODELS:
            table = model.__table__
            columns = [table.c[name] for name in synced_columns(model)]
            data[table.name] = {r.id: dict(r._mapping) for r in conn.execute(select(*columns))}
    return data


def hq_data(engine, branch_id: str) -> dict[str, dict[str, dict]]:
    """The same view of HQ's rows of one branch."""
    data = {}
    with engine.connect() as conn:
        for model in SYNCED_MODELS:
            table = SYNCED_TABLES[model.__tablename__]
            columns = [table.c[name] for name in synced_columns(model)]
            query = select(*columns).where(table.c.branch_id == branch_id)
            data[table.name] = {r.id: dict(r._mapping) for r in conn.execute(query)}
    return data
