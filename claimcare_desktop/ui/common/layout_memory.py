"""Remembering a workspace's splitters and column widths between runs (QSettings)."""
from __future__ import annotations

from PySide6.QtCore import QByteArray

from ..context import AppContext
from ..settings import Option


def _option(workspace: str, key: str) -> Option[QByteArray]:
    return Option(f"layout/{workspace}/{key}", QByteArray, QByteArray())


class LayoutMemory:
    """`parts` are widgets with saveState()/restoreState(): splitters, header views."""

    def __init__(self, ctx: AppContext, workspace: str, parts: dict) -> None:
        self._settings = ctx.settings
        self._workspace = workspace
        self._parts = parts

    def restore(self) -> None:
        for key, part in self._parts.items():
            state = self._settings.get(_option(self._workspace, key))
            if not state.isEmpty():
                part.restoreState(state)

    def save(self) -> None:
        for key, part in self._parts.items():
            self._settings.set(_option(self._workspace, key), part.saveState())
