"""At-risk customers: risk score and the reasons behind it (as of the last refresh)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..store import report_queries as rq
from ..store.at_risk import at_risk_statement
from .i18n import Translator
from .request import ReportInput
from .workbook import Column, Sheet

TITLE = "at-risk"
COLUMNS = (
    Column("Customer"), Column("Phone number"), Column("ID number"), Column("Tier"),
    Column("Account manager"), Column("Risk score", "int"), Column("Risk level"), Column("Reasons"),
)
TIERS = {"standard": "Standard", "silver": "Silver", "gold": "Gold", "vip": "VIP"}


def reasons_text(tr: Translator, reasons: list[dict[str, Any]] | None) -> str:
    """'Low satisfaction (25); Open complaint (15)': each reason with its weight."""
    return "; ".join(f"{tr.label('risk_reason', r.get('code'))} ({r.get('weight')})"
                     for r in reasons or [])


def _rows(inp: ReportInput) -> Iterator[tuple[Any, ...]]:
    tr = inp.tr
    for r in rq.stream(inp.conn, at_risk_statement(inp.scope)):
        yield (r.name, inp.phone(r.phone), inp.id_number(r.id_number),
               tr.text(TIERS.get(r.tier, r.tier or "")), r.display_name, r.risk_score,
               tr.label("risk_level", r.risk_level), reasons_text(tr, r.risk_reasons))


def sheets(inp: ReportInput) -> list[Sheet]:
    return [Sheet("Customers", COLUMNS, _rows(inp), rq.count(inp.conn, at_risk_statement(inp.scope)))]
