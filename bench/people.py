"""Who the benchmarks act as: the branch, its supervisor and its first account manager."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class People:
    branch_id: str
    branch_name: str
    supervisor_id: str
    supervisor_username: str
    supervisor_name: str
    manager_id: str


def branch_people(database: Path) -> People:
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        branch_id, branch_name = con.execute("SELECT id, name FROM branches ORDER BY code").fetchone()
        sup = con.execute("SELECT id, username, display_name FROM users WHERE branch_id = ?"
                          " AND role = 'supervisor' ORDER BY username", (branch_id,)).fetchone()
        (manager_id,) = con.execute("SELECT id FROM users WHERE branch_id = ? AND role = 'manager'"
                                    " ORDER BY username", (branch_id,)).fetchone()
    finally:
        con.close()
    return People(branch_id, branch_name, sup[0], sup[1], sup[2], manager_id)


def supervisor_user(database: Path):
    """The supervisor as the UI's CurrentUser (what signing in would give)."""
    from claimcare_desktop.ui.context import CurrentUser

    people = branch_people(database)
    return CurrentUser(people.supervisor_id, people.supervisor_username, people.supervisor_name,
                       "supervisor", people.branch_id, people.branch_name)
