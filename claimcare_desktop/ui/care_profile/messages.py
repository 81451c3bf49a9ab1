"""Errors and risk reasons in the current language.

Codes raised by this area's store operations that the shell's `labels` does not know
are kept here; everything else goes through `labels.error_message`.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from claimcare_desktop.domain.errors import DomainError

from ..labels import error_message

CONTEXT = "CareMessages"

_ERRORS = {
    "text_too_long": QT_TRANSLATE_NOOP("CareMessages", "At most {max} characters, please"),
    "too_many_tags": QT_TRANSLATE_NOOP("CareMessages", "At most {max} tags, please"),
    "customer_not_found": QT_TRANSLATE_NOOP("CareMessages", "This customer no longer exists"),
    "complaint_not_found": QT_TRANSLATE_NOOP("CareMessages", "This complaint no longer exists"),
    "not_owner": QT_TRANSLATE_NOOP("CareMessages", "This complaint belongs to another account manager"),
    "owner_not_in_branch": QT_TRANSLATE_NOOP("CareMessages", "Choose an active colleague of this branch"),
    "supervisor_only": QT_TRANSLATE_NOOP("CareMessages", "Only a supervisor may do this"),
}

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
    template = QCoreApplication.translate("CareMessages", "Something went wrong: {detail}")
    return _fill(template, {"detail": str(error) or type(error).__name__})


def risk_reason_text(code: str, params: dict[str, Any]) -> str:
    source = _RISK_REASONS.get(code)
    if source is None:
        return code
    return _fill(QCoreApplication.translate(CONTEXT, source), params)
