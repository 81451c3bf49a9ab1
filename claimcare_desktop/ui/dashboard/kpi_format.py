"""KPI names and values as a supervisor reads them: rates in %, hours, score points."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP as N
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from claimcare_desktop.domain.kpi import KpiResult

from ..care_profile.formatting import percent

CONTEXT = "KpiNames"
NAMES = {
    "profile_completeness": N(CONTEXT, "Complete customer profiles"),
    "field_validity": N(CONTEXT, "Valid profile fields"),
    "payout_within_48h": N(CONTEXT, "Payouts within 48 h"),
    "visit_coverage": N(CONTEXT, "Closed claims visited"),
    "visit_satisfaction": N(CONTEXT, "Visits satisfied (4–5)"),
    "care_coverage": N(CONTEXT, "Customers given personal care"),
    "complaint_rate": N(CONTEXT, "Complaints per closed claim"),
    "resolution_rate": N(CONTEXT, "Complaints resolved"),
    "renewal_rate": N(CONTEXT, "Renewals after a claim"),
    "response_time": N(CONTEXT, "Mean complaint response time"),
    "satisfaction_score": N(CONTEXT, "Satisfaction score (0–100)"),
}
ON = QColor("#e3f4e1")
OFF = QColor("#fde2e1")
UNKNOWN = QColor("#eeeeee")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kpi_name(key: str) -> str:
    return _tr(NAMES[key]) if key in NAMES else key


def value_text(key: str, value: float | None) -> str:
    if value is None:
        return "—"
    if key == "response_time":
        return _tr("%1 h").replace("%1", f"{value:.1f}")
    if key == "satisfaction_score":
        return f"{value:.1f}"
    return percent(value)


def status_text(result: KpiResult) -> str:
    if result.on_target is None:
        return _tr("No data")
    return _tr("On target") if result.on_target else _tr("Off target")


def status_colour(result: KpiResult) -> QColor:
    if result.on_target is None:
        return UNKNOWN
    return ON if result.on_target else OFF
