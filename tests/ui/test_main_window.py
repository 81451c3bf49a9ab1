from claimcare_desktop.ui.main_window import MainWindow
from claimcare_desktop.ui.workspaces import WORKSPACES, WorkspaceEntry


def test_missing_workspace_module_is_skipped():
    assert WorkspaceEntry("nothing", "claimcare_desktop.ui.nothing_here.workspace").load() is None
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
