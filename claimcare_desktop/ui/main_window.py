"""The main window: navigation, menus, shortcuts and the status bar. Nothing else.

A workspace is imported and built the first time it is shown (or asked for by name):
until then an empty placeholder holds its place in the stack, so start-up pays for the
first workspace only. After a language switch the built workspaces are dropped and the
current one is built again, so each comes back in the new language whether or not it
handles LanguageChange itself.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from . import settings as opt
from .context import AppContext
from .i18n import LANGUAGES
from .reminders.banner import Banner
from .workspaces import WorkspaceEntry, present_workspaces

NAV_WIDTH = 150
NAV_STYLE = ("QListWidget#navigation { font-size: 14px; border: none; outline: 0;"
             " background: #f3f5f7; }"
             "QListWidget#navigation::item { padding: 10px 14px; }"
             "QListWidget#navigation::item:selected { background: #1f6fb2; color: white; }")


class MainWindow(QMainWindow):
    sig_language_requested = Signal(str)
    sig_sync_requested = Signal()
    sig_sign_in_again_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main_window")
        self._entries: list[WorkspaceEntry] = [
            e for e in present_workspaces() if ctx.user.is_supervisor or not e.supervisor_only
        ]
        self._pages: dict[str, QWidget] = {}  # the workspaces built so far
        self._build_body()
        self._build_actions()
        self._build_menus()
        ctx.set_navigator(self.navigate)
        self.retranslate()
        self._restore_layout()

    # ---- layout ----
    def _build_body(self) -> None:
        body = QWidget(self)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget(body)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setStyleSheet(NAV_STYLE)
        self.stack = QStackedWidget(body)
        self.banner = Banner(body)
        for entry in self._entries:
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, entry.name)
            self.stack.addWidget(QWidget(self.stack))  # placeholder until first shown
        self.nav.currentRowChanged.connect(self._show_row)
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        layout.addLayout(column, 1)
        self.setCentralWidget(body)

    def _build_actions(self) -> None:
        self.act_sync = self._action("F5", self.sig_sync_requested.emit)
        self.act_sign_in_again = self._action(None, self.sig_sign_in_again_requested.emit)
        self.act_search = self._action(QKeySequence.StandardKey.Find, self._focus_search)
        self.act_log_visit = self._action("Ctrl+L", self._log_visit)
        self.act_quit = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.act_languages = {
            lang: self._action(
                None, lambda _=False, lang=lang: self.sig_language_requested.emit(lang))
            for lang in LANGUAGES
        }
        self.act_workspaces = [
            self._action(f"Ctrl+{i + 1}", lambda _=False, row=i: self.nav.setCurrentRow(row))
            for i in range(len(self._entries))
        ]

    def _action(self, shortcut: Any, slot: Any) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_sync)
        self.menu_file.addAction(self.act_sign_in_again)
        self.menu_language = self.menu_file.addMenu("")
        for action in self.act_languages.values():
            self.menu_language.addAction(action)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_go = bar.addMenu("")
        for action in self.act_workspaces:
            self.menu_go.addAction(action)
        self.menu_go.addSeparator()
        self.menu_go.addAction(self.act_search)
        self.menu_go.addAction(self.act_log_visit)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ClaimCare Desktop — %1 (%2)")
                            .replace("%1", self.ctx.user.display_name)
                            .replace("%2", self.ctx.user.branch_name))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_go.setTitle(self.tr("&Go"))
        self.act_sync.setText(self.tr("&Sync now"))
        self.act_sync.setToolTip(self.tr("Exchange changes with HQ now (F5)"))
        self.act_sign_in_again.setText(self.tr("Sign &in again…"))
        self.act_sign_in_again.setToolTip(self.tr("Enter your password again, e.g. when HQ "
                                                  "no longer accepts this PC's sign-in"))
        self.act_search.setText(self.tr("&Search"))
        self.act_log_visit.setText(self.tr("&Log a visit"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_languages["zh_CN"].setText("中文（简体）")
        self.act_languages["en"].setText("English")
        for row, entry in enumerate(self._entries):
            title = entry.nav_title()
            self.nav.item(row).setText(title)
            self.act_workspaces[row].setText(title)

    # ---- navigation ----
    def _page_at(self, row: int) -> QWidget:
        """The workspace in `row`, imported and built in place of its placeholder if needed."""
        entry = self._entries[row]
        page = self._pages.get(entry.name)
        if page is None:
            page = entry.load()(self.ctx, self.stack)
            page.setObjectName(f"workspace_{entry.name}")
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[entry.name] = page
        return page

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentWidget(self._page_at(row))
        self.ctx.settings.set(opt.LAST_WORKSPACE, self._entries[row].name)

    def _names(self) -> list[str]:
        return [entry.name for entry in self._entries]

    def workspace(self, name: str) -> QWidget | None:
        """The workspace called `name`, built if needed (None when not registered)."""
        names = self._names()
        return self._page_at(names.index(name)) if name in names else None

    def built_workspaces(self) -> list[str]:
        return list(self._pages)

    def navigate(self, target: str, **kwargs: Any) -> None:
        names = self._names()
        if target not in names:
            return
        self.nav.setCurrentRow(names.index(target))
        page = self._page_at(names.index(target))
        if "complaint_id" in kwargs and hasattr(page, "open_complaint"):
            page.open_complaint(kwargs["complaint_id"])
        elif "customer_id" in kwargs and hasattr(page, "open_customer"):
            page.open_customer(kwargs["customer_id"])

    def current_workspace(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _focus_search(self) -> None:
        page = self.current_workspace()
        if page is not None and hasattr(page, "focus_search"):
            page.focus_search()

    def _log_visit(self) -> None:
        if "visit_queue" in self._names():
            self.navigate("visit_queue")
            self.workspace("visit_queue").log_visit()

    def rebuild_workspaces(self) -> None:
        """Drop the built workspaces and build the current one again (after a language
        switch); the others are built in the new language when next shown."""
        current = self.nav.currentRow()
        names = self._names()
        for name, page in list(self._pages.items()):
            if hasattr(page, "save_layout"):
                page.save_layout()
            row = names.index(name)
            self.stack.insertWidget(row, QWidget(self.stack))
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._show_row(current)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- remembered layout ----
    def _restore_layout(self) -> None:
        geometry = self.ctx.settings.get(opt.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self.restoreState(self.ctx.settings.get(opt.WINDOW_STATE))
        names = self._names()
        last = self.ctx.settings.get(opt.LAST_WORKSPACE)
        if names:
            self.nav.setCurrentRow(names.index(last) if last in names else 0)

    def save_layout(self) -> None:
        self.ctx.settings.set(opt.WINDOW_GEOMETRY, self.saveGeometry())
        self.ctx.settings.set(opt.WINDOW_STATE, self.saveState())
        for page in self._pages.values():
            if hasattr(page, "save_layout"):
                page.save_layout()
        self.ctx.settings.sync()

    def closeEvent(self, event: Any) -> None:
        self.save_layout()
        super().closeEvent(event)

