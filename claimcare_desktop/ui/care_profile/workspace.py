"""The care profile workspace: search on the left, the chosen customer's profile on the right.

Every read and write runs on the database lane; after a write the change bus tells the
other screens, and the profile reloads itself.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.store import customer_ops
from claimcare_desktop.store.customer_profile import CustomerProfile, load_profile

from ..common.error_messages import error_text
from ..common.layout_memory import LayoutMemory
from ..context import AppContext
from .search import SearchPanel
from .view import ProfileView

PROFILE_TABLES = frozenset({"customers", "claims", "visits", "visit_attempts", "complaints",
                            "communications", "care_items", "policies"})
TAG_SEPARATORS = (",", "，", "、", ";", "；")


def split_tags(text: str) -> list[str]:
    for separator in TAG_SEPARATORS[1:]:
        text = text.replace(separator, TAG_SEPARATORS[0])
    return text.split(TAG_SEPARATORS[0])


class Workspace(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: str | None = None
        self.profile: CustomerProfile | None = None
        self.revealed: dict[str, str] = {}
        self.confirm_box: QMessageBox | None = None
        self.tags_dialog: QInputDialog | None = None
        self.error_box: QMessageBox | None = None
        self.search = SearchPanel(ctx, self)
        self.view = ProfileView(self)
        self.empty = QLabel(self.tr("Find a customer by name, pinyin or initials (e.g. zw for 张伟), "
                                    "the last four digits of the phone, a policy or a claim number."), self)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#666;font-size:14px;padding:40px")
        self.body = QStackedWidget(self)
        self.body.addWidget(self.empty)
        self.body.addWidget(self.view)
        splitter = QSplitter(self)
        splitter.addWidget(self.search)
        splitter.addWidget(self.body)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.layout_memory = LayoutMemory(ctx, "care_profile", {
            "splitter": splitter, "results": self.search.results.horizontalHeader()})
        self.layout_memory.restore()
        self._connect()

    def _connect(self) -> None:
        self.search.sig_chosen.connect(self.open_customer)
        self.view.header.sig_reveal.connect(self.ask_reveal)
        self.view.header.sig_edit_tags.connect(self.edit_tags)
        self.view.preferences.sig_save.connect(self.save_preferences)
        self.view.communications.sig_add.connect(self.add_communication)
        self.view.sig_open_complaint.connect(
            lambda complaint_id: self.ctx.navigate("complaints", complaint_id=complaint_id))
        self.ctx.changes.sig_changed.connect(self._on_changed)

    def nav_title(self) -> str:
        return self.tr("Care profile")

    def focus_search(self) -> None:
        self.search.focus()

    def save_layout(self) -> None:
        self.layout_memory.save()

    # ---- loading ----
    def refresh(self) -> None:
        if self.customer_id is not None:
            self._load(self.customer_id, keep_edits=False)

    def open_customer(self, customer_id: str) -> None:
        if customer_id != self.customer_id:
            self.revealed = {}
        self.customer_id = customer_id
        self._load(customer_id, keep_edits=False)

    def _load(self, customer_id: str, keep_edits: bool) -> None:
        engine = self.ctx.profile.engine

        def job(state):
            with engine.connect() as conn:
                return load_profile(conn, customer_id)

        self.ctx.tasks.run_db(job, on_done=lambda p: self._show(p, keep_edits), on_error=self._load_failed)

    def _show(self, profile: CustomerProfile, keep_edits: bool) -> None:
        if profile.header.id != self.customer_id:
            return  # another customer was chosen meanwhile
        self.profile = profile
        self.view.show_profile(profile, keep_edits)
        for field, value in self.revealed.items():
            self.view.header.show_number(field, value, revealed=True)
        self.body.setCurrentWidget(self.view)

    def _load_failed(self, error: BaseException) -> None:
        self.customer_id = None
        self.empty.setText(error_text(error))
        self.body.setCurrentWidget(self.empty)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if self.customer_id is not None and tables & PROFILE_TABLES:
            self._load(self.customer_id, keep_edits=True)

    # ---- writes ----
    def _write(self, job: Callable[[], Any], tables: set[str], on_done: Callable[[Any], None],
               on_error: Callable[[str], None]) -> None:
        def done(result):
            self.ctx.changes.notify(tables)
            on_done(result)

        self.ctx.tasks.run_db(lambda state: job(), on_done=done,
                              on_error=lambda error: on_error(error_text(error)))

    def save_preferences(self, edit: customer_ops.PreferenceEdit) -> None:
        profile, user_id, customer_id = self.ctx.profile, self.ctx.user.id, self.customer_id
        form = self.view.preferences
        self._write(lambda: customer_ops.save_preferences(profile, user_id, customer_id, edit),
                    {"customers"}, lambda _r: form.show_status(self.tr("Saved."), error=False),
                    lambda message: form.show_status(message, error=True))

    def add_communication(self, channel: str, direction: str, summary: str) -> None:
        profile, user_id, customer_id = self.ctx.profile, self.ctx.user.id, self.customer_id
        panel = self.view.communications
        self._write(lambda: customer_ops.add_communication(profile, user_id, customer_id, channel,
                                                           summary, direction),
                    {"communications"}, lambda _r: panel.added(), panel.status.setText)

    def edit_tags(self) -> None:
        if self.profile is None:
            return
        self.tags_dialog = QInputDialog(self)
        self.tags_dialog.setWindowTitle(self.tr("Care tags"))
        self.tags_dialog.setLabelText(self.tr("Tags, separated by commas:"))
        self.tags_dialog.setTextValue("，".join(self.profile.header.tags))
        self.tags_dialog.textValueSelected.connect(self.save_tags)
        self.tags_dialog.open()

    def save_tags(self, text: str) -> None:
        profile, user_id, customer_id = self.ctx.profile, self.ctx.user.id, self.customer_id
        self._write(lambda: customer_ops.save_tags(profile, user_id, customer_id, split_tags(text)),
                    {"customers"}, lambda _r: None, self._warn)

    def ask_reveal(self, field: str) -> None:
        what = self.tr("phone number") if field == "phone" else self.tr("ID number")
        self.confirm_box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reveal %1?").replace("%1", what),
                                       self.tr("The full %1 is sensitive personal information. Showing it "
                                               "is recorded in the audit log under your name. Continue?")
                                       .replace("%1", what),
                                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.confirm_box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm_box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self.reveal(field))
        self.confirm_box.open()

    def reveal(self, field: str) -> None:
        profile, user_id, customer_id = self.ctx.profile, self.ctx.user.id, self.customer_id

        def shown(value: str) -> None:
            if customer_id == self.customer_id:
                self.revealed[field] = value
                self.view.header.show_number(field, value, revealed=True)

        self._write(lambda: customer_ops.reveal(profile, user_id, customer_id, field),
                    {"audit_log"}, shown, self._warn)

    def _warn(self, message: str) -> None:
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), message,
                                     QMessageBox.StandardButton.Ok, self)
        self.error_box.open()
