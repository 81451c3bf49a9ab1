"""KPI names and values as a supervisor reads them: rates in %, hours, score points."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from claimcare_desktop.domain.kpi import TARGETS_BY_KEY, KpiResult
from claimcare_desktop.domain.vocab import Comparison

from ..common.formatting import percent

CONTEXT = "KpiNames"
NAMES = {
    "profile_completeness": QT_TRANSLATE_NOOP("KpiNames", "Complete customer profiles"),
    "field_validity": QT_TRANSLATE_NOOP("KpiNames", "Valid profile fields"),
    "payout_within_48h": QT_TRANSLATE_NOOP("KpiNames", "Payouts within 48 h"),
    "visit_coverage": QT_TRANSLATE_NOOP("KpiNames", "Closed claims visited"),
    "visit_satisfaction": QT_TRANSLATE_NOOP("KpiNames", "Visits satisfied (4–5)"),
    "care_coverage": QT_TRANSLATE_NOOP("KpiNames", "Customers given personal care"),
    "complaint_rate": QT_TRANSLATE_NOOP("KpiNames", "Complaints per closed claim"),
    "resolution_rate": QT_TRANSLATE_NOOP("KpiNames", "Complaints resolved"),
    "renewal_rate": QT_TRANSLATE_NOOP("KpiNames", "Renewals after a claim"),
    "response_time": QT_TRANSLATE_NOOP("KpiNames", "Mean complaint response time"),
    "satisfaction_score": QT_TRANSLATE_NOOP("KpiNames", "Satisfaction score (0–100)"),
}
ON = QColor("#e3f4e1")
OFF = QColor("#fde2e1")
UNKNOWN = QColor("#eeeeee")



def kpi_name(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, NAMES[key]) if key in NAMES else key


def value_text(key: str, value: float | None) -> str:
    if value is None:
        return "—"
    if key == "response_time":
        return QCoreApplication.translate("KpiNames", "%1 h").replace("%1", f"{value:.1f}")
    if key == "satisfaction_score":
        return f"{value:.1f}"
    return percent(value)


def rule_text(key: str) -> str:
    """The target as the source plan states it: '≥ 80.0%', '−15% vs last year', ..."""
    target = TARGETS_BY_KEY[key]
    if target.comparison == Comparison.AT_LEAST:
        return "≥ " + value_text(key, target.target)
    if target.comparison == Comparison.AT_MOST:
        return "≤ " + value_text(key, target.target)
    if target.in_points:
        change = f"{target.target:+g}"
        return QCoreApplication.translate("KpiNames", "%1 points vs last year").replace("%1", change)
    change = f"{target.target * 100:+.0f}%"
    return QCoreApplication.translate("KpiNames", "%1 vs last year").replace("%1", change)


def status_text(result: KpiResult) -> str:
    if result.on_target is None:
        return QCoreApplication.translate("KpiNames", "No data")
    return QCoreApplication.translate("KpiNames", "On target") if result.on_target else QCoreApplication.translate("KpiNames", "Off target")


def status_colour(result: KpiResult) -> QColor:
    if result.on_target is None:
        return UNKNOWN
    return ON if result.on_target else OFF
