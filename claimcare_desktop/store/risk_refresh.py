"""Risk score, level and reasons of customers (LOCAL_FIELDS), recomputed from synced facts."""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection

from claimcare_desktop.domain.risk import RiskFacts, score_risk

from . import codec
from .id_filter import customer_batches
from .risk_facts import gather


def _reasons_json(reasons) -> str:
    return json.dumps([{"code": r.code, "weight": r.weight,
                        "params": {k: codec.encode(v) for k, v in r.detail_params.items()}}
                       for r in reasons], ensure_ascii=False)


def _risk_updates(conn: Connection, today: date, only) -> tuple[int, list[tuple]]:
    """(customers scored, updates for those whose stored risk differs)."""
    stored = {row[0]: tuple(row[1:]) for row in conn.exec_driver_sql(
        f"SELECT id, risk_score, risk_level, risk_reasons FROM customers WHERE deleted = 0 {only('id')}")}
    defaults = RiskFacts()
    facts = [(name, values, getattr(defaults, name))
             for name, values in gather(conn, today, only("customer_id")).items()]
    with_facts = set().union(*(values for _name, values, _default in facts))
    nothing = score_risk(defaults, today)
    # Customers with the same facts get the same risk: score each combination once.
    scored: dict[RiskFacts, tuple] = {defaults: _stored_form(nothing)}
    updates = []
    for cid, before in stored.items():
        own = defaults if cid not in with_facts else RiskFacts(**{
            name: values.get(cid, default) for name, values, default in facts})
        after = scored.get(own)
        if after is None:
            after = scored[own] = _stored_form(score_risk(own, today))
        if after != before:
            updates.append((*after, cid))
    return len(stored), updates


def _stored_form(risk) -> tuple:
    return risk.score, str(risk.level), _reasons_json(risk.reasons)


def refresh_risk(conn: Connection, today: date, customer_ids: Iterable[str] | None = None) -> int:
    """Risk score, level and reasons (domain.risk) of the live customers, as of `today`,
    gathered with grouped queries per batch of customers; only changed values are written.
    Returns how many customers were scored."""
    done = 0
    for only in customer_batches(conn, customer_ids):
        scored, updates = _risk_updates(conn, today, only)
        if updates:
            conn.exec_driver_sql("UPDATE customers SET risk_score = ?, risk_level = ?, "
                                 "risk_reasons = ? WHERE id = ?", updates)
        done += scored
    return done
