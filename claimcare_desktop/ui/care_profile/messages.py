"""Errors and risk reasons in the current language.

Codes raised by this area's store operations that the shell's `labels` does not know
are kept here; everything else goes through `labels.error_message`.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP as N
from PySide6.QtCore import QCoreApplication

from claimcare_desktop.domain.errors import DomainError

from ..labels import error_message

CONTEXT = "CareMessages"

_ERRORS = {
    "text_too_long": N(CONTEXT, "At most {max} characters, please"),
    "too_many_tags": N(CONTEXT, "At most {max} tags, please"),
    "customer_not_found": N(CONTEXT, "This customer no longer exists"),
    "complaint_not_found": N(CONTEXT, "This complaint no longer exists"),
    "not_owner": N(CONTEXT, "This complaint belongs to another account manager"),
    "owner_not_in_branch": N(CONTEXT, "Choose an active colleague of this branch"),
    "supervisor_only": N(CONTEXT, "Only a supervisor may do this"),
}

_RISK_REASONS = {
    "low_satisfaction": N(CONTEXT, "Last visit scored {score} of 5"),
    "lukewarm_satisfaction": N(CONTEXT, "Last visit scored only {score} of 5"),
    "open_complaint": N(CONTEXT, "{count} open complaint(s)"),
    "breached_complaint": N(CONTEXT, "{count} complaint(s) past their deadline"),
    "late_payout": N(CONTEXT, "{count} payout(s) later than 48 h"),
    "unreachable_visit": N(CONTEXT, "{count} visit(s) could not reach the customer"),
    "renewal_due": N(CONTEXT, "A policy ends in {days} days"),
    "rejected_claim": N(CONTEXT, "{count} rejected claim(s)"),
    "partial_claim": N(CONTEXT, "{count} claim(s) paid only in part"),
}


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def error_text(error: BaseException) -> str:
    if isinstance(error, DomainError):
        source = _ERRORS.get(error.code)
        if source is not None:
            return _fill(QCoreApplication.translate(CONTEXT, source), error.params)
        return error_message(error)
    template = QCoreApplication.translate(CONTEXT, "Could not save: {detail}")
    return _fill(template, {"detail": str(error) or type(error).__name__})


def risk_reason_text(code: str, params: dict[str, Any]) -> str:
    source = _RISK_REASONS.get(code)
    if source is None:
        return code
    return _fill(QCoreApplication.translate(CONTEXT, source), params)
