"""The facts behind every DESIGN §2 target, gathered with set-based SQL for a period and scope.

SQL filters and counts; the rules (what counts as satisfied, on time, covered, the targets
and the comparison with last year) stay in `domain.kpi`, which receives the real rows where
they are few (claims and complaints of a period) and tallies where SQL already reduced them
(score histograms, per-field validity counts, customer rowids).

Periods are half-open local (UTC+8) date ranges [start, end), as `period_bounds` returns
them. Scope is a branch, optionally narrowed to one account manager: customers (and so
their claims, policies and complaints raised) through `customers.manager_id`, visits
through their assignee, complaint handling (resolution, response time) through the owner.
Profile completeness and field validity describe the customers as they are now (a snapshot),
whatever the period.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import chain, repeat
from typing import Any

from sqlalchemy import (
    String, and_, case, exists, func, literal, or_, select, text, true, type_coerce,
)
from sqlalchemy.sql import ColumnElement

from ..domain import kpi
from ..domain.periods import same_period_last_year
from ..domain.timeutil import from_naive_utc, local_start_of_day_utc, to_naive_utc
from ..domain.vocab import Role, VisitStatus
from . import kpi_cache
from .models import CareItem, Claim, Complaint, Customer, KpiCareMonths, Policy, User, Visit

RENEWAL_GRACE_DAYS = 30  # a successor policy may start this long before the old one ends
CARE_DONE = "done"

customers_t, claims_t, visits_t = Customer.__table__, Claim.__table__, Visit.__table__
complaints_t, policies_t, care_t = Complaint.__table__, Policy.__table__, CareItem.__table__
care_months_t = KpiCareMonths.__table__


@dataclass(frozen=True)
class KpiScope:
    branch_id: str
    manager_id: str | None = None


@dataclass(frozen=True)
class ManagerKpis:
    manager_id: str
    display_name: str
    results: list[kpi.KpiResult]


@dataclass(frozen=True)
class MonthKpis:
    month_start: date
    results: list[kpi.KpiResult]


@dataclass(frozen=True)
class Window:
    """A local-date period [start, end) and the moment its figures are read."""

    start: date
    end: date
    now: datetime  # aware UTC

    @property
    def start_utc(self) -> datetime:
        return to_naive_utc(local_start_of_day_utc(self.start))

    @property
    def end_utc(self) -> datetime:
        return to_naive_utc(local_start_of_day_utc(self.end))

    def covers(self, column: Any) -> ColumnElement[bool]:
        return and_(column >= self.start_utc, column < self.end_utc)

    def last_year(self) -> Window:
        start, end = same_period_last_year(self.start, self.end)
        return Window(start, end, self.now)


def _tally(histogram: Iterable[Any]) -> Iterator[Any]:
    """(value, count) rows of a GROUP BY as the stream of values the domain expects."""
    return chain.from_iterable(repeat(value, count) for value, count in histogram)


# ---- scope filters -----------------------------------------------------------------------

def _live_in_branch(table: Any, scope: KpiScope) -> list[ColumnElement[bool]]:
    return [table.c.branch_id == scope.branch_id, table.c.deleted.is_(False)]


def _customer_in_scope(column: Any, scope: KpiScope) -> ColumnElement[bool]:
    if scope.manager_id is None:
        return true()
    return column.in_(select(customers_t.c.id).where(customers_t.c.manager_id == scope.manager_id))


def _handled_by(table: Any, column: str, scope: KpiScope) -> list[ColumnElement[bool]]:
    wanted = _live_in_branch(table, scope)
    if scope.manager_id is not None:
        wanted.append(table.c[column] == scope.manager_id)
    return wanted


def customers_in(scope: KpiScope) -> list[ColumnElement[bool]]:
    return _handled_by(customers_t, "manager_id", scope)


def _claims_of(scope: KpiScope) -> list[ColumnElement[bool]]:
    return [*_live_in_branch(claims_t, scope), _customer_in_scope(claims_t.c.customer_id, scope)]


# ---- one measure per target --------------------------------------------------------------

def _text(column: Any) -> Any:
    return type_coerce(column, String)


def payout_rows(scope: KpiScope, w: Window) -> Any:
    """(documents confirmed, paid) of the claims whose documents were confirmed in the period."""
    c = claims_t.c
    return select(_text(c.documents_confirmed_at), _text(c.paid_at)).where(
        *_claims_of(scope), w.covers(c.documents_confirmed_at))


def _hours_between(start: Any, end: Any) -> Any:
    return (func.julianday(end) - func.julianday(start)) * 24


def _payout_within_48h(conn: Any, scope: KpiScope, w: Window) -> float | None:
    """`kpi.payout_on_time_rate` counted in SQL (10,000 claims a quarter): a paid claim is
    measured, an unpaid one once its 48 h have run out by `as_of`. A test holds the two equal."""
    limit_hours = kpi.PAYOUT_WITHIN.total_seconds() / 3600
    as_of = to_naive_utc(min(w.now, from_naive_utc(w.end_utc)))
    rows = payout_rows(scope, w).subquery()
    confirmed, paid = rows.c
    measured = or_(paid.is_not(None), _hours_between(confirmed, as_of.isoformat(" ")) > limit_hours)
    on_time = and_(paid.is_not(None), _hours_between(confirmed, paid) <= limit_hours)
    counted, hits = conn.execute(select(_count_where(measured), _count_where(on_time))).one()
    return hits / counted if counted else None


def _local_month(column: Any) -> Any:
    """'YYYY-MM' of a stored UTC datetime in local time (UTC+8), as `Window.covers` counts it."""
    return func.strftime("%Y-%m", column, "+8 hours")


def _closed_claims(scope: KpiScope, w: Window, _by_month: bool) -> Any:
    """(claims closed in the period, of them with a done visit) for visit coverage."""
    c, v = claims_t.c, visits_t.c
    visited = exists(select(literal(1)).select_from(visits_t).where(  # 1: read from the index
        v.claim_id == c.id, v.status == VisitStatus.DONE, v.deleted.is_(False)))
    return select(func.count(), _count_where(visited)).where(*_claims_of(scope), w.covers(c.closed_at))


def _closed_count(scope: KpiScope, w: Window, _by_month: bool) -> Any:
    return select(func.count()).where(*_claims_of(scope), w.covers(claims_t.c.closed_at))


def _complaints_opened(scope: KpiScope, w: Window, _by_month: bool) -> Any:
    k = complaints_t.c
    return select(func.count()).where(*_live_in_branch(complaints_t, scope),
                                      _customer_in_scope(k.customer_id, scope), w.covers(k.opened_at))


def _handling(scope: KpiScope, w: Window, by_month: bool) -> Any:
    """(complaints opened, of them resolved before the period's end, mean hours to the first
    response over those answered); by month, "before the end" is "in the opening month or
    earlier"."""
    k = complaints_t.c
    resolved_in_time = (_local_month(k.resolved_at) <= _local_month(k.opened_at) if by_month
                        else k.resolved_at < w.end_utc)
    return select(func.count(), _count_where(and_(k.resolved_at.is_not(None), resolved_in_time)),
                  func.avg(_hours_between(k.opened_at, first_response_at()))).where(
        *_handled_by(complaints_t, "owner_id", scope), w.covers(k.opened_at))


