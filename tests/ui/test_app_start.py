"""The start-up path of `claimcare-desktop gui`: driven like a user would, the profile opened
behind the sign-in dialog, and the full database check in the background."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from claimcare_desktop.cli import build_parser
from claimcare_desktop.store.db import DatabaseDamaged, damage_reported, open_profile
from claimcare_desktop.store.paths import database_file
from claimcare_desktop.ui import profile_recovery
from claimcare_desktop.ui.app import sign_in_while_opening
from claimcare_desktop.ui.database_check import DatabaseCheck
from claimcare_desktop.ui.i18n import Translations
from claimcare_desktop.ui.profile_opening import ProfileOpening, ProfileWhenOpen
from claimcare_desktop.ui.sign_in import credentials

from ..store.test_profile_file import overwrite_page, profile_with_rows
from .demo_profile import copy_template, demo_seed

DRIVER = Path(__file__).with_name("start_driver.py")


def test_gui_command_options():
    args = build_parser().parse_args(["gui", "--profile", "/p", "--hq", "http://h:1", "--lang",
                                      "en", "--user", "bj01.mgr1"])
    assert (args.profile, args.hq, args.lang, args.user) == ("/p", "http://h:1", "en", "bj01.mgr1")


def _remember_offline(folder: Path, password: str):
    profile = open_profile(folder)
    manager = demo_seed(profile).manager
    credentials.remember(profile, password, {
        "id": manager.id, "username": manager.username, "display_name": manager.display_name,
        "role": manager.role, "branch_id": manager.branch_id},
        {"id": manager.branch_id, "code": "x", "name": manager.branch_name})
    profile.close()
    return manager


def test_start_sign_in_offline_and_reach_the_main_window(tmp_path, demo_template):
    folder = copy_template(demo_template, tmp_path / "profile")
    manager = _remember_offline(folder, "pw-123456")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, str(DRIVER), str(folder), manager.username, "pw-123456"],
                          capture_output=True, text=True, env=env, timeout=60,
                          cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert manager.display_name in seen["title"]
    assert seen["state"] == "离线"
    assert seen["nav"][0] == "回访队列"
    assert list((tmp_path / "state").rglob("claimcare-desktop.log"))


def _widget(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_background_check_reports_a_damaged_page_and_keeps_the_file(qtbot, tmp_path, qapp):
    path = profile_with_rows(tmp_path)
    overwrite_page(path, page_from_end=20)
    open_profile(tmp_path).close()  # the cheap check at open lets it through
    translations = Translations()
    translations.install("zh_CN")
    try:
        check = DatabaseCheck(path, _widget(qtbot))
        with qtbot.waitSignal(check.sig_finished, timeout=30_000) as finished:
            check.start()
        found = finished.args[0]
        assert found and "ok" != found
        assert check.message.isVisible() and check.message.objectName() == "database_damage_found"
        assert check.message.text().startswith("ClaimCare 检查了本地数据库")
        assert str(path) in check.message.informativeText()
        assert check.message.detailedText() == found
    finally:
        translations.install("en")
    check.stop()
    assert path.exists() and damage_reported(path)  # nothing deleted
    with pytest.raises(DatabaseDamaged):  # and the next start offers to put it aside
        open_profile(tmp_path)


def test_the_background_check_of_a_sound_file_says_nothing(qtbot, tmp_path, qapp):
    path = profile_with_rows(tmp_path, rows=50)
    check = DatabaseCheck(path, _widget(qtbot))
    with qtbot.waitSignal(check.sig_finished, timeout=30_000) as finished:
        check.start()
    assert finished.args == [None]
    assert check.message is None and not damage_reported(path)
    check.stop()


def _sign_in_while_opening(qtbot, folder, runner, settings, until):
    """Run the start-up's sign-in step; close the dialog once `until(opening)` holds."""
    opening = ProfileOpening(folder, runner)

    def close_when_done():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if w.objectName() == "sign_in_dialog" and w.isVisible()), None)
        if dialog is not None and until(opening):
            dialog.reject()
        else:
            QTimer.singleShot(20, close_when_done)

    QTimer.singleShot(0, close_when_done)
    assert sign_in_while_opening(opening, runner, settings, None, None) is None
    return opening


def test_a_damaged_file_is_reported_over_the_sign_in_dialog(qtbot, tmp_path, runner, settings,
                                                             monkeypatch):
    database_file(tmp_path).write_bytes(b"garbage" * 300)
    asked = []
    monkeypatch.setattr(profile_recovery, "ask_to_move_aside",
                        lambda error, folder, parent=None: asked.append((error, parent)) or True)
    opening = _sign_in_while_opening(qtbot, tmp_path, runner, settings,
                                     lambda opening: opening.profile is not None)
    try:
        [(error, parent)] = asked
        assert isinstance(error, DatabaseDamaged) and "not a database" in error.detail
        assert parent.objectName() == "sign_in_dialog"
        kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
        assert len(kept) == 1 and kept[0].read_bytes().startswith(b"garbage")
    finally:
        opening.profile.close()


def test_the_profile_opens_behind_the_sign_in_dialog(qtbot, tmp_path, demo_template, runner,
                                                     settings):
    folder = copy_template(demo_template, tmp_path / "profile")
    opening = _sign_in_while_opening(qtbot, folder, runner, settings,
                                     lambda opening: opening.profile is not None)
    try:
        assert ProfileWhenOpen(opening).database_path == database_file(folder)
        assert opening.error is None
    finally:
        opening.profile.close()
