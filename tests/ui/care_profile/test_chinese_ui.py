"""The three workspaces of this area show no untranslated English when Chinese is chosen."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QTabWidget, QTableView

from claimcare_desktop.ui.care_profile.workspace import Workspace as CareProfile
from claimcare_desktop.ui.complaints.workspace import Workspace as Complaints
from claimcare_desktop.ui.dashboard.workspace import Workspace as Dashboard
from claimcare_desktop.ui.i18n import Translations

ENGLISH_WORD = re.compile(r"[A-Za-z][a-z]{2,}")  # words, not claim numbers like CCSH01...
ALLOWED = {"Ctrl", "Shift"}


@pytest.fixture
def chinese(qapp):
    translations = Translations()
    translations.install("zh_CN")
    yield
    translations.install("en")


def visible_texts(widget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    texts += [w.placeholderText() for w in widget.findChildren(QLineEdit)]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for view in widget.findChildren(QTableView):
        model = view.model()
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    return texts + [widget.nav_title()]


@pytest.mark.parametrize("workspace", [CareProfile, Complaints, Dashboard])
def test_every_visible_text_is_chinese(qtbot, chinese, seeded, make_ctx, workspace):
    ws = workspace(make_ctx(seeded.supervisor))
    qtbot.addWidget(ws)
    qtbot.wait(300)  # let the first loads fill combos and captions
    english = [t for t in visible_texts(ws) if set(ENGLISH_WORD.findall(t)) - ALLOWED]
    assert english == []