def _renewals(scope: KpiScope, w: Window, _by_month: bool) -> Any:
    """(policies of post-claim customers ending in the period, of them renewed)."""
    p, c = policies_t.c, claims_t.c
    successor = policies_t.alias("successor")
    s = successor.c
    renewed = exists(select(s.id).where(
        s.customer_id == p.customer_id, s.product_type == p.product_type, s.id != p.id,
        s.deleted.is_(False), s.start_date > p.start_date,
        s.start_date >= func.date(p.end_date, f"-{RENEWAL_GRACE_DAYS} days")))
    after_claim = exists(select(c.id).where(
        c.customer_id == p.customer_id, c.deleted.is_(False), c.closed_at < p.end_date))
    return select(func.count(), _count_where(or_(p.status == "renewed", renewed))).where(
        *_live_in_branch(policies_t, scope), _customer_in_scope(p.customer_id, scope),
        p.end_date >= w.start, p.end_date < w.end, after_claim)


def _deleted_customers(scope: KpiScope) -> Any:
    """Tombstoned customers of the branch. The planner, seeing half the index under each
    `deleted` value on average, would scan the table for these few rows; it is told not to."""
    return text("SELECT id FROM customers INDEXED BY ix_customers_scope "
                "WHERE branch_id = :branch AND deleted = 1").bindparams(
        branch=scope.branch_id).columns(id=String)


