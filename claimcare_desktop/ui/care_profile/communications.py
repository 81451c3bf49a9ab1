"""The communication log: the history table and a line to add what was just said."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from claimcare_desktop.domain.vocab import CONTACT_CHANNELS
from claimcare_desktop.store.customer_ops import SUMMARY_MAX

from ..common.records_model import RecordsModel
from ..common.table_views import records_view
from ..widgets import fill_combo
from .sections import COMMUNICATION_COLUMNS, CONTEXT


class CommunicationsPanel(QWidget):
    sig_add = Signal(str, str, str)  # channel, direction, summary

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordsModel(CONTEXT, COMMUNICATION_COLUMNS, self)
        self.table = records_view(self.model, self, "communications_table")
        self.channel = fill_combo(QComboBox(self), "channel", CONTACT_CHANNELS)
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("Outgoing"), "out")
        self.direction.addItem(self.tr("Incoming"), "in")
        self.summary = QLineEdit(self)
        self.summary.setObjectName("communication_summary")
        self.summary.setMaxLength(SUMMARY_MAX)
        self.summary.setPlaceholderText(self.tr("What was said or sent"))
        self.add_button = QPushButton(self.tr("Add to log"), self)
        self.add_button.setObjectName("add_communication")
        self.status = QLabel(self)
        self.status.setStyleSheet("color:#b3261e")
        entry = QHBoxLayout()
        entry.addWidget(self.channel)
        entry.addWidget(self.direction)
        entry.addWidget(self.summary, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self._add)
        self.summary.returnPressed.connect(self._add)

    def _add(self) -> None:
        self.sig_add.emit(self.channel.currentData(), self.direction.currentData(), self.summary.text())

    def added(self) -> None:
        self.summary.clear()
        self.status.clear()
