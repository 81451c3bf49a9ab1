"""The registry of workspaces, in navigation order.

Each workspace lives in `ui/<name>/workspace.py` and defines `Workspace(ctx, parent=None)`
(a QWidget with `nav_title()`, `refresh()`, optionally `open_customer(customer_id)` and
`open_complaint(complaint_id)`). Modules are imported only when the main window is
built, and a workspace whose module does not exist yet is skipped.
"""
from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkspaceEntry:
    name: str
    module: str
    supervisor_only: bool = False

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


WORKSPACES: tuple[WorkspaceEntry, ...] = (
    WorkspaceEntry("visit_queue", "claimcare_desktop.ui.visit_queue.workspace"),
    WorkspaceEntry("care_profile", "claimcare_desktop.ui.care_profile.workspace"),
    WorkspaceEntry("complaints", "claimcare_desktop.ui.complaints.workspace"),
    WorkspaceEntry("dashboard", "claimcare_desktop.ui.dashboard.workspace"),
    WorkspaceEntry("export", "claimcare_desktop.ui.export.workspace"),
)


def available_workspaces() -> list[tuple[WorkspaceEntry, type[QWidget]]]:
    found = []
    for entry in WORKSPACES:
        cls = entry.load()
        if cls is not None:
            found.append((entry, cls))
    return found
