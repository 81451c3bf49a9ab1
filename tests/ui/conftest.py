"""Qt runs offscreen; each test gets a real SQLite profile in tmp_path and its own settings."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from claimcare_desktop.store.db import open_profile  # noqa: E402

from .seed import SeedData, seed_profile  # noqa: E402


@pytest.fixture
def profile(tmp_path):
    prof = open_profile(tmp_path / "profile")
    yield prof
    prof.close()


@pytest.fixture
def seeded(profile) -> SeedData:
    return seed_profile(profile)


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
