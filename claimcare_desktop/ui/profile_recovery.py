"""Opening the profile at start, and what to do when its database cannot be used.

A damaged or incompatible database is never deleted: it is renamed aside (with its WAL
and shared-memory files) so that support can still look at it, and a fresh database
is created, to be filled again by the next sync.
"""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from claimcare_desktop.store.damage import DAMAGE_FOUND_SUFFIX, DatabaseDamaged
from claimcare_desktop.store.paths import database_file

if TYPE_CHECKING:
    from claimcare_desktop.store.db import Profile

log = logging.getLogger(__name__)


def move_aside(profile_dir: Path, now: datetime | None = None) -> Path:
    """Rename the database files (and a damage report beside them) to
    `<name>.damaged-<time>`; returns the new database path."""
    path = database_file(profile_dir)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm", DAMAGE_FOUND_SUFFIX):
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.rename(target.with_name(target.name + suffix))
    return target


def _problem_text(error: Exception) -> str:
    if isinstance(error, DatabaseDamaged):
        return QCoreApplication.translate(
            "ProfileRecovery",
            "The local database of this profile is damaged and cannot be opened.")
    return QCoreApplication.translate(
        "ProfileRecovery",
        "The local database of this profile has a structure this version cannot use.")


def _advice(profile_dir: Path) -> str:
    return QCoreApplication.translate(
        "ProfileRecovery",
        "ClaimCare can put the file aside (nothing is deleted) and start with an empty "
        "database, which the next sync fills again from HQ. Changes not yet synced stay "
        "in the old file for support to recover.\n\nFolder: %1").replace("%1", str(profile_dir))


def ask_to_move_aside(error: Exception, profile_dir: Path, parent: QWidget | None = None) -> bool:
    title = QCoreApplication.translate("ProfileRecovery", "Cannot open the database")
    box = QMessageBox(QMessageBox.Icon.Critical, title, _problem_text(error), parent=parent)
    box.setObjectName("database_problem")
    box.setInformativeText(_advice(profile_dir))
    box.setDetailedText(str(error))
    move = box.addButton(
        QCoreApplication.translate("ProfileRecovery", "Put it aside and start fresh"),
        QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("ProfileRecovery", "Quit"),
                  QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is move


def recover(error: BaseException, profile_dir: Path, parent: QWidget | None = None) -> bool:
    """After a failed open: ask, and put the file aside when the user agrees.
    True when a fresh open should follow, False when the user chose to quit."""
    log.error("opening profile %s failed", profile_dir, exc_info=error)
    if not ask_to_move_aside(error, profile_dir, parent):
        return False
    moved = move_aside(profile_dir)
    log.warning("moved the unusable database aside to %s", moved)
    return True


def open_or_recover(profile_dir: Path, parent: QWidget | None = None) -> Profile | None:
    """The opened profile, or None when the user chose to quit (opens on this thread)."""
    from claimcare_desktop.store.db import open_profile

    try:
        return open_profile(profile_dir)
    except Exception as error:  # noqa: BLE001 - any failure here is shown, never swallowed
        if not recover(error, profile_dir, parent):
            return None
    return open_profile(profile_dir)
