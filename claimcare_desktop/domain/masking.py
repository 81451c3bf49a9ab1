"""Masking of sensitive personal information for display (PIPL: phone and ID numbers).

At most the first 3 and last 4 characters show, and only when at least 4 characters
stay hidden; anything shorter is masked entirely, None becomes "".
"""
from __future__ import annotations

import re

MASK = "*"
KEEP_HEAD = 3
KEEP_TAIL = 4
MIN_HIDDEN = 4
_PHONE_NOISE = re.compile(r"[\s\-().]")


def mask_middle(value: str | None, keep_head: int = KEEP_HEAD, keep_tail: int = KEEP_TAIL) -> str:
    if not value:
        return ""
    if len(value) < keep_head + keep_tail + MIN_HIDDEN:
        return MASK * len(value)
    hidden = len(value) - keep_head - keep_tail
    return value[:keep_head] + MASK * hidden + value[len(value) - keep_tail:]


def mask_phone(value: str | None) -> str:
    """'13812345678' -> '138****5678'; '+86 138-1234-5678' is masked as '138****5678'."""
    if not value:
        return ""
    compact = _PHONE_NOISE.sub("", value)
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix) and len(compact) == len(prefix) + 11:
            compact = compact[len(prefix):]
    return mask_middle(compact)


def mask_id(value: str | None) -> str:
    """'110105194912310021' -> '110***********0021'."""
    if not value:
        return ""
    return mask_middle(re.sub(r"\s", "", value))
