"""What each role may write, checked by HQ for every pushed mutation.

- Devices never write branches, users, policies, claims (HQ's, from the claims system) or the
  conflict log (HQ writes it).
- Histories (attempts, complaint events, communications, audit entries) may be added by
  anyone of the branch.
- A supervisor may change any other row of the branch.
- An account manager may change a row only while it is theirs or nobody's (its owner field:
  customer's manager, visit's and care item's assignee, complaint's owner) and may take an
  unowned row for themselves. Changing who owns an existing row (or a customer's advisor) is
  for supervisors. Anyone may create rows for anyone of the branch: every PC plans the
  cadence visits and care items of the whole branch (with deterministic ids), and a manager
  may open a complaint that belongs to a colleague's customer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimcare_desktop.domain.vocab import Role

from .schema import APPEND_ONLY

DEVICE_READ_ONLY = frozenset({"branches", "users", "policies", "claims", "conflict_log"})
OWNER_FIELD = {"customers": "manager_id", "visits": "assignee_id", "complaints": "owner_id",
               "care_items": "assignee_id"}
SUPERVISOR_FIELDS = {"customers": frozenset({"manager_id", "advisor_id"}),
                     "visits": frozenset({"assignee_id"}),
                     "complaints": frozenset({"owner_id"}),
                     "care_items": frozenset({"assignee_id"})}


@dataclass(frozen=True)
class Actor:
    """Who is calling: from the bearer token, never from the request body."""

    user_id: str
    branch_id: str
    device_id: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        return self.role == Role.SUPERVISOR


def refusal(actor: Actor, table: str, current: dict[str, Any] | None,
            fields: dict[str, Any]) -> str | None:
    """Why `actor` may not write `fields` to this row, or None when they may."""
    if table in DEVICE_READ_ONLY:
        return "read_only_table"
    if table in APPEND_ONLY or actor.is_supervisor:
        return None
    owner_field = OWNER_FIELD.get(table)
    if owner_field is None:
        return None
    if current is None:
        return None
    if current.get(owner_field) not in (None, actor.user_id):
        return "row_of_another_manager"
    for name in SUPERVISOR_FIELDS[table]:
        if name in fields and fields[name] != current.get(name) and not (
                name == owner_field and current.get(name) is None and fields[name] == actor.user_id):
            return "reassigning_needs_supervisor"
    return None
