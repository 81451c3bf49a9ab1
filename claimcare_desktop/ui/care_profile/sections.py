"""Columns of the profile's tables: claims timeline, visits with attempts, complaints, ..."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from claimcare_desktop.domain.vocab import ClaimStatus
from claimcare_desktop.store.customer_profile import (
    AttemptEntry,
    ClaimEntry,
    CustomerProfile,
    RiskReasonEntry,
    VisitEntry,
)

from ..common.formatting import day, duration, local_time, money
from ..common.records_model import Column
from ..common.risk_reasons import risk_reason_text
from ..labels import label

CONTEXT = "ProfileSections"
LATE = QColor("#fde2e1")
ON_TIME = QColor("#e3f4e1")



def payout_text(claim: ClaimEntry) -> str:
    delay = claim.payout_delay
    if delay is None:
        if claim.awaits_payout:
            return QCoreApplication.translate("ProfileSections", "Not paid yet")
        if claim.status == ClaimStatus.REJECTED:
            return QCoreApplication.translate("ProfileSections", "No payout (rejected)")
        return ""
    text = duration(delay)
    return QCoreApplication.translate("ProfileSections", "%1 — over 48 h").replace("%1", text) if claim.payout_late else text


def payout_colour(claim: ClaimEntry) -> QColor | None:
    if claim.payout_delay is None:
        return None
    return LATE if claim.payout_late else ON_TIME


CLAIM_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Claim no."), lambda c: c.claim_no, 160),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Type"), lambda c: label("claim_type", c.claim_type), 60),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Status"), lambda c: label("claim_status", c.status), 70),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Reported"), lambda c: local_time(c.reported_at), 125),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Documents confirmed"), lambda c: local_time(c.documents_confirmed_at), 150),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Paid"), lambda c: local_time(c.paid_at), 125),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Payout time"), payout_text, 200, colour=payout_colour),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Paid amount"), lambda c: money(c.paid_fen), 100, numeric=True),
)


@dataclass(frozen=True)
class VisitLine:
    """One line of the visits table: a visit, or one of its attempts under it."""

    visit: VisitEntry
    attempt: AttemptEntry | None = None


def visit_lines(visits: tuple[VisitEntry, ...]) -> list[VisitLine]:
    lines: list[VisitLine] = []
    for visit in visits:
        lines.append(VisitLine(visit))
        lines.extend(VisitLine(visit, attempt) for attempt in visit.attempts)
    return lines


def _visit_or_attempt(visit_text, attempt_text):
    return lambda line: attempt_text(line.attempt) if line.attempt else visit_text(line.visit)


def _score(value: int | None) -> str:
    return "" if value is None else f"{value}/5"


VISIT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Step / attempt"), _visit_or_attempt(
        lambda v: label("visit_step", v.step),
        lambda a: "    ↳ " + local_time(a.attempted_at)), 150),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Claim no."), _visit_or_attempt(lambda v: v.claim_no, lambda a: ""), 160),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Due"), _visit_or_attempt(lambda v: day(v.due_date), lambda a: ""), 90),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Status / result"), _visit_or_attempt(
        lambda v: label("visit_status", v.status), lambda a: label("attempt_result", a.result)), 100),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Channel"), _visit_or_attempt(lambda v: "", lambda a: label("channel", a.channel)), 70),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Satisfaction"), _visit_or_attempt(
        lambda v: _score(v.satisfaction), lambda a: _score(a.satisfaction)), 80, numeric=True),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "By"), _visit_or_attempt(lambda v: v.assignee_name, lambda a: a.user_name), 80),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Feedback / notes"), _visit_or_attempt(
        lambda v: v.feedback or "", lambda a: a.notes or ""), 200),
)

COMPLAINT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Opened"), lambda c: local_time(c.opened_at), 125),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Category"), lambda c: label("complaint_category", c.category), 90),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "State"), lambda c: label("complaint_state", c.state), 80),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Owner"), lambda c: c.owner_name, 80),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Summary"), lambda c: c.summary, 250),
)

COMMUNICATION_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProfileSections", "When"), lambda c: local_time(c.at), 125),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Channel"), lambda c: label("channel", c.channel), 70),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Direction"), lambda c: QCoreApplication.translate("ProfileSections", "Incoming") if c.direction == "in" else QCoreApplication.translate("ProfileSections", "Outgoing"), 70),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "By"), lambda c: c.user_name, 80),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Summary"), lambda c: c.summary, 300),
)

CARE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Due"), lambda c: day(c.due_date), 90),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Kind"), lambda c: label("care_kind", c.kind), 100),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Title"), lambda c: c.title or "", 200),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Status"), lambda c: QCoreApplication.translate("ProfileSections", "Done") if c.status == "done" else QCoreApplication.translate("ProfileSections", "Planned"), 70),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Done at"), lambda c: local_time(c.done_at), 125),
)


def _reason_text(reason: RiskReasonEntry) -> str:
    return risk_reason_text(reason.code, reason.params)


RISK_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Points"), lambda r: f"+{r.weight}", 60, numeric=True),
    Column(QT_TRANSLATE_NOOP("ProfileSections", "Reason"), _reason_text, 320),
)


def section_rows(profile: CustomerProfile) -> dict[str, list]:
    """The rows of each table section, by section key."""
    return {
        "claims": list(profile.claims),
        "visits": visit_lines(profile.visits),
        "complaints": list(profile.complaints),
        "communications": list(profile.communications),
        "care": list(profile.care_items),
        "risk": list(profile.risk.reasons),
    }
