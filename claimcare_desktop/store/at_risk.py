"""Customers at risk of leaving, highest score first, as the last risk refresh left them
(store/risk_refresh.py): the dashboard's list and the at-risk export read the same query."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from .kpi_queries import KpiScope, customers_in
from .models import Customer, User


@dataclass(frozen=True)
class AtRiskCustomer:
    customer_id: str
    name: str
    phone: str | None
    manager_name: str | None
    score: int
    level: str
    reasons: list[dict[str, Any]]


def at_risk_statement(scope: KpiScope, min_score: int = 1) -> Any:
    """Customers of `scope` with at least `min_score`, highest first."""
    c, u = Customer.__table__.c, User.__table__.c
    return (select(c.id, c.name, c.phone, u.display_name, c.risk_score, c.risk_level,
                   c.risk_reasons, c.id_number, c.tier)
            .select_from(Customer.__table__.outerjoin(User.__table__, u.id == c.manager_id))
            .where(*customers_in(scope), c.risk_score >= min_score)
            .order_by(c.risk_score.desc(), c.id))


def at_risk_customers(conn: Any, scope: KpiScope, limit: int = 100,
                      min_score: int = 1) -> list[AtRiskCustomer]:
    rows = conn.execute(at_risk_statement(scope, min_score).limit(limit))
    return [AtRiskCustomer(r[0], r[1], r[2], r[3], r[4], r[5] or "", list(r[6] or []))
            for r in rows]
