"""Words of the Export workspace that come from codes: reports, presets, errors."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "export"

REPORT_NAMES = {
    "visits": QT_TRANSLATE_NOOP("export", "Visit register"),
    "complaints": QT_TRANSLATE_NOOP("export", "Complaint register"),
    "kpi": QT_TRANSLATE_NOOP("export", "KPI report"),
    "care": QT_TRANSLATE_NOOP("export", "Care list"),
    "at-risk": QT_TRANSLATE_NOOP("export", "At-risk customers"),
}
REPORT_HINTS = {
    "visits": QT_TRANSLATE_NOOP("export", "Every visit due in the period and every attempt made in it, "
                                          "with outcome, satisfaction and whether it was on time."),
    "complaints": QT_TRANSLATE_NOOP("export", "Every complaint opened in the period: owner, category, "
                                              "hours to first response and to solution, SLA and statutory clocks."),
    "kpi": QT_TRANSLATE_NOOP("export", "Every target of the care plan against its actual value, per "
                                       "account manager and per month, with a trend chart."),
    "care": QT_TRANSLATE_NOOP("export", "Care items (birthdays, festivals, reminders) due in the period."),
    "at-risk": QT_TRANSLATE_NOOP("export", "Customers by churn risk score, with the reasons behind it "
                                           "(today's scores; the period does not apply)."),
}
PRESET_NAMES = {
    "this_month": QT_TRANSLATE_NOOP("export", "This month"),
    "last_month": QT_TRANSLATE_NOOP("export", "Last month"),
    "this_quarter": QT_TRANSLATE_NOOP("export", "This quarter"),
    "last_quarter": QT_TRANSLATE_NOOP("export", "Last quarter"),
    "this_year": QT_TRANSLATE_NOOP("export", "This year"),
    "last_year": QT_TRANSLATE_NOOP("export", "Last year"),
}
ERRORS = {
    "bad_argument": QT_TRANSLATE_NOOP("export", "The export settings are not valid."),
    "unknown_report": QT_TRANSLATE_NOOP("export", "Unknown report."),
    "bad_period": QT_TRANSLATE_NOOP("export", "The period must start on or before its last day."),
    "unknown_user": QT_TRANSLATE_NOOP("export", "Your user is not in this profile."),
    "user_required": QT_TRANSLATE_NOOP("export", "Nobody is signed in."),
    "not_writable": QT_TRANSLATE_NOOP("export", "Cannot write to {path}: choose another folder."),
    "in_use": QT_TRANSLATE_NOOP("export", "{path} is open in another program or read-only. "
                                          "Close it or choose another file name."),
    "unmasked_supervisor_only": QT_TRANSLATE_NOOP("export", "Only a supervisor may export full phone "
                                                            "and ID numbers."),
    "branch_supervisor_only": QT_TRANSLATE_NOOP("export", "Only a supervisor may export the whole branch."),
    "cancelled": QT_TRANSLATE_NOOP("export", "Export cancelled; no file was written."),
}


def tr(source: str, **params: object) -> str:
    text = QCoreApplication.translate(CONTEXT, source)
    return text.format(**params) if params else text


def error_text(code: str, params: dict) -> str:
    source = ERRORS.get(code)
    if source is None:
        return code
    return tr(source, **{k: v for k, v in params.items() if isinstance(v, str)})