def _cared_for(scope: KpiScope, w: Window, _by_month: bool = False) -> Any:
    """(live customers in scope with a care item done in the period,), from the care items:
    a GROUP BY read from ix_care_items_reached in customer order (no sort). Periods of whole
    months within a year read `kpi_care_months` instead (`_reached_in_months`)."""
    ci = care_t.c
    reached = select(ci.customer_id).where(
        ci.branch_id == scope.branch_id, ci.status == CARE_DONE, ci.deleted.is_(False),
        w.covers(ci.done_at), _customer_in_scope(ci.customer_id, scope),
        ci.customer_id.not_in(_deleted_customers(scope))).group_by(ci.customer_id).subquery()
    return select(func.count()).select_from(reached)


def _whole_months(w: Window) -> tuple[int, list[int]] | None:
    """(year, its months) when the period is whole local months of one year."""
    last = w.end - timedelta(days=1)
    if w.start.day != 1 or w.end.day != 1 or w.start.year != last.year:
        return None
    return w.start.year, list(range(w.start.month, last.month + 1))


def _care_months_of(scope: KpiScope, year: int) -> list[ColumnElement[bool]]:
    m = care_months_t.c
    return [m.branch_id == scope.branch_id, m.year == year, _customer_in_scope(m.customer_id, scope),
            m.customer_id.not_in(_deleted_customers(scope))]


def _reached_in_months(scope: KpiScope, w: Window, _by_month: bool = False) -> Any:
    """`_cared_for` from `kpi_care_months` (migration 0016), or from the care items for a
    period that is not whole months of one year. A test holds the two equal."""
    months = _whole_months(w)
    if months is None:
        return _cared_for(scope, w)
    year, numbers = months
    m = care_months_t.c
    done = sum((m[f"m{n:02d}"] for n in numbers[1:]), m[f"m{numbers[0]:02d}"])
    return select(func.count()).where(*_care_months_of(scope, year), done > 0)


def _reached_by_month(conn: Any, scope: KpiScope, w: Window) -> dict[str, tuple[int]]:
    """{'YYYY-MM': (customers reached,)} for every month of the years `w` touches: one
    read of a row per customer and year."""
    m, found = care_months_t.c, {}
    for year in range(w.start.year, (w.end - timedelta(days=1)).year + 1):
        counts = conn.execute(select(*(_count_where(m[f"m{n:02d}"] > 0) for n in range(1, 13))).where(
            *_care_months_of(scope, year))).one()
        found.update({f"{year:04d}-{n:02d}": (count,) for n, count in enumerate(counts, 1)})
    return found


Statement = Callable[[KpiScope, Window, bool], Any]


def _grouped_by(month: Callable[[], Any], statement: Statement) -> Callable[..., dict[str, Any]]:
    """A fact's reader for every month of a range: its statement grouped by local month."""
    def read(conn: Any, scope: KpiScope, w: Window) -> dict[str, Any]:
        rows = conn.execute(statement(scope, w, True).add_columns(month()).group_by(month()))
        return {row[-1]: tuple(row[:-1]) for row in rows}
    return read


# Each fact: (its statement for one period, its reader of every month of a range (a trend
# reads each fact once), its counts in a month without rows)
FACT_READS: dict[str, tuple[Statement, Callable[..., dict[str, Any]], tuple[Any, ...]]] = {
    fact: (statement, _grouped_by(month, statement), empty) for fact, (statement, month, empty) in {
        "closed_claims": (_closed_claims, lambda: _local_month(claims_t.c.closed_at), (0, 0)),
        "closed_count": (_closed_count, lambda: _local_month(claims_t.c.closed_at), (0,)),
        "complaints_opened": (_complaints_opened, lambda: _local_month(complaints_t.c.opened_at), (0,)),
        "handling": (_handling, lambda: _local_month(complaints_t.c.opened_at), (0, 0, None)),
        "renewals": (_renewals, lambda: func.strftime("%Y-%m", policies_t.c.end_date), (0, 0)),
    }.items()}
FACT_READS["cared_for"] = (_reached_in_months, _reached_by_month, (0,))
COUNTED_WITHIN = {"closed_count": "closed_claims"}  # its counts begin the other's, if read


def _visit_coverage(facts: _PeriodFacts) -> float | None:
    """Claims closed in the period, and how many have a done visit (counted in SQL, so the
    domain sees two numbers, not 20,000 ids)."""
    closed, done = facts.counts("closed_claims")
    return kpi.coverage_from_counts(done, closed)


