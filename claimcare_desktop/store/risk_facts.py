"""Gathering every customer's risk facts with a few grouped queries (no per-customer SQL)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import Connection

from claimcare_desktop.domain.complaint_flow import ComplaintEvent
from claimcare_desktop.domain.errors import DomainError
from claimcare_desktop.domain.sla import complaint_clocks
from claimcare_desktop.domain.vocab import ClockState

from .id_filter import load_ids

CHINA = timezone(timedelta(hours=8))
BREACH_LOOKBACK_DAYS = 365
_DT = "%Y-%m-%d %H:%M:%S.%f"

LAST_SATISFACTION = """
SELECT customer_id, satisfaction FROM (
  SELECT customer_id, satisfaction, ROW_NUMBER() OVER (
    PARTITION BY customer_id ORDER BY completed_at DESC, id DESC) AS rn
  FROM visits WHERE deleted = 0 AND status = 'done' AND satisfaction IS NOT NULL {f})
WHERE rn = 1"""
OPEN_COMPLAINTS = """
SELECT customer_id, COUNT(*) FROM complaints
WHERE deleted = 0 AND state NOT IN ('resolved', 'closed') {f} GROUP BY customer_id"""
LATE_PAYOUTS = """
SELECT customer_id, COUNT(*) FROM claims
WHERE deleted = 0 AND paid_at IS NOT NULL AND documents_confirmed_at IS NOT NULL
  AND (julianday(paid_at) - julianday(documents_confirmed_at)) * 24 > 48 {f}
GROUP BY customer_id"""
UNREACHABLE_VISITS = """
SELECT customer_id, COUNT(*) FROM visits
WHERE deleted = 0 AND status = 'unreachable' {f} GROUP BY customer_id"""
CLAIM_OUTCOMES = """
SELECT customer_id, SUM(status = 'rejected'), SUM(status = 'partial') FROM claims
WHERE deleted = 0 AND status IN ('rejected', 'partial') {f} GROUP BY customer_id"""
NEXT_RENEWAL = """
SELECT customer_id, MIN(end_date) FROM policies
WHERE deleted = 0 AND status = 'active' AND end_date >= ? {f} GROUP BY customer_id"""
# A clock can only have breached if more calendar time than its window passed before it
# stopped (pauses only make it later), so only these complaints are measured exactly.
BREACH_CANDIDATES = """
SELECT id, customer_id, complexity, opened_at FROM complaints
WHERE deleted = 0 AND opened_at >= ?
  AND ((julianday(COALESCE(acknowledged_at, resolved_at, closed_at, ?)) - julianday(opened_at)) * 24 > 24
    OR (julianday(COALESCE(resolved_at, closed_at, ?)) - julianday(opened_at)) * 24 > 48) {f}"""
CANDIDATE_EVENTS = """
SELECT complaint_id, kind, at, reason FROM complaint_events
WHERE deleted = 0 AND complaint_id IN (SELECT id FROM temp.breach_candidates)"""


def end_of_day_utc(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=CHINA).astimezone(timezone.utc)


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def _pairs(conn: Connection, sql: str, f: str, *params: Any) -> dict[str, Any]:
    return {row[0]: row[1] for row in conn.exec_driver_sql(sql.format(f=f), params)}


def _is_breached(events: list[ComplaintEvent], complexity: str, opened: datetime,
                 now: datetime) -> bool:
    try:
        clocks = complaint_clocks(events, complexity, opened, now)
    except DomainError:  # a malformed history from elsewhere: not counted, not fatal
        return False
    return ClockState.BREACHED in (clocks.respond.state, clocks.solve.state)


def breached_complaints(conn: Connection, f: str, now: datetime) -> dict[str, int]:
    since = (now - timedelta(days=BREACH_LOOKBACK_DAYS)).strftime(_DT)
    now_text = now.replace(tzinfo=None).strftime(_DT)
    candidates = conn.exec_driver_sql(BREACH_CANDIDATES.format(f=f),
                                      (since, now_text, now_text)).fetchall()
    load_ids(conn, "breach_candidates", (c[0] for c in candidates))
    events: dict[str, list[ComplaintEvent]] = defaultdict(list)
    for complaint_id, kind, at, reason in conn.exec_driver_sql(CANDIDATE_EVENTS):
        events[complaint_id].append(ComplaintEvent(kind, _parse(at), reason))
    counts: dict[str, int] = defaultdict(int)
    for complaint_id, customer_id, complexity, opened in candidates:
        if _is_breached(events[complaint_id], complexity, _parse(opened), now):
            counts[customer_id] += 1
    return counts


def gather(conn: Connection, today: date, f: str) -> dict[str, dict[str, Any]]:
    """fact name -> {customer_id: value}, for the customers selected by filter `f`."""
    outcomes = conn.exec_driver_sql(CLAIM_OUTCOMES.format(f=f)).fetchall()
    return {
        "last_satisfaction": _pairs(conn, LAST_SATISFACTION, f),
        "open_complaints": _pairs(conn, OPEN_COMPLAINTS, f),
        "breached_complaints": breached_complaints(conn, f, end_of_day_utc(today)),
        "late_payouts": _pairs(conn, LATE_PAYOUTS, f),
        "unreachable_visits": _pairs(conn, UNREACHABLE_VISITS, f),
        "next_renewal": {k: date.fromisoformat(v) for k, v in
                         _pairs(conn, NEXT_RENEWAL, f, today.isoformat()).items()},
        "rejected_claims": {row[0]: row[1] for row in outcomes},
        "partial_claims": {row[0]: row[2] for row in outcomes},
    }
