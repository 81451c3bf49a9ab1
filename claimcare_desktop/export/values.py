"""Database values as the cells show them: yuan, China local time, hours, masked numbers."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from ..domain.masking import mask_id, mask_phone
from ..domain.timeutil import CHINA_TZ

_LOCAL_OFFSET = CHINA_TZ.utcoffset(None)
_HOUR = timedelta(hours=1)


def yuan(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


def local_time(naive_utc: datetime | None) -> datetime | None:
    """A stored (naive UTC) moment as the branch's wall-clock time, for Excel (no tzinfo)."""
    return None if naive_utc is None else naive_utc + _LOCAL_OFFSET


def hours_between(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start) / _HOUR, 2)


def maskers(unmasked: bool) -> tuple[Callable[[str | None], str], Callable[[str | None], str]]:
    """(phone, id number) as the export shows them."""
    if unmasked:
        return (lambda v: v or ""), (lambda v: v or "")
    return mask_phone, mask_id
