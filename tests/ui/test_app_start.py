"""The whole start-up path of `claimcare-desktop gui`, driven like a user would."""
import json
import os
import subprocess
import sys
from pathlib import Path

from claimcare_desktop.cli import build_parser
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.ui.sign_in import credentials

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
