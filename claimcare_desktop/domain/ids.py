"""Row ids: random for ordinary rows, name-based where two PCs could create the same row."""
from __future__ import annotations

import uuid
from datetime import date

from .vocab import CARE_ITEM_KINDS, VISIT_STEPS, require_member

# Never change: every deterministic id already synced was derived from it.
NAMESPACE = uuid.UUID("bf75b865-1473-4501-96db-bf8b25002796")

# Unit separator: cannot appear in ids or keys typed by people, so parts never run together.
_SEP = "\x1f"


def new_id() -> str:
    return str(uuid.uuid4())


def _name_based(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, _SEP.join(parts)))


def visit_id(claim_id: str, step: str) -> str:
    """The one cadence visit of `claim_id` at `step`, whichever PC plans it."""
    require_member(step, VISIT_STEPS, "visit_step")
    return _name_based("visit", claim_id, str(step))


def care_item_id(customer_id: str, kind: str, due: date, key: str = "") -> str:
    """The one care item of a customer for `kind` on `due`; `key` tells apart items of the
    same kind and day (e.g. two health claims)."""
    require_member(kind, CARE_ITEM_KINDS, "care_item_kind")
    return _name_based("care", customer_id, str(kind), due.isoformat(), key)
