"""The registry of workspaces, in navigation order.

Each workspace lives in `ui/<name>/workspace.py` and defines `Workspace(ctx, parent=None)`
(a QWidget with `nav_title()`, `refresh()`, optionally `open_customer(customer_id)` and
`open_complaint(complaint_id)`). The main window imports a workspace's module and builds
it only when it is first shown (its title comes from here, so the navigation needs no
import); a workspace whose module does not exist yet is skipped.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkspaceEntry:
    name: str
    module: str
    title: str  # the English of the Workspace's own nav_title(), translated by its area
    supervisor_only: bool = False

    def nav_title(self) -> str:
        """The translated title, without importing the module (same text as `nav_title()`)."""
        return QCoreApplication.translate(TITLE_CONTEXT, self.title)

    def exists(self) -> bool:
        """Whether the module is there, found without running it."""
        try:
            return importlib.util.find_spec(self.module) is not None
        except ModuleNotFoundError:
            return False

    def load(self) -> type[QWidget] | None:
        """The Workspace class, or None when its module is not written yet."""
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as exc:
            if exc.name and self.module.startswith(exc.name):
                log.info("workspace %s not available (%s)", self.name, exc.name)
                return None
            raise
        return getattr(module, "Workspace")


TITLE_CONTEXT = "Workspace"  # every workspace class is called Workspace: its tr() context

# Titles are not marked for lupdate here: each workspace's area translates its own.
WORKSPACES: tuple[WorkspaceEntry, ...] = (
    WorkspaceEntry("visit_queue", "claimcare_desktop.ui.visit_queue.workspace", "Visit queue"),
    WorkspaceEntry("care_profile", "claimcare_desktop.ui.care_profile.workspace", "Care profile"),
    WorkspaceEntry("complaints", "claimcare_desktop.ui.complaints.workspace", "Complaints"),
    WorkspaceEntry("dashboard", "claimcare_desktop.ui.dashboard.workspace", "Dashboard"),
    WorkspaceEntry("export", "claimcare_desktop.ui.export.workspace", "Export"),
)


def present_workspaces() -> list[WorkspaceEntry]:
    """The registered workspaces whose module exists, none of them imported."""
    return [entry for entry in WORKSPACES if entry.exists()]


def available_workspaces() -> list[tuple[WorkspaceEntry, type[QWidget]]]:
    found = []
    for entry in WORKSPACES:
        cls = entry.load()
        if cls is not None:
            found.append((entry, cls))
    return found
