"""Small widget helpers shared by the shell's screens."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from .labels import label


def fill_combo(combo: QComboBox, kind: str, values: Iterable[str],
               any_text: str | None = None) -> QComboBox:
    """Items showing `label(kind, code)` with the code as data; `any_text` adds a None item."""
    combo.clear()
    if any_text is not None:
        combo.addItem(any_text, None)
    for code in values:
        combo.addItem(label(kind, code), code)
    return combo
