"""Qt runs offscreen; each test gets a real SQLite profile in tmp_path and its own settings.

`seeded` is a copy of a small branch made by the demo generator (built once per session);
`profile` alone is an empty profile (sign-in starts from one).
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from claimcare_desktop.store.db import open_profile  # noqa: E402

from .demo_profile import build_template, copy_template, demo_seed  # noqa: E402
from .seed import SeedData  # noqa: E402


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("demo_template"))


@pytest.fixture
def profile(request, tmp_path):
    folder = tmp_path / "profile"
    if "seeded" in request.fixturenames:
        copy_template(request.getfixturevalue("demo_template"), folder)
    prof = open_profile(folder)
    yield prof
    prof.close()


@pytest.fixture
def seeded(profile) -> SeedData:
    return demo_seed(profile)


@pytest.fixture
def settings(tmp_path, qapp):
    from claimcare_desktop.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def runner(qapp):
    from claimcare_desktop.ui.tasks import TaskRunner

    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def make_ctx(profile, settings, runner):
    from claimcare_desktop.ui.changes import ChangeBus
    from claimcare_desktop.ui.context import AppContext

    def make(user):
        return AppContext(profile, user, runner, ChangeBus(), settings)

    return make
