"""Every piece of text a user can see in a widget tree (for the translation checks)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# Words kept in English in the Chinese UI, and data that is not UI text.
ALLOWED_WORDS = {"KPI", "VIP", "App", "HQ", "ID", "SLA", "Excel", "WeChat", "English", "PDF",
                 "Ctrl", "Shift", "Alt", "Esc"}
_DATA = re.compile(r"https?://\S+|[\w.-]*\d[\w.-]*|&\w|%\d|%n")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _english_word(word: str) -> bool:
    # Short lowercase tokens are pinyin initials in examples ("zw" finds 张伟), not English.
    return word not in ALLOWED_WORDS and not (word.islower() and len(word) <= 3)


def untranslated(text: str) -> bool:
    """Text that still reads as English: a Latin word that is neither data nor allowed."""
    stripped = _DATA.sub(" ", text or "")
    return any(_english_word(word) for word in _WORD.findall(stripped))


def _headers(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for section in range(model.columnCount()):
        yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")


def _own_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text()
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QListWidget):
        yield from _headers(widget)
    if isinstance(widget, QMenu):
        yield widget.title()
    for action in widget.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""


def _inside(widget: QWidget, skip: tuple[QWidget, ...]) -> bool:
    return any(widget is s or s.isAncestorOf(widget) for s in skip)


def visible_texts(root: QWidget, skip: tuple[QWidget, ...] = ()) -> Iterator[tuple[str, str]]:
    """(where, text) for `root` and every descendant widget not inside `skip`."""
    for widget in [root, *root.findChildren(QWidget)]:
        if _inside(widget, skip):
            continue
        where = f"{type(widget).__name__}:{widget.objectName() or '?'}"
        for text in _own_texts(widget):
            if text:
                yield where, text


def english_left(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[tuple[str, str]]:
    return sorted({(w, t) for w, t in visible_texts(root, skip) if untranslated(t)})