def _visit_satisfaction(facts: _PeriodFacts) -> float | None:
    return kpi.visit_satisfaction_rate(_tally(facts.score_histogram))


def _satisfaction_score(facts: _PeriodFacts) -> float | None:
    return kpi.satisfaction_score(_tally(facts.score_histogram))


def _care_coverage(facts: _PeriodFacts) -> float | None:
    """Customers in scope now (a cheap count, read every time: every new customer changes
    it), and how many had a care item done in the period (kept: the costly part; SQL
    already matched the items to live customers in scope)."""
    everyone = facts.customers_now()
    reached = facts.part("care_reached", lambda: facts.counts("cared_for")[0])
    return kpi.coverage_from_counts(int(reached), everyone)


def _complaint_rate(facts: _PeriodFacts) -> float | None:
    return kpi.complaint_rate(facts.counts("complaints_opened")[0], facts.counts("closed_count")[0])


def complaint_handling(conn: Any, scope: KpiScope, w: Window) -> tuple[int, int, float | None]:
    """`kpi.resolution_rate` and `kpi.mean_response_hours` counted in SQL from one read of
    the period's complaints (see `_handling`). A test holds them equal."""
    return tuple(conn.execute(_handling(scope, w, False)).one())


def first_response_at(k: Any = complaints_t.c) -> ColumnElement[datetime]:
    """Acknowledging answers a complaint; resolving or closing it unacknowledged does too."""
    return func.coalesce(k.acknowledged_at, k.resolved_at, k.closed_at)


def _resolution_rate(facts: _PeriodFacts) -> float | None:
    opened, resolved, _mean_hours = facts.counts("handling")
    return kpi.rate_from_counts(resolved, opened)


def _response_time(facts: _PeriodFacts) -> float | None:
    return facts.counts("handling")[2]


def _renewal_rate(facts: _PeriodFacts) -> float | None:
    came_up, renewed_count = facts.counts("renewals")
    return kpi.renewal_rate(_tally(((True, renewed_count), (False, came_up - renewed_count))))


def _satisfaction_scores(scope: KpiScope, w: Window, *months: Any) -> Any:
    """(score, visits) of the done visits of the period, and their local month if asked."""
    v = visits_t.c
    return select(v.satisfaction, func.count(), *months).where(
        *_handled_by(visits_t, "assignee_id", scope), v.status == VisitStatus.DONE,
        v.satisfaction.is_not(None), w.covers(v.completed_at)).group_by(v.satisfaction, *months)


class _PeriodFacts:
    """One period and scope; facts two targets share are read once, and a trend's months
    (`kpi_monthly_trend`) read each fact in one pass grouped by month."""

    def __init__(self, conn: Any, scope: KpiScope, window: Window,
                 kept: kpi_cache.KeptMeasures | None = None) -> None:
        self.conn, self.scope, self.window, self.kept = conn, scope, window, kept
        self.once: dict[Any, Any] = {} if kept is None else kept.marks.once
        self._read: dict[str, Any] = {}

    def customers_now(self) -> int:
        """Live customers in scope, counted once per report (every period of a trend)."""
        if self.scope not in self.once:
            self.once[self.scope] = self.conn.execute(
                select(func.count()).where(*customers_in(self.scope))).scalar_one()
        return self.once[self.scope]

    def _months_read_together(self) -> dict[str, Any] | None:
        """The trend range holding this period when it is one whole month of it."""
        w = self.window
        if w.start.day != 1 or w.end != _next_month(w.start):
            return None
        for months in self.once.get((TREND_MONTHS, self.scope), ()):
            if months["window"].start <= w.start and w.end <= months["window"].end:
                return months
        return None

    def _together(self, fact: str) -> dict[str, Any] | None:
        """The trend's months reading `fact` together, from the second month that needs it
        on: after a change to one month, that month reads alone (twelve grouped cost more)."""
        months = self._months_read_together()
        if months is None or fact in months:
            return months
        needed = months.setdefault("needed", set())
        if fact not in needed:
            needed.add(fact)
            return None
        return months

    def part(self, key: str, compute: Callable[[], Any]) -> Any:
        """A part of a measure, kept apart from it when the period's measures are kept."""
        return compute() if self.kept is None else self.kept.value(key, compute)

    def counts(self, fact: str) -> tuple[Any, ...]:
        """A fact's counts (FACT_READS) for this period, or for its month from one grouped
        read of every month of the trend."""
        if fact in self._read:
            return self._read[fact]
        statement, every_month, empty = FACT_READS[fact]
        months, wider = self._together(fact), COUNTED_WITHIN.get(fact)
        if months is None:
            found = (self._read[wider][:1] if wider in self._read
                     else tuple(self.conn.execute(statement(self.scope, self.window, False)).one()))
        else:
            if fact not in months:
                months[fact] = ({month: counts[:1] for month, counts in months[wider].items()}
                                if wider in months else every_month(self.conn, self.scope, months["window"]))
            found = months[fact].get(f"{self.window.start:%Y-%m}", empty)
        self._read[fact] = found
        return found

    @property
    def score_histogram(self) -> list[Any]:
        if "scores" not in self._read:
            months = self._together("scores")
            if months is None:
                self._read["scores"] = self.conn.execute(_satisfaction_scores(self.scope, self.window)).all()
            else:
                if "scores" not in months:
                    months["scores"] = self._scores_by_month(months["window"])
                self._read["scores"] = months["scores"].get(f"{self.window.start:%Y-%m}", [])
        return self._read["scores"]

    def _scores_by_month(self, w: Window) -> dict[str, list[Any]]:
        by_month: dict[str, list[Any]] = {}
        month = _local_month(visits_t.c.completed_at)
        for score, count, in_month in self.conn.execute(_satisfaction_scores(self.scope, w, month)):
            by_month.setdefault(in_month, []).append((score, count))
        return by_month

    def measure(self, key: str) -> float | None:
        return MEASURES[key](self)


