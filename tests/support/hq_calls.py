"""Short ways for tests to talk to HQ as a given user and device."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from claimcare_desktop.sync.client import HqClient
from claimcare_hq.schema import SYNCED_TABLES

from .branches import BranchSeed, token_for


def client_for(hq, branch: BranchSeed, username: str, device_id: str) -> HqClient:
    """A client of `username` on device `device_id` of this branch (device ids are made
    unique per branch: the tests share one HQ database)."""
    return HqClient(hq.url, token_for(hq.engine, branch, username, f"{branch.code}-{device_id}"),
                    retries=0)


def mutation(seq: int, table: str, row_id: str, fields: dict[str, Any],
             base: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"seq": seq, "table": table, "row_id": row_id, "fields": fields, "base": base or {}}


def hq_row(engine: Engine, table: str, branch_id: str, row_id: str) -> dict[str, Any] | None:
    t = SYNCED_TABLES[table]
    with engine.connect() as conn:
        row = conn.execute(select(t).where(t.c.branch_id == branch_id, t.c.id == row_id)).first()
    return dict(row._mapping) if row else None


def hq_rows(engine: Engine, table: str, branch_id: str) -> list[dict[str, Any]]:
    t = SYNCED_TABLES[table]
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(
            select(t).where(t.c.branch_id == branch_id).order_by(t.c.id))]


def pull_everything(client: HqClient, cursor: int = 0, limit: int = 1000) -> list[dict[str, Any]]:
    rows = []
    while True:
        page = client.pull(cursor, limit)
        rows += page["rows"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return rows
