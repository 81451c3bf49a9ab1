"""A hand-made branch (tests/ui/seed.py: known names, phones and claim numbers) with the
search keys every PC derives, for tests that look for particular customers."""
from __future__ import annotations

import pytest

from claimcare_desktop.store.derived import refresh_search_keys
from tests.ui.seed import SeedData, seed_profile


@pytest.fixture
def handmade(profile) -> SeedData:
    data = seed_profile(profile)
    with profile.engine.begin() as conn:
        refresh_search_keys(conn)
    return data
