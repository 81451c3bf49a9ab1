"""What the reminder says, read from the local database (no Qt)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from claimcare_desktop.domain.timeutil import local_date
from claimcare_desktop.domain.vocab import ClockState
from claimcare_desktop.store import visit_queue
from claimcare_desktop.store.complaint_queries import ComplaintFilter, list_complaints

from ..context import CurrentUser

_URGENT = frozenset({ClockState.DUE_SOON, ClockState.BREACHED})


@dataclass(frozen=True)
class Digest:
    visits_due_today: int
    complaints_near_breach: int

    @property
    def empty(self) -> bool:
        return not (self.visits_due_today or self.complaints_near_breach)


def _near_breach(conn: Connection, user: CurrentUser, now: datetime) -> int:
    flt = ComplaintFilter(branch_id=user.branch_id,
                          owner_id=None if user.is_supervisor else user.id)
    urgent, cursor = 0, None
    while True:
        page = list_complaints(conn, flt, now, after=cursor)
        for row in page.rows:
            clocks = (row.clocks.respond, row.clocks.solve, row.clocks.statutory)
            urgent += any(clock.state in _URGENT for clock in clocks)
        if page.next_cursor is None:
            return urgent
        cursor = page.next_cursor


def morning_digest(conn: Connection, user: CurrentUser, now_utc: datetime) -> Digest:
    flt = visit_queue.QueueFilter(user.branch_id, local_date(now_utc), "today",
                                  assignee_id=None if user.is_supervisor else user.id)
    return Digest(visit_queue.count(conn, flt).visits, _near_breach(conn, user, now_utc))
