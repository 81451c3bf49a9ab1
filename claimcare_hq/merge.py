"""Per-field merge of one pushed mutation into HQ's row (DESIGN §4.5).

All values are compared in their wire form. For each pushed field:
- equal to HQ's value: nothing to do;
- HQ's value still equals the device's base (nobody else changed it): the new value is taken;
- otherwise both sides changed the field since the device's base: **the value HQ already
  holds wins** (the change that reached HQ first), and the pushed value is the loser kept in
  the conflict log. A pushed create of a row HQ already has (the same cadence visit planned on
  two PCs) has no base, so every differing field is decided the same way.
Client clocks play no part: order at HQ decides.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Loss:
    field: str
    kept: Any
    lost: Any


@dataclass
class MergeResult:
    changes: dict[str, Any] = field(default_factory=dict)
    losses: list[Loss] = field(default_factory=list)


def merge_fields(current: dict[str, Any], fields: dict[str, Any],
                 base: dict[str, Any]) -> MergeResult:
    result = MergeResult()
    for name, value in fields.items():
        held = current.get(name)
        if value == held:
            continue
        if name in base and base[name] == held:
            result.changes[name] = value
        else:
            result.losses.append(Loss(name, held, value))
    return result
