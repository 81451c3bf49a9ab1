"""The profile header: who the customer is, masked numbers with an audited reveal, tags."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from claimcare_desktop.store.customer_profile import CustomerProfile

from ..labels import label

_RISK_STYLE = {"high": "background:#fde2e1;color:#8c1d18", "medium": "background:#fff1cc;color:#6d4c00",
               "low": "background:#e3f4e1;color:#1e5c1a"}
_BADGE = "border-radius:4px;padding:2px 8px;"


class ProfileHeader(QFrame):
    sig_reveal = Signal(str)  # "phone" | "id_number"
    sig_edit_tags = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile_header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel(self)
        self.name.setObjectName("customer_name")
        self.name.setStyleSheet("font-size:18px;font-weight:bold")
        self.tier = QLabel(self)
        self.tier.setStyleSheet(_BADGE + "background:#e8eaf6;color:#283593")
        self.risk = QLabel(self)
        self.tags = QLabel(self)
        self.tags.setObjectName("customer_tags")
        self.tags.setWordWrap(True)
        self.manager = QLabel(self)
        self.advisor = QLabel(self)
        self.phone = QLabel(self)
        self.phone.setObjectName("customer_phone")
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.id_number = QLabel(self)
        self.id_number.setObjectName("customer_id_number")
        self.id_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_phone = QPushButton(self.tr("Reveal"), self)
        self.reveal_phone.setObjectName("reveal_phone")
        self.reveal_id = QPushButton(self.tr("Reveal"), self)
        self.reveal_id.setObjectName("reveal_id_number")
        for button in (self.reveal_phone, self.reveal_id):
            button.setToolTip(self.tr("Show the full number. This is recorded in the audit log."))
        self.edit_tags = QPushButton(self.tr("Edit tags…"), self)
        self.edit_tags.setObjectName("edit_tags")
        self._layout()
        self.reveal_phone.clicked.connect(lambda: self.sig_reveal.emit("phone"))
        self.reveal_id.clicked.connect(lambda: self.sig_reveal.emit("id_number"))
        self.edit_tags.clicked.connect(self.sig_edit_tags.emit)

    def _layout(self) -> None:
        title = QHBoxLayout()
        title.addWidget(self.name)
        title.addWidget(self.tier)
        title.addWidget(self.risk)
        title.addStretch(1)
        grid = QGridLayout(self)
        grid.addLayout(title, 0, 0, 1, 6)
        cells = (
            (1, 0, self.tr("Account manager"), self.manager), (1, 3, self.tr("Dedicated advisor"), self.advisor),
            (2, 0, self.tr("Phone"), self.phone), (2, 3, self.tr("ID number"), self.id_number),
            (3, 0, self.tr("Care tags"), self.tags),
        )
        for row, column, caption, widget in cells:
            grid.addWidget(QLabel(caption, self), row, column)
            grid.addWidget(widget, row, column + 1, 1, 4 if widget is self.tags else 1)
        grid.addWidget(self.reveal_phone, 2, 2)
        grid.addWidget(self.reveal_id, 2, 5)
        grid.addWidget(self.edit_tags, 3, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)

    def show_profile(self, profile: CustomerProfile) -> None:
        header, risk = profile.header, profile.risk
        self.name.setText(header.name)
        self.tier.setText(label("tier", header.tier))
        level = risk.level or "low"
        self.risk.setText(self.tr("Risk: %1 (%2)").replace("%1", label("risk_level", level))
                          .replace("%2", str(risk.score or 0)))
        self.risk.setStyleSheet(_BADGE + _RISK_STYLE.get(level, ""))
        self.tags.setText("、".join(header.tags) if header.tags else self.tr("No tags yet"))
        self.manager.setText(header.manager_name or "—")
        self.advisor.setText(header.advisor_name or self.tr("None assigned"))
        self.show_number("phone", header.masked_phone, revealed=False)
        self.show_number("id_number", header.masked_id, revealed=False)

    def show_number(self, field: str, text: str, revealed: bool) -> None:
        target, button = ((self.phone, self.reveal_phone) if field == "phone"
                          else (self.id_number, self.reveal_id))
        target.setText(text or "—")
        button.setEnabled(bool(text) and not revealed)
