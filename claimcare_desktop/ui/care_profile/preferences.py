"""Editable contact preferences: channel, best time, do-not-disturb, consent, care notes."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from claimcare_desktop.domain.vocab import CONTACT_CHANNELS
from claimcare_desktop.store.customer_ops import BEST_TIME_MAX, PreferenceEdit
from claimcare_desktop.store.customer_profile import Preferences

from ..widgets import fill_combo


class PreferencesForm(QWidget):
    sig_save = Signal(object)  # PreferenceEdit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = fill_combo(QComboBox(self), "channel", CONTACT_CHANNELS, self.tr("Not set"))
        self.channel.setObjectName("pref_channel")
        self.best_time = QLineEdit(self)
        self.best_time.setObjectName("pref_best_time")
        self.best_time.setMaxLength(BEST_TIME_MAX)
        self.best_time.setPlaceholderText(self.tr("e.g. weekday afternoons"))
        self.do_not_disturb = QCheckBox(self.tr("Do not disturb (service reminders only)"), self)
        self.do_not_disturb.setObjectName("pref_dnd")
        self.consent = QCheckBox(self.tr("Agrees to greetings and offers"), self)
        self.consent.setObjectName("pref_consent")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("pref_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.save_button = QPushButton(self.tr("Save preferences"), self)
        self.save_button.setObjectName("save_preferences")
        self.status = QLabel(self)
        self.status.setObjectName("preferences_status")
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Preferred channel"), self.channel)
        form.addRow(self.tr("Best time to call"), self.best_time)
        form.addRow("", self.do_not_disturb)
        form.addRow("", self.consent)
        form.addRow(self.tr("Care notes"), self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        form.addRow("", buttons)
        self.save_button.clicked.connect(lambda: self.sig_save.emit(self.edit()))

    def show_preferences(self, prefs: Preferences) -> None:
        self.channel.setCurrentIndex(max(self.channel.findData(prefs.preferred_channel), 0))
        self.best_time.setText(prefs.best_time or "")
        self.do_not_disturb.setChecked(prefs.do_not_disturb)
        self.consent.setChecked(prefs.consent_marketing)
        self.notes.setPlainText(prefs.care_notes or "")
        self.status.clear()

    def edit(self) -> PreferenceEdit:
        return PreferenceEdit(self.channel.currentData(), self.best_time.text(),
                              self.do_not_disturb.isChecked(), self.consent.isChecked(),
                              self.notes.toPlainText())

    def show_status(self, text: str, error: bool) -> None:
        self.status.setStyleSheet("color:#b3261e" if error else "color:#1e5c1a")
        self.status.setText(text)