# ---- customer data quality (a snapshot) ----------------------------------------------------
# Each customer's checks are kept in `customers.quality` by migration 0008's triggers (the
# per-field rules of `domain.validation` as SQL; see there): bit 0 complete profile, and for
# the i-th field of QUALITY_FIELDS bit 1 + 2i filled, bit 2 + 2i filled and valid. A scope's
# snapshot is a count per distinct value, read from ix_customers_quality.

QUALITY_FIELDS = ("phone", "id_number", "birth_date", "preferred_channel")  # = CHECKED_FIELDS
COMPLETE_BIT = 1


def _count_where(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def customer_quality(conn: Any, scope: KpiScope) -> tuple[int, int, list[tuple[int, int]]]:
    """(customers, complete profiles, [(valid, checked) per field of QUALITY_FIELDS])."""
    c = customers_t.c
    rows = conn.execute(select(func.coalesce(c.quality, 0), func.count()).where(
        *customers_in(scope)).group_by(c.quality)).all()
    total = sum(n for _q, n in rows)
    complete = sum(n for q, n in rows if q & COMPLETE_BIT)
    pairs = [(sum(n for q, n in rows if q & (4 << 2 * i)), sum(n for q, n in rows if q & (2 << 2 * i)))
             for i in range(len(QUALITY_FIELDS))]
    return total, complete, pairs


def _snapshot_rates_now(conn: Any, scope: KpiScope) -> dict[str, float | None]:
    total, complete, validity = customer_quality(conn, scope)
    completeness = chain(repeat(1.0, complete), repeat(0.0, total - complete))
    return {"profile_completeness": kpi.profile_completeness_rate(completeness),
            "field_validity": kpi.field_validity_rate(validity)}


def _snapshot_rates(conn: Any, scope: KpiScope, marks: kpi_cache.Marks) -> dict[str, float | None]:
    """Checking every customer costs ~0.5 s at 100,000: kept until a customer changes."""
    kept = kpi_cache.KeptMeasures(conn, marks, scope.branch_id, scope.manager_id)
    computed: dict[str, float | None] = {}

    def rate(key: str) -> float | None:
        if not computed:
            computed.update(_snapshot_rates_now(conn, scope))
        return computed[key]

    rates = {key: kept.value(key, lambda key=key: rate(key)) for key in SNAPSHOT_KEYS}
    kept.save()
    return rates


MEASURES: dict[str, Callable[[_PeriodFacts], float | None]] = {
    "payout_within_48h": lambda facts: _payout_within_48h(facts.conn, facts.scope, facts.window),
    "visit_coverage": _visit_coverage,
    "complaint_rate": _complaint_rate,
    "resolution_rate": _resolution_rate,
    "renewal_rate": _renewal_rate,
    "response_time": _response_time,
    "visit_satisfaction": _visit_satisfaction,
    "satisfaction_score": _satisfaction_score,
    "care_coverage": _care_coverage,
}
NOW_DEPENDENT = frozenset({"payout_within_48h"})
SNAPSHOT_KEYS = ("profile_completeness", "field_validity")
CHANGE_KEYS = tuple(t.key for t in kpi.KPI_TARGETS if t.comparison == "change_vs_last_year")


# ---- public API ---------------------------------------------------------------------------

def _now(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else now


def _measures(conn: Any, scope: KpiScope, w: Window, marks: kpi_cache.Marks,
              keys: Iterable[str]) -> dict[str, float | None]:
    """The measures of one period, kept ones served (store/kpi_cache.py). A period not over
    yet by `now` counts unpaid claims as late by `now`, so its payout figure is never kept."""
    kept = kpi_cache.KeptMeasures(conn, marks, scope.branch_id, scope.manager_id, w.start, w.end)
    facts = _PeriodFacts(conn, scope, w, kept)
    open_period = from_naive_utc(w.end_utc) > w.now
    found = {key: kept.value(key, lambda key=key: facts.measure(key),
                             keep=not (open_period and key in NOW_DEPENDENT))
             for key in keys}
    kept.save()
    return found


def _results(conn: Any, scope: KpiScope, w: Window, snapshot: dict[str, float | None],
             marks: kpi_cache.Marks) -> list[kpi.KpiResult]:
    actual = dict(snapshot)
    actual.update(_measures(conn, scope, w, marks,
                            (t.key for t in kpi.KPI_TARGETS if t.key not in snapshot)))
    baseline = _measures(conn, scope, w.last_year(), marks, CHANGE_KEYS)
    return [kpi.evaluate(t.key, actual[t.key], baseline.get(t.key)) for t in kpi.KPI_TARGETS]


def kpi_report(conn: Any, scope: KpiScope, start: date, end: date,
               now: datetime | None = None) -> list[kpi.KpiResult]:
    """Every target for [start, end) in `scope`, in `KPI_TARGETS` order.

    `conn` is a SQLAlchemy Connection or Session. `now` (aware UTC) decides which unpaid
    claims are already late; it defaults to the current time.
    """
    marks = kpi_cache.Marks(conn)
    snapshot = _snapshot_rates(conn, scope, marks)
    return _results(conn, scope, Window(start, end, _now(now)), snapshot, marks)


def managers_of(conn: Any, branch_id: str) -> list[tuple[str, str]]:
    """(id, display name) of the branch's account managers, by name."""
    u = User.__table__.c
    return [tuple(r) for r in conn.execute(select(u.id, u.display_name).where(
        u.branch_id == branch_id, u.role == Role.MANAGER, u.deleted.is_(False)
    ).order_by(u.display_name, u.id))]


def kpi_by_manager(conn: Any, branch_id: str, start: date, end: date,
                   now: datetime | None = None) -> list[ManagerKpis]:
    return [ManagerKpis(manager_id, name,
                        kpi_report(conn, KpiScope(branch_id, manager_id), start, end, now))
            for manager_id, name in managers_of(conn, branch_id)]


def _months_back(last_month: date, months: int) -> list[date]:
    index = last_month.year * 12 + last_month.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - months + 1, index + 1)]


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


TREND_MONTHS = "trend_months"  # key in Marks.once: months whose costly parts are read together


def kpi_monthly_trend(conn: Any, scope: KpiScope, until: date, months: int = 12,
                      now: datetime | None = None) -> list[MonthKpis]:
    """One `kpi_report` per month, oldest first, ending with the month containing `until`.
    The snapshot targets (profile completeness, field validity) repeat today's value.
    Months with nothing kept read their care coverage from one pass over all the months."""
    marks = kpi_cache.Marks(conn)
    snapshot = _snapshot_rates(conn, scope, marks)
    firsts = _months_back(until, months)
    every_month = Window(firsts[0], _next_month(firsts[-1]), _now(now))
    marks.once[(TREND_MONTHS, scope)] = [{"window": every_month}, {"window": every_month.last_year()}]
    return [MonthKpis(first, _results(conn, scope, Window(first, _next_month(first), _now(now)),
                                      snapshot, marks))
            for first in firsts]
