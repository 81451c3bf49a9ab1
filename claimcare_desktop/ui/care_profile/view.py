"""One customer's care profile: header above, one tab per section."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from claimcare_desktop.store.customer_profile import CustomerProfile

from ..common.clock import utc_now
from ..common.records_model import RecordsModel
from ..common.table_views import records_view
from .communications import CommunicationsPanel
from .header import ProfileHeader
from .preferences import PreferencesForm
from .sections import (
    CARE_COLUMNS,
    CLAIM_COLUMNS,
    COMPLAINT_COLUMNS,
    CONTEXT,
    RISK_COLUMNS,
    VISIT_COLUMNS,
    section_rows,
)
from .timeline import ClaimsTimeline


class ProfileView(QWidget):
    sig_open_complaint = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ProfileHeader(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("profile_tabs")
        self.models = {
            "claims": RecordsModel(CONTEXT, CLAIM_COLUMNS, self),
            "visits": RecordsModel(CONTEXT, VISIT_COLUMNS, self),
            "complaints": RecordsModel(CONTEXT, COMPLAINT_COLUMNS, self),
            "care": RecordsModel(CONTEXT, CARE_COLUMNS, self),
            "risk": RecordsModel(CONTEXT, RISK_COLUMNS, self),
        }
        self.views = {key: records_view(model, self, f"{key}_table") for key, model in self.models.items()}
        self.communications = CommunicationsPanel(self)
        self.models["communications"] = self.communications.model
        self.preferences = PreferencesForm(self)
        self.timeline = ClaimsTimeline(self)
        self.risk_summary = QLabel(self)
        self.risk_summary.setObjectName("risk_summary")
        self.risk_summary.setWordWrap(True)
        self._add_tabs()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.views["complaints"].activated.connect(self._complaint_activated)
        self.views["complaints"].doubleClicked.connect(self._complaint_activated)

    def _add_tabs(self) -> None:
        risk = QWidget(self)
        risk_layout = QVBoxLayout(risk)
        risk_layout.addWidget(self.risk_summary)
        risk_layout.addWidget(self.views["risk"], 1)
        claims = QWidget(self)
        claims_layout = QVBoxLayout(claims)
        legend = QLabel(self.tr("Time from documents confirmed to payout: green within 48 h, red later, "
                                "dashed grey not paid yet."), claims)
        legend.setStyleSheet("color:#666")
        claims_layout.addWidget(self.timeline)
        claims_layout.addWidget(legend)
        claims_layout.addWidget(self.views["claims"], 1)
        self.tabs.addTab(claims, self.tr("Claims && payouts"))
        self.tabs.addTab(self.views["visits"], self.tr("Visits"))
        self.tabs.addTab(self.views["complaints"], self.tr("Complaints"))
        self.tabs.addTab(self.communications, self.tr("Communications"))
        self.tabs.addTab(self.preferences, self.tr("Preferences"))
        self.tabs.addTab(self.views["care"], self.tr("Care plan"))
        self.tabs.addTab(risk, self.tr("Risk"))

    def show_profile(self, profile: CustomerProfile, keep_edits: bool = False) -> None:
        self.header.show_profile(profile)
        self.timeline.set_claims(list(profile.claims), utc_now().replace(tzinfo=None))
        for key, rows in section_rows(profile).items():
            self.models[key].set_rows(rows)
        if not keep_edits:
            self.preferences.show_preferences(profile.preferences)
        self._show_risk_summary(profile)

    def _show_risk_summary(self, profile: CustomerProfile) -> None:
        risk = profile.risk
        if risk.score is None:
            self.risk_summary.setText(self.tr("The risk score has not been computed yet."))
        elif not risk.reasons:
            self.risk_summary.setText(self.tr("Score %1: no warning signs.").replace("%1", str(risk.score)))
        else:
            self.risk_summary.setText(self.tr("Score %1 of 100, made of:").replace("%1", str(risk.score)))

    def _complaint_activated(self, index) -> None:
        entry = self.models["complaints"].row_at(index.row())
        if entry is not None:
            self.sig_open_complaint.emit(entry.id)
