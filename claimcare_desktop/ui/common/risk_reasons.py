"""Why a customer is at risk, in the current language (codes from domain.risk)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from .message_fill import fill

CONTEXT = "CareMessages"  # kept from before the move so the .ts entries still match

_RISK_REASONS = {
    "low_satisfaction": QT_TRANSLATE_NOOP("CareMessages", "Last visit scored {score} of 5"),
    "lukewarm_satisfaction": QT_TRANSLATE_NOOP("CareMessages", "Last visit scored only {score} of 5"),
    "open_complaint": QT_TRANSLATE_NOOP("CareMessages", "{count} open complaint(s)"),
    "breached_complaint": QT_TRANSLATE_NOOP("CareMessages", "{count} complaint(s) past their deadline"),
    "late_payout": QT_TRANSLATE_NOOP("CareMessages", "{count} payout(s) later than 48 h"),
    "unreachable_visit": QT_TRANSLATE_NOOP("CareMessages", "{count} visit(s) could not reach the customer"),
    "renewal_due": QT_TRANSLATE_NOOP("CareMessages", "A policy ends in {days} days"),
    "rejected_claim": QT_TRANSLATE_NOOP("CareMessages", "{count} rejected claim(s)"),
    "partial_claim": QT_TRANSLATE_NOOP("CareMessages", "{count} claim(s) paid only in part"),
}


def risk_reason_text(code: str, params: dict[str, Any]) -> str:
    source = _RISK_REASONS.get(code)
    if source is None:
        return code
    return fill(QCoreApplication.translate(CONTEXT, source), params)
