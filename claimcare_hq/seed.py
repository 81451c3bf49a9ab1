"""Demo data into HQ: the foundation's generator, written through the change counters."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Engine, insert

from .changes import BranchChanges
from .passwords import hash_password
from .schema import SYNCED_TABLES, Account


def _hq_row(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """Only the columns HQ keeps (the generator also fills PC-local derived columns)."""
    columns = SYNCED_TABLES[table_name].c
    kept = {k: v for k, v in row.items() if k in columns and k != "change_seq"}
    if table_name == "branches":
        kept["branch_id"] = row["id"]
    return kept


class _Seeder:
    def __init__(self, conn: Connection, password_hash: str):
        self.conn = conn
        self.password_hash = password_hash
        self.writers: dict[str, BranchChanges] = {}
        self.branch_codes: dict[str, str] = {}
        self.users: list[tuple[str, str, str]] = []

    def writer(self, branch_id: str) -> BranchChanges:
        if branch_id not in self.writers:
            self.writers[branch_id] = BranchChanges(self.conn, branch_id)
        return self.writers[branch_id]

    def add(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        by_branch: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_branch[row["branch_id"] if table_name != "branches" else row["id"]].append(
                _hq_row(table_name, row))
        for branch_id, branch_rows in by_branch.items():
            self.writer(branch_id).insert(table_name, branch_rows)
        if table_name == "branches":
            self.branch_codes.update({r["id"]: r["code"] for r in rows})
        if table_name == "users":
            self._add_accounts(rows)

    def _add_accounts(self, users: list[dict[str, Any]]) -> None:
        accounts = [{"username": u["username"].lower(), "user_id": u["id"],
                     "branch_id": u["branch_id"], "role": u["role"],
                     "password_hash": self.password_hash, "active": u.get("active", True)}
                    for u in users]
        self.conn.execute(insert(Account.__table__), accounts)
        self.users += [(self.branch_codes[u["branch_id"]], u["username"].lower(), u["role"])
                       for u in users]

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def seed(engine: Engine, batches, password: str | None = None,
         password_hash: str | None = None) -> list[tuple[str, str, str]]:
    """Write `(table, rows)` batches in one transaction; returns (branch code, username, role).
    Every user gets `password` (or an already computed `password_hash`)."""
    with engine.begin() as conn:
        seeder = _Seeder(conn, password_hash or hash_password(password))
        for table_name, rows in batches:
            seeder.add(table_name, rows)
        seeder.close()
    return seeder.users


def seed_demo(engine: Engine, branches: int, customers: int, seed_value: int,
              password: str) -> list[tuple[str, str, str]]:
    from claimcare_desktop.demo.generator import DemoSpec, generate

    spec = DemoSpec(seed=seed_value, branches=branches, customers_per_branch=customers)
    return seed(engine, generate(spec), password)
