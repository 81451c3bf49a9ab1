"""The main window's modules, imported on the database lane while the user signs in.

Imported after the click on "Sign in", the shell and its first workspace (with the store
code they use and Qt's enums they touch) hold the main window back by about 0.1 s; the
user spends seconds typing, so they are imported then, after the profile's open on the
same lane. Importing is all this does: no widget is made off the GUI thread. Should an
import fail here, it fails again where the main window needs the module, and is shown
there.
"""
from __future__ import annotations

import importlib
import logging

from .settings import LAST_WORKSPACE, Settings
from .tasks import Task, TaskRunner, TaskState
from .workspaces import WORKSPACES

log = logging.getLogger(__name__)

SHELL_MODULE = "claimcare_desktop.ui.shell"


def main_window_modules(settings: Settings) -> list[str]:
    """The shell and the workspace the main window shows first (the last one used)."""
    last = settings.get(LAST_WORKSPACE)
    first = next((e for e in WORKSPACES if e.name == last), WORKSPACES[0])
    return [SHELL_MODULE, first.module]


def preload_main_window(tasks: TaskRunner, settings: Settings) -> Task:
    modules = main_window_modules(settings)

    def load(_state: TaskState) -> None:
        for name in modules:
            importlib.import_module(name)
        # the keyring's backend discovery (0.1-0.3 s) would otherwise wait for the click
        from claimcare_desktop.sync.token_store import usable_keyring

        usable_keyring()

    return tasks.run_db(load, on_error=lambda error: log.warning("preloading failed: %s", error))
