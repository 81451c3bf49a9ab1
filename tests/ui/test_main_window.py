import pytest

from claimcare_desktop.ui.i18n import Translations
from claimcare_desktop.ui.main_window import MainWindow
from claimcare_desktop.ui.workspaces import WORKSPACES, WorkspaceEntry


def test_missing_workspace_module_is_skipped():
    missing = WorkspaceEntry("nothing", "claimcare_desktop.ui.nothing_here.workspace", "Nothing")
    assert missing.load() is None and not missing.exists()
    assert [e.name for e in WORKSPACES] == [
        "visit_queue", "care_profile", "complaints", "dashboard", "export"]


def test_main_window_shows_registered_workspaces(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.manager)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert len(titles) == window.stack.count()
    assert all(titles)
    assert seeded.manager.display_name in window.windowTitle()


def test_only_the_first_workspace_is_built_until_another_is_shown(qtbot, seeded, make_ctx):
    window = MainWindow(make_ctx(seeded.supervisor))
    qtbot.addWidget(window)
    assert window.built_workspaces() == ["visit_queue"]
    assert window.current_workspace().objectName() == "workspace_visit_queue"
    window.act_workspaces[2].trigger()  # Ctrl+3
    assert window.built_workspaces() == ["visit_queue", "complaints"]
    assert window.current_workspace().objectName() == "workspace_complaints"
    assert window.stack.currentIndex() == 2 and window.stack.count() == len(WORKSPACES)
    window.navigate("visit_queue")
    assert window.current_workspace() is window.workspace("visit_queue")
    assert window.stack.indexOf(window.workspace("export")) == 4
    assert window.built_workspaces() == ["visit_queue", "complaints", "export"]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_navigation_titles_match_the_workspaces_own(qtbot, seeded, make_ctx, language):
    translations = Translations()
    translations.install(language)
    try:
        window = MainWindow(make_ctx(seeded.supervisor))
        qtbot.addWidget(window)
        for row, entry in enumerate(WORKSPACES):
            assert window.nav.item(row).text() == window.workspace(entry.name).nav_title()
    finally:
        translations.install("en")
